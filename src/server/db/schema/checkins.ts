import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { PARTNER_VISIBILITIES } from '#shared/visibility.ts';
import { itemColumns, sharedAtColumn, visibilityCheck, visibilityIn } from './item-columns';

const moment = (name: string) => timestamp(name, { withTimezone: true });

/** What a check-in says; the current version lives in `checkins`, replaced ones in revisions. */
const content = () => ({
  feelings: text('feelings')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  intensity: smallint('intensity').notNull(),
  pain: smallint('pain').notNull(),
  triggers: text('triggers').notNull().default(''),
  needs: text('needs').notNull().default(''),
  note: text('note').notNull().default(''),
});

/**
 * One check-in per person per day (their local date). Private unless its author shares it
 * (`visibility`, `shared_at`), or asks to share it once the partner's for the same day is in too
 * (`reveal_requested_at`). `exposed_at` is when the current version was last made visible to the
 * partner: while it is set, an edit keeps the old version in `checkin_revisions`.
 */
export const checkins = pgTable(
  'checkins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...itemColumns(),
    day: date('day', { mode: 'string' }).notNull(),
    ...content(),
    sharedAt: sharedAtColumn(),
    /** When its author last shared it with the couple's therapist; never moves `shared_at`. */
    therapistSharedAt: moment('therapist_shared_at'),
    revealRequestedAt: moment('reveal_requested_at'),
    exposedAt: moment('exposed_at'),
    version: integer('version').notNull().default(1),
    /** How many replaced versions are kept (the author sees them all). */
    revisionCount: integer('revision_count').notNull().default(0),
    /**
     * The latest `exposed_at` of a kept version in this row's space: the partner has earlier
     * versions to see exactly when it is at or after the moment they were both in the space.
     * Kept here so a timeline page needs no subquery; null again when the row changes space.
     */
    lastRevisionExposedAt: moment('last_revision_exposed_at'),
    createdAt: moment('created_at').notNull().defaultNow(),
    updatedAt: moment('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // One per person per day; also my own timeline, newest first (a backward range scan).
    uniqueIndex('checkins_author_day_key').on(t.authorId, t.day),
    // My partner's shared check-ins in our space, newest first. Private rows are not in it, so
    // reading a partner's timeline costs the same whatever they keep to themselves.
    index('checkins_shared_by_space_author_day')
      .on(t.spaceId, t.authorId, t.day)
      .where(visibilityIn(t.visibility, PARTNER_VISIBILITIES)),
    visibilityCheck('checkins', t.visibility),
    check('checkins_intensity_range', sql`${t.intensity} between 1 and 5`),
    check('checkins_pain_range', sql`${t.pain} between 0 and 10`),
  ],
);

/**
 * Versions of a check-in that its partner had seen before the author changed it. Read with the
 * same visibility rule as items: `visibility` is always 'partner' and `exposed_at` plays the part
 * of `shared_at`, so a version is shown only to the partner it was shown to in this space.
 */
export const checkinRevisions = pgTable(
  'checkin_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    checkinId: uuid('checkin_id')
      .notNull()
      .references(() => checkins.id, { onDelete: 'cascade' }),
    ...itemColumns({ defaultVisibility: 'partner' }),
    version: integer('version').notNull(),
    ...content(),
    writtenAt: moment('written_at').notNull(),
    exposedAt: moment('exposed_at').notNull(),
    replacedAt: moment('replaced_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('checkin_revisions_checkin_version_key').on(t.checkinId, t.version),
    visibilityCheck('checkin_revisions', t.visibility),
  ],
);
