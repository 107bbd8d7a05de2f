/**
 * The database: PGlite (embedded, in a worker thread) or PostgreSQL (DATABASE_URL), one Drizzle
 * API over both. The only module that imports database drivers.
 *
 * What callers can rely on, on both engines:
 * - Errors from a query are Drizzle's `DrizzleQueryError`; the Postgres error is its `cause`, with
 *   pg's field names: `err.cause.code` ('23505'), `.constraint`, `.detail`, `.table`, `.column`.
 *   The wrapper's message holds the SQL and its parameters: log the code, not the message.
 * - Schema columns map the same way: `timestamp with time zone` → `Date`, uuid → string.
 * - `db.execute(sql)` returns `{ rows }` on both (see `queryRows`).
 * - Inside `db.transaction(async (tx) => ...)` use `tx` only: the embedded engine has one
 *   connection, so a query on `db` waits for the transaction to end (a deadlock; it is logged
 *   after 5 s). A caught error inside a transaction leaves it aborted: use a nested
 *   `tx.transaction()` (a savepoint) or `on conflict` instead of catching and carrying on.
 */
import { openPgliteDatabase } from './engine-pglite';
import { openPostgresDatabase } from './engine-postgres';
import type { DatabaseHandle, OpenDatabaseOptions } from './types';

export type {
  BackupSettings,
  Database,
  DatabaseHandle,
  DbLogger,
  DbOrTx,
  ListenHandlers,
  OpenDatabaseOptions,
  QueryObserver,
  Transaction,
} from './types';
export { LockHeldError } from './lock';
export { queryRows } from './query';
export * as schema from './schema';

/**
 * `databaseUrl` set → PostgreSQL; otherwise the embedded engine in `dataDir` (locked, backed up,
 * migrated). Throws `LockHeldError` when another live process uses that data folder.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    return openPostgresDatabase({
      databaseUrl: options.databaseUrl,
      logger: options.logger,
      migrate: options.migrate,
      onQuery: options.onQuery,
    });
  }
  if (!options.dataDir) throw new Error('openDatabase needs a databaseUrl or a dataDir');
  return openPgliteDatabase({
    dataDir: options.dataDir,
    logger: options.logger,
    backups: options.backups,
    migrate: options.migrate,
    onQuery: options.onQuery,
  });
}
