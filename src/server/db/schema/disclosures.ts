import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { itemColumns, sharedAtColumn, visibilityCheck } from './item-columns';

/**
 * Sealed disclosures (docs/features/disclosures.md). A disclosure is an item of its writer (the
 * involved partner): private while it is a draft, shared with the partner from the moment it is
 * sealed (`shared_at` is that moment), and never changed after. The partner reads its words only
 * once they have opened it (`opened_at`).
 */
const at = (name: string) => timestamp(name, { withTimezone: true });
/** Never shared with a therapist: a disclosure is between the two of them. */
const PRIVATE_OR_PARTNER = ['private', 'partner'] as const;

export const disclosures = pgTable(
  'disclosures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...itemColumns(),
    sharedAt: sharedAtColumn(),
    body: text('body').notNull().default(''),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    /** Set once, when the writer seals it; from then on nothing else of the row changes but `opened_at`. */
    sealedAt: at('sealed_at'),
    /** Set once, the first time the partner opens it. */
    openedAt: at('opened_at'),
    /** Bumped on every save of the draft; the ETag for If-Match. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    visibilityCheck('disclosures', t.visibility, PRIVATE_OR_PARTNER),
    // Sealed means shared, and only a sealed one can have been opened.
    check(
      'disclosures_sealed_shared',
      sql`(${t.sealedAt} is null) = (${t.visibility} = 'private')`,
    ),
    check('disclosures_opened_after_seal', sql`${t.openedAt} is null or ${t.sealedAt} is not null`),
    // My disclosures, newest first.
    index('disclosures_by_author').on(t.authorId, t.createdAt),
    // What my partner sealed for me in this space.
    index('disclosures_shared').on(t.spaceId, t.authorId, t.sharedAt),
  ],
);
