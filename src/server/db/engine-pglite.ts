import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate as runMigrator } from 'drizzle-orm/pglite/migrator';
import { listBackups, removeUnfinishedBackups, takeBackup } from './backup';
import { acquireLock, type DataDirLock } from './lock';
import { hasPendingMigrations, MIGRATIONS_FOLDER } from './migrations';
import { PgliteWorkerClient } from './pglite-client';
import * as schema from './schema';
import type { BackupSettings, Database, DatabaseHandle, DbLogger, QueryObserver } from './types';

/** Where things live inside DATA_DIR. */
export function dataDirPaths(dataDir: string) {
  const root = path.resolve(dataDir);
  return {
    root,
    db: path.join(root, 'db'),
    lock: path.join(root, 'db.lock'),
    backups: path.join(root, 'backups'),
  };
}
export type DataDirPaths = ReturnType<typeof dataDirPaths>;

/** A folder-name-safe timestamp, e.g. 2026-11-25T03-04-05-123Z. */
export function stamp(time = new Date()): string {
  return time.toISOString().replace(/[:.]/g, '-');
}

export function drizzleOverClient(client: PgliteWorkerClient, onQuery?: QueryObserver) {
  // The worker client implements the part of PGlite's interface that drizzle-orm/pglite uses.
  return drizzle({
    client: client as unknown as PGlite,
    schema,
    ...(onQuery ? { logger: { logQuery: (query: string) => onQuery(query) } } : {}),
  });
}

export async function migratePglite(client: PgliteWorkerClient): Promise<void> {
  await runMigrator(drizzleOverClient(client), { migrationsFolder: MIGRATIONS_FOLDER });
}

/** Takes the data-folder lock, logging a takeover from a dead holder. Throws `LockHeldError`. */
export function lockDataDir(paths: DataDirPaths, logger: DbLogger): DataDirLock {
  fs.mkdirSync(paths.root, { recursive: true, mode: 0o700 });
  return acquireLock(paths.lock, (reason, previous) => {
    logger.warn(
      { lockFile: paths.lock, previousPid: previous?.pid, reason },
      'took over a stale data-folder lock',
    );
  });
}

/**
 * Gets `${dataDir}/db` ready to open, under our lock: 'existing' for a database, 'new' when there
 * is none yet. A 0-byte `postmaster.pid` (left by a kill during PGlite's start-up) makes the next
 * start fail, so it goes. A folder without PG_VERSION is not a database (an interrupted copy):
 * it is moved aside, never deleted.
 */
