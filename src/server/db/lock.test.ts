import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './index';
import { acquireLock, LockHeldError, lockHolder, processStartTime, type DataDirLock } from './lock';
import { createTestDataDir } from './testing';

const FIXTURE = fileURLToPath(new URL('./test-fixtures/open-db.ts', import.meta.url));
const silent = { info() {}, warn() {}, error() {} };

const dirs: string[] = [];
const locks: DataDirLock[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hh-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const lock of locks.splice(0)) lock.release();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A pid that certainly belongs to no running process: one that just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

function writeLock(file: string, owner: Record<string, unknown>) {
  fs.writeFileSync(
    file,
    JSON.stringify({ createdAt: new Date().toISOString(), token: 'someone-else', ...owner }),
  );
}

describe('data-folder lock', () => {
  it('is exclusive, even within one process, until released', () => {
    const file = path.join(tempDir(), 'db.lock');
    const lock = acquireLock(file);
    locks.push(lock);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
      pid: process.pid,
      hostname: os.hostname(),
    });
    expect(() => acquireLock(file)).toThrow(LockHeldError);
    expect(lockHolder(file)?.token).toBe(lock.owner.token);
    lock.release();
    lock.release();
    expect(fs.existsSync(file)).toBe(false);
    expect(lockHolder(file)).toBeUndefined();
    locks.push(acquireLock(file));
  });

  it('names the lock file and what to do in its message', () => {
    const file = path.join(tempDir(), 'db.lock');
    locks.push(acquireLock(file));
    let error: unknown;
    try {
      acquireLock(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LockHeldError);
    const message = (error as Error).message;
    expect(message).toContain(file);
    expect(message).toContain('Another Healing Hearts instance is using this data folder');
    expect(message).toMatch(/Stop that instance, or set DATA_DIR to a different folder/);
  });

  it('takes over a lock whose process is dead, and says so', () => {
    const file = path.join(tempDir(), 'db.lock');
    const pid = deadPid();
    writeLock(file, { pid, hostname: os.hostname() });
    const reasons: string[] = [];
    const lock = acquireLock(file, (reason, previous) => {
      reasons.push(reason);
      expect(previous?.pid).toBe(pid);
    });
    locks.push(lock);
    expect(reasons).toEqual([`process ${pid} is gone`]);
    expect((JSON.parse(fs.readFileSync(file, 'utf8')) as { token: string }).token).toBe(
      lock.owner.token,
    );
  });

  it('takes over a lock whose pid now belongs to another process', () => {
    const file = path.join(tempDir(), 'db.lock');
    const parentPid = process.ppid; // alive, but not the process that wrote the lock
    expect(processStartTime(parentPid)).toBeDefined();
    writeLock(file, { pid: parentPid, hostname: os.hostname(), processStart: '1' });
    const reasons: string[] = [];
    locks.push(acquireLock(file, (reason) => reasons.push(reason)));
    expect(reasons[0]).toContain('belongs to another process');
  });

  it('keeps a lock held by a live process on this machine', () => {
    const file = path.join(tempDir(), 'db.lock');
    writeLock(file, {
      pid: process.ppid,
      hostname: os.hostname(),
      processStart: processStartTime(process.ppid),
    });
    expect(() => acquireLock(file)).toThrow(LockHeldError);
    expect(fs.readFileSync(file, 'utf8')).toContain('someone-else');
  });

  it('trusts another machine only while it keeps refreshing the lock', () => {
    const file = path.join(tempDir(), 'db.lock');
    writeLock(file, { pid: 1, hostname: 'some-other-host' });
    expect(() => acquireLock(file)).toThrow(LockHeldError);
    const old = new Date(Date.now() - 5 * 60_000);
    fs.utimesSync(file, old, old);
    const reasons: string[] = [];
    locks.push(acquireLock(file, (reason) => reasons.push(reason)));
    expect(reasons[0]).toContain('some-other-host');
  });

  it('takes over an unreadable lock file', () => {
    const file = path.join(tempDir(), 'db.lock');
    fs.writeFileSync(file, '');
    const reasons: string[] = [];
    locks.push(acquireLock(file, (reason) => reasons.push(reason)));
    expect(reasons).toEqual(['the lock file is unreadable']);
  });

  it('makes a second process on the same data folder fail at once, without serving', async () => {
    const dataDir = tempDir();
    await createTestDataDir(dataDir);
    const handle = await openDatabase({ dataDir, logger: silent, migrate: false });
    try {
      const started = Date.now();
      const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(3);
      expect(stdout).not.toContain('opened');
      expect(stderr).toContain('Another Healing Hearts instance is using this data folder');
      expect(stderr).toContain(path.join(dataDir, 'db.lock'));
      // Fails before PGlite starts (which alone takes about a second).
      expect(Date.now() - started).toBeLessThan(10_000);
      await expect(handle.ping()).resolves.toBeUndefined();
    } finally {
      await handle.close();
    }
    expect(fs.existsSync(path.join(dataDir, 'db.lock'))).toBe(false);
  }, 30_000);
});
