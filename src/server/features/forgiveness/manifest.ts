import { sql } from 'drizzle-orm';
import { forgivenessReflections, forgivenessShares } from '#server/db/schema/index.ts';
import { itemPart, partnerSharedNews, type FeatureManifest } from '#server/policy/manifest.ts';
import { forgivenessExportPart } from './export-part';

const s = forgivenessShares;

/**
 * The forgiveness reflection, as the whole sees it: only a written piece the hurt partner chose to
 * share is a shared item (kind `forgiveness`). The guided reflection itself is in no union, no
 * news and no milestone: nothing about it, not even that it exists, reaches anyone else.
 */
export const forgivenessManifest: FeatureManifest = {
  name: 'forgiveness',
  tables: [forgivenessReflections, forgivenessShares],
  shareable: [
    {
      kind: 'forgiveness',
      title: 'Shared reflection on forgiveness',
      table: forgivenessShares,
      therapist: false,
      comments: false,
      branch: ({ where, body }) => sql`select 'forgiveness'::text, ${s.id}, ${s.authorId},
          ${s.spaceId}, ${s.sharedAt}, null::text, null::text, null::timestamptz,
          ${body(sql`json_build_object('reflection', ${s.body})`)}
        from ${s}
        where ${where}`,
      present: (row) => ({
        title: row.title,
        parts: [itemPart('reflection', row.body?.reflection)],
      }),
    },
  ],
  news: [partnerSharedNews('forgiveness', forgivenessShares)],
  exportPart: forgivenessExportPart,
  tests: { canary: 'forgiveness', authz: 'forgiveness' },
};
