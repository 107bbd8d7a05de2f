import { sql } from 'drizzle-orm';
import {
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
import { spaces, users } from './core';
import { itemColumns, sharedAtColumn, visibilityCheck } from './item-columns';

/**
 * The decision reflection (docs/features/decision.md). Each partner's reflection is a private
 * draft; sharing copies it into the `shared_*` columns, which are all the partner ever reads.
 * The couple's shared decision lives in `decision_records`, one per couple in a space.
 */
const at = (name: string) => timestamp(name, { withTimezone: true });
const LEANINGS = sql`('recommit', 'separate', 'not_sure')`;

export const decisionReflections = pgTable(
  'decision_reflections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...itemColumns(),
    sharedAt: sharedAtColumn(),
    leaning: text('leaning'),
    needs: text('needs').notNull().default(''),
    limits: text('limits').notNull().default(''),
    ownWords: text('own_words').notNull().default(''),
    /** What the partner reads, copied from the draft when it was shared; null while private. */
    sharedLeaning: text('shared_leaning'),
    sharedNeeds: text('shared_needs'),
    sharedLimits: text('shared_limits'),
    sharedOwnWords: text('shared_own_words'),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    visibilityCheck('decision_reflections', t.visibility, ['private', 'partner']),
    check('decision_reflections_leaning', sql`${t.leaning} is null or ${t.leaning} in ${LEANINGS}`),
    check(
      'decision_reflections_shared_leaning',
      sql`${t.sharedLeaning} is null or ${t.sharedLeaning} in ${LEANINGS}`,
    ),
    uniqueIndex('decision_reflections_one').on(t.authorId, t.spaceId),
    index('decision_reflections_shared').on(t.spaceId, t.authorId, t.sharedAt),
  ],
);

/**
 * The decision the couple now in a space records together: proposed by one, agreed by the other
 * on that exact version. A change is a new version and asks for agreement again.
 */
export const decisionRecords = pgTable(
  'decision_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    /** When the couple came together (the later joining): a later couple starts afresh. */
    coupleSince: at('couple_since').notNull(),
    outcome: text('outcome').notNull(),
    note: text('note').notNull().default(''),
    reviewOn: date('review_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    proposedAt: at('proposed_at').notNull().defaultNow(),
    agreedBy: uuid('agreed_by').references(() => users.id, { onDelete: 'set null' }),
    agreedAt: at('agreed_at'),
  },
  (t) => [
    check('decision_records_outcome', sql`${t.outcome} in ${LEANINGS}`),
    uniqueIndex('decision_records_one').on(t.spaceId, t.coupleSince),
  ],
);

/** Every version of a shared decision, kept with who wrote it and when. */
export const decisionRecordVersions = pgTable(
  'decision_record_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => decisionRecords.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    outcome: text('outcome').notNull(),
    note: text('note').notNull(),
    reviewOn: date('review_on', { mode: 'string' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('decision_record_versions_number').on(t.recordId, t.number)],
);
