/**
 * The check-in part of `npm run bench` (called from run.ts for each engine, server stopped):
 *
 *   timeline @1k    GET /api/checkins (first page of 20) with 1,000 check-ins in the table
 *   timeline @1M    the same page with 1,000,000 check-ins (goal: p99 ≤ 1.5 × the p99 at 1k)
 *   deep page @1M   a page about 500 days back, through a cursor
 *   post @1M        PUT /api/checkins/mine/:day, a new check-in on a random earlier day
 *
 * The 50 bench people get 20 days each at 1k, then 1,000 days each; 950 generated people bring
 * the table to 1,000,000 (scripts/seed-checkins.ts, set-based inserts).
 */
import autocannon from 'autocannon';
import { inArray, like, sql } from 'drizzle-orm';
import {
  createSeedPeople,
  progressBar,
  seedCheckinDays,
  type SeedAuthor,
} from '../../scripts/seed-checkins';
import { openDatabase, queryRows } from '#server/db/index.ts';
import { memberships, users } from '#server/db/schema/index.ts';
import { timelineCursor } from '#server/features/checkins/service.ts';
import { startServerProcess } from '../helpers/server-process';

export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export interface CheckinBenchOptions {
  dbOptions: { dataDir?: string; databaseUrl?: string };
  serverEnv: Record<string, string>;
  cookies: string[];
  bare: Measured;
  durationS: number;
  warmupS: number;
  connections: number;
  /** Rows in the big table (1,000,000; smaller only to try the bench out). */
  total: number;
  say: (line: string) => void;
  row: (name: string, m: Measured, ratio?: string) => string;
  check: (label: string, value: number, target: number, direction?: 'atLeast' | 'atMost') => void;
}

const silentLogger = { info() {}, warn() {}, error() {} };
const DAY_MS = 86_400_000;
const dayAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);
const LAST_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
/** Everything from `day` back: the cursor of a page that ended just after that day. */
const cursorAt = (day: string) => timelineCursor.encode({ day, id: LAST_ID });

const BENCH_DAYS = 1000;
const SMALL_DAYS = 20;

async function withDatabase<T>(
  options: CheckinBenchOptions['dbOptions'],
  run: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>,
): Promise<T> {
  const database = await openDatabase({
    ...options,
    logger: silentLogger,
    migrate: false,
    backups: { enabled: false, keep: 1, intervalMs: 1 },
  });
  try {
    return await run(database.db);
  } finally {
    await database.close();
  }
}

/** The bench people, in their couples, made members long ago so their old shares count. */
async function benchAuthors(db: Parameters<Parameters<typeof withDatabase>[1]>[0]) {
  const rows = await db
    .select({ userId: users.id, spaceId: memberships.spaceId })
    .from(users)
    .innerJoin(
      memberships,
      sql`${memberships.userId} = ${users.id} and ${memberships.leftAt} is null`,
    )
    .where(like(users.email, 'bench-%@example.test'))
    .orderBy(users.email);
  await db
    .update(memberships)
    .set({ joinedAt: new Date(Date.now() - (BENCH_DAYS + 30) * DAY_MS) })
    .where(
      inArray(
        memberships.userId,
        rows.map((r) => r.userId),
      ),
    );
  return rows satisfies SeedAuthor[];
}

function loadRoute(
  base: string,
  options: {
    method: 'GET' | 'PUT';
    path: () => string;
    body?: string;
    cookies: string[];
    connections: number;
    seconds: number;
  },
): Promise<Measured> {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: options.connections,
        duration: options.seconds,
        requests: [
          {
            method: options.method,
            setupRequest: (request) => {
              next = (next + 1) % options.cookies.length;
              return {
                ...request,
                path: options.path(),
                headers: {
                  ...request.headers,
                  cookie: options.cookies[next]!,
                  ...(options.body ? { 'content-type': 'application/json', origin: base } : {}),
                },
                ...(options.body ? { body: options.body } : {}),
              };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        resolve({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors,
        });
      },
    );
  });
}

