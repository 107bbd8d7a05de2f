import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

/**
 * An exclusive lock on a data folder, held by one process at a time.
 *
 * PGlite itself takes no lock: two processes on one data folder silently lose committed writes
 * (research/stack.md §2). So the app holds `db.lock` before PGlite opens, and never serves
 * without it.
 *
 * The lock file appears atomically with its full content (written to a temporary file, then
 * hard-linked into place, which fails if it exists). It records who holds it. A lock whose holder
 * is gone is taken over:
 *   - same machine (hostname and Linux boot id): the holder is gone when its pid is dead, or the
 *     pid now belongs to a newer process (its start time differs from the one recorded);
 *   - another machine or container sharing the folder: pids mean nothing there, so the holder
 *     refreshes the file's mtime every 30 s and the lock is stale after 2 minutes without that.
 * Takeover runs under a second, short-lived `db.lock.takeover` file, so two starting processes
 * can't both take over the same stale lock.
 */

export class LockHeldError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockOwner | undefined,
  ) {
    const who = holder
      ? ` (process ${holder.pid} on ${holder.hostname}, since ${holder.createdAt})`
      : '';
    super(
      `Another Healing Hearts instance is using this data folder${who}: the lock file ${lockPath} is held. ` +
        'Stop that instance, or set DATA_DIR to a different folder.',
    );
    this.name = 'LockHeldError';
  }
}

export interface LockOwner {
  pid: number;
  hostname: string;
  bootId: string | undefined;
  /** Linux: the process start time (clock ticks since boot), to tell a reused pid apart. */
  processStart: string | undefined;
  createdAt: string;
  token: string;
}

export interface DataDirLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

const HEARTBEAT_MS = 30_000;
const FOREIGN_STALE_MS = 120_000;
const TAKEOVER_STALE_MS = 10_000;

const held = new Map<string, { owner: LockOwner; timer: NodeJS.Timeout }>();
let exitHookInstalled = false;

function readOptional(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function bootId(): string | undefined {
  return readOptional('/proc/sys/kernel/random/boot_id');
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised command name, which may hold spaces). */
export function processStartTime(pid: number): string | undefined {
  const stat = readOptional(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19];
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function currentOwner(): LockOwner {
  return {
    pid: process.pid,
    hostname: os.hostname(),
    bootId: bootId(),
    processStart: processStartTime(process.pid),
    createdAt: new Date().toISOString(),
    token: randomBytes(12).toString('hex'),
  };
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (
      typeof value.pid !== 'number' ||
      typeof value.hostname !== 'string' ||
      typeof value.token !== 'string'
    ) {
      return undefined;
    }
    return {
      pid: value.pid,
      hostname: value.hostname,
      bootId: value.bootId ?? undefined,
      processStart: value.processStart ?? undefined,
      createdAt: String(value.createdAt ?? 'unknown'),
      token: value.token,
    };
  } catch {
    return undefined;
  }
}

/** Why a lock found on disk may be taken over, or undefined when its holder may be alive. */
function staleReason(
  lockPath: string,
  owner: LockOwner | undefined,
  mtimeMs: number,
): string | undefined {
  if (!owner) return 'the lock file is unreadable';
  if (held.get(lockPath)?.owner.token === owner.token) return undefined; // this very process
  const here = currentOwner();
  const sameMachine = owner.hostname === here.hostname;
  if (sameMachine && owner.bootId && here.bootId && owner.bootId !== here.bootId) {
    return 'the machine restarted since';
  }
  if (sameMachine) {
    if (owner.pid === process.pid) return 'an earlier run with this same pid left it';
    if (!pidAlive(owner.pid)) return `process ${owner.pid} is gone`;
    if (owner.processStart && processStartTime(owner.pid) !== owner.processStart) {
      return `process ${owner.pid} is gone (its pid belongs to another process now)`;
    }
    return undefined;
  }
  const silentMs = Date.now() - mtimeMs;
  if (silentMs > FOREIGN_STALE_MS)
    return `its holder on ${owner.hostname} stopped refreshing it ${Math.round(silentMs / 1000)} s ago`;
  return undefined;
}

/** Creates `target` with `content` atomically; false when it already exists. */
function createExclusive(target: string, content: string): boolean {
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(temporary, 'wx', 0o644);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temporary, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // A filesystem without hard links: O_EXCL create, then write.
    try {
      fs.writeFileSync(target, content, { flag: 'wx', mode: 0o644 });
      return true;
    } catch (fallbackError) {
      if ((fallbackError as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallbackError;
    }
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** Runs `fn` while holding `${lockPath}.takeover`; false when another process holds it right now. */
function withTakeoverMutex(lockPath: string, fn: () => void): boolean {
  const mutex = `${lockPath}.takeover`;
  if (!createExclusive(mutex, String(process.pid))) {
    try {
      if (Date.now() - fs.statSync(mutex).mtimeMs > TAKEOVER_STALE_MS)
        fs.rmSync(mutex, { force: true });
    } catch {
      // gone meanwhile
    }
    return false;
  }
  try {
    fn();
  } finally {
    fs.rmSync(mutex, { force: true });
  }
  return true;
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Best effort only: a killed process leaves its lock, which the next start takes over.
  process.on('exit', () => {
    for (const [lockPath, entry] of held) releaseIfOurs(lockPath, entry.owner.token);
  });
}

function releaseIfOurs(lockPath: string, token: string) {
  const owner = parseOwner(readOptional(lockPath) ?? '');
  if (owner?.token === token) fs.rmSync(lockPath, { force: true });
}

/**
 * Takes the lock at `lockPath` (its folder must exist) or throws `LockHeldError` at once.
 * `onStale` hears about a lock that was taken over from a dead holder.
 */
export function acquireLock(
  lockPath: string,
  onStale?: (reason: string, previous: LockOwner | undefined) => void,
): DataDirLock {
  const owner = currentOwner();
  const content = `${JSON.stringify(owner, null, 2)}\n`;
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createExclusive(lockPath, content)) {
      const timer = setInterval(() => {
        const now = new Date();
        fs.utimes(lockPath, now, now, () => {});
      }, HEARTBEAT_MS);
      timer.unref();
      held.set(lockPath, { owner, timer });
      installExitHook();
      let released = false;
      return {
        path: lockPath,
        owner,
        release() {
          if (released) return;
          released = true;
          clearInterval(timer);
          held.delete(lockPath);
          releaseIfOurs(lockPath, owner.token);
        },
      };
    }
    let text: string;
    let mtimeMs: number;
    try {
      text = fs.readFileSync(lockPath, 'utf8');
      mtimeMs = fs.statSync(lockPath).mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
      throw error;
    }
    const previous = parseOwner(text);
    const reason = staleReason(lockPath, previous, mtimeMs);
    if (!reason) throw new LockHeldError(lockPath, previous);
    const tookOver = withTakeoverMutex(lockPath, () => {
      // Remove it only if it is still the very lock judged stale.
      if (readOptional(lockPath) === text.trim()) {
        fs.rmSync(lockPath, { force: true });
        onStale?.(reason, previous);
      }
    });
    if (!tookOver) sleepSync(50);
  }
  throw new LockHeldError(lockPath, undefined);
}

/** Who holds the lock at `lockPath` right now, if anyone alive does (for messages). */
export function lockHolder(lockPath: string): LockOwner | undefined {
  const text = readOptional(lockPath);
  if (text === undefined) return undefined;
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(lockPath).mtimeMs;
  } catch {
    return undefined;
  }
  const owner = parseOwner(text);
  return staleReason(lockPath, owner, mtimeMs) ? undefined : owner;
}
