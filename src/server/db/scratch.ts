import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A throw-away database on a PostgreSQL server (tests, benchmarks): `hh_test_<time>_<random>`, so
 * runs never collide and leftovers tell their age. `drop()` ends its connections and drops it.
 */
export interface ScratchDatabase {
  name: string;
  /** `serverUrl` with the scratch database as its path. */
  url: string;
  drop(): Promise<void>;
}

export const SCRATCH_PREFIX = 'hh_test_';
const LEFTOVER_AGE_MS = 6 * 3_600_000;
let leftoversSwept = false;

async function withClient<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops scratch databases that killed runs left behind, once they are 6 hours old. */
async function sweepLeftovers(client: pg.Client): Promise<void> {
  if (leftoversSwept) return;
  leftoversSwept = true;
  const { rows } = await client.query<{ datname: string }>(
    `select datname from pg_database where starts_with(datname, $1)`,
    [SCRATCH_PREFIX],
  );
  for (const { datname } of rows) {
    const born = parseInt(datname.slice(SCRATCH_PREFIX.length).split('_')[0] ?? '', 36);
    if (Number.isFinite(born) && Date.now() - born > LEFTOVER_AGE_MS) {
      await client.query(`drop database if exists "${datname}" with (force)`).catch(() => {});
    }
  }
}

export async function createScratchPostgresDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `${SCRATCH_PREFIX}${Date.now().toString(36)}_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, async (client) => {
    await sweepLeftovers(client);
    await client.query(`create database "${name}"`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropping: Promise<void> | undefined;
  return {
    name,
    url: url.toString(),
    drop() {
      // WITH (FORCE) (PostgreSQL 13+) ends any connection still open to it.
      dropping ??= withClient(serverUrl, async (client) => {
        await client.query(`drop database if exists "${name}" with (force)`);
      });
      return dropping;
    },
  };
}
