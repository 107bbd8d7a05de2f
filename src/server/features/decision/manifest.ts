import { and, sql } from 'drizzle-orm';
import {
  decisionRecordVersions,
  decisionRecords,
  decisionReflections,
} from '#server/db/schema/index.ts';
import { itemPart, partnerSharedNews, type FeatureManifest } from '#server/policy/manifest.ts';
import { decisionExportPart } from './export-part';

const r = decisionReflections;
/** A leaning in words (session prep prints it); never user content. */
const LEANING_WORDS: Record<string, string> = {
  recommit: 'Recommit',
  separate: 'Separate',
  not_sure: 'Not sure yet',
};

/**
 * The decision reflection, as the whole sees it: a reflection is a shared item (kind `decision`)
 * only while shared, and then only its shared copy; the private draft is in no union, news or
 * milestone.
 */
export const decisionManifest: FeatureManifest = {
  name: 'decision',
  tables: [decisionReflections, decisionRecords, decisionRecordVersions],
  shareable: [
    {
      kind: 'decision',
      title: 'Decision reflection',
      table: decisionReflections,
      therapist: false,
      comments: false,
      branch: ({ where, body }) => sql`select 'decision'::text, ${r.id}, ${r.authorId},
          ${r.spaceId}, ${r.sharedAt}, null::text, null::text, null::timestamptz,
          ${body(sql`json_build_object('leaning', ${r.sharedLeaning}, 'needs', ${r.sharedNeeds},
            'limits', ${r.sharedLimits}, 'ownWords', ${r.sharedOwnWords})`)}
        from ${r}
        where ${and(where, sql`${r.sharedAt} is not null`)}`,
      present: (row) => ({
        title: row.title,
        parts: [
          itemPart('leaning', LEANING_WORDS[String(row.body?.leaning)] ?? ''),
          ...['needs', 'limits', 'ownWords'].map((k) => itemPart(k, row.body?.[k])),
        ],
      }),
    },
  ],
  news: [partnerSharedNews('decision', decisionReflections)],
  exportPart: decisionExportPart,
  tests: { canary: 'decision', authz: 'decision' },
};
