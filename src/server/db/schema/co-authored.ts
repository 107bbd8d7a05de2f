import {
  index,
  integer,
  primaryKey,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { memberships, spaces, users } from './core';

/**
 * The columns of a co-authored, space-owned item (issue 11, item 2): the trigger plan first, and
 * every later item both partners write together. `src/server/policy/co-authored.ts` reads and
 * writes them; a feature adds only its text sections.
 *
 * An item belongs to one set of members (decision 0007, rule 3): the memberships of the people in
 * the space when it was started, the smaller id first (`memberTwoId` is null for a draft written
 * alone). The item row holds the newest text and its version; every save also adds a row to the
 * item's versions table, which is never changed afterwards.
 */
const at = (name: string) => timestamp(name, { withTimezone: true });

export function coAuthoredItemColumns() {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    memberOneId: uuid('member_one_id')
      .notNull()
      .references(() => memberships.id),
    memberTwoId: uuid('member_two_id').references(() => memberships.id),
    version: integer('version').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull(),
    updatedById: uuid('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
    /** The writer's name as it was when they saved, so history never shows a later name. */
    updatedByName: text('updated_by_name').notNull(),
  };
}

/** One saved version: `itemId` is named by the feature (`plan_id` for the trigger plan). */
export function coAuthoredVersionColumns(itemColumn: string, items: () => AnyPgColumn) {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid(itemColumn).notNull().references(items, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    createdAt: at('created_at').notNull(),
  };
}

/**
 * "I accept this exact version": one row per item and membership, holding the version accepted.
 * It counts only while it names the item's version now, so a new version ends every acceptance
 * without a write, and withdrawing deletes the row.
 */
export function coAuthoredAcceptanceColumns(itemColumn: string, items: () => AnyPgColumn) {
  return {
    itemId: uuid(itemColumn).notNull().references(items, { onDelete: 'cascade' }),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    version: integer('version').notNull(),
    acceptedAt: at('accepted_at').notNull(),
  };
}

/** The key and index of an acceptance table, for its third argument. */
export function coAuthoredAcceptanceKeys(
  name: string,
  t: { itemId: AnyPgColumn; membershipId: AnyPgColumn },
) {
  return [
    primaryKey({ name: `${name}_pkey`, columns: [t.itemId, t.membershipId] }),
    index(`${name}_membership_idx`).on(t.membershipId),
  ];
}
