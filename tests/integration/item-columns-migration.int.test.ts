import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePgliteFolder } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgresFolder } from 'drizzle-orm/node-postgres/migrator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readTestEnvironment } from '#server/config/index.ts';
import { drizzleOverClient } from '#server/db/engine-pglite.ts';
import { openPostgresDatabase } from '#server/db/engine-postgres.ts';
import { MIGRATIONS_FOLDER } from '#server/db/migrations.ts';
import { PgliteWorkerClient } from '#server/db/pglite-client.ts';
import { queryRows } from '#server/db/query.ts';
import { createScratchPostgresDatabase, type ScratchDatabase } from '#server/db/scratch.ts';
import type { Database } from '#server/db/types.ts';

/**
 * Issue 11: every item table gets the visibility CHECK of `itemColumns` (migration 0005_core). Rows
 * written under the schema before it (migrations 0000–0002) must all be there afterwards, with
 * the same visibility, on both engines; and the CHECK must then refuse a value outside the
 * vocabulary.
 */
const ITEM_TABLES = [
  'checkins',
  'checkin_revisions',
  'guide_reflections',
  'impact_letters',
  'impact_letter_reflections',
  'impact_letter_marks',
  'injury_notes',
  'measure_responses',
  'trigger_entries',
] as const;

const quiet = { info() {}, warn() {}, error() {} };

