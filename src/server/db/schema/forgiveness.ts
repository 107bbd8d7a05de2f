import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { itemColumns, sharedAtColumn, visibilityCheck } from './item-columns';

/**
 * The forgiveness reflection (docs/features/forgiveness.md). The guided reflection is the hurt
 * partner's alone and can never be shared: its table allows only `private`. What they may choose
 * to share is a separate written piece, one row each time they share.
 */
const at = (name: string) => timestamp(name, { withTimezone: true });

export const forgivenessReflections = pgTable(
  'forgiveness_reflections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...itemColumns(),
    sharedAt: sharedAtColumn(),
    whereIAm: text('where_i_am').notNull().default(''),
    wouldMean: text('would_mean').notNull().default(''),
    wouldNotMean: text('would_not_mean').notNull().default(''),
    whatINeed: text('what_i_need').notNull().default(''),
    /** A draft of words the writer might share one day; private like the rest. */
    toShare: text('to_share').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    visibilityCheck('forgiveness_reflections', t.visibility, ['private']),
    // One reflection per person per space.
    uniqueIndex('forgiveness_reflections_one').on(t.authorId, t.spaceId),
  ],
);

/** A written reflection the hurt partner chose to share: kept as it was sent. */
export const forgivenessShares = pgTable(
  'forgiveness_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...itemColumns(),
    sharedAt: sharedAtColumn(),
    body: text('body').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    visibilityCheck('forgiveness_shares', t.visibility, ['private', 'partner']),
    index('forgiveness_shares_by_space').on(t.spaceId, t.authorId, t.sharedAt),
  ],
);
