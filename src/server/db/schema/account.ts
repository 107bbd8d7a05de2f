import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

/**
 * Single-use tokens sent by email: confirm an address, reset a password, move to a new address.
 * Only the SHA-256 of a token is stored; the token itself lives in one email's link.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', {
      enum: ['verify-email', 'reset-password', 'change-email'],
    }).notNull(),
    /** The address the token was sent to (the new one, for a change of address). */
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('account_tokens_by_user').on(t.userId, t.purpose)],
);

/**
 * What happened to an account, for the person's own "recent activity": sign-ins and changes.
 * A rough device label ("Firefox on Linux") and a time; never an address or a place.
 */
export const securityEvents = pgTable(
  'security_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    device: text('device').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('security_events_by_user').on(t.userId, t.at)],
);

/**
 * Counters for the credential routes, in the database so every server process shares them.
 * `key` names the route and what is counted (a hashed address, account or client address).
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});
