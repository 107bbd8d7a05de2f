/**
 * `npm run seed:checkins -- --count 1000000 [--people N]`: fills the configured database
 * (DATA_DIR or DATABASE_URL, like `npm start`) with generated check-ins, for measuring how the
 * app behaves with a lot of history. It creates N people in couples (who cannot sign in), and
 * gives each a run of daily check-ins back from today, about a third of them shared.
 *
 * Rows are made by the database itself (`generate_series`, set-based inserts of about 50,000 rows
 * each), with a progress bar on the terminal. Never run it against real people's data: it only
 * adds, but it adds a lot.
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { ConfigError, loadConfig } from '#server/config/index.ts';
import { LockHeldError, openDatabase, type Database } from '#server/db/index.ts';
import { cliLogger } from '#server/db/maintenance.ts';
import { FEELINGS } from '#shared/schemas/checkins.ts';

export interface SeedAuthor {
  userId: string;
  spaceId: string | null;
}

/** The most days of history one person gets (about 25 years, all after 2000). */
export const MAX_DAYS_PER_PERSON = 9000;
const ROWS_PER_BATCH = 50_000;

const TRIGGERS = ['', '', 'A song on the radio', 'Their phone lit up', 'An old photo', 'A date'];
const NEEDS = ['', 'Some quiet', 'To be asked how I am', 'A walk together', 'Reassurance', 'Sleep'];
const NOTES = ['', '', 'A heavy day.', 'Better than yesterday.', 'We talked for a while.'];

const textArray = (values: readonly string[]) =>
  sql.raw(`(array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::text[])`);

/**
 * Creates `count` people (rounded up to an even number) in couples, each couple in its own space,
 * members since `sinceDays` days ago. They have no password, so nobody can sign in as them.
 */
export async function createSeedPeople(
  db: Database,
  count: number,
  sinceDays: number,
): Promise<SeedAuthor[]> {
  const couples = Math.ceil(count / 2);
  const tag = randomUUID().slice(0, 8);
  const authors: SeedAuthor[] = [];
  for (let start = 0; start < couples; start += 2_000) {
    const n = Math.min(2_000, couples - start);
    const spaceIds = Array.from({ length: n }, () => randomUUID());
    const userIds = Array.from({ length: n * 2 }, () => randomUUID());
    const since = sql`now() - make_interval(days => ${sinceDays + 1})`;
    await db.transaction(async (tx) => {
      await tx.execute(
        sql`insert into spaces (id, created_at) select id, ${since} from unnest(${sql.param(spaceIds)}::uuid[]) as s(id)`,
      );
      await tx.execute(sql`
        insert into users (id, email, display_name, password_hash, created_at)
        select id, 'seed-' || ${tag} || '-' || (${start * 2} + n) || '@example.invalid',
               'Seed person ' || (${start * 2} + n), '!', ${since}
        from unnest(${sql.param(userIds)}::uuid[]) with ordinality as u(id, n)`);
      await tx.execute(sql`
        insert into memberships (space_id, user_id, joined_at)
        select (${sql.param(spaceIds)}::uuid[])[(n + 1) / 2], id, ${since}
        from unnest(${sql.param(userIds)}::uuid[]) with ordinality as u(id, n)`);
    });
    for (let i = 0; i < n * 2; i++) {
      authors.push({ userId: userIds[i]!, spaceId: spaceIds[Math.floor(i / 2)]! });
    }
  }
  return authors;
}

export interface SeedProgress {
  done: number;
  total: number;
}

/**
 * Gives each author one check-in a day for the days `fromDay` (0 = today) up to `toDay`
 * (exclusive) ago, `limit` rows at most in all (the first authors get theirs first). One set-based
 * insert per batch of days, about 50,000 rows each. Returns how many rows were written.
 */
