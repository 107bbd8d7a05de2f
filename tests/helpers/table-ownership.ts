import fs from 'node:fs';
import path from 'node:path';
import { getTableName, is, Table } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * Finds a feature's code naming a table another feature owns (issue 11, item 3). A feature owns
 * the tables its manifest lists (`tables`); tables no manifest lists belong to the core (sign-in,
 * spaces, the therapist links the policy reads, jobs) and any feature may join them through the
 * policy's rules. Another feature's data is reached only through that feature's manifest (its
 * shareable kinds, news, milestones and `queries`), which the shell passes in.
 *
 * What it reads: every non-test `.ts` file under `src/server/features/<name>/`, comments taken
 * out. A table is named either as the Drizzle object imported from `db/schema` (`checkins`) or as
 * its SQL name after `from`, `join`, `update` or `into` in SQL text (`from injuries i`).
 */

export interface TableUse {
  feature: string;
  file: string;
  table: string;
  owner: string;
}

export interface KnownTable {
  /** The export's name in `db/schema` (`impactLetters`). */
  name: string;
  /** Its SQL name (`impact_letters`). */
  sqlName: string;
  /** The feature whose manifest lists it, or null for a core table. */
  owner: string | null;
}

/** The schema's tables with their owners, from the schema module and the manifests' lists. */
export function knownTables(
  schema: Record<string, unknown>,
  ownerOf: Map<PgTable, string>,
): KnownTable[] {
  return Object.entries(schema)
    .filter(([, value]) => is(value, Table))
    .map(([name, value]) => ({
      name,
      sqlName: getTableName(value as PgTable),
      owner: ownerOf.get(value as PgTable) ?? null,
    }));
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Tables of other features that one file of `feature` names. */
export function findForeignTables(
  source: string,
  feature: string,
  file: string,
  tables: KnownTable[],
): TableUse[] {
  const code = withoutComments(source);
  const imported = new Set<string>();
  for (const m of code.matchAll(
    /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(?:[./]*|#server\/)db\/schema[^']*'/g,
  )) {
    for (const part of m[1]!.split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0]!
        .trim();
      if (name) imported.add(name);
    }
  }
  const found: TableUse[] = [];
  for (const table of tables) {
    if (table.owner === null || table.owner === feature) continue;
    const sqlUse = new RegExp(`\\b(from|join|update|into)\\s+"?${table.sqlName}"?(\\s|$|\\))`, 'i');
    if (imported.has(table.name) || sqlUse.test(code)) {
      found.push({ feature, file, table: table.name, owner: table.owner });
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every use of another feature's table under `src/server/features`. */
export function foreignTablesInFeatures(root: string, tables: KnownTable[]): TableUse[] {
  const featuresDir = path.join(root, 'src/server/features');
  return fs
    .readdirSync(featuresDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      sourceFiles(path.join(featuresDir, d.name)).flatMap((file) =>
        findForeignTables(fs.readFileSync(file, 'utf8'), d.name, path.relative(root, file), tables),
      ),
    );
}
