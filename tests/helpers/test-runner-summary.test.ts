/** The `N passed, N failed` arithmetic of scripts/test.ts (the line CI reads). */
import { describe, expect, it } from 'vitest';
import { summarize, tallyVitest, type VitestJsonReport } from '../../scripts/test';

function report(files: Array<{ status: string; tests: string[] }>): VitestJsonReport {
  const tests = files.flatMap((f) => f.tests);
  return {
    numPassedTests: tests.filter((s) => s === 'passed').length,
    numFailedTests: tests.filter((s) => s === 'failed').length,
    testResults: files.map((f, i) => ({
      name: `/repo/file-${i}.test.ts`,
      status: f.status,
      assertionResults: f.tests.map((status) => ({ status })),
    })),
  };
}

describe('tallyVitest', () => {
  it('counts passed and failed tests', () => {
    const r = report([
      { status: 'passed', tests: ['passed', 'passed', 'skipped'] },
      { status: 'failed', tests: ['passed', 'failed'] },
    ]);
    expect(tallyVitest(r, 1)).toMatchObject({ passed: 3, failed: 1 });
  });

  it('counts a file that failed without a failed test (import error, beforeAll)', () => {
    const r = report([
      { status: 'passed', tests: ['passed'] },
      { status: 'failed', tests: [] },
      { status: 'failed', tests: ['skipped', 'skipped'] },
    ]);
    expect(tallyVitest(r, 1)).toMatchObject({ passed: 1, failed: 2 });
  });

  it('fails a run in which no test ran', () => {
    expect(tallyVitest(report([]), 0)).toMatchObject({ passed: 0, failed: 1 });
    const allSkipped = report([{ status: 'skipped', tests: ['skipped'] }]);
    expect(tallyVitest(allSkipped, 0)).toMatchObject({ passed: 0, failed: 1 });
  });

  it('fails a non-zero exit with nothing else failed (unhandled errors)', () => {
    const r = report([{ status: 'passed', tests: ['passed'] }]);
    expect(tallyVitest(r, 1)).toMatchObject({ passed: 1, failed: 1 });
    expect(tallyVitest(r, 0)).toMatchObject({ passed: 1, failed: 0 });
  });

  it('fails when there is no report', () => {
    expect(tallyVitest(undefined, 1)).toMatchObject({ passed: 0, failed: 1 });
  });
});

describe('summarize', () => {
  it('sums the steps into the final line', () => {
    const check = { passed: 1, failed: 0, notes: [] };
    const vitest = { passed: 41, failed: 2, notes: [] };
    expect(summarize([check, vitest])).toEqual({ failed: 2, line: '42 passed, 2 failed' });
    expect(summarize([check])).toEqual({ failed: 0, line: '1 passed, 0 failed' });
  });
});
