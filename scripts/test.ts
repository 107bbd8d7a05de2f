/**
 * `npm test`: the one test command. CI runs it through .ci/run.
 *
 *   1. check       npm run lint, typecheck and format:check (all three run; counted as one test)
 *   2. web bundle  buildWebIfStale() so the e2e suite tests the current code
 *   3. vitest      every project (unit, integration-pglite, integration-postgres, e2e)
 *
 * The last line of output is always `N passed, N failed`, summed over the check step and
 * every Vitest test; CI reads that line. The exit code is non-zero if anything failed, and
 * also if no test ran at all.
 *
 *   npm test -- --project unit        extra arguments go to `vitest run`
 *   SKIP_CHECK=1 npm test             skip step 1 for a quick local run
 *
 * This runner reads process.env (SKIP_CHECK) and hands it to its children. That is allowed
 * for this file in eslint.config.js: it is tooling around the app, not app code, which reads
 * configuration only through loadConfig() in src/server/config.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Progress for the person at the terminal (a CLI, not the app's log). */
const say = (text: string) => process.stdout.write(`${text}\n`);

const ROOT = path.resolve(import.meta.dirname, '..');

/** The parts of `package.json` scripts that make up the check step (`npm run check`). */
const CHECK_SCRIPTS = ['lint', 'typecheck', 'format:check'] as const;

export interface Tally {
  passed: number;
  failed: number;
  /** Why something counted as failed without being a failed test. */
  notes: string[];
}

/** The fields of Vitest's JSON report (`--reporter=json`) this runner reads. */
export interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{
    name: string;
    status: string;
    message?: string;
    assertionResults: Array<{ status: string }>;
  }>;
}

/**
 * Turns Vitest's report and exit code into passed/failed counts:
 * - failed and passed tests as reported;
 * - plus one failure per test file that failed without a failed test (an import error,
 *   a throwing beforeAll), which Vitest's test counts leave out;
 * - plus one if no test passed or failed (an empty run must not look green);
 * - plus one if Vitest exited non-zero with nothing else failed (unhandled errors);
 * - one failure if there is no report at all (Vitest crashed or found no config).
 */
export function tallyVitest(report: VitestJsonReport | undefined, exitCode: number): Tally {
  if (report === undefined) {
    return { passed: 0, failed: 1, notes: [`vitest wrote no report (exit code ${exitCode})`] };
  }
  const tally: Tally = { passed: report.numPassedTests, failed: report.numFailedTests, notes: [] };
  // The same file shows up once per project it ran in (integration-pglite and -postgres).
  const erroredFiles = new Map<string, { times: number; reason: string }>();
  for (const file of report.testResults) {
    const hasFailedTest = file.assertionResults.some((test) => test.status === 'failed');
    if (file.status === 'failed' && !hasFailedTest) {
      tally.failed += 1;
      const seen = erroredFiles.get(file.name);
      const reason = (file.message ?? '').split('\n')[0]?.slice(0, 160) ?? '';
      erroredFiles.set(file.name, {
        times: (seen?.times ?? 0) + 1,
        reason: seen?.reason ?? reason,
      });
    }
  }
  for (const [name, { times, reason }] of erroredFiles) {
    const where = `${path.relative(ROOT, name)} failed outside any test${times > 1 ? ` (x${times})` : ''}`;
    tally.notes.push(reason ? `${where}: ${reason}` : where);
  }
  if (report.numPassedTests + report.numFailedTests === 0) {
    tally.failed += 1;
    tally.notes.push('vitest ran no tests');
  }
  if (exitCode !== 0 && tally.failed === 0) {
    tally.failed += 1;
    tally.notes.push(
      `vitest exited with code ${exitCode} though no test failed (see errors above)`,
    );
  }
  return tally;
}

/** Sums the steps into the last line of `npm test`. */
export function summarize(tallies: Tally[]): { failed: number; line: string } {
  const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
  const failed = tallies.reduce((sum, t) => sum + t.failed, 0);
  return { failed, line: `${passed} passed, ${failed} failed` };
}

interface Finished {
  code: number;
  /** stdout and stderr interleaved, when captured. */
  output: string;
}

