import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { check, timestamp, uuid, text, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { ITEM_VISIBILITIES, type ItemVisibility } from '#shared/visibility.ts';
import { spaces, users } from './core';

/**
 * The columns every authored item carries (BRIEF §3, decision 0015): who wrote it, the space it
 * was written or last shared in, and who may read it. Every item table spreads `itemColumns()`
 * and adds `visibilityCheck(...)`, so the nine item tables cannot drift apart in what a
 * visibility may be. `src/server/policy/rules.ts` scopes every query on these columns.
 */
export function itemColumns(options: { defaultVisibility?: ItemVisibility } = {}) {
  return {
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The space it was written (or last shared) in; null when written outside one. A space is
     * closed, never deleted: `set null` only guards a future erasure path. */
    spaceId: uuid('space_id').references(() => spaces.id, { onDelete: 'set null' }),
    visibility: text('visibility')
      .notNull()
      .default(options.defaultVisibility ?? 'private'),
  };
}

/** When the author last widened the item to the partner; null while private. */
export const sharedAtColumn = () => timestamp('shared_at', { withTimezone: true });

/**
 * `column in ('a', 'b')` with the values as literals, not parameters: a partial index carries
 * exactly this text, and a plan can use such an index only when a query has the same text.
 */
export function visibilityIn(column: SQLWrapper, values: readonly ItemVisibility[]): SQL {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
}

/**
 * The CHECK of an item table: one of the vocabulary's values. A table that may never be shared
 * with a therapist narrows `allowed` (the impact letter: private or partner).
 */
export function visibilityCheck(
  table: string,
  column: AnyPgColumn,
  allowed: readonly ItemVisibility[] = ITEM_VISIBILITIES,
) {
  return check(`${table}_visibility`, visibilityIn(column, allowed));
}
