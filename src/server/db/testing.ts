import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTestEnvironment } from '#server/config/index.ts';
import { createDatabaseDir, dataDirPaths, migratePglite, pgliteHandle } from './engine-pglite';
import { openPostgresDatabase } from './engine-postgres';
import { migrationsFingerprint } from './migrations';
import { PgliteWorkerClient } from './pglite-client';
import { createScratchPostgresDatabase } from './scratch';
import type { DatabaseHandle, DbLogger, QueryObserver } from './types';

/**
 * Fresh, migrated, empty databases for tests.
 *
 * pglite: the migrated cluster is built once into a tarball (kept in memory for the process and
 * in `.tmp/` keyed by the migrations and the PGlite version), and each database is an in-memory
 * PGlite loaded from it, through the same worker client as the app.
 *
 * postgres: a scratch database `hh_test_<time>_<random>` on the server (scratch.ts), migrated;
 * `close()` drops it.
 */

export interface TestDatabaseOptions {
  /** PostgreSQL server for the 'postgres' engine; defaults to TEST_POSTGRES_URL or the local test server. */
  postgresUrl?: string;
  logger?: DbLogger;
  /** Sees the SQL of every query (to count queries per request). */
  onQuery?: QueryObserver;
}

const quietLogger: DbLogger = {
  info() {},
  warn(obj, msg) {
    process.stderr.write(`[test db] ${msg ?? ''} ${JSON.stringify(obj)}\n`);
  },
  error(obj, msg) {
    process.stderr.write(`[test db] ${msg ?? ''} ${JSON.stringify(obj)}\n`);
  },
};

const CACHE_DIR = fileURLToPath(new URL('../../../.tmp/test-db', import.meta.url));

const pgliteDist = () =>
  path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));

function pgliteVersion(): string {
  const manifest = path.join(pgliteDist(), '..', 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

let template: Promise<Uint8Array> | undefined;

async function buildTemplate(logger: DbLogger): Promise<Uint8Array> {
  const file = path.join(CACHE_DIR, `pglite-${pgliteVersion()}-${migrationsFingerprint()}.tar`);
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch {
    // not cached yet
  }
  const client = await PgliteWorkerClient.start({ dataDir: 'memory://', logger });
  let bytes: Uint8Array;
  try {
    await migratePglite(client);
    bytes = await client.dumpDataDir('none');
  } finally {
    await client.close();
  }
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, file); // atomic: parallel test workers never read half a file
  } catch (error) {
    logger.warn({ err: String(error) }, 'could not cache the test database template');
  }
  return bytes;
}

/** The migrated template as a `dumpDataDir` tarball (for tests of the worker client itself). */
export function testTemplateTarball(): Promise<Uint8Array> {
  return templateBytes(quietLogger);
}

function templateBytes(logger: DbLogger): Promise<Uint8Array> {
  template ??= buildTemplate(logger).catch((error: unknown) => {
    template = undefined;
    throw error;
  });
  return template;
}

async function createPgliteTestDatabase(
  logger: DbLogger,
  onQuery?: QueryObserver,
): Promise<DatabaseHandle> {
  const bytes = await templateBytes(logger);
  // The worker gets a copy (structured clone); the cached template stays intact.
  const client = await PgliteWorkerClient.start({
    dataDir: 'memory://',
    loadDataDir: bytes,
    logger,
  });
  return pgliteHandle(client, { logger, onQuery });
}

async function createPostgresTestDatabase(
  serverUrl: string,
  logger: DbLogger,
  onQuery?: QueryObserver,
): Promise<DatabaseHandle> {
  const scratch = await createScratchPostgresDatabase(serverUrl);
  try {
    return await openPostgresDatabase({
      databaseUrl: scratch.url,
      logger,
      max: 4,
      onClose: () => scratch.drop(),
      onQuery,
    });
  } catch (error) {
    await scratch.drop().catch(() => {});
    throw error;
  }
}

export async function createTestDatabase(
  engine: 'pglite' | 'postgres',
  options: TestDatabaseOptions = {},
): Promise<DatabaseHandle> {
  const logger = options.logger ?? quietLogger;
  if (engine === 'pglite') return createPgliteTestDatabase(logger, options.onQuery);
  return createPostgresTestDatabase(
    options.postgresUrl ?? readTestEnvironment().postgresUrl,
    logger,
    options.onQuery,
  );
}

let templateDir: Promise<string> | undefined;

/** The template as a ready data directory on disk (built once, then reused by every process). */
function templateDirectory(logger: DbLogger): Promise<string> {
  templateDir ??= (async () => {
    const dir = path.join(CACHE_DIR, `pglite-${pgliteVersion()}-${migrationsFingerprint()}.dir`);
    if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return dir;
    const building = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.mkdirSync(building, { recursive: true });
    await createDatabaseDir(dataDirPaths(building), logger, await templateBytes(logger));
    try {
      fs.renameSync(path.join(building, 'db'), dir);
    } catch (error) {
      // Another test process finished first; theirs is as good.
      if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) throw error;
    } finally {
      fs.rmSync(building, { recursive: true, force: true });
    }
    return dir;
  })().catch((error: unknown) => {
    templateDir = undefined;
    throw error;
  });
  return templateDir;
}

/**
 * Puts a fresh, migrated database into `${dataDir}/db` (a copy of the template folder, so no
 * initdb), for tests that need a real data folder; `openDatabase({ dataDir })` then opens it.
 */
export async function createTestDataDir(
  dataDir: string,
  options: { logger?: DbLogger } = {},
): Promise<void> {
  const logger = options.logger ?? quietLogger;
  const paths = dataDirPaths(dataDir);
  fs.mkdirSync(paths.root, { recursive: true });
  if (fs.existsSync(paths.db)) throw new Error(`${paths.db} already exists`);
  fs.cpSync(await templateDirectory(logger), paths.db, { recursive: true });
}
