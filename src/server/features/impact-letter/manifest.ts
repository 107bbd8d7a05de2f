import { and, isNotNull, isNull, sql } from 'drizzle-orm';
import {
  impactLetterMarks,
  impactLetterReflections,
  impactLetterVersions,
  impactLetters,
} from '#server/db/schema/index.ts';
import { itemPart, partnerSharedNews, type FeatureManifest } from '#server/policy/manifest.ts';
import { othersVisibleItems, ownItems, partnerRows, spaceRows } from '#server/policy/rules.ts';
import { sharedWithPartnerSql } from '#server/policy/visibility.ts';
import { letterDraftsExportPart } from './export-part';

/** Impact letters, the reflections on them and the marks on those, as the whole sees them. */
export const impactLetterManifest: FeatureManifest = {
  exportPart: letterDraftsExportPart,
  name: 'impact-letter',
  tables: [impactLetters, impactLetterVersions, impactLetterReflections, impactLetterMarks],
  shareable: [
    {
      kind: 'letter',
      title: 'Impact letter',
      table: impactLetters,
      therapist: false,
      comments: true,
      // What a reader gets of a letter is its latest shared version, never the working draft.
      branch: ({ where, body }) => sql`select 'letter'::text, ${impactLetters.id},
          ${impactLetters.authorId}, ${impactLetters.spaceId}, latest.published_at, null::text,
          null::text, null::timestamptz,
          ${body(sql`json_build_object('whatHappened', latest.what_happened,
            'howItAffectedMe', latest.how_it_affected_me, 'whatINeedNow', latest.what_i_need_now)`)}
        from ${impactLetters}
        join lateral (select ${impactLetterVersions.publishedAt} as published_at,
            ${impactLetterVersions.whatHappened} as what_happened,
            ${impactLetterVersions.howItAffectedMe} as how_it_affected_me,
            ${impactLetterVersions.whatINeedNow} as what_i_need_now
          from ${impactLetterVersions}
          where ${impactLetterVersions.letterId} = ${impactLetters.id}
          order by ${impactLetterVersions.number} desc limit 1) as latest on true
        where ${where}`,
      present: (row) => ({
        title: row.title,
        parts: ['whatHappened', 'howItAffectedMe', 'whatINeedNow'].map((k) =>
          itemPart(k, row.body?.[k]),
        ),
      }),
    },
    {
      kind: 'letter_reflection',
      title: 'Reflection on an impact letter',
      table: impactLetterReflections,
      therapist: false,
      comments: true,
      branch: ({
        where,
        body,
      }) => sql`select 'letter_reflection'::text, ${impactLetterReflections.id},
          ${impactLetterReflections.authorId}, ${impactLetterReflections.spaceId},
          ${impactLetterReflections.sentAt}, null::text, null::text, null::timestamptz,
          ${body(sql`json_build_object('paraphrase', ${impactLetterReflections.paraphrase},
            'acknowledgement', ${impactLetterReflections.acknowledgement})`)}
        from ${impactLetterReflections}
        where ${and(where, isNotNull(impactLetterReflections.sentAt))}`,
      present: (row) => ({
        title: row.title,
        parts: ['paraphrase', 'acknowledgement'].map((k) => itemPart(k, row.body?.[k])),
      }),
    },
  ],
  news: [
    partnerSharedNews('letter', impactLetters),
    partnerSharedNews('letter_reflection', impactLetterReflections),
    partnerSharedNews('letter_mark', impactLetterMarks),
  ],
  milestones: [
    {
      key: 'letter_shared',
      couple: false,
      first: (actor) =>
        sql`select min(${impactLetters.sharedAt}) from ${impactLetters} where ${ownItems(actor, impactLetters)}`,
    },
    {
      key: 'reflection_sent',
      couple: true,
      first: (
        actor,
      ) => sql`select min(${impactLetterReflections.sentAt}) from ${impactLetterReflections}
          where ${spaceRows(actor, impactLetterReflections.spaceId)} and ${ownItems(actor, impactLetterReflections)}`,
    },
    {
      key: 'felt_understood',
      couple: true,
      // My partner's marks on my reflections, read with the same rule as every shared item.
      first: (actor) => sql`select min(${impactLetterMarks.createdAt}) from ${impactLetterMarks}
          join ${impactLetterReflections} on ${impactLetterReflections.id} = ${impactLetterMarks.reflectionId}
          where ${ownItems(actor, impactLetterReflections)}
            and ${impactLetterMarks.mark} = 'understood'
            and ${othersVisibleItems(actor, impactLetterMarks)}`,
    },
  ],
  queries: {
    myLetterShared: (actor) => sql`exists (select 1 from ${impactLetters}
      where ${and(
        ownItems(actor, impactLetters),
        spaceRows(actor, impactLetters.spaceId),
        isNull(impactLetters.supersededAt),
        sharedWithPartnerSql(impactLetters.visibility),
      )})`,
    myReflectionSent: (actor) => sql`exists (select 1 from ${impactLetterReflections}
      where ${and(ownItems(actor, impactLetterReflections), isNotNull(impactLetterReflections.sentAt))}
        and exists (select 1 from ${impactLetters}
          where ${impactLetters.id} = ${impactLetterReflections.letterId}
            and ${spaceRows(actor, impactLetters.spaceId)}
            and ${partnerRows(actor, impactLetters.authorId)} and ${impactLetters.supersededAt} is null))`,
  },
  tests: { canary: 'impact-letter', authz: 'impact-letter' },
};
