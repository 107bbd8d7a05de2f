import fs from 'node:fs';
import path from 'node:path';
import { is, Table } from 'drizzle-orm';
import * as schema from '#server/db/schema/index.ts';

/**
 * Finds scope conditions a feature wrote for itself (issue 11, item 1): SQL that compares a
 * column saying whose a row is (`author_id`, `space_id`, `user_id`) with a *value* — the actor,
 * a space id, a variable. Such a condition decides who sees what, and belongs in
 * `src/server/policy`, where one reviewed helper says it once.
 *
 * What it reads, and why it is robust enough:
 * - Drizzle calls `eq/ne/inArray/notInArray(a, b)` and template text `${a} = ${b}` or
 *   `alias.author_id = ${b}`, in every non-test `.ts` file under `src/server/features`.
 * - A comparison of two *columns* is a join, not a scope (`eq(profiles.userId, links.therapistId)`,
 *   `m.space_id = ${links.spaceId}`): the other side is a table of the Drizzle schema (read from
 *   the schema module itself, so a new table is known without editing this file) or an alias
 *   the file declares with `alias(...)`, or an SQL alias (`m.user_id`). A join still needs a
 *   scoped row on one side to return anything.
 * - The visibility vocabulary has one home too: a feature naming `'partner+therapist'` or
 *   putting `.visibility` in an `in (...)`/`inArray` writes its own visibility rule.
 * Comparisons in plain JavaScript (`row.authorId === actor.userId` to mark "mine") are not SQL
 * and scope nothing; they are not counted.
 */

const OWNER_COLUMNS = ['authorId', 'spaceId', 'userId'];
const OWNER_SQL_COLUMNS = ['author_id', 'space_id', 'user_id'];

export interface ScopeFinding {
  file: string;
  line: number;
  text: string;
}

const tableNames = new Set(
  Object.entries(schema)
    .filter(([, value]) => is(value, Table))
    .map(([name]) => name),
);

function aliasesIn(source: string): Set<string> {
  const names = new Set<string>();
  for (const match of source.matchAll(/(?:const|let)\s+(\w+)\s*=\s*alias\(/g)) names.add(match[1]!);
  return names;
}

const isOwnerColumnRef = (expr: string) =>
  new RegExp(`^\\w+\\.(${OWNER_COLUMNS.join('|')})$`).test(expr.trim());

/** A column of a schema table or alias (`checkins.spaceId`), or an SQL alias (`m.space_id`). */
function isColumnRef(expr: string, aliases: Set<string>): boolean {
  const match = /^(\w+)\.(\w+)$/.exec(expr.trim());
  if (!match) return false;
  const [, head, column] = match;
  if (tableNames.has(head!) || aliases.has(head!)) return true;
  // snake_case after a short SQL alias: `m.space_id`
  return /_/.test(column!) || /^[a-z]{1,3}$/.test(head!) ? /^[a-z_]+$/.test(column!) : false;
}

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

export function findScopeConditions(source: string, file: string): ScopeFinding[] {
  const aliases = aliasesIn(source);
  const findings: ScopeFinding[] = [];
  const add = (index: number, text: string) =>
    findings.push({ file, line: lineOf(source, index), text: text.replace(/\s+/g, ' ').trim() });

  // Drizzle: eq(a, b) and friends, with plain (unnested) arguments.
  for (const m of source.matchAll(
    /\b(eq|ne|inArray|notInArray)\(\s*([\w.!?]+)\s*,\s*([^(),]+?)\s*\)/g,
  )) {
    const [text, , a, b] = m;
    const left = a!.replace(/[!?]/g, '');
    const right = b!.replace(/[!?]/g, '');
    const ownerSide = isOwnerColumnRef(left) ? right : isOwnerColumnRef(right) ? left : null;
    if (ownerSide !== null && !isColumnRef(ownerSide, aliases)) add(m.index, text);
  }

  // SQL text: `${t.authorId} = ${x}`, `alias.space_id = ${x}`, either way round.
  const ownerSql = `(?:\\$\\{\\w+\\.(?:${OWNER_COLUMNS.join('|')})\\}|\\b\\w+\\.(?:${OWNER_SQL_COLUMNS.join('|')}))`;
  const operand = `(?:\\$\\{([^}]+)\\}|(\\b\\w+\\.\\w+))`;
  const forward = new RegExp(`${ownerSql}\\s*(?:=|<>|!=)\\s*${operand}`, 'g');
  const backward = new RegExp(`${operand}\\s*(?:=|<>|!=)\\s*${ownerSql}`, 'g');
  for (const pattern of [forward, backward]) {
    for (const m of source.matchAll(pattern)) {
      // A plain `alias.column` on the other side is SQL naming a column: a join.
      if (m[2] !== undefined) continue;
      if (!isColumnRef(m[1]!, aliases)) add(m.index, m[0]);
    }
  }

  // The visibility vocabulary written out in a feature.
  for (const m of source.matchAll(
    /'partner\+therapist'|\.visibility\}?\s+in\s*\(|inArray\(\s*[\w.]+\.visibility\b/g,
  )) {
    add(m.index, m[0]);
  }
  return findings.sort((x, y) => x.line - y.line);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every scope condition written inside `src/server/features`. */
export function scopeConditionsInFeatures(root: string): ScopeFinding[] {
  const featuresDir = path.join(root, 'src/server/features');
  return sourceFiles(featuresDir).flatMap((file) =>
    findScopeConditions(fs.readFileSync(file, 'utf8'), path.relative(root, file)),
  );
}
