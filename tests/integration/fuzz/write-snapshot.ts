import { sql } from 'drizzle-orm';
import type { Database } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';

/**
 * Tables whose rows change without anyone writing content: a session's last-seen time moves on
 * every signed-in request, whatever its answer, and a credential route counts every try in
 * `rate_limits` (a refused try is exactly what it must count; decision 0031), and a passkey
 * answer uses up the session's WebAuthn challenge in `session_step_ups` whether or not it is
 * accepted (a challenge answered wrongly once must not be tried again).
 */
const NOT_CONTENT = new Set(['sessions', 'rate_limits', 'session_step_ups']);

/**
 * One cheap query that changes when any row of a user-content table is inserted, updated or
 * deleted: per table, its row count and the newest `xmin` (the transaction that last wrote a row
 * version). Same SQL on PostgreSQL and PGlite.
 */
export async function createWriteSnapshot(db: Database): Promise<() => Promise<string>> {
  const tables = (
    await queryRows<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
  )
    .map((row) => row.name)
    .filter((name) => !NOT_CONTENT.has(name));
  const query = sql.raw(
    tables
      .map(
        (name) =>
          `select '${name}' as t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as v from "${name}"`,
      )
      .join(' union all '),
  );
  return async () => {
    // Sorted here: PostgreSQL may run a long `union all` as a parallel append, in any order.
    const rows = await queryRows<{ t: string; v: string }>(db, query);
    return rows
      .map((row) => `${row.t}=${row.v}`)
      .sort()
      .join(' ');
  };
}
