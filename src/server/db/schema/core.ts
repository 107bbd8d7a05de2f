import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
    /**
     * When the person proved they read mail at `email`. Until then the account works for
     * everything private, but nothing may find or join it by its address (decision 0029).
     */
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`)],
);

/** Only the SHA-256 of a session token is stored; the token lives in the person's cookie. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    device: text('device').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('sessions_token_hash_key').on(t.tokenHash),
    index('sessions_user_id_idx').on(t.userId),
  ],
);

export const spaces = pgTable('spaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdAt: createdAt(),
  /** Set when the last partner leaves; a closed space is never reopened. */
  closedAt: timestamp('closed_at', { withTimezone: true }),
  /**
   * No news in this space is newer than this (decision 0045). A database trigger on every table
   * with a `space_id` (or a therapist link's `link_id`) moves it forward on each insert and update,
   * to at least that row's own times, so "nothing new since I looked" is one indexed read. Null
   * until the first write after it was added: then nothing is assumed.
   */
  lastSharedAt: timestamp('last_shared_at', { withTimezone: true }),
});

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    // One active space per person.
    uniqueIndex('memberships_one_active_per_user')
      .on(t.userId)
      .where(sql`${t.leftAt} is null`),
    index('memberships_active_by_space')
      .on(t.spaceId)
      .where(sql`${t.leftAt} is null`),
    // Who left a space and when: co-authored items ask "has anyone left since this was written?".
    index('memberships_departures_by_space')
      .on(t.spaceId, t.leftAt)
      .where(sql`${t.leftAt} is not null`),
  ],
);

export const invites = pgTable(
  'invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedBy: uuid('used_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('invites_token_hash_key').on(t.tokenHash),
    index('invites_space_idx').on(t.spaceId),
  ],
);

/**
 * A hold on the couple's joint exercises, placed by one person (safety, or simply "not now").
 * While any hold of the space is unlifted, joint work is paused for both partners alike; only
 * the person who placed a hold can lift it. Who placed it and why is never shown to the partner.
 */
export const jointWorkHolds = pgTable(
  'joint_work_holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
  },
  (t) => [
    index('joint_work_holds_active_by_space')
      .on(t.spaceId)
      .where(sql`${t.liftedAt} is null`),
  ],
);
