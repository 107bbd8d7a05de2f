import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './types';
import { queryRows } from './query';

/** The drizzle-kit output folder, found next to this module (not from the working directory). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

function readJournal(): Journal {
  return JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
}

/** A hash of the journal and every migration file: changes whenever the schema history does. */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  const journal = readJournal();
  hash.update(JSON.stringify(journal.entries));
  for (const entry of journal.entries) {
    hash.update(fs.readFileSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** True when the migrator would apply something (it compares `when` with the last applied `created_at`). */
export async function hasPendingMigrations(db: DbOrTx): Promise<boolean> {
  const entries = readJournal().entries;
  if (entries.length === 0) return false;
  const newest = Math.max(...entries.map((entry) => entry.when));
  const [table] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!table?.present) return true;
  const [last] = await queryRows<{ last: string | null }>(
    db,
    sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`,
  );
  return last?.last == null || Number(last.last) < newest;
}
