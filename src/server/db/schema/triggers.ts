import { sql } from 'drizzle-orm';
import { index, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import {
  coAuthoredAcceptanceColumns,
  coAuthoredAcceptanceKeys,
  coAuthoredItemColumns,
  coAuthoredVersionColumns,
} from './co-authored';
import { itemColumns, sharedAtColumn, visibilityCheck } from './item-columns';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One moment when something brought the hurt back (BRIEF §2, phase 1). Private to its author
 * unless they share it, one entry at a time; archived, never deleted.
 */
export const triggerEntries = pgTable(
  'trigger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...itemColumns(),
    sharedAt: sharedAtColumn(),
    /** When its author last shared it with the couple's therapist; never moves `shared_at`. */
    therapistSharedAt: at('therapist_shared_at'),
    /** Always written from the application clock (millisecond precision), so cursors match it exactly. */
    occurredAt: at('occurred_at').notNull(),
    cue: text('cue').notNull(),
    intensity: smallint('intensity').notNull(),
    felt: text('felt'),
    helped: text('helped'),
    nextTime: text('next_time'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    archivedAt: at('archived_at'),
  },
  (t) => [
    visibilityCheck('trigger_entries', t.visibility),
    // My log, newest first (and the progress charts: my entries by time).
    index('trigger_entries_author_time_idx').on(
      t.authorId,
      t.occurredAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // What my partner shared into our space, newest first. Only shared rows are in this index,
    // so reading the partner's shared entries never walks past their private ones.
    index('trigger_entries_shared_idx')
      .on(t.authorId, t.spaceId, t.occurredAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.sharedAt} is not null and ${t.archivedAt} is null`),
  ],
);

/** The sections of the couple's plan; each is plain text, and any may be empty. */
const planSections = () => ({
  signs: text('signs').notNull().default(''),
  signal: text('signal').notNull().default(''),
  response: text('response').notNull().default(''),
  timeOut: text('time_out').notNull().default(''),
  afterwards: text('afterwards').notNull().default(''),
});

/**
 * The couple's trigger plan: co-authored, it belongs to the space (decision 0007, rule 3), with the
 * columns every co-authored item has (`co-authored.ts`). One plan per set of members: it is tied to
 * the memberships of the people in the space when it was started (the second is null while one
 * person is alone). When that set changes, the plan stays as read-only history for whoever of
 * them is still in the space, and a new set starts afresh. The row holds the newest text; every
 * save also adds a row to trigger_plan_versions.
 */
export const triggerPlans = pgTable(
  'trigger_plans',
  {
    ...coAuthoredItemColumns(),
    ...planSections(),
  },
  (t) => [
    unique('trigger_plans_members_key').on(t.memberOneId, t.memberTwoId).nullsNotDistinct(),
    index('trigger_plans_member_two_idx').on(t.memberTwoId),
  ],
);

export const triggerPlanVersions = pgTable(
  'trigger_plan_versions',
  {
    ...coAuthoredVersionColumns('plan_id', () => triggerPlans.id),
    ...planSections(),
  },
  (t) => [unique('trigger_plan_versions_plan_version_key').on(t.itemId, t.version)],
);

/** Who of the couple accepts which version of their plan ("we both agree to this one"). */
export const triggerPlanAcceptances = pgTable(
  'trigger_plan_acceptances',
  coAuthoredAcceptanceColumns('plan_id', () => triggerPlans.id),
  (t) => coAuthoredAcceptanceKeys('trigger_plan_acceptances', t),
);
