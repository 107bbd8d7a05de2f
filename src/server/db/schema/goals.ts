import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { spaces, users } from './core';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Moving forward (issue 15, item 8). Everything here belongs to one couple in one space: the
 * `couple_since` of a row is when the two people then in the space came together (as the
 * program's pace row), so a later partner never reads what an earlier couple wrote, and the one
 * who stays alone reads nothing joint (decision 0073).
 */
const coupleColumns = () => ({
  spaceId: uuid('space_id')
    .notNull()
    .references(() => spaces.id, { onDelete: 'cascade' }),
  coupleSince: at('couple_since').notNull(),
});

/** Who changed a shared row last, with the name they had then. */
const changeColumns = () => ({
  version: integer('version').notNull().default(1),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedById: uuid('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
  updatedByName: text('updated_by_name').notNull(),
});

/** A goal both partners see; either proposes it, the other says "yes, let's". Set aside, never deleted. */
export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...coupleColumns(),
    title: text('title').notNull(),
    why: text('why').notNull().default(''),
    targetOn: date('target_on', { mode: 'string' }),
    proposedById: uuid('proposed_by_id').references(() => users.id, { onDelete: 'set null' }),
    proposedByName: text('proposed_by_name').notNull(),
    agreedAt: at('agreed_at'),
    setAsideAt: at('set_aside_at'),
    ...changeColumns(),
  },
  (t) => [index('goals_couple_idx').on(t.spaceId, t.coupleSince, t.createdAt)],
);

/** A step on the way to a goal; reached and un-reached as often as needed. */
export const goalMilestones = pgTable(
  'goal_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    targetOn: date('target_on', { mode: 'string' }),
    reachedOn: date('reached_on', { mode: 'string' }),
    reachedById: uuid('reached_by_id').references(() => users.id, { onDelete: 'set null' }),
    reachedByName: text('reached_by_name'),
    ...changeColumns(),
  },
  (t) => [index('goal_milestones_goal_idx').on(t.goalId, t.createdAt)],
);

/** A date that may hurt (or an anniversary), and when both are reminded of it. */
export const hardDates = pgTable(
  'hard_dates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...coupleColumns(),
    title: text('title').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    yearly: boolean('yearly').notNull(),
    remindDays: smallint('remind_days').notNull(),
    setAsideAt: at('set_aside_at'),
    ...changeColumns(),
  },
  (t) => [index('hard_dates_couple_idx').on(t.spaceId, t.coupleSince, t.day)],
);

/** What one partner will do on a hard date: written by them alone, read by both. */
export const hardDateParts = pgTable(
  'hard_date_parts',
  {
    hardDateId: uuid('hard_date_id')
      .notNull()
      .references(() => hardDates.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    plan: text('plan').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'hard_date_parts_pkey', columns: [t.hardDateId, t.userId] }),
    index('hard_date_parts_user_idx').on(t.userId),
  ],
);

/**
 * One partner's answers to one round of the progress review. Private while unfinished and until
 * both finished the same round (decision 0074); the partner's row is read only then.
 */
export const progressReviewAnswers = pgTable(
  'progress_review_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...coupleColumns(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    grown: text('grown').notNull().default(''),
    hurts: text('hurts').notNull().default(''),
    next: text('next').notNull().default(''),
    finishedAt: at('finished_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('progress_review_answers_round_key').on(t.spaceId, t.coupleSince, t.userId, t.round),
    index('progress_review_answers_user_idx').on(t.userId),
  ],
);
