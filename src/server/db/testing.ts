import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { readTestEnvironment } from '../config';
import { pgliteHandle, migratePglite } from './engine-pglite';
import { openPostgresDatabase } from './engine-postgres';
import { migrationsFingerprint } from './migrations';
import { PgliteWorkerClient } from './pglite-client';
import type { DatabaseHandle, DbLogger } from './types';

/**
 * Fresh, migrated, empty databases for tests.
 *
 * pglite: the migrated cluster is built once into a tarball (kept in memory for the process and
 * in `.tmp/` keyed by the migrations and the PGlite version), and each database is an in-memory
 * PGlite loaded from it, through the same worker client as the app.
 *
 * postgres: `CREATE DATABASE hh_test_<time>_<random>` on the server, migrated; `close()` drops it.
 */

export interface TestDatabaseOptions {
  /** PostgreSQL server for the 'postgres' engine; defaults to TEST_POSTGRES_URL or the local test server. */
  postgresUrl?: string;
  logger?: DbLogger;
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

const pgliteDist = () => path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));

function pgliteVersion(): string {
  const manifest = path.join(pgliteDist(), '..', 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

let template: Promise<Uint8Array> | undefined;
let wasmModule: Promise<WebAssembly.Module> | undefined;

/** Compiled once per process and shared with every test worker thread. */
function compiledWasm(): Promise<WebAssembly.Module> {
  wasmModule ??= WebAssembly.compile(fs.readFileSync(path.join(pgliteDist(), 'pglite.wasm')));
  return wasmModule;
}

async function buildTemplate(logger: DbLogger): Promise<Uint8Array> {
  const file = path.join(CACHE_DIR, `pglite-${pgliteVersion()}-${migrationsFingerprint()}.tar`);
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch {
    // not cached yet
  }
  const client = await PgliteWorkerClient.start({ dataDir: 'memory://', logger, wasmModule: await compiledWasm() });
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

function templateBytes(logger: DbLogger): Promise<Uint8Array> {
  template ??= buildTemplate(logger).catch((error: unknown) => {
    template = undefined;
    throw error;
  });
  return template;
}

async function createPgliteTestDatabase(logger: DbLogger): Promise<DatabaseHandle> {
  const bytes = await templateBytes(logger);
  // The worker gets a copy (structured clone); the cached template stays intact.
  const client = await PgliteWorkerClient.start({
    dataDir: 'memory://',
    loadDataDir: bytes,
    wasmModule: await compiledWasm(),
    logger,
  });
  return pgliteHandle(client, { logger });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const LEFTOVER_AGE_MS = 6 * 3_600_000;
let leftoversSwept = false;

/** Drops test databases that runs killed mid-way left behind (their name carries their birth time). */
async function sweepLeftovers(admin: pg.Client, logger: DbLogger) {
  if (leftoversSwept) return;
  leftoversSwept = true;
  const { rows } = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname like 'hh\\_test\\_%'`,
  );
  for (const { datname } of rows) {
    const born = parseInt(datname.split('_')[2] ?? '', 36);
    if (Number.isFinite(born) && Date.now() - born > LEFTOVER_AGE_MS) {
      await admin.query(`drop database if exists "${datname}" with (force)`).catch((error: unknown) => {
        logger.warn({ err: String(error), database: datname }, 'could not drop a leftover test database');
      });
    }
  }
}

async function createPostgresTestDatabase(serverUrl: string, logger: DbLogger): Promise<DatabaseHandle> {
  const name = `hh_test_${Date.now().toString(36)}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await sweepLeftovers(admin, logger);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const drop = async () => {
    const cleaner = new pg.Client({ connectionString: serverUrl });
    await cleaner.connect();
    try {
      await cleaner.query(`drop database if exists "${name}" with (force)`);
    } finally {
      await cleaner.end();
    }
  };
  try {
    return await openPostgresDatabase({ databaseUrl: withDatabase(serverUrl, name), logger, max: 4, onClose: drop });
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
}

export async function createTestDatabase(
  engine: 'pglite' | 'postgres',
  options: TestDatabaseOptions = {},
): Promise<DatabaseHandle> {
  const logger = options.logger ?? quietLogger;
  if (engine === 'pglite') return createPgliteTestDatabase(logger);
  return createPostgresTestDatabase(options.postgresUrl ?? readTestEnvironment().postgresUrl, logger);
}