export function prepareDatabaseDir(paths: DataDirPaths, logger: DbLogger): 'existing' | 'new' {
  if (fs.existsSync(path.join(paths.db, 'PG_VERSION'))) {
    const pidFile = path.join(paths.db, 'postmaster.pid');
    try {
      if (fs.statSync(pidFile).size === 0) {
        fs.rmSync(pidFile);
        logger.warn(
          { file: pidFile },
          'removed an empty postmaster.pid left by an interrupted start',
        );
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return 'existing';
  }
  if (fs.existsSync(paths.db)) {
    if (fs.readdirSync(paths.db).length > 0) {
      const aside = `${paths.db}.incomplete-${stamp()}`;
      fs.renameSync(paths.db, aside);
      logger.warn(
        { movedTo: aside },
        'the database folder held no complete database; moved it aside',
      );
    } else {
      fs.rmdirSync(paths.db);
    }
  }
  return 'new';
}

/**
 * Fills `${dataDir}/db` with a new cluster (or the `loadDataDir` tarball) so that it appears
 * whole or not at all: PGlite works in a staging folder that is renamed into place once closed.
 */
export async function createDatabaseDir(
  paths: DataDirPaths,
  logger: DbLogger,
  loadDataDir?: Uint8Array,
): Promise<void> {
  const staging = `${paths.db}.creating`;
  fs.rmSync(staging, { recursive: true, force: true });
  const client = await PgliteWorkerClient.start({ dataDir: staging, logger, loadDataDir });
  try {
    await client.query('select 1');
  } finally {
    await client.close();
  }
  fs.renameSync(staging, paths.db);
}

interface PgliteHandleOptions {
  logger: DbLogger;
  /** Runs last in close(), e.g. to release the lock. */
  onClose?: () => void;
  backups?: { dir: string; settings: BackupSettings };
  onQuery?: QueryObserver | undefined;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** Wraps an open worker client in the app-facing handle, with the backup timer if asked for. */
export function pgliteHandle(
  client: PgliteWorkerClient,
  options: PgliteHandleOptions,
): DatabaseHandle {
  const { logger } = options;
  const db: Database = drizzleOverClient(client, options.onQuery);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let closing: Promise<void> | undefined;

  const backups = options.backups;
  if (backups?.settings.enabled) {
    const { dir, settings } = backups;
    const schedule = () => {
      const latest = listBackups(dir).at(-1);
      const dueIn = latest
        ? latest.time.getTime() + settings.intervalMs - Date.now()
        : settings.intervalMs;
      timer = setTimeout(() => void tick(), Math.min(Math.max(dueIn, 0), MAX_TIMER_MS));
      timer.unref();
    };
    const tick = async () => {
      timer = undefined;
      const latest = listBackups(dir).at(-1);
      if (!latest || Date.now() - latest.time.getTime() >= settings.intervalMs) {
        running = takeBackup(client, dir, settings.keep, logger).catch((error: unknown) => {
          logger.error({ err: error }, 'the scheduled database backup failed');
        });
        await running;
        running = undefined;
      }
      if (!closing) schedule();
    };
    schedule();
  }

  const close = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    try {
      await running;
      await client.close();
    } finally {
      options.onClose?.();
    }
  };

  return {
    db,
    engine: 'pglite',
    async ping() {
      await client.query('select 1');
    },
    listen(channel, handlers) {
      return client.listen(channel, (payload) => handlers.onPayload(payload));
    },
    close() {
      closing ??= close();
      return closing;
    },
  };
}

export interface OpenPgliteOptions {
  dataDir: string;
  logger: DbLogger;
  backups?: BackupSettings | undefined;
  migrate?: boolean | undefined;
  onQuery?: QueryObserver | undefined;
}

/** Lock → tidy the folder → start the worker → backup (when due) → migrate. */
export async function openPgliteDatabase(options: OpenPgliteOptions): Promise<DatabaseHandle> {
  const { logger } = options;
  const started = Date.now();
  const paths = dataDirPaths(options.dataDir);
  const lock = lockDataDir(paths, logger);
  let client: PgliteWorkerClient | undefined;
  try {
    const state = prepareDatabaseDir(paths, logger);
    if (state === 'new') {
      await createDatabaseDir(paths, logger);
      logger.info({ dir: paths.db }, 'created a new database');
    }
    client = await PgliteWorkerClient.start({ dataDir: paths.db, logger });

    const settings = options.backups;
    const migrate = options.migrate ?? true;
    if (settings?.enabled && state === 'existing') {
      removeUnfinishedBackups(paths.backups);
      const latest = listBackups(paths.backups).at(-1);
      const stale = !latest || Date.now() - latest.time.getTime() >= settings.intervalMs;
      // Always keep a copy from just before the schema changes.
      if (stale || (migrate && (await hasPendingMigrations(drizzleOverClient(client))))) {
        await takeBackup(client, paths.backups, settings.keep, logger);
      }
    }
    if (migrate) await migratePglite(client);

    const handle = pgliteHandle(client, {
      onQuery: options.onQuery,
      logger,
      onClose: () => lock.release(),
      backups: settings ? { dir: paths.backups, settings } : undefined,
    });
    logger.info({ engine: 'pglite', dir: paths.db, ms: Date.now() - started }, 'database open');
    return handle;
  } catch (error) {
    await client?.close().catch(() => {});
    lock.release();
    throw error;
  }
}
