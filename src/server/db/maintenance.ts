import fs from 'node:fs';
import path from 'node:path';
import {
  listBackups,
  looksLikeBackup,
  takeBackup,
  type BackupFile,
  type BackupResult,
} from './backup';
import {
  createDatabaseDir,
  dataDirPaths,
  lockDataDir,
  prepareDatabaseDir,
  stamp,
} from './engine-pglite';
import { PgliteWorkerClient } from './pglite-client';
import type { DbLogger } from './types';

/**
 * Offline operations on an embedded data folder (`npm run backup`, `npm run restore`). Each takes
 * the data-folder lock first, so it refuses with `LockHeldError` while the app runs.
 */

export interface BackupDataDirOptions {
  dataDir: string;
  keep: number;
  logger: DbLogger;
}

/** Opens the database (without migrating it), writes one backup, closes. */
export async function backupDataDir(options: BackupDataDirOptions): Promise<BackupResult> {
  const paths = dataDirPaths(options.dataDir);
  const lock = lockDataDir(paths, options.logger);
  try {
    if (!fs.existsSync(path.join(paths.db, 'PG_VERSION'))) {
      throw new Error(`There is no database in ${paths.db} to back up.`);
    }
    prepareDatabaseDir(paths, options.logger); // only clears an empty postmaster.pid here
    const client = await PgliteWorkerClient.start({ dataDir: paths.db, logger: options.logger });
    try {
      return await takeBackup(client, paths.backups, options.keep, options.logger);
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
}

export interface RestoreOptions {
  dataDir: string;
  /** A backup file (`hh-*.tar.gz`, or any PGlite `dumpDataDir` tarball). */
  file: string;
  logger: DbLogger;
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the database that was there before now lives, if there was one. */
  previous: string | undefined;
}

/**
 * Replaces `${dataDir}/db` with the backup. The backup is loaded and started in a staging folder
 * first; only when that works does the current database move aside, to
 * `${dataDir}/db.before-restore-<time>`, and the staging folder take its place.
 */
export async function restoreDataDir(options: RestoreOptions): Promise<RestoreResult> {
  const file = path.resolve(options.file);
  const bytes = new Uint8Array(fs.readFileSync(file));
  if (!looksLikeBackup(bytes))
    throw new Error(`${file} is not a Healing Hearts backup (expected a .tar.gz file).`);
  const paths = dataDirPaths(options.dataDir);
  const lock = lockDataDir(paths, options.logger);
  try {
    const staging = { ...paths, db: `${paths.db}.restoring` };
    fs.rmSync(staging.db, { recursive: true, force: true });
    // Loads the tarball into `${db}.restoring.creating`, starts it once, renames it to `${db}.restoring`.
    await createDatabaseDir(staging, options.logger, bytes);
    let previous: string | undefined;
    if (fs.existsSync(paths.db)) {
      previous = `${paths.db}.before-restore-${stamp()}`;
      fs.renameSync(paths.db, previous);
    }
    fs.renameSync(staging.db, paths.db);
    options.logger.info({ file, previous }, 'database restored');
    return { restoredFrom: file, previous };
  } finally {
    lock.release();
  }
}

export function backupsOf(dataDir: string): { dir: string; files: BackupFile[] } {
  const dir = dataDirPaths(dataDir).backups;
  return { dir, files: listBackups(dir) };
}

function describe(obj: object): string {
  return JSON.stringify(obj, (_key, value: unknown) =>
    value instanceof Error ? `${value.name}: ${value.message}` : value,
  );
}

/** For the maintenance scripts: warnings and errors on stderr, one line each; info stays quiet. */
export const cliLogger: DbLogger = {
  info() {},
  warn(obj, msg) {
    process.stderr.write(`warning: ${msg ?? ''} ${describe(obj)}\n`);
  },
  error(obj, msg) {
    process.stderr.write(`error: ${msg ?? ''} ${describe(obj)}\n`);
  },
};
