import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
import { users } from './core';
import { injuries } from './injuries';
import { itemColumns, sharedAtColumn, visibilityCheck } from './item-columns';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A question the hurt partner writes about one injury (issue 14, item 1). It is an item of its
 * author: private (a draft) until they release it, which widens it to the partner once and for
 * all (`shared_at` is the release). The involved partner reads released questions through the
 * same visibility rule as every shared item, so a draft is never fetched for them at all.
 * Decision 0058.
 */
export const questions = pgTable(
  'questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...itemColumns(),
    /** When it was released to the partner; null while it is a draft. */
    sharedAt: sharedAtColumn(),
    injuryId: uuid('injury_id')
      .notNull()
      .references(() => injuries.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    /** The draft's own version (ETag while the author edits it); never shown to the partner. */
    version: integer('version').notNull().default(1),
    /** The list's order: when it was written while a draft, when it was released after. */
    sortAt: at('sort_at').notNull(),
    /** How many answer versions there are (0 before the first answer); the answer's ETag. */
    answerVersion: integer('answer_version').notNull().default(0),
    answeredAt: at('answered_at'),
    /** "I need time to answer this well", until this day. */
    timeUntil: date('time_until', { mode: 'string' }),
    timeAskedAt: at('time_asked_at'),
    /** The hurt partner's word on the answer: helped · more · therapist. */
    mark: text('mark'),
    /** Which answer version the mark was given to. */
    markedVersion: integer('marked_version'),
    markedAt: at('marked_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // Released to the partner, or private; never shared with a therapist directly.
    visibilityCheck('questions', t.visibility, ['private', 'partner']),
    check('questions_mark', sql`${t.mark} is null or ${t.mark} in ('helped', 'more', 'therapist')`),
    // The list of an injury's questions, newest first, paged by (sort_at, id).
    index('questions_injury_list_idx').on(
      t.injuryId,
      t.sortAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // Releases of an injury in the cap's window.
    index('questions_released_idx')
      .on(t.injuryId, t.sharedAt)
      .where(sql`${t.sharedAt} is not null`),
    index('questions_author_idx').on(t.authorId),
  ],
);

/**
 * Every answer the involved partner gave to a question, one row per version: a correction is a
 * new row with its own time, never an edit (decision 0059). The newest is the highest version.
 */
export const questionAnswers = pgTable(
  'question_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [unique('question_answers_version_key').on(t.questionId, t.version)],
);

/**
 * The hurt partner's pace for one injury's questions: at most `cap` released in any `window`
 * (a rolling day or week), and whether to show the self-check before releasing. Private to them.
 */
export const questionPace = pgTable(
  'question_pace',
  {
    injuryId: uuid('injury_id')
      .notNull()
      .references(() => injuries.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cap: smallint('cap').notNull(),
    /** day · week */
    window: text('window').notNull(),
    selfCheck: boolean('self_check').notNull().default(true),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.injuryId, t.userId] }),
    check('question_pace_window', sql`${t.window} in ('day', 'week')`),
    check('question_pace_cap', sql`${t.cap} between 1 and 20`),
  ],
);
