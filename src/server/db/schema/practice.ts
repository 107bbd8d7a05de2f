import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { spaces, users } from './core';
import { therapistLinks } from './therapist';

const moment = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A therapist's own notes about a couple. Partners never read them. They stay the therapist's
 * when the link ends (`link_id` survives the link; the couple's context does not).
 */
export const therapistNotes = pgTable(
  'therapist_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    therapistId: uuid('therapist_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    linkId: uuid('link_id').references(() => therapistLinks.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: moment('created_at').notNull().defaultNow(),
    updatedAt: moment('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('therapist_notes_by_therapist').on(t.therapistId, t.createdAt)],
);

/** An exercise the couple's therapist suggests; the program map shows it while the link is active. */
export const therapistSuggestions = pgTable(
  'therapist_suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    linkId: uuid('link_id')
      .notNull()
      .references(() => therapistLinks.id, { onDelete: 'cascade' }),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    exerciseSlug: text('exercise_slug').notNull(),
    /** A short word from the therapist on why; shown to both partners. */
    note: text('note').notNull().default(''),
    createdAt: moment('created_at').notNull().defaultNow(),
    withdrawnAt: moment('withdrawn_at'),
  },
  (t) => [
    index('therapist_suggestions_open_by_space')
      .on(t.spaceId)
      .where(sql`${t.withdrawnAt} is null`),
  ],
);
