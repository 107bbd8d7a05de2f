import { sql } from 'drizzle-orm';
import {
  apologies,
  apologyAcknowledgements,
  apologyCommitments,
  apologyFollowThroughs,
  apologyVersions,
} from '#server/db/schema/index.ts';
import { itemPart, partnerSharedNews, type FeatureManifest } from '#server/policy/manifest.ts';
import { APOLOGY_PARTS } from '#shared/schemas/apology.ts';
import { apologyExportPart } from './export-part';

/** The apology and its commitments, as the whole sees them. */
export const apologyManifest: FeatureManifest = {
  exportPart: apologyExportPart,
  name: 'apology',
  tables: [
    apologies,
    apologyVersions,
    apologyCommitments,
    apologyFollowThroughs,
    apologyAcknowledgements,
  ],
  shareable: [
    {
      kind: 'apology',
      title: 'Apology',
      table: apologies,
      therapist: false,
      comments: true,
      // What a reader gets is the latest sent version, never the working draft.
      branch: ({ where, body }) => sql`select 'apology'::text, ${apologies.id},
          ${apologies.authorId}, ${apologies.spaceId}, latest.sent_at, null::text,
          null::text, null::timestamptz,
          ${body(sql`json_build_object('whatIDid', latest.what_i_did, 'harm', latest.harm,
            'responsibility', latest.responsibility, 'regret', latest.regret,
            'change', latest.change, 'repair', latest.repair,
            'forgiveness', latest.forgiveness)`)}
        from ${apologies}
        join lateral (select v.sent_at, v.what_i_did, v.harm, v.responsibility, v.regret,
            v.change, v.repair, v.forgiveness
          from ${apologyVersions} v
          where v.apology_id = ${apologies.id}
          order by v.number desc limit 1) as latest on true
        where ${where}`,
      present: (row) => ({
        title: row.title,
        parts: APOLOGY_PARTS.map((k) => itemPart(k, row.body?.[k])),
      }),
    },
  ],
  news: [partnerSharedNews('apology', apologies)],
  tests: { canary: 'apology', authz: 'apology' },
};
