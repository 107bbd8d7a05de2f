import { sql } from 'drizzle-orm';
import {
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { spaces, users } from './core';

const moment = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A therapist's account: an ordinary user plus what they told us about their practice. The
 * operator marks a therapist as verified (`npm run therapist:verify`); we never check a licence.
 * A therapist never joins a space as a partner.
 *
 * The mark is bound to the details the operator checked (decision 0022): `verified_name`,
 * `verified_practice` and `verified_licence` hold them, a CHECK refuses a mark whose
 * practice or licence differ from the current ones, and a trigger on `users` clears the mark when
 * the name changes. Any change of those details therefore clears it until the operator verifies
 * again.
 */
export const therapistProfiles = pgTable(
  'therapist_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    practiceName: text('practice_name').notNull(),
    licence: text('licence').notNull(),
    verifiedAt: moment('verified_at'),
    verifiedName: text('verified_name'),
    verifiedPractice: text('verified_practice'),
    verifiedLicence: text('verified_licence'),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  // The CHECK (`therapist_profiles_verified_details`) and the trigger on `users` are hand-written
  // at the end of the migration that added these columns: the data must be moved first.
);

/**
 * A couple's link with a therapist, from the partner's single-use invite to its end. The
 * therapist claims it with the token (`therapist_id`, `claimed_at`), and it becomes active only
 * once every current partner has approved it after joining the space (`therapist_approvals`).
 * Either partner ends it (`revoked_at`). A couple may work with more than one therapist.
 */
export const therapistLinks = pgTable(
  'therapist_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: moment('created_at').notNull().defaultNow(),
    expiresAt: moment('expires_at').notNull(),
    therapistId: uuid('therapist_id').references(() => users.id, { onDelete: 'cascade' }),
    claimedAt: moment('claimed_at'),
    revokedAt: moment('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
    /** When the therapist last opened this couple: "what's new" counts from here. */
    therapistSeenAt: moment('therapist_seen_at'),
  },
  (t) => [
    uniqueIndex('therapist_links_token_hash_key').on(t.tokenHash),
    index('therapist_links_open_by_space')
      .on(t.spaceId)
      .where(sql`${t.revokedAt} is null`),
    index('therapist_links_by_therapist')
      .on(t.therapistId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/** One partner's approval of a link. It counts only if given after they joined the space. */
export const therapistApprovals = pgTable(
  'therapist_approvals',
  {
    linkId: uuid('link_id')
      .notNull()
      .references(() => therapistLinks.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    approvedAt: moment('approved_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.linkId, t.userId] })],
);
