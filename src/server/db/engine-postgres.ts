import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as runMigrator } from 'drizzle-orm/node-postgres/migrator';
import { MIGRATIONS_FOLDER } from './migrations';
import * as schema from './schema';
import type { Database, DatabaseHandle, DbLogger, QueryObserver } from './types';

/** Serialises migrations when several app servers start against one PostgreSQL at once. */
async function migratePostgres(pool: pg.Pool): Promise<void> {
  const connection = await pool.connect();
  try {
    await connection.query(`select pg_advisory_lock(hashtext('healing-hearts migrations'))`);
    try {
      await runMigrator(drizzle({ client: connection, schema }), {
        migrationsFolder: MIGRATIONS_FOLDER,
      });
    } finally {
      await connection.query(`select pg_advisory_unlock(hashtext('healing-hearts migrations'))`);
    }
  } finally {
    connection.release();
  }
}

export interface OpenPostgresOptions {
  databaseUrl: string;
  logger: DbLogger;
  migrate?: boolean | undefined;
  /** Pool size; 10 by default. */
  max?: number;
  /** Runs after the pool has ended (test databases drop themselves here). */
  onClose?: () => Promise<void>;
  onQuery?: QueryObserver | undefined;
}

export async function openPostgresDatabase(options: OpenPostgresOptions): Promise<DatabaseHandle> {
  const { logger } = options;
  const started = Date.now();
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.max ?? 10,
    application_name: 'healing-hearts',
  });
  // Without a listener, a server-side disconnect of an idle client would crash the process.
  pool.on('error', (error) => logger.error({ err: error }, 'an idle PostgreSQL connection failed'));
  try {
    await pool.query('select 1');
    if (options.migrate ?? true) await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  const onQuery = options.onQuery;
  const db: Database = drizzle({
    client: pool,
    schema,
    ...(onQuery ? { logger: { logQuery: (query: string) => onQuery(query) } } : {}),
  });
  let closing: Promise<void> | undefined;
  logger.info({ engine: 'postgres', ms: Date.now() - started }, 'database open');
  return {
    db,
    engine: 'postgres',
    async ping() {
      await pool.query('select 1');
    },
    close() {
      closing ??= (async () => {
        await pool.end();
        await options.onClose?.();
      })();
      return closing;
    },
  };
}
