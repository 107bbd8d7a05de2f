import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, schema } from './index';
import { dataDirPaths, prepareDatabaseDir } from './engine-pglite';
import { PgliteWorkerClient } from './pglite-client';
import { createTestDataDir } from './testing';
import type { DbLogger } from './types';

const FIXTURE = fileURLToPath(new URL('./test-fixtures/open-db.ts', import.meta.url));

function recordingLogger() {
  const lines: { level: string; msg: string; obj: object }[] = [];
  const logger: DbLogger = {
    info: (obj, msg = '') => lines.push({ level: 'info', msg, obj }),
    warn: (obj, msg = '') => lines.push({ level: 'warn', msg, obj }),
    error: (obj, msg = '') => lines.push({ level: 'error', msg, obj }),
  };
  return { logger, lines };
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hh-engine-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('embedded engine start-up', () => {
  it('removes an empty postmaster.pid (which otherwise blocks PGlite) and opens with the data intact', async () => {
    const dataDir = tempDir();
    await createTestDataDir(dataDir);
    const first = await openDatabase({ dataDir, logger: recordingLogger().logger });
    await first.db
      .insert(schema.users)
      .values({ email: 'kept@example.org', displayName: 'K', passwordHash: 'x' });
    await first.close();

    const pidFile = path.join(dataDir, 'db', 'postmaster.pid');
    fs.writeFileSync(pidFile, '');
    // The trap is real: PGlite alone refuses this folder (and the worker reports Postgres' reason).
    const silent = { info() {}, warn() {}, error() {} };
    await expect(
      PgliteWorkerClient.start({ dataDir: path.join(dataDir, 'db'), logger: silent }),
    ).rejects.toThrow(/PGlite failed to initialize properly.*postmaster\.pid/s);
    expect(fs.statSync(pidFile).size).toBe(0);

    const { logger, lines } = recordingLogger();
    const handle = await openDatabase({ dataDir, logger });
    try {
      expect(lines.some((l) => l.level === 'warn' && l.msg.includes('empty postmaster.pid'))).toBe(
        true,
      );
      const rows = await handle.db
        .select()
        .from(schema.users)
        .where(eq(schema.users.email, 'kept@example.org'));
      expect(rows).toHaveLength(1);
    } finally {
      await handle.close();
    }
  }, 30_000);

  it('moves aside a database folder that holds no complete database, and tidies a good one', () => {
    const paths = dataDirPaths(tempDir());
    fs.mkdirSync(paths.db);
    fs.writeFileSync(path.join(paths.db, 'half-copied'), 'x'); // an interrupted copy: no PG_VERSION
    const { logger, lines } = recordingLogger();
    expect(prepareDatabaseDir(paths, logger)).toBe('new');
    expect(fs.existsSync(paths.db)).toBe(false);
    const aside = fs.readdirSync(paths.root).filter((name) => name.startsWith('db.incomplete-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(paths.root, aside[0]!, 'half-copied'), 'utf8')).toBe('x');
    expect(lines.some((l) => l.level === 'warn' && l.msg.includes('moved it aside'))).toBe(true);

    fs.mkdirSync(paths.db); // an empty folder is simply not a database yet
    expect(prepareDatabaseDir(paths, logger)).toBe('new');
    expect(fs.existsSync(paths.db)).toBe(false);

    fs.mkdirSync(paths.db);
    fs.writeFileSync(path.join(paths.db, 'PG_VERSION'), '18\n');
    fs.writeFileSync(path.join(paths.db, 'postmaster.pid'), '42\n'); // not empty: left alone
    expect(prepareDatabaseDir(paths, logger)).toBe('existing');
    expect(fs.readFileSync(path.join(paths.db, 'postmaster.pid'), 'utf8')).toBe('42\n');
  });

  it('survives being killed at random moments while starting (and writing)', async () => {
    const dataDir = tempDir();
    const acknowledged = new Set<string>();

    /** Starts the fixture, SIGKILLs it after `afterMs`; resolves with what it printed. */
    const killRound = (afterMs: number, backups: 'on' | 'off') =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', FIXTURE, dataDir, 'write', backups],
          {
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
        child.on('exit', (code, signal) => {
          clearTimeout(timer);
          for (const line of stdout.split('\n')) {
            // Only complete lines: the kill may cut the last one.
            const match = /^ack ([0-9a-f-]{36})$/.exec(line);
            if (match && stdout.includes(`${line}\n`)) acknowledged.add(match[1]!);
          }
          if (signal === 'SIGKILL') resolve();
          else reject(new Error(`the child exited by itself (code ${code}): ${stderr}`));
        });
      });

    // Round 1 kills it while it creates a brand-new database (initdb takes seconds).
    await killRound(50 + Math.random() * 1500, 'on');
    // The data written earlier: a clean open, a sentinel row, a clean close.
    const first = await openDatabase({ dataDir, logger: recordingLogger().logger });
    const [sentinel] = await first.db
      .insert(schema.spaces)
      .values({})
      .returning({ id: schema.spaces.id });
    await first.close();

    // Half the rounds also take the backup at open (a longer start-up to be killed in).
    const deadline = Date.now() + 10_000;
    let rounds = 0;
    while (Date.now() < deadline || rounds < 4) {
      await killRound(50 + Math.random() * 2950, rounds % 2 === 0 ? 'on' : 'off');
      rounds++;
    }

    const { logger } = recordingLogger();
    const handle = await openDatabase({ dataDir, logger });
    try {
      const ids = new Set(
        (await handle.db.select({ id: schema.spaces.id }).from(schema.spaces)).map((r) => r.id),
      );
      expect(ids.has(sentinel!.id)).toBe(true);
      const lost = [...acknowledged].filter((id) => !ids.has(id));
      expect(lost).toEqual([]);
    } finally {
      await handle.close();
    }
    expect(rounds).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
