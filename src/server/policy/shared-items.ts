import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { keysetCursor } from '#server/http/cursor.ts';
import type {
  ItemScope,
  PresentWords,
  PresentedItem,
  ShareableKind,
  SharedItemKind,
  SharedItemRow,
} from './manifest';

export type { ItemPart, ItemScope, MeasureWords, SharedItemKind, SharedItemRow } from './manifest';

/**
 * Shared items across kinds. Each feature manifest declares its shareable kinds
 * (`ShareableKind`: its table, its branch of the union, its presenter); the shell passes the list
 * in, so a new kind reaches every reader without an edit here. Each kind is one branch of a
 * `union all` with the same columns, so a feature can list, page and open items of every kind in
 * one query. Who may read what is not decided here: the caller passes a scope — a function that
 * turns an item table's columns into a WHERE condition from `rules.ts` (`visibleItems` for a
 * partner, `therapistVisibleItems` for a therapist). A kind that can never carry the caller's
 * visibility (an impact letter is never shared with a therapist) simply matches nothing.
 */
export interface SharedItemQuery {
  /** Only these ids of each kind (a kind not in the map gives nothing). */
  ids?: Map<SharedItemKind, string[]>;
  /** Only this kind. */
  kind?: SharedItemKind;
  /** Leave the content out (lists that show only kind, date and author). Default true. */
  withBody?: boolean;
}

/** One branch of the union per kind, each giving the same columns in the same order. */
export function sharedItemBranches(
  kinds: readonly ShareableKind[],
  scope: ItemScope,
  query: SharedItemQuery = {},
): SQL[] {
  const { ids, kind: onlyKind, withBody = true } = query;
  const body = (content: SQL): SQL => (withBody ? content : sql`null::json`);
  const out: SQL[] = [];
  for (const k of kinds) {
    if (onlyKind && onlyKind !== k.kind) continue;
    const list = ids?.get(k.kind);
    if (ids && (!list || list.length === 0)) continue;
    const where = and(scope(k.table), list ? inArray(k.table.id, list) : undefined)!;
    out.push(k.branch({ where, body }));
  }
  return out;
}

const COLUMNS = 'kind, id, author_id, space_id, at, day, title, therapist_shared_at, body';

/**
 * The items of every kind `scope` lets through, as one `union all` with the columns of
 * `SharedItemRow`. Use it as a subquery: `select ... from (${sharedItems(...)}) as items`.
 */
export function sharedItems(
  kinds: readonly ShareableKind[],
  scope: ItemScope,
  query: SharedItemQuery = {},
): SQL {
  const parts = sharedItemBranches(kinds, scope, query);
  // No kind wanted (an empty pick list): a union that gives no rows, with the same columns.
  if (parts.length === 0) {
    return sql.raw(
      `select null::text as kind, null::uuid as id, null::uuid as author_id, null::uuid as space_id,
        null::timestamptz as at, null::text as day, null::text as title,
        null::timestamptz as therapist_shared_at, null::json as body where false`,
    );
  }
  return sql.join(
    parts.map((part, i) => sql`select * from (${part}) as ${sql.raw(`k${i}(${COLUMNS})`)}`),
    sql` union all `,
  );
}

/* ---------- Keyset pages over the union: (at, id), newest first ---------- */

/** The page position after an item: its exact timestamp text and its id. */
export const itemCursor = keysetCursor({ at: 'timestamp', id: 'uuid' });

/** The WHERE condition for the page after `after` (or every item, for the first page). */
export function afterItem(after: { at: string; id: string } | undefined): SQL {
  return after
    ? sql`(items.at, items.id) < (${after.at}::timestamptz, ${after.id}::uuid)`
    : sql`true`;
}

/* ---------- Content as lines a page can show ---------- */

/**
 * An item's title and content lines, from a row read with its body, by its kind's presenter.
 * Empty lines are left out, for every kind alike.
 */
export function presentSharedItem(
  kinds: readonly ShareableKind[],
  row: SharedItemRow,
  words: PresentWords,
): PresentedItem {
  const kind = kinds.find((k) => k.kind === row.kind);
  if (!kind) throw new Error(`No feature manifest declares the shared kind ${row.kind}.`);
  const { title, parts } = kind.present(row, words);
  return { title, parts: parts.filter((p) => p.text.trim() !== '') };
}
