import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  coAuthoredAcceptanceColumns,
  coAuthoredAcceptanceKeys,
  coAuthoredItemColumns,
  coAuthoredVersionColumns,
} from './co-authored';
import { memberships, users } from './core';

/**
 * The couple's agreements (issue 15, item 1): co-authored items, many per set of members. The
 * text (a title and the agreement) is versioned; the kind and the review date are not.
 */
const sections = () => ({
  title: text('title').notNull(),
  body: text('body').notNull(),
});

export const agreements = pgTable(
  'agreements',
  {
    ...coAuthoredItemColumns(),
    kind: text('kind').notNull(),
    /** The day the agreement comes back to both to confirm or change (null: none). */
    reviewOn: date('review_on'),
    /** When the review date was last set: only acceptances after it confirm the review. */
    reviewSetAt: timestamp('review_set_at', { withTimezone: true }),
    ...sections(),
  },
  (t) => [
    index('agreements_space_idx').on(t.spaceId, t.updatedAt),
    index('agreements_member_one_idx').on(t.memberOneId),
    index('agreements_member_two_idx').on(t.memberTwoId),
    check(
      'agreements_kind_check',
      sql`${t.kind} in ('ground-rules', 'boundaries', 'walls-and-windows', 'affair-partner-contact', 'relapse-prevention')`,
    ),
  ],
);

export const agreementVersions = pgTable(
  'agreement_versions',
  {
    ...coAuthoredVersionColumns('agreement_id', () => agreements.id),
    ...sections(),
  },
  (t) => [unique('agreement_versions_agreement_version_key').on(t.itemId, t.version)],
);

export const agreementAcceptances = pgTable(
  'agreement_acceptances',
  coAuthoredAcceptanceColumns('agreement_id', () => agreements.id),
  (t) => coAuthoredAcceptanceKeys('agreement_acceptances', t),
);

/**
 * What either of us did to an agreement's standing, kept so both see it: an acceptance, a
 * withdrawal, a new review date. Never changed afterwards.
 */
export const agreementEvents = pgTable(
  'agreement_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    byId: uuid('by_id').references(() => users.id, { onDelete: 'set null' }),
    byName: text('by_name').notNull(),
    what: text('what').notNull(),
    version: integer('version').notNull(),
    reviewOn: date('review_on'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agreement_events_agreement_idx').on(t.agreementId, t.at),
    check('agreement_events_what_check', sql`${t.what} in ('accepted', 'withdrew', 'review-date')`),
  ],
);
