import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { itemColumns, sharedAtColumn, visibilityCheck } from './item-columns';

/**
 * One filled-in questionnaire (a weekly check-in, or an instrument a clinician loaded). Private to
 * its author unless they share it; the columns follow every authored item (BRIEF §3, decision 0015).
 * `scores` holds what the scoring module computed at the time, with band ids, so the history and
 * the progress page never need to score again.
 */
export const measureResponses = pgTable(
  'measure_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...itemColumns(),
    measureId: text('measure_id').notNull(),
    measureVersion: integer('measure_version').notNull(),
    /** The Monday of the author's local week, as a calendar date. */
    week: date('week', { mode: 'string' }).notNull(),
    /** Item id → the value picked; skipped items are absent. */
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    scores: jsonb('scores').$type<StoredScores>().notNull(),
    /** The band id of the total, or null when too few items were answered to place it. */
    band: text('band'),
    sharedAt: sharedAtColumn(),
    /** When its author last shared it with the couple's therapist; never moves `shared_at`. */
    therapistSharedAt: timestamp('therapist_shared_at', { withTimezone: true }),
    /** Set by the app with millisecond precision, so the history cursor matches it exactly. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    visibilityCheck('measure_responses', t.visibility),
    // History of one measure, newest week first (a backward scan, keyset), and "filled this week?".
    index('measure_responses_author_measure_week').on(
      t.authorId,
      t.measureId,
      t.week,
      t.createdAt,
      t.id,
    ),
    // What a partner shared into this space.
    index('measure_responses_shared_by_space')
      .on(t.spaceId, t.authorId, t.measureId, t.week, t.createdAt, t.id)
      .where(sql`${t.visibility} <> 'private'`),
  ],
);

/** The stored form of a scored response: one entry for the total, one per subscale. */
export interface StoredScore {
  /** Null when too many of its items were skipped to give a fair score. */
  score: number | null;
  band: string | null;
}
export interface StoredScores {
  total: StoredScore;
  subscales: Record<string, StoredScore>;
}
