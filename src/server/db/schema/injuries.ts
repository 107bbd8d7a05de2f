import {
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { spaces, users } from './core';
import { itemColumns, sharedAtColumn, visibilityCheck } from './item-columns';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One betrayal, named in a couple's space. It belongs to the space (co-authored, decision 0007
 * rule 3). The roles are kept as "what the last proposer said about themselves": the other member
 * holds the other role. The proposer's proposal counts as their confirmation; `confirmed_by` is
 * the other partner's, and is cleared whenever the roles, the kind or the month change.
 */
export const injuries = pgTable(
  'injuries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** affair · emotional_affair · hidden_money · lies · other */
    kind: text('kind').notNull(),
    /** The first day of the month it came to light (month precision). */
    cameToLight: date('came_to_light', { mode: 'string' }).notNull(),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    /** The proposer's own role: hurt · involved. */
    proposerRole: text('proposer_role').notNull(),
    proposedAt: at('proposed_at').notNull().defaultNow(),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: at('confirmed_at'),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    archivedAt: at('archived_at'),
  },
  (t) => [index('injuries_by_space').on(t.spaceId, t.createdAt)],
);

/**
 * A partner's own private description of an injury. It belongs to its author (decision 0007
 * rule 1): only they read it, here or after leaving the space.
 */
export const injuryNotes = pgTable(
  'injury_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    injuryId: uuid('injury_id')
      .notNull()
      .references(() => injuries.id, { onDelete: 'cascade' }),
    ...itemColumns(),
    sharedAt: sharedAtColumn(),
    body: text('body').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    visibilityCheck('injury_notes', t.visibility),
    uniqueIndex('injury_notes_one_per_author').on(t.injuryId, t.authorId),
    index('injury_notes_by_author').on(t.authorId, t.createdAt),
  ],
);

/**
 * Every change to an injury, with who made it and when (BRIEF §3: co-authored items keep their
 * versions). Written in the same transaction as the change; not shown in the app yet.
 */
export const injuryChanges = pgTable(
  'injury_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    injuryId: uuid('injury_id')
      .notNull()
      .references(() => injuries.id, { onDelete: 'cascade' }),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    /** named · changed · confirmed · roles · archived · restored */
    change: text('change').notNull(),
    version: integer('version').notNull(),
    kind: text('kind').notNull(),
    cameToLight: date('came_to_light', { mode: 'string' }).notNull(),
    proposerRole: text('proposer_role').notNull(),
    changedAt: at('changed_at').notNull().defaultNow(),
  },
  (t) => [index('injury_changes_by_injury').on(t.injuryId, t.changedAt)],
);
