import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { injuries } from './injuries';
import { itemColumns, sharedAtColumn, visibilityCheck } from './item-columns';

/**
 * The apology and its commitments (docs/features/apology.md). Every table carries the item
 * columns of BRIEF §3, so `visibleItems` / `ownItems` scope every query. Never shared with a
 * therapist: the apology is between the two of them (they may bring it to a session themselves).
 */

const at = (name: string) => timestamp(name, { withTimezone: true });
const PRIVATE_OR_PARTNER = ['private', 'partner'] as const;
const parts = () => ({
  whatIDid: text('what_i_did').notNull().default(''),
  harm: text('harm').notNull().default(''),
  responsibility: text('responsibility').notNull().default(''),
  regret: text('regret').notNull().default(''),
  change: text('change').notNull().default(''),
  repair: text('repair').notNull().default(''),
  forgiveness: text('forgiveness').notNull().default(''),
  askForgiveness: boolean('ask_forgiveness').notNull().default(false),
});
const itemBase = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  ...itemColumns(),
  sharedAt: sharedAtColumn(),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  /** Bumped on every change; the ETag for If-Match. */
  version: integer('version').notNull().default(1),
});

/**
 * One apology per involved partner and injury. The working draft lives here and is only ever
 * the writer's; the partner reads `apology_versions`, one row per send.
 */
export const apologies = pgTable(
  'apologies',
  {
    ...itemBase(),
    injuryId: uuid('injury_id')
      .notNull()
      .references(() => injuries.id, { onDelete: 'cascade' }),
    ...parts(),
  },
  (t) => [
    visibilityCheck('apologies', t.visibility, PRIVATE_OR_PARTNER),
    uniqueIndex('apologies_one_per_injury').on(t.injuryId, t.authorId),
    index('apologies_shared').on(t.spaceId, t.authorId, t.sharedAt),
  ],
);

/** An apology as it was sent. Never changed. */
export const apologyVersions = pgTable(
  'apology_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    apologyId: uuid('apology_id')
      .notNull()
      .references(() => apologies.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    ...parts(),
    sentAt: at('sent_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('apology_versions_number').on(t.apologyId, t.number)],
);

/**
 * A concrete promise of the apology, with a check-in date. Private while it waits for the
 * apology to be sent; shared from then on.
 */
export const apologyCommitments = pgTable(
  'apology_commitments',
  {
    ...itemBase(),
    apologyId: uuid('apology_id')
      .notNull()
      .references(() => apologies.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    checkInOn: date('check_in_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    visibilityCheck('apology_commitments', t.visibility, PRIVATE_OR_PARTNER),
    index('apology_commitments_by_apology').on(t.apologyId, t.createdAt),
  ],
);

/** The writer's note that they followed through on a commitment; shared as it is written. */
export const apologyFollowThroughs = pgTable(
  'apology_follow_throughs',
  {
    ...itemBase(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => apologyCommitments.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
  },
  (t) => [
    visibilityCheck('apology_follow_throughs', t.visibility, PRIVATE_OR_PARTNER),
    index('apology_follow_throughs_by_commitment').on(t.commitmentId, t.createdAt),
  ],
);

/** The hurt partner's answer to one follow-through: "I see it" or "not yet". */
export const apologyAcknowledgements = pgTable(
  'apology_acknowledgements',
  {
    ...itemBase(),
    followThroughId: uuid('follow_through_id')
      .notNull()
      .references(() => apologyFollowThroughs.id, { onDelete: 'cascade' }),
    answer: text('answer').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    visibilityCheck('apology_acknowledgements', t.visibility, PRIVATE_OR_PARTNER),
    check('apology_acknowledgements_answer', sql`${t.answer} in ('seen', 'not_yet')`),
    uniqueIndex('apology_acknowledgements_one').on(t.followThroughId),
  ],
);