/** The migrations folder as it was before this change: 0000–0002 only. */
function oldMigrationsFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hh-old-migrations-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  const journal = JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { idx: number; tag: string }[] };
  journal.entries = journal.entries.filter((entry) => entry.idx <= 2);
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries) {
    fs.copyFileSync(
      path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`),
      path.join(dir, `${entry.tag}.sql`),
    );
  }
  return dir;
}

interface Engine {
  db: Database;
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

async function openEngine(kind: 'pglite' | 'postgres'): Promise<Engine> {
  if (kind === 'pglite') {
    const client = await PgliteWorkerClient.start({ dataDir: 'memory://', logger: quiet });
    const db = drizzleOverClient(client) as unknown as Database;
    return {
      db,
      migrate: (folder) =>
        migratePgliteFolder(drizzleOverClient(client), { migrationsFolder: folder }),
      close: () => client.close(),
    };
  }
  const scratch: ScratchDatabase = await createScratchPostgresDatabase(
    readTestEnvironment().postgresUrl,
  );
  const handle = await openPostgresDatabase({
    databaseUrl: scratch.url,
    logger: quiet,
    migrate: false,
    max: 1,
  });
  return {
    db: handle.db,
    migrate: (folder) =>
      migratePostgresFolder(handle.db as Parameters<typeof migratePostgresFolder>[0], {
        migrationsFolder: folder,
      }),
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

/** One row in each item table, in every visibility the table allowed before the change. */
async function writeUnderOldSchema(db: Database): Promise<void> {
  const run = (query: ReturnType<typeof sql>) => db.execute(query);
  await run(sql`insert into users (id, email, display_name, password_hash)
    values ('00000000-0000-4000-8000-000000000001', 'a@example.org', 'A', 'x'),
           ('00000000-0000-4000-8000-000000000002', 'b@example.org', 'B', 'x')`);
  await run(sql`insert into spaces (id) values ('00000000-0000-4000-8000-0000000000a1')`);
  const a = '00000000-0000-4000-8000-000000000001';
  const b = '00000000-0000-4000-8000-000000000002';
  const space = '00000000-0000-4000-8000-0000000000a1';
  for (const [i, visibility] of [
    'private',
    'partner',
    'therapist',
    'partner+therapist',
  ].entries()) {
    const day = `2026-01-0${i + 1}`;
    await run(sql`insert into checkins (id, author_id, space_id, day, intensity, pain, visibility, shared_at)
      values (${`00000000-0000-4000-8000-00000000c00${i}`}, ${a}, ${space}, ${day}::date, 3, 4, ${visibility}, now())`);
    await run(sql`insert into trigger_entries (author_id, space_id, visibility, occurred_at, cue, intensity)
      values (${a}, ${space}, ${visibility}, now(), 'cue', 2)`);
    await run(sql`insert into guide_reflections (author_id, space_id, lesson_slug, body, visibility)
      values (${a}, ${space}, ${`lesson-${i}`}, 'words', ${visibility})`);
    await run(sql`insert into measure_responses (author_id, space_id, measure_id, measure_version, week, answers, scores, visibility)
      values (${a}, ${space}, 'm', 1, '2026-01-05'::date, '{}'::jsonb, '{"total":{"score":null,"band":null},"subscales":{}}'::jsonb, ${visibility})`);
  }
  await run(sql`insert into checkin_revisions (checkin_id, author_id, space_id, version, intensity, pain, written_at, exposed_at)
    values ('00000000-0000-4000-8000-00000000c001', ${a}, ${space}, 1, 3, 4, now(), now())`);
  await run(sql`insert into injuries (id, space_id, kind, came_to_light, proposer_role)
    values ('00000000-0000-4000-8000-0000000000e1', ${space}, 'lies', '2026-01-01'::date, 'hurt')`);
  await run(
    sql`insert into injury_notes (injury_id, author_id, space_id, body) values ('00000000-0000-4000-8000-0000000000e1', ${a}, ${space}, 'note')`,
  );
  await run(sql`insert into impact_letters (id, author_id, space_id, visibility, shared_at)
    values ('00000000-0000-4000-8000-0000000000f1', ${a}, ${space}, 'partner', now())`);
  await run(sql`insert into impact_letter_reflections (id, author_id, space_id, letter_id, visibility)
    values ('00000000-0000-4000-8000-0000000000f2', ${b}, ${space}, '00000000-0000-4000-8000-0000000000f1', 'private')`);
  await run(sql`insert into impact_letter_marks (author_id, space_id, reflection_id, part, mark, visibility)
    values (${a}, ${space}, '00000000-0000-4000-8000-0000000000f2', 'paraphrase', 'understood', 'partner')`);
}

async function snapshot(db: Database): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of ITEM_TABLES) {
    const rows = await queryRows<{ visibility: string }>(
      db,
      sql`select visibility from ${sql.identifier(table)} order by visibility`,
    );
    result[table] = rows.map((row) => row.visibility);
  }
  return result;
}

const engine = inject('dbEngine');

describe(`item columns migration (${engine})`, () => {
  let e: Engine;
  let before: Record<string, string[]>;
  let oldFolder: string;

  beforeAll(async () => {
    oldFolder = oldMigrationsFolder();
    e = await openEngine(engine);
    await e.migrate(oldFolder);
    await writeUnderOldSchema(e.db);
    before = await snapshot(e.db);
    await e.migrate(MIGRATIONS_FOLDER);
  });

  afterAll(async () => {
    await e?.close();
    fs.rmSync(oldFolder, { recursive: true, force: true });
  });

  it('keeps every row written under the old schema, with its visibility', async () => {
    expect(Object.values(before).every((rows) => rows.length > 0)).toBe(true);
    expect(await snapshot(e.db)).toEqual(before);
  });

  it('gives every item table the visibility CHECK', async () => {
    const rows = await queryRows<{ table: string }>(
      e.db,
      sql`select conrelid::regclass::text as table from pg_constraint
        where contype = 'c' and conname like '%\\_visibility'`,
    );
    // Item tables added after that change carry the same CHECK from their own first migration:
    // every table with a visibility column has it, the old ones included.
    const withColumn = await queryRows<{ table: string }>(
      e.db,
      sql`select table_name::text as table from information_schema.columns
        where table_schema = current_schema() and column_name = 'visibility'`,
    );
    const checked = rows.map((row) => row.table).sort();
    expect(checked).toEqual(withColumn.map((row) => row.table).sort());
    expect(checked).toEqual(expect.arrayContaining([...ITEM_TABLES]));
  });

  it('then refuses a visibility outside the vocabulary', async () => {
    await expect(
      e.db.execute(sql`update trigger_entries set visibility = 'everyone'`),
    ).rejects.toThrow();
  });
});
