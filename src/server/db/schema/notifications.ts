import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { spaces, users } from './core';

/**
 * Notifications (issue 12): one row per recipient. Nothing of the content is stored: a kind, who
 * did it, the space and a link made of ids. The core's `events/notify.ts` writes them.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** `comment`, `reply`, `shared` or `therapist` (`NotificationKind`). */
    kind: text('kind').notNull(),
    /** Null once the actor's account is erased (the entry then says "Someone"). */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    spaceId: uuid('space_id').references(() => spaces.id, { onDelete: 'cascade' }),
    /** An app path built from ids only. */
    link: text('link').notNull(),
    /** About a joint exercise: held while the couple's joint work rests. */
    joint: boolean('joint').notNull().default(false),
    /**
     * When the recipient may see it: at creation, or null while it waits for joint work to resume
     * (created while resting). A waiting row shows once joint work is open again.
     */
    releasedAt: timestamp('released_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_recipient_created').on(t.recipientId, t.createdAt, t.id),
    index('notifications_recipient_unread')
      .on(t.recipientId)
      .where(sql`${t.readAt} is null`),
  ],
);

/**
 * Each person's place in their own live-event log: the last sequence number handed out. Taking
 * the next number locks this row until the writer commits, so a person's events commit in the
 * order of their numbers and a stream that resumes after number n can never miss one below it.
 */
export const liveCursors = pgTable('live_cursors', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  seq: bigint('seq', { mode: 'number' }).notNull(),
});

/**
 * What open streams send (SSE ids are `seq`): content-free topics with ids only. Kept for a day
 * so that a stream resuming from `Last-Event-ID` gets what it missed.
 */
export const liveEvents = pgTable(
  'live_events',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /** `notification`, `count` or `comments`. */
    topic: text('topic').notNull(),
    data: jsonb('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.seq] }), index('live_events_created').on(t.createdAt)],
);

/** A person's notification choices; no row means the defaults (everything in the app). */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Per kind: `in_app` or `off` (`{ "comment": "off" }`); a kind not named is `in_app`. */
  channels: jsonb('channels').notNull().default({}),
  /** Quiet hours as minutes after local midnight; both null when there are none. */
  quietStart: smallint('quiet_start'),
  quietEnd: smallint('quiet_end'),
  /** An IANA zone name (`Europe/Berlin`); null until the person (or their browser) sets one. */
  timeZone: text('time_zone'),
  /** The default "Notify me of" for comments on an item: `all`, `replies` or `none`. */
  commentDefault: text('comment_default').notNull().default('all'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
