import { bigint, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

/**
 * Every time a therapist opens a partner's item. Append-only and tamper-evident: each entry
 * carries the hash of the one before it (`prev_hash`), and `npm run access-log:verify` walks the
 * chain. Rows hold no content, only which item, whose, and when. No foreign keys, so erasing an
 * account can never silently rewrite the chain.
 */
export const accessLog = pgTable(
  'access_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    therapistId: uuid('therapist_id').notNull(),
    spaceId: uuid('space_id').notNull(),
    itemKind: text('item_kind').notNull(),
    itemId: uuid('item_id').notNull(),
    authorId: uuid('author_id').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('access_log_by_author').on(t.authorId, t.seq)],
);
