import { configDefaults, defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';

/**
 * Four projects, all run by `npm test` (scripts/test.ts):
 *
 *   unit                  src/**\/*.test.ts(x), tests/helpers/**\/*.test.ts
 *   integration-pglite    src/**\/*.int.test.ts, tests/integration/**\/*.int.test.ts on PGlite
 *   integration-postgres  the same files on a PostgreSQL server
 *   e2e                   tests/e2e/**\/*.e2e.test.ts, one browser at a time
 *
 * Run one with `npm test -- --project unit` (with lint/typecheck) or `npx vitest run --project unit`.
 * Benchmarks in tests/bench are not tests; `npm run bench` runs them.
 *
 * The machine has 2 cores; a PGlite instance takes ~300 MB and Chromium more, so at most
 * two test files run at once across all projects.
 */

// Engines reach their database through src/server/db/testing.ts (TEST_POSTGRES_URL is read by
// readTestEnvironment() in src/server/config). `dbEngine` is typed in tests/helpers/vitest-context.d.ts.

const NOT_TESTS = [...configDefaults.exclude, 'data/**', '.tmp/**', 'tests/bench/**'];

function integration(engine: 'pglite' | 'postgres'): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name: `integration-${engine}`,
      include: ['src/**/*.int.test.ts', 'tests/integration/**/*.int.test.ts'],
      exclude: NOT_TESTS,
      environment: 'node',
      // A timeout only catches a hang: speed is measured by `npm run bench`, never here. The
      // property tests play hundreds of requests and need room on a busy two-core machine.
      testTimeout: 90_000,
      hookTimeout: 90_000,
      provide: { dbEngine: engine },
    },
  };
}

export default defineConfig({
  test: {
    pool: 'forks',
    isolate: true,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'tests/helpers/**/*.test.ts'],
          exclude: [...NOT_TESTS, '**/*.int.test.ts', '**/*.e2e.test.ts'],
          environment: 'node',
        },
      },
      integration('pglite'),
      integration('postgres'),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          exclude: NOT_TESTS,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: Vitest runs these files one by one, after the other
          // projects have finished, so the browser has both cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
