import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

/** A person's own safety settings; nobody else ever reads them. */
export const safetySettings = pgTable('safety_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Which region's support services to show; null means "from my browser's language". */
  region: text('region'),
  /** Show "Notes" and a plain icon in the browser tab instead of the app's name and heart. */
  neutralTab: boolean('neutral_tab').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * That a person has taken the private safety screen, and when. Deliberately nothing else: the
 * answers and the result are shown once, to them, and never stored (decision 0017).
 */
export const safetyScreens = pgTable('safety_screens', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
});