/**
 * Runs a command and resolves when it ends (never rejects). With `capture`, its output is
 * collected instead of streamed, so commands running side by side don't interleave.
 */
function run(command: string, args: string[], { capture = false } = {}): Promise<Finished> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => {
      chunks.push(Buffer.from(`could not start ${command}: ${error.message}\n`));
      if (!capture) console.error(`could not start ${command}: ${error.message}`);
      resolve({ code: 127, output: Buffer.concat(chunks).toString('utf8') });
    });
    child.on('close', (code, signal) => {
      const output = Buffer.concat(chunks).toString('utf8');
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

function heading(step: number, text: string): void {
  say(`\n==> [${step}/3] ${text}`);
}

function seconds(startedAt: number): string {
  return `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
}

async function checkStep(): Promise<Tally> {
  heading(1, `check: ${CHECK_SCRIPTS.join(', ')}`);
  const startedAt = performance.now();
  // All three run side by side (lint, the slowest, takes most of the time) and all of them
  // finish, so one run shows every problem; their outputs follow one another.
  const results = await Promise.all(
    CHECK_SCRIPTS.map((script) => run('npm', ['run', '--silent', script], { capture: true })),
  );
  const failedScripts: string[] = [];
  CHECK_SCRIPTS.forEach((script, i) => {
    const result = results[i];
    if (result === undefined) return;
    const output = result.output.trimEnd();
    say(`--- npm run ${script}: ${result.code === 0 ? 'ok' : 'FAILED'}`);
    if (output) say(output);
    if (result.code !== 0) failedScripts.push(script);
  });
  if (failedScripts.length === 0) {
    say(`    check passed in ${seconds(startedAt)}`);
    return { passed: 1, failed: 0, notes: [] };
  }
  const note = `check failed: ${failedScripts.join(', ')}`;
  say(`    ${note} (${seconds(startedAt)})`);
  return { passed: 0, failed: 1, notes: [note] };
}

/** A failed build counts as one failure (the e2e suite would test a stale bundle). */
async function buildStep(): Promise<Tally> {
  heading(2, 'web bundle: build if stale');
  const startedAt = performance.now();
  try {
    const { buildWebIfStale } = await import('./build-web-if-stale');
    await buildWebIfStale((message) => say(`    ${message}`));
    say(`    web bundle ready in ${seconds(startedAt)}`);
    return { passed: 0, failed: 0, notes: [] };
  } catch (error) {
    const note = `web build failed: ${error instanceof Error ? error.message : String(error)}`;
    say(`    ${note} (${seconds(startedAt)})`);
    return { passed: 0, failed: 1, notes: [note] };
  }
}

async function vitestStep(extraArgs: string[]): Promise<Tally> {
  heading(3, `vitest run ${extraArgs.join(' ')}`.trimEnd());
  const startedAt = performance.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'healing-hearts-test-'));
  const reportFile = path.join(tmp, 'vitest-report.json');
  try {
    const vitest = path.join(ROOT, 'node_modules', '.bin', 'vitest');
    const { code: exitCode } = await run(vitest, [
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reportFile}`,
      ...extraArgs,
    ]);
    let report: VitestJsonReport | undefined;
    try {
      report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestJsonReport;
    } catch {
      report = undefined;
    }
    const tally = tallyVitest(report, exitCode);
    say(`    vitest finished in ${seconds(startedAt)}`);
    return tally;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const tallies: Tally[] = [];

  if (process.env.SKIP_CHECK === '1') {
    heading(1, 'check: skipped (SKIP_CHECK=1)');
  } else {
    tallies.push(await checkStep());
  }
  tallies.push(await buildStep());
  tallies.push(await vitestStep(process.argv.slice(2)));

  const notes = tallies.flatMap((t) => t.notes);
  say(`\n==> done in ${seconds(startedAt)}`);
  for (const note of notes) say(`    counted as failed: ${note}`);

  const { failed, line } = summarize(tallies);
  process.exitCode = failed === 0 ? 0 : 1;
  // Nothing may print after this line.
  say(line);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
