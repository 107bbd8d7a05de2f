import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

/** One picked item: its kind and id. Checked against what the person may read on every write. */
export interface SessionPrepPick {
  kind: string;
  id: string;
}

/**
 * A person's notes for their next session with a therapist, and the shared items they chose to
 * bring. One current prep per person, private to them (never shared, never read by the partner).
 * The picks are only references: their content is read at read time, through the same visibility
 * rule as every read, so an item made private again drops out quietly.
 */
export const sessionPreps = pgTable('session_preps', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  topics: text('topics').notNull().default(''),
  questions: text('questions').notNull().default(''),
  picks: jsonb('picks').$type<SessionPrepPick[]>().notNull().default([]),
  /** Bumped on every save; the ETag for If-Match. */
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
