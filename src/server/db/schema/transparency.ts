import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { spaces, users } from './core';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Transparency offers (issue 15, item 2): what the involved partner offers to tell, in their own
 * words, and the hurt partner's answer. Self-reported openness only: nothing is collected here
 * but the offer and its standing.
 */
export const transparencyOffers = pgTable(
  'transparency_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    /** The one offering (set null when their account is erased; the name stays as it was). */
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    reviewOn: date('review_on').notNull(),
    /** The first day it no longer holds. */
    endsOn: date('ends_on').notNull(),
    /** Moves on with every change of standing, for If-Match. */
    version: integer('version').notNull().default(1),
    /** The partner's answer: 'accepted', 'declined', or null while it waits. */
    answer: text('answer'),
    answeredAt: at('answered_at'),
    pausedById: uuid('paused_by_id').references(() => users.id, { onDelete: 'set null' }),
    pausedByName: text('paused_by_name'),
    pausedAt: at('paused_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('transparency_offers_space_idx').on(t.spaceId, t.createdAt),
    check(
      'transparency_offers_answer_check',
      sql`${t.answer} is null or ${t.answer} in ('accepted', 'declined')`,
    ),
  ],
);
