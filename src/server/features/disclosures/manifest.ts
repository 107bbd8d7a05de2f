import { sql } from 'drizzle-orm';
import { disclosures, memberships } from '#server/db/schema/index.ts';
import { itemPart, type FeatureManifest } from '#server/policy/manifest.ts';
import { visibleItems } from '#server/policy/rules.ts';
import { disclosuresExportPart } from './export-part';
import { disclosureItem } from './service';

/**
 * Sealed disclosures, as the whole sees them. Not a shareable kind of the union (session prep,
 * the therapist's workspace): a disclosure is between the two partners. It carries comments once
 * its reader has opened it, and not before, so nothing of its words can reach them through a
 * thread or a quote (decision 0060).
 */
export const disclosuresManifest: FeatureManifest = {
  name: 'disclosures',
  exportPart: disclosuresExportPart,
  tables: [disclosures],
  commentable: [
    {
      kind: 'disclosure',
      title: 'Sealed disclosure',
      find: (actor, itemId) => sql`select ${disclosures.id} as id,
          ${disclosures.authorId} as author_id, ${disclosures.spaceId} as space_id,
          true as for_partner, false as for_therapist,
          json_build_object('body', ${disclosures.body}) as body
        from ${disclosures}
        where ${disclosures.id} = ${itemId} and ${visibleItems(actor, disclosureItem)}
          and ${disclosures.openedAt} is not null`,
      readers: (itemId) => sql`
        select ${disclosures.authorId} as user_id, 'author'::text as role from ${disclosures}
          where ${disclosures.id} = ${itemId} and ${disclosures.openedAt} is not null
        union all
        select m.user_id, 'partner'::text from ${disclosures}
          join ${memberships} am on am.space_id = ${disclosures.spaceId}
            and am.user_id = ${disclosures.authorId} and am.left_at is null
          join ${memberships} m on m.space_id = ${disclosures.spaceId}
            and m.user_id <> ${disclosures.authorId} and m.left_at is null
          where ${disclosures.id} = ${itemId} and ${disclosures.openedAt} is not null
            and ${disclosures.sharedAt} >= greatest(am.joined_at, m.joined_at)`,
      parts: (body) => [itemPart('body', body?.body)].filter((p) => p.text.trim() !== ''),
    },
  ],
  tests: { canary: 'disclosures', authz: 'disclosures' },
};
