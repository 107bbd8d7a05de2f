import { sql } from 'drizzle-orm';
import {
  meaningFactors,
  meaningSharedStories,
  meaningSharedStoryAcceptances,
  meaningSharedStoryVersions,
  meaningStories,
  meaningStoryVersions,
  memberships,
} from '#server/db/schema/index.ts';
import type { CommentableKind } from '#server/policy/commentable.ts';
import { coAuthoredCommentable } from '#server/policy/co-authored.ts';
import { itemPart, partnerSharedNews, type FeatureManifest } from '#server/policy/manifest.ts';
import { partnerRows, rowsOf, spaceRows, visibleItems } from '#server/policy/rules.ts';
import { sharedWithPartnerSql } from '#server/policy/visibility.ts';
import { meaningExportPart } from './export-part';
import { SHARED_STORY } from './shared-service';

/**
 * The meaning story as a thing that carries comments (issue 12): found through `visibleItems`,
 * so its author and, once it is shared, the partner may read and write them — on the words the
 * partner read (its latest shared version), never on the private draft.
 */
const storyCommentable: CommentableKind = {
  kind: 'meaning-story',
  title: 'Meaning story',
  find: (
    actor,
    itemId,
  ) => sql`select ${meaningStories.id} as id, ${meaningStories.authorId} as author_id,
      ${meaningStories.spaceId} as space_id, ${sharedWithPartnerSql(meaningStories.visibility)} as for_partner,
      false as for_therapist, json_build_object('text', latest.text) as body
    from ${meaningStories}
    join lateral (select ${meaningStoryVersions.text} as text from ${meaningStoryVersions} where ${meaningStoryVersions.storyId} = ${meaningStories.id}
      order by ${meaningStoryVersions.number} desc limit 1) as latest on true
    where ${meaningStories.id} = ${itemId} and ${visibleItems(actor, meaningStories)}`,
  readers: (itemId) => sql`
    select ${meaningStories.authorId} as user_id, 'author'::text as role from ${meaningStories} where ${meaningStories.id} = ${itemId}
    union all
    select m.user_id, 'partner'::text from ${meaningStories}
      join ${memberships} am on am.space_id = ${meaningStories.spaceId} and am.user_id = ${meaningStories.authorId}
        and am.left_at is null
      join ${memberships} m on m.space_id = ${meaningStories.spaceId} and m.user_id <> ${meaningStories.authorId}
        and m.left_at is null
      where ${meaningStories.id} = ${itemId} and ${sharedWithPartnerSql(meaningStories.visibility)}
        and ${meaningStories.sharedAt} >= greatest(am.joined_at, m.joined_at)`,
  parts: (body) => [itemPart('text', body?.text)].filter((p) => p.text.trim() !== ''),
};

/** The factors map, the meaning stories and the shared story, as the whole sees them. */
export const meaningManifest: FeatureManifest = {
  exportPart: meaningExportPart,
  name: 'meaning',
  tables: [
    meaningFactors,
    meaningStories,
    meaningStoryVersions,
    meaningSharedStories,
    meaningSharedStoryVersions,
    meaningSharedStoryAcceptances,
  ],
  commentable: [
    storyCommentable,
    coAuthoredCommentable(SHARED_STORY, 'meaning-shared-story', 'Our shared story'),
  ],
  // Counted, never quoted: what my partner shared, and changes they saved to our story.
  news: [
    partnerSharedNews('meaning_factor', meaningFactors),
    partnerSharedNews('meaning_story', meaningStories),
    {
      kind: 'meaning_shared_story',
      count: (actor, { since }) => sql`select 'meaning_shared_story'::text as kind,
          count(*)::int as n, max(${meaningSharedStories.updatedAt}) as latest
        from ${meaningSharedStories}
        where ${spaceRows(actor, meaningSharedStories.spaceId)}
          and ${partnerRows(actor, meaningSharedStories.updatedById)}
          and ${meaningSharedStories.updatedAt} > ${since}`,
    },
  ],
  tests: { canary: 'meaning', authz: 'meaning' },
  // History keeps the names of who changed the shared story; an erased person's become "a former partner".
  onErase: async (tx, userId, formerName) => {
    await tx
      .update(meaningSharedStories)
      .set({ updatedByName: formerName })
      .where(rowsOf(meaningSharedStories.updatedById, userId));
    await tx
      .update(meaningSharedStoryVersions)
      .set({ authorName: formerName })
      .where(rowsOf(meaningSharedStoryVersions.authorId, userId));
  },
};
