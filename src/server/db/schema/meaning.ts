import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import {
  coAuthoredAcceptanceColumns,
  coAuthoredAcceptanceKeys,
  coAuthoredItemColumns,
  coAuthoredVersionColumns,
} from './co-authored';
import { itemColumns, sharedAtColumn, visibilityCheck } from './item-columns';

/**
 * Meaning (docs/features/meaning.md): each partner's contributing-factors map, the involved
 * partner's meaning story with its shared versions, and the story the couple writes together
 * (co-authored). Factors and stories carry the item columns, so `visibleItems` and `ownItems`
 * scope every query; none of them is ever shared with a therapist.
 */

const at = (name: string) => timestamp(name, { withTimezone: true });
const PRIVATE_OR_PARTNER = ['private', 'partner'] as const;

/** One entry of a person's map: a private draft until its author shares it. */
export const meaningFactors = pgTable(
  'meaning_factors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...itemColumns(),
    sharedAt: sharedAtColumn(),
    area: text('area').notNull(),
    text: text('text').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    visibilityCheck('meaning_factors', t.visibility, PRIVATE_OR_PARTNER),
    index('meaning_factors_author_idx').on(t.authorId, t.createdAt, t.id),
    // What a partner shared in this space: only shared rows are in it, so the partner's list
    // never walks past private drafts.
    index('meaning_factors_shared_idx')
      .on(t.spaceId, t.authorId, t.createdAt, t.id)
      .where(sql`${t.sharedAt} is not null`),
  ],
);

/**
 * A person's meaning story in a space: the working draft here, always private; what the partner
 * reads is in `meaning_story_versions`, one row each time the writer shares a changed draft.
 */
export const meaningStories = pgTable(
  'meaning_stories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...itemColumns(),
    sharedAt: sharedAtColumn(),
    text: text('text').notNull().default(''),
    /** Bumped on every change of the draft; the ETag for If-Match. */
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    visibilityCheck('meaning_stories', t.visibility, PRIVATE_OR_PARTNER),
    // One story per person per space (nulls distinct: a story is always written in a space).
    unique('meaning_stories_author_space_key').on(t.authorId, t.spaceId),
  ],
);

/** A story as it was shared. Never changed; read through the story's own scope. */
export const meaningStoryVersions = pgTable(
  'meaning_story_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storyId: uuid('story_id')
      .notNull()
      .references(() => meaningStories.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    sharedAt: at('shared_at').notNull(),
  },
  (t) => [unique('meaning_story_versions_number_key').on(t.storyId, t.number)],
);

/** The two parts of the story the couple writes together; either may be empty. */
const sharedSections = () => ({
  story: text('story').notNull().default(''),
  differently: text('differently').notNull().default(''),
});

/** The couple's shared story: co-authored, one per set of members (`co-authored.ts`). */
export const meaningSharedStories = pgTable(
  'meaning_shared_stories',
  {
    ...coAuthoredItemColumns(),
    ...sharedSections(),
  },
  (t) => [
    unique('meaning_shared_stories_members_key')
      .on(t.memberOneId, t.memberTwoId)
      .nullsNotDistinct(),
    index('meaning_shared_stories_member_two_idx').on(t.memberTwoId),
  ],
);

export const meaningSharedStoryVersions = pgTable(
  'meaning_shared_story_versions',
  {
    ...coAuthoredVersionColumns('story_id', () => meaningSharedStories.id),
    ...sharedSections(),
  },
  (t) => [unique('meaning_shared_story_versions_key').on(t.itemId, t.version)],
);

/** The core needs an acceptance table; the page does not ask for agreement on a story. */
export const meaningSharedStoryAcceptances = pgTable(
  'meaning_shared_story_acceptances',
  coAuthoredAcceptanceColumns('story_id', () => meaningSharedStories.id),
  (t) => coAuthoredAcceptanceKeys('meaning_shared_story_acceptances', t),
);
