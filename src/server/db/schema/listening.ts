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
import { sql } from 'drizzle-orm';
import { spaces, users } from './core';

/**
 * Listening turns (docs/features/listening.md). A conversation belongs to the couple in a space
 * at the time (`couple_since`: when the two of them came together), so a later partner never
 * reads it. Its turns and the reflections in them are reached through it.
 */
const at = (name: string) => timestamp(name, { withTimezone: true });

export const listeningConversations = pgTable(
  'listening_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    coupleSince: at('couple_since').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    /** Moves on with every step; the ETag for If-Match. */
    version: integer('version').notNull().default(1),
  },
  (t) => [index('listening_conversations_by_couple').on(t.spaceId, t.coupleSince, t.updatedAt)],
);

export const listeningTurns = pgTable(
  'listening_turns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => listeningConversations.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    speakerId: uuid('speaker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    listenerId: uuid('listener_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    feeling: text('feeling').notNull(),
    need: text('need').notNull(),
    startedAt: at('started_at').notNull().defaultNow(),
    /** When the speaker said "yes, I felt understood". */
    heardAt: at('heard_at'),
  },
  (t) => [uniqueIndex('listening_turns_number').on(t.conversationId, t.number)],
);

export const listeningRounds = pgTable(
  'listening_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    turnId: uuid('turn_id')
      .notNull()
      .references(() => listeningTurns.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    heard: text('heard').notNull(),
    validation: text('validation').notNull(),
    reflectedAt: at('reflected_at').notNull().defaultNow(),
    understood: text('understood'),
    clarification: text('clarification').notNull().default(''),
    answeredAt: at('answered_at'),
  },
  (t) => [
    uniqueIndex('listening_rounds_number').on(t.turnId, t.number),
    check(
      'listening_rounds_understood',
      sql`${t.understood} is null or ${t.understood} in ('yes', 'partly', 'not_yet')`,
    ),
  ],
);
