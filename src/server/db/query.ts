import type { SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from './types';

/**
 * Raw SQL through Drizzle, typed rows out.
 *
 * `db.execute(sql)` works on both engines and both return an object with `rows` (PGlite:
 * `{ rows, fields, affectedRows }`; node-postgres: its `QueryResult`, `{ rows, rowCount, fields }`),
 * each row an object keyed by column name. On the shared `Database` type its result is untyped,
 * hence this helper. Values are the same on both engines: int8/count(*) come back as strings,
 * timestamps/dates/intervals as Postgres' text (Drizzle asks both drivers for the raw text; map
 * it with `new Date(...)` or select through schema columns, which give `Date`s), uuid as string,
 * json/jsonb parsed.
 */
export async function queryRows<T extends Record<string, unknown>>(
  db: DbOrTx,
  query: SQLWrapper | string,
): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
