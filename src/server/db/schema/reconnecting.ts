import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { spaces, users } from './core';
import { itemColumns, sharedAtColumn, visibilityCheck } from './item-columns';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Reconnecting (phase 3): things the couple now in a space keeps together. Every row carries
 * `couple_since`, the moment that couple came together, so a later couple in the same space never
 * sees an earlier couple's rituals, dates or pacing (decision 0007, rule 3).
 */
const coupleColumns = () => ({
  spaceId: uuid('space_id')
    .notNull()
    .references(() => spaces.id, { onDelete: 'cascade' }),
  coupleSince: at('couple_since').notNull(),
});

/** A ritual of connection: proposed by one partner, active once the other agrees to it. */
export const reconnectingRituals = pgTable(
  'reconnecting_rituals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...coupleColumns(),
    cadence: text('cadence').notNull(),
    title: text('title').notNull(),
    detail: text('detail').notNull().default(''),
    version: integer('version').notNull().default(1),
    /** Who proposed this version (the last to change it); the other one agrees. */
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    agreedAt: at('agreed_at'),
    setAsideAt: at('set_aside_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('reconnecting_rituals_cadence', sql`${t.cadence} in ('daily', 'weekly')`),
    index('reconnecting_rituals_couple_idx').on(t.spaceId, t.coupleSince, t.createdAt),
  ],
);

/** A short note of appreciation to the partner: sent at once, never counted. */
export const reconnectingAppreciations = pgTable(
  'reconnecting_appreciations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...itemColumns({ defaultVisibility: 'partner' }),
    sharedAt: sharedAtColumn(),
    coupleSince: at('couple_since').notNull(),
    note: text('note').notNull(),
    /** When the partner first had it on their screen; until then the sender may take it back. */
    seenAt: at('seen_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    visibilityCheck('reconnecting_appreciations', t.visibility, ['partner']),
    index('reconnecting_appreciations_space_idx').on(t.spaceId, t.coupleSince, t.createdAt),
  ],
);

/** A date: an idea, then a plan (a day and what), then each partner's own note on how it went. */
export const reconnectingDates = pgTable(
  'reconnecting_dates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...coupleColumns(),
    idea: text('idea').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }),
    plan: text('plan').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    setAsideAt: at('set_aside_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('reconnecting_dates_couple_idx').on(t.spaceId, t.coupleSince, t.createdAt)],
);

/** One partner's own note on how a date went: private unless its author shares it. */
export const reconnectingDateNotes = pgTable(
  'reconnecting_date_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...itemColumns(),
    sharedAt: sharedAtColumn(),
    dateId: uuid('date_id')
      .notNull()
      .references(() => reconnectingDates.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    visibilityCheck('reconnecting_date_notes', t.visibility, ['private', 'partner']),
    unique('reconnecting_date_notes_one_each').on(t.dateId, t.authorId),
  ],
);

/** The couple's intimacy pacing agreement: one per couple, proposed by one, agreed by the other. */
export const reconnectingPacing = pgTable(
  'reconnecting_pacing',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...coupleColumns(),
    pace: text('pace').notNull(),
    words: text('words').notNull().default(''),
    version: integer('version').notNull().default(1),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    agreedAt: at('agreed_at'),
  },
  (t) => [
    check('reconnecting_pacing_pace', sql`${t.pace} in ('closeness', 'gentle', 'slowly', 'open')`),
    unique('reconnecting_pacing_one_per_couple').on(t.spaceId, t.coupleSince),
  ],
);

/**
 * A pause on the pacing agreement: one row per partner who has paused it, removed when they
 * resume. Deliberately nothing else: no reason, no time, so there is nothing to show (decision
 * 0070).
 */
export const reconnectingPacingPauses = pgTable(
  'reconnecting_pacing_pauses',
  {
    ...coupleColumns(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.coupleSince, t.userId] })],
);
