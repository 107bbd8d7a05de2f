import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { itemColumns, sharedAtColumn, visibilityCheck } from './item-columns';

/**
 * The impact letter and the partner's reflection on it (docs/features/impact-letter.md).
 * Each table carries the item columns of BRIEF §3 (author, space, visibility, shared_at), so
 * `visibleItems` and `ownItems` scope every query.
 */

const at = (name: string) => timestamp(name, { withTimezone: true });
/** Never shared with a therapist: the letter and its answers stay between the two of them. */
const PRIVATE_OR_PARTNER = ['private', 'partner'] as const;
const letterItemColumns = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  ...itemColumns(),
  sharedAt: sharedAtColumn(),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  /** Bumped on every change; the ETag for If-Match. */
  version: integer('version').notNull().default(1),
});

/**
 * A letter: the writer's working draft lives here and is always private. What the partner reads
 * is in `impact_letter_versions`, one row each time the writer shares.
 */
export const impactLetters = pgTable(
  'impact_letters',
  {
    ...letterItemColumns(),
    whatHappened: text('what_happened').notNull().default(''),
    howItAffectedMe: text('how_it_affected_me').notNull().default(''),
    whatINeedNow: text('what_i_need_now').notNull().default(''),
    /** Set when the writer starts a newer letter; the older one is kept as it was. */
    supersededAt: at('superseded_at'),
  },
  (t) => [
    visibilityCheck('impact_letters', t.visibility, PRIVATE_OR_PARTNER),
    // One current letter per person per space.
    uniqueIndex('impact_letters_one_current')
      .on(t.authorId, t.spaceId)
      .where(sql`${t.supersededAt} is null`),
    // My letters, newest first.
    index('impact_letters_by_author').on(t.authorId, t.createdAt),
    // What a partner shared in this space (and, for the home screen, since when).
    index('impact_letters_shared').on(t.spaceId, t.authorId, t.sharedAt),
  ],
);

/** A letter as it was shared. Never changed; read through the letter's own scope. */
export const impactLetterVersions = pgTable(
  'impact_letter_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    letterId: uuid('letter_id')
      .notNull()
      .references(() => impactLetters.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    whatHappened: text('what_happened').notNull(),
    howItAffectedMe: text('how_it_affected_me').notNull(),
    whatINeedNow: text('what_i_need_now').notNull(),
    publishedAt: at('published_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('impact_letter_versions_number').on(t.letterId, t.number)],
);

/**
 * One attempt at a reflection on a letter, by its reader. Private while drafting; `sent_at` is
 * set the first time it is sent. Only two parts, on purpose: no explanation, no justification.
 */
export const impactLetterReflections = pgTable(
  'impact_letter_reflections',
  {
    ...letterItemColumns(),
    letterId: uuid('letter_id')
      .notNull()
      .references(() => impactLetters.id, { onDelete: 'cascade' }),
    paraphrase: text('paraphrase').notNull().default(''),
    acknowledgement: text('acknowledgement').notNull().default(''),
    /** The letter version the attempt answers, set when sent. */
    letterVersion: integer('letter_version'),
    sentAt: at('sent_at'),
  },
  (t) => [
    visibilityCheck('impact_letter_reflections', t.visibility, PRIVATE_OR_PARTNER),
    // One draft at a time per reader and letter.
    uniqueIndex('impact_letter_reflections_one_draft')
      .on(t.letterId, t.authorId)
      .where(sql`${t.sentAt} is null`),
    index('impact_letter_reflections_by_letter').on(t.letterId, t.authorId, t.createdAt),
    // Reflections shared in a space, by author and time (for the home screen).
    index('impact_letter_reflections_shared').on(t.spaceId, t.authorId, t.sharedAt),
  ],
);

/**
 * The letter writer's answer to one part of a sent reflection: "I felt understood" or "not yet".
 * Authored by the writer and shared with the reflection's author as it is made.
 */
export const impactLetterMarks = pgTable(
  'impact_letter_marks',
  {
    ...letterItemColumns(),
    reflectionId: uuid('reflection_id')
      .notNull()
      .references(() => impactLetterReflections.id, { onDelete: 'cascade' }),
    part: text('part').notNull(),
    mark: text('mark').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    visibilityCheck('impact_letter_marks', t.visibility, PRIVATE_OR_PARTNER),
    check('impact_letter_marks_part', sql`${t.part} in ('paraphrase', 'acknowledgement')`),
    check('impact_letter_marks_mark', sql`${t.mark} in ('understood', 'not_yet')`),
    uniqueIndex('impact_letter_marks_one_per_part').on(t.reflectionId, t.part),
  ],
);