export async function seedCheckinDays(
  db: Database,
  authors: SeedAuthor[],
  range: { fromDay: number; toDay: number; limit?: number },
  onProgress?: (progress: SeedProgress) => void,
): Promise<number> {
  const days = range.toDay - range.fromDay;
  const total = Math.min(range.limit ?? Infinity, authors.length * days);
  if (total <= 0) return 0;
  const perBatch = Math.max(1, Math.floor(ROWS_PER_BATCH / authors.length));
  const userIds = authors.map((a) => a.userId);
  const spaceIds = authors.map((a) => a.spaceId);
  let done = 0;
  onProgress?.({ done, total });
  for (let from = range.fromDay; from < range.toDay && done < total; from += perBatch) {
    const to = Math.min(range.toDay, from + perBatch);
    // Author k (from 0) owns rows k*days .. k*days+days-1 of the whole run; keep those < limit.
    const result = await db.execute(sql`
      insert into checkins (author_id, space_id, day, feelings, intensity, pain, triggers, needs,
                            note, visibility, shared_at, exposed_at, created_at, updated_at)
      select a.author_id, a.space_id, day,
             array[${textArray(FEELINGS)}[1 + r1 % 30], ${textArray(FEELINGS)}[1 + (r1 + 1 + r2 % 29) % 30]],
             1 + r2 % 5, r1 % 11,
             ${textArray(TRIGGERS)}[1 + r2 % ${TRIGGERS.length}],
             ${textArray(NEEDS)}[1 + r1 % ${NEEDS.length}],
             ${textArray(NOTES)}[1 + (r1 + r2) % ${NOTES.length}],
             case when shared then 'partner' else 'private' end,
             case when shared then written end,
             case when shared then written end,
             written, written
      from unnest(${sql.param(userIds)}::uuid[], ${sql.param(spaceIds)}::uuid[]) with ordinality as a(author_id, space_id, k)
      cross join generate_series(${from}::int, ${to - 1}::int) as d
      cross join lateral (
        select (current_date - d) as day,
               ((current_date - d) + time '21:00') at time zone 'UTC' as written,
               floor(random() * 1000000)::int as r1,
               floor(random() * 1000000)::int as r2,
               a.space_id is not null and random() < 0.33 as shared
      ) as v
      where (a.k - 1) * ${days} + (d - ${range.fromDay}) < ${total}
      -- A person may already have written today's check-in (the bench's home screen seeds it).
      on conflict (author_id, day) do nothing`);
    done +=
      (result as { rowCount?: number; affectedRows?: number }).rowCount ??
      (result as { affectedRows?: number }).affectedRows ??
      0;
    onProgress?.({ done, total });
  }
  await db.execute(sql`analyze checkins`);
  return done;
}

/** A progress bar on a terminal; a line every tenth when the output is a file or a pipe. */
export function progressBar(label: string, out: NodeJS.WriteStream = process.stdout) {
  const started = performance.now();
  let lastTenth = -1;
  return ({ done, total }: SeedProgress) => {
    const share = total === 0 ? 1 : done / total;
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? (total - done) / rate : 0;
    const pace =
      done === 0
        ? 'starting'
        : `${Math.round(rate).toLocaleString('en')} rows/s  ${done < total ? `about ${Math.ceil(eta)} s left` : `${seconds.toFixed(1)} s`}`;
    const stats = `${done.toLocaleString('en')} / ${total.toLocaleString('en')}  ${pace}`;
    if (out.isTTY) {
      const width = Math.max(
        10,
        Math.min(40, (out.columns ?? 80) - stats.length - label.length - 12),
      );
      const filled = Math.round(share * width);
      out.write(
        `\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${stats}\x1b[K`,
      );
      if (done >= total) out.write('\n');
    } else {
      const tenth = Math.floor(share * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        out.write(`${label} ${String(tenth * 10).padStart(3)}%  ${stats}\n`);
      }
    }
  };
}

function parseArgs(argv: string[]): { count: number; people: number | undefined } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [key, inline] = arg.replace(/^--/, '').split('=');
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}".`);
    values.set(key!, inline ?? argv[++i] ?? '');
  }
  const count = Number(values.get('count'));
  if (!Number.isInteger(count) || count < 1 || count > 50_000_000) {
    throw new Error('Please give --count, a whole number of check-ins from 1 to 50,000,000.');
  }
  const rawPeople = values.get('people');
  const people = rawPeople === undefined ? undefined : Number(rawPeople);
  if (people !== undefined && (!Number.isInteger(people) || people < 2 || people > 1_000_000)) {
    throw new Error('--people must be a whole number from 2 to 1,000,000.');
  }
  return { count, people };
}

async function main() {
  const { count, people: asked } = parseArgs(process.argv.slice(2));
  // About three years of days per person unless told otherwise.
  const people = Math.max(2, asked ?? Math.ceil(count / 1000));
  const perPerson = Math.ceil(count / people);
  if (perPerson > MAX_DAYS_PER_PERSON) {
    throw new Error(
      `${people} people would need ${perPerson} days each; use --people ${Math.ceil(count / MAX_DAYS_PER_PERSON)} or more.`,
    );
  }
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    logger: cliLogger,
    backups: { ...config.backups, enabled: false },
    migrate: true,
  });
  try {
    const where = database.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : config.dataDir;
    process.stdout.write(
      `Seeding ${count.toLocaleString('en')} check-ins for ${people.toLocaleString('en')} generated people into ${where}.\n`,
    );
    const authors = await createSeedPeople(database.db, people, perPerson);
    const written = await seedCheckinDays(
      database.db,
      authors,
      { fromDay: 0, toDay: perPerson, limit: count },
      progressBar('check-ins'),
    );
    process.stdout.write(`Done: ${written.toLocaleString('en')} check-ins written.\n`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await main();
  } catch (error) {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof LockHeldError) {
      process.stderr.write(
        `${error.message}\nStop the app first: seeding needs the data folder.\n`,
      );
    } else {
      process.stderr.write(
        `Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
    process.exitCode = 1;
  }
}
