import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

/** The type both drivers satisfy (drizzle-orm/pglite and drizzle-orm/node-postgres). */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** The database or an open transaction: what every query helper and service function takes. */
export type DbOrTx = Database | Transaction;

/** The logger the database layer writes to (pino's `logger.info(obj, msg)` shape fits). */
export interface DbLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface BackupSettings {
  enabled: boolean;
  /** How many backup files to keep in `${dataDir}/backups`. */
  keep: number;
  intervalMs: number;
}

export interface DatabaseHandle {
  db: Database;
  engine: 'pglite' | 'postgres';
  /** SELECT 1 through the engine; used by /api/health. */
  ping(): Promise<void>;
  /**
   * LISTEN on `channel` (issue 12, decision 0052). A NOTIFY sent inside a transaction arrives only
   * once it commits. PostgreSQL: one dedicated connection per process, reconnected when lost, with
   * `onGap` called after a reconnect (NOTIFYs sent meanwhile are gone). Embedded engine: LISTEN in
   * the worker's one engine. Returns a function that stops this listener.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => void>;
  /** Idempotent: stops the backup timer, checkpoints and closes the worker or ends the pool, releases the lock. */
  close(): Promise<void>;
}

export interface ListenHandlers {
  onPayload(payload: string): void;
  /** Called when notifications may have been missed (a lost connection came back). */
  onGap?(): void;
}

export interface OpenDatabaseOptions {
  /** Set → PostgreSQL via a pg.Pool (max 10) + drizzle-orm/node-postgres. */
  databaseUrl?: string | undefined;
  /** Embedded engine: data in `${dataDir}/db`, lock `${dataDir}/db.lock`, backups `${dataDir}/backups`. */
  dataDir?: string | undefined;
  logger: DbLogger;
  /** Embedded engine only. */
  backups?: BackupSettings | undefined;
  /** Default true: apply the migrations in src/server/db/migrations at open. */
  migrate?: boolean | undefined;
  /** Called with the SQL text of every query the app runs (tests count queries with it). */
  onQuery?: QueryObserver | undefined;
}

export type QueryObserver = (sql: string) => void;
