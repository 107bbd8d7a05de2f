import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The outbox: work to do after a transaction commits (emails, later reminders). A row is written
 * in the same transaction as the change that needs it, so a rolled-back change leaves no job.
 * Workers claim due rows with `FOR UPDATE SKIP LOCKED`; delivery is at least once, so every
 * effect has a `dedup_key` and a second row for the same key is never inserted (decision 0030).
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    dedupKey: text('dedup_key').notNull(),
    /** What the handler needs; emptied once the job is done, so finished work keeps no details. */
    payload: jsonb('payload'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(10),
    /** A claimed job belongs to its worker until then; after it, another worker may take it. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    deadAt: timestamp('dead_at', { withTimezone: true }),
    /** An error's kind or code only, never its message (which may hold an address). */
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outbox_dedup_key_key').on(t.dedupKey),
    index('outbox_due')
      .on(t.runAt, t.id)
      .where(sql`${t.doneAt} is null and ${t.deadAt} is null`),
  ],
);
