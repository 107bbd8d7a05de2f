import fs from 'node:fs';
import path from 'node:path';
import type { PgliteWorkerClient } from './pglite-client';
import type { DbLogger } from './types';

/**
 * Backup files of the embedded engine: `${dataDir}/backups/hh-2026-11-25T03-04-05.123Z.tar.gz`,
 * a gzipped tarball of the PGlite data directory (PGlite's own `dumpDataDir` format, taken
 * consistently by the worker). Names sort by time. A file is written under a temporary name and
 * renamed when complete, so a half-written backup never looks like a backup.
 */

const NAME = /^hh-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(\.\d{3})?Z\.tar\.gz$/;

export interface BackupFile {
  name: string;
  path: string;
  time: Date;
}

export function backupFileName(time: Date): string {
  return `hh-${time.toISOString().replace(/:/g, '-')}.tar.gz`;
}

export function parseBackupTime(name: string): Date | undefined {
  const match = NAME.exec(name);
  if (!match) return undefined;
  const [, day, hours, minutes, seconds, millis] = match;
  const time = new Date(`${day}T${hours}:${minutes}:${seconds}${millis ?? ''}Z`);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

/** The backups in `dir`, oldest first. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: BackupFile[] = [];
  for (const name of names) {
    const time = parseBackupTime(name);
    if (time) files.push({ name, path: path.join(dir, name), time });
  }
  return files.sort((a, b) => a.time.getTime() - b.time.getTime() || a.name.localeCompare(b.name));
}

/** Deletes all but the newest `keep` backups; returns the deleted names. */
export function pruneBackups(dir: string, keep: number): string[] {
  const files = listBackups(dir);
  const doomed = files.slice(0, Math.max(0, files.length - Math.max(1, keep)));
  for (const file of doomed) fs.rmSync(file.path, { force: true });
  return doomed.map((file) => file.name);
}

/** Leftovers of backups interrupted by a crash. */
export function removeUnfinishedBackups(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith('.hh-') && name.endsWith('.tmp'))
      fs.rmSync(path.join(dir, name), { force: true });
  }
}

async function writeDurably(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await fs.promises.open(file, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
}

/** Dumps the database behind `client` into `dir`, then keeps the newest `keep` files. */
export async function takeBackup(
  client: PgliteWorkerClient,
  dir: string,
  keep: number,
  logger: DbLogger,
): Promise<BackupResult> {
  const started = Date.now();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const bytes = await client.dumpDataDir('gzip');
  let time = new Date();
  while (fs.existsSync(path.join(dir, backupFileName(time)))) time = new Date(time.getTime() + 1);
  const name = backupFileName(time);
  const temporary = path.join(dir, `.${name}.tmp`);
  const file = path.join(dir, name);
  try {
    await writeDurably(temporary, bytes);
    await fs.promises.rename(temporary, file);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
  const pruned = pruneBackups(dir, keep);
  const result = { file, bytes: bytes.byteLength, ms: Date.now() - started };
  logger.info({ ...result, pruned }, 'database backup written');
  return result;
}

/** True when `bytes` starts like a gzip stream or a tar archive (what restore accepts). */
export function looksLikeBackup(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return true;
  return bytes.length > 262 && Buffer.from(bytes.subarray(257, 262)).toString('latin1') === 'ustar';
}
