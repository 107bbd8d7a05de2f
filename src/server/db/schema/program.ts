import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { spaces, users } from './core';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A person's own marks on the map ("I've spent time on this", "I'd like to come back to this").
 * Private to them, in any space or none; never shown to the partner.
 */
export const programMarks = pgTable(
  'program_marks',
  {
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    exerciseKey: text('exercise_key').notNull(),
    /** spent_time · come_back */
    mark: text('mark').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'program_marks_pk', columns: [t.authorId, t.exerciseKey] })],
);

/**
 * The couple's pace: the phase whose joint exercises are open. It belongs to the couple that was
 * together since `couple_since`; for any other couple in the same space it reads as phase 1.
 */
export const programPace = pgTable('program_pace', {
  spaceId: uuid('space_id')
    .primaryKey()
    .references(() => spaces.id, { onDelete: 'cascade' }),
  phase: integer('phase').notNull().default(1),
  coupleSince: at('couple_since').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** "I'm ready to go on to phase N": one live choice per person; cleared when the phase changes. */
export const programReady = pgTable(
  'program_ready',
  {
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    phase: integer('phase').notNull(),
    chosenAt: at('chosen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'program_ready_pk', columns: [t.spaceId, t.userId] })],
);

/**
 * Every change of the couple's phase, with who made it and when. The API gives the when, never
 * the who (decision 0016).
 */
export const programPhaseChanges = pgTable(
  'program_phase_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    fromPhase: integer('from_phase').notNull(),
    toPhase: integer('to_phase').notNull(),
    changedAt: at('changed_at').notNull().defaultNow(),
  },
  (t) => [index('program_phase_changes_by_space').on(t.spaceId, t.changedAt)],
);

/** Each time a phase opened for a couple (both chose it): milestones for the progress page. */
export const programPhaseOpenings = pgTable(
  'program_phase_openings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    phase: integer('phase').notNull(),
    openedAt: at('opened_at').notNull().defaultNow(),
  },
  (t) => [index('program_phase_openings_by_space').on(t.spaceId, t.openedAt)],
);
