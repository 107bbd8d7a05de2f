import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { itemColumns, sharedAtColumn, visibilityCheck } from './item-columns';

/**
 * One reflection per person per lesson (the guide). Private to its author until they share it;
 * it belongs to the person, so it outlives any space (decision 0007, rule 1). `space_id` is the
 * space it was last shared into, and `shared_at` when; sharing again into a later space moves both.
 */
export const guideReflections = pgTable(
  'guide_reflections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...itemColumns(),
    lessonSlug: text('lesson_slug').notNull(),
    body: text('body').notNull(),
    sharedAt: sharedAtColumn(),
    /** When its author last shared it with the couple's therapist; never moves `shared_at`. */
    therapistSharedAt: timestamp('therapist_shared_at', { withTimezone: true }),
    /** Goes up with every change of the text; a writer sends back the one they read. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Upsert target, and both halves of the read on a lesson page: mine, and my partner's.
    uniqueIndex('guide_reflections_author_lesson_key').on(t.authorId, t.lessonSlug),
    // "What my partner shared lately" for the home screen and progress.
    index('guide_reflections_shared_by_space')
      .on(t.spaceId, t.sharedAt)
      .where(sql`${t.sharedAt} is not null`),
    visibilityCheck('guide_reflections', t.visibility),
  ],
);