export async function benchCheckins(o: CheckinBenchOptions) {
  const measure = async (
    base: string,
    spec: Omit<Parameters<typeof loadRoute>[1], 'connections' | 'seconds' | 'cookies'>,
  ) => {
    const full = { ...spec, cookies: o.cookies, connections: o.connections };
    await loadRoute(base, { ...full, seconds: o.warmupS });
    return loadRoute(base, { ...full, seconds: o.durationS });
  };
  const withServer = async <T>(run: (base: string) => Promise<T>): Promise<T> => {
    const server = await startServerProcess(o.serverEnv);
    try {
      return await run(server.base);
    } finally {
      await server.stop();
    }
  };
  const firstPage = { method: 'GET' as const, path: () => '/api/checkins?limit=20' };

  // 1,000 check-ins: 20 days for each of the 50 bench people.
  let started = performance.now();
  const authors = await withDatabase(o.dbOptions, async (db) => {
    const bench = await benchAuthors(db);
    await seedCheckinDays(db, bench, { fromDay: 0, toDay: SMALL_DAYS });
    return bench;
  });
  const small = authors.length * SMALL_DAYS;
  o.say(
    `  seeded ${small.toLocaleString('en')} check-ins (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  const atSmall = await withServer((base) => measure(base, firstPage));

  // 1,000,000: the bench people get 1,000 days each, and generated couples bring the rest.
  started = performance.now();
  await withDatabase(o.dbOptions, async (db) => {
    const bar = progressBar('  seeding');
    const own = authors.length * (BENCH_DAYS - SMALL_DAYS);
    const others = o.total - small - own;
    const people = Math.ceil(others / BENCH_DAYS);
    const generated = await createSeedPeople(db, people, BENCH_DAYS);
    await seedCheckinDays(db, authors, { fromDay: SMALL_DAYS, toDay: BENCH_DAYS }, ({ done }) =>
      bar({ done, total: own + others }),
    );
    await seedCheckinDays(
      db,
      generated,
      { fromDay: 0, toDay: BENCH_DAYS, limit: others },
      ({ done }) => bar({ done: own + done, total: own + others }),
    );
    const [count] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from checkins`,
    );
    o.say(`  the table now holds ${count!.n.toLocaleString('en')} check-ins`);
  });
  o.say(`  seeded the rest in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const deep = cursorAt(dayAgo(500));
  let post = 0;
  const body = JSON.stringify({
    feelings: ['hurt', 'hopeful'],
    intensity: 3,
    pain: 5,
    triggers: 'A song',
    needs: 'A walk',
    note: 'A bench check-in.',
  });
  const [atLarge, deepPage, posting] = await withServer(async (base) => [
    await measure(base, firstPage),
    await measure(base, { method: 'GET', path: () => `/api/checkins?limit=20&cursor=${deep}` }),
    // New check-ins on days no one has written yet (1,000–6,000 days back).
    await measure(base, {
      method: 'PUT',
      path: () => `/api/checkins/mine/${dayAgo(BENCH_DAYS + ((post += 7919) % 5000))}`,
      body,
    }),
  ]);

  const big = o.total === 1_000_000 ? '1M' : o.total.toLocaleString('en');
  const vsBare = (m: Measured) => `${(m.rps / o.bare.rps).toFixed(3)} × bare`;
  o.say(o.row('timeline page @1k', atSmall, vsBare(atSmall)));
  o.say(
    o.row(
      `timeline page @${big}`,
      atLarge,
      `${vsBare(atLarge)}, p99 ${(atLarge.p99 / atSmall.p99).toFixed(2)} × @1k`,
    ),
  );
  o.say(
    o.row(
      `deep page (500 days back) @${big}`,
      deepPage,
      `${vsBare(deepPage)}, p99 ${(deepPage.p99 / atSmall.p99).toFixed(2)} × @1k`,
    ),
  );
  o.say(o.row(`post a check-in @${big}`, posting, vsBare(posting)));
  o.check(`timeline p99 @${big} / p99 @1k`, atLarge.p99 / atSmall.p99, 1.5, 'atMost');
  return { atSmall, atLarge, deepPage, posting };
}
