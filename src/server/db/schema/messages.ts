import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './core';
import { therapistLinks } from './therapist';

/**
 * Messages between a couple and their therapist. The `couple` thread is read by the therapist and
 * both partners; a `private` thread is between the therapist and one partner (`partner_id`) only.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    linkId: uuid('link_id')
      .notNull()
      .references(() => therapistLinks.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    thread: text('thread').notNull(),
    partnerId: uuid('partner_id').references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('messages_by_link').on(t.linkId, t.createdAt),
    check(
      'messages_thread_check',
      sql`(${t.thread} = 'couple' and ${t.partnerId} is null) or (${t.thread} = 'private' and ${t.partnerId} is not null)`,
    ),
  ],
);
