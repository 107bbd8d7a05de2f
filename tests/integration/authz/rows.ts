import { FEATURE_MANIFESTS } from '#server/manifests.ts';
import type { Row } from './world';

/**
 * Row files of the core rather than of one feature: health and sign-in (`core`), two-step sign-in
 * and step-ups (`two-step`), and the therapist share that spans four features.
 */
export const CORE_ROW_FILES = ['core', 'two-step', 'therapist-share'];

/** Every `<name>.rows.ts` in this folder, by name, with the arrays of rows it exports. */
export const ROW_FILES: Map<string, Row[][]> = new Map(
  Object.entries(import.meta.glob<Record<string, unknown>>('./*.rows.ts', { eager: true })).map(
    ([file, module]) => [
      file.replace(/^\.\//, '').replace(/\.rows\.ts$/, ''),
      Object.values(module).filter((v): v is Row[] => Array.isArray(v)),
    ],
  ),
);

/** The rows of `<name>.rows.ts`; a clear error when the file is missing or exports no one list. */
export function rowsIn(name: string): Row[] {
  const lists = ROW_FILES.get(name);
  if (!lists || lists.length !== 1) {
    throw new Error(
      `tests/integration/authz/${name}.rows.ts should exist and export exactly one list of rows.`,
    );
  }
  return lists[0]!;
}

/**
 * Every row of the matrix: the core's files, then the file each feature manifest names
 * (`tests.authz`). The coverage test in `authz-matrix.int.test.ts` fails for a route without a
 * row; `manifest-coverage.test.ts` for a manifest or a file that does not meet the other.
 */
export const MATRIX: Row[] = [
  ...new Set([...CORE_ROW_FILES, ...FEATURE_MANIFESTS.map((m) => m.tests.authz)]),
].flatMap(rowsIn);
