import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sessions, users } from './core';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A person's authenticator-app secret (TOTP). The secret is sealed with AES-256-GCM under a key
 * kept outside the database (decision 0032), so a copy of the database cannot make codes. It
 * counts as turned on only once `confirmed_at` is set (the person typed a code from their app).
 * `last_time_step` makes every code single-use: a step at or before it is refused.
 */
export const twoStepTotp = pgTable('two_step_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretSealed: text('secret_sealed').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  confirmedAt: at('confirmed_at'),
  lastTimeStep: bigint('last_time_step', { mode: 'number' }),
});

/** Ten single-use recovery codes per person; only a SHA-256 of each is kept. */
export const twoStepRecoveryCodes = pgTable(
  'two_step_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    usedAt: at('used_at'),
  },
  (t) => [uniqueIndex('two_step_recovery_codes_by_user').on(t.userId, t.codeHash)],
);

/** A passkey (WebAuthn credential) a person registered as their second step. */
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The authenticator's credential id, base64url. */
    credentialId: text('credential_id').notNull(),
    /** The COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    signCount: bigint('sign_count', { mode: 'number' }).notNull().default(0),
    transports: text('transports')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** A name the person gave it ("my laptop"), or a generated one. */
    label: text('label').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    lastUsedAt: at('last_used_at'),
  },
  (t) => [
    uniqueIndex('passkeys_credential_id_key').on(t.credentialId),
    index('passkeys_by_user').on(t.userId),
  ],
);

/**
 * A sign-in waiting for its second step: the password was right, no session exists yet. Held in
 * a short-lived HttpOnly cookie (only the hash is stored), good for a few minutes and a few tries.
 * `challenge` is the WebAuthn challenge while a passkey ceremony is under way.
 */
export const twoStepPending = pgTable(
  'two_step_pending',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    challenge: text('challenge'),
  },
  (t) => [
    uniqueIndex('two_step_pending_token_hash_key').on(t.tokenHash),
    index('two_step_pending_by_user').on(t.userId),
  ],
);

/**
 * When a session last proved its person again (password or second step): sensitive actions ask
 * for one within the last few minutes. Kept apart from `sessions` (the actor lookup joins it, as
 * it joins the re-lock setting, and stays one query); `challenge` holds a passkey step-up's
 * WebAuthn challenge.
 */
export const sessionStepUps = pgTable('session_step_ups', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  steppedUpAt: at('stepped_up_at'),
  challenge: text('challenge'),
  challengeAt: at('challenge_at'),
  /**
   * Set when this session's private areas locked after a pause (the person's re-lock setting):
   * until a step-up clears it, the session may only ask who it is, step up or sign out.
   */
  lockedAt: at('locked_at'),
});

/** Per-person settings for the second step; the private-area re-lock is off (null) by default. */
export const twoStepSettings = pgTable('two_step_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  relockMinutes: integer('relock_minutes'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});
