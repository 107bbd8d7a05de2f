import { sql } from 'drizzle-orm';
import { contactLogEntries, contactLogVersions } from '#server/db/schema/index.ts';
import { itemPart, partnerSharedNews, type FeatureManifest } from '#server/policy/manifest.ts';

const e = contactLogEntries;

/**
 * The contact log, as the whole sees it: every entry is a shared item of kind `contact_log`
 * (its newest wording), so it carries comments, reaches session prep and counts as Today news
 * for the partner. It is never shared with a therapist by itself.
 */
export const contactLogManifest: FeatureManifest = {
  name: 'contact-log',
  tables: [contactLogEntries, contactLogVersions],
  shareable: [
    {
      kind: 'contact_log',
      title: 'Contact log entry',
      table: contactLogEntries,
      therapist: false,
      comments: true,
      branch: ({ where, body }) => sql`select 'contact_log'::text, ${e.id}, ${e.authorId},
          ${e.spaceId}, ${e.sharedAt}, null::text, null::text, null::timestamptz,
          ${body(sql`json_build_object('kind', ${e.kind}, 'occurredOn', ${e.occurredOn}::text,
            'how', ${e.how}, 'whatWasSaid', ${e.whatWasSaid}, 'note', ${e.note})`)}
        from ${e}
        where ${where}`,
      present: (row) => ({
        title: row.title,
        parts: ['occurredOn', 'how', 'whatWasSaid', 'note'].map((k) => itemPart(k, row.body?.[k])),
      }),
    },
  ],
  news: [partnerSharedNews('contact_log', contactLogEntries)],
  tests: { canary: 'contact-log', authz: 'contact-log' },
};
