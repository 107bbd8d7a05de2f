import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The real entry point in a child process, as `npm start` runs it (without the web build step). */
const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'hh-main-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  output: () => string;
  exited: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
  ready: Promise<boolean>;
}

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/server.ts'], {
    cwd: ROOT,
    env: { HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, BACKUPS: 'false', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const ready = new Promise<boolean>((resolve) => {
    const timer = setInterval(() => {
      if (output.includes('is ready at')) {
        clearInterval(timer);
        resolve(true);
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      resolve(false);
    });
  });
  return { output: () => output, exited, kill: (signal) => child.kill(signal), ready };
}

// Each test starts a real process (node + tsx): seconds on a busy machine.
describe('starting the server', { timeout: 60_000 }, () => {
  it('stops at once with one line naming a bad variable and what it expects', async () => {
    const run = start({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(await run.exited).toBe(1);
    const lines = run.output().trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^Configuration: PORT must be a port number/),
      expect.stringMatching(/^Configuration: LOG_LEVEL must be fatal, error/),
    ]);
  });

  it('refuses a second instance on the same data folder, and closes cleanly on SIGTERM', async () => {
    const first = start({});
    expect(await first.ready).toBe(true);

    const second = start({});
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/another .*instance|in use|holds/i);
    expect(second.output()).not.toContain('is ready at');

    first.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // The lock was released and PGlite closed cleanly: the next start works.
    const third = start({});
    expect(await third.ready).toBe(true);
    third.kill('SIGINT');
    expect(await third.exited).toBe(0);
  }, 60_000);
});
