import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { itemColumns, sharedAtColumn, visibilityCheck } from './item-columns';

/**
 * The no-contact confirmation and the contact log (docs/features/contact-log.md). The involved
 * partner writes every entry; each is shared with the partner as it is written, and never
 * changed in place: a correction is a new row in `contact_log_versions`, which the partner reads
 * too. The entry row holds the newest wording and its number (the ETag).
 */
const at = (name: string) => timestamp(name, { withTimezone: true });

export const contactLogEntries = pgTable(
  'contact_log_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...itemColumns({ defaultVisibility: 'partner' }),
    sharedAt: sharedAtColumn(),
    /** `ended`: contact with the affair partner ended; `contact`: a later contact, told. */
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    how: text('how').notNull().default(''),
    whatWasSaid: text('what_was_said').notNull().default(''),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // Told to the partner as it is written: never private, never for a therapist.
    visibilityCheck('contact_log_entries', t.visibility, ['partner']),
    check('contact_log_entries_kind', sql`${t.kind} in ('ended', 'contact')`),
    index('contact_log_entries_by_space').on(t.spaceId, t.authorId, t.sharedAt),
  ],
);

/** Every wording an entry has had, first to newest; never changed. */
export const contactLogVersions = pgTable(
  'contact_log_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => contactLogEntries.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    how: text('how').notNull(),
    whatWasSaid: text('what_was_said').notNull(),
    note: text('note').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contact_log_versions_number').on(t.entryId, t.number)],
);
