import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as runMigrator } from 'drizzle-orm/node-postgres/migrator';
import { MIGRATIONS_FOLDER } from './migrations';
import * as schema from './schema';
import type { Database, DatabaseHandle, DbLogger, ListenHandlers, QueryObserver } from './types';

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
  const listener = new PostgresListener(options.databaseUrl, logger);
  logger.info({ engine: 'postgres', ms: Date.now() - started }, 'database open');
  return {
    db,
    engine: 'postgres',
    async ping() {
      await pool.query('select 1');
    },
    listen(channel, handlers) {
      return listener.listen(channel, handlers);
    },
    close() {
      closing ??= (async () => {
        await listener.close();
        await pool.end();
        await options.onClose?.();
      })();
      return closing;
    },
  };
}

/** How long to wait before connecting the LISTEN client again, after each failed try. */
const RECONNECT_DELAYS_MS = [100, 500, 1_000, 2_000, 5_000];

/**
 * One dedicated connection per process for LISTEN (issue 12, decision 0052): a pooled connection
 * would be handed to other queries. Opened on the first `listen`; when it drops, it reconnects,
 * LISTENs again and calls every `onGap` (NOTIFYs sent while it was gone are lost).
 */
class PostgresListener {
  readonly #channels = new Map<string, Set<ListenHandlers>>();
  #client: pg.Client | undefined;
  #connecting: Promise<pg.Client> | undefined;
  #closed = false;
  #attempt = 0;
  #retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly logger: DbLogger,
  ) {}

  async listen(channel: string, handlers: ListenHandlers): Promise<() => void> {
    let set = this.#channels.get(channel);
    const first = !set;
    if (!set) {
      set = new Set();
      this.#channels.set(channel, set);
    }
    set.add(handlers);
    const client = await this.#connect();
    if (first) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return () => {
      set.delete(handlers);
    };
  }

  #connect(): Promise<pg.Client> {
    if (this.#client) return Promise.resolve(this.#client);
    this.#connecting ??= (async () => {
      const client = new pg.Client({
        connectionString: this.url,
        application_name: 'healing-hearts-listen',
      });
      client.on('notification', (message) => {
        for (const handlers of this.#channels.get(message.channel) ?? []) {
          handlers.onPayload(message.payload ?? '');
        }
      });
      client.on('error', (error) => {
        this.logger.warn({ err: error }, 'the LISTEN connection failed; reconnecting');
        this.#lost(client);
      });
      client.on('end', () => this.#lost(client));
      try {
        await client.connect();
        for (const channel of this.#channels.keys()) {
          await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        }
      } catch (error) {
        this.#connecting = undefined;
        await client.end().catch(() => {});
        throw error;
      }
      this.#client = client;
      this.#connecting = undefined;
      this.#attempt = 0;
      return client;
    })();
    return this.#connecting;
  }

  #lost(client: pg.Client) {
    if (this.#client !== client) return;
    this.#client = undefined;
    void client.end().catch(() => {});
    if (this.#closed) return;
    this.#scheduleReconnect();
  }

  #scheduleReconnect() {
    const delay = RECONNECT_DELAYS_MS[Math.min(this.#attempt, RECONNECT_DELAYS_MS.length - 1)]!;
    this.#attempt += 1;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      this.#connect().then(
        () => {
          for (const set of this.#channels.values()) for (const handlers of set) handlers.onGap?.();
        },
        (error: unknown) => {
          this.logger.warn({ err: error }, 'could not connect the LISTEN connection; retrying');
          if (!this.#closed) this.#scheduleReconnect();
        },
      );
    }, delay);
    this.#retry.unref();
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    const client = this.#client ?? (await this.#connecting?.catch(() => undefined));
    this.#client = undefined;
    await client?.end().catch(() => {});
  }
}
