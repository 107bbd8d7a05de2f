import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, describe, expect, it } from 'vitest';
import { backupFileName, listBackups, parseBackupTime, pruneBackups } from './backup';
import { LockHeldError, openDatabase, queryRows, schema, type Database } from './index';
import { backupDataDir, restoreDataDir } from './maintenance';
import { createTestDataDir } from './testing';
import { recordAccess, verifyAccessLog } from '#server/policy/access-log.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const silent = { info() {}, warn() {}, error() {} };

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hh-backup-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** One content hash per table, for every table in the public and drizzle schemas. */
async function tableHashes(db: Database): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select format('%I.%I', table_schema, table_name) as name from information_schema.tables
        where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`,
  );
  const hashes: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ hash: string; n: string }>(
      db,
      sql.raw(
        `select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as hash, count(*) as n from ${name} t`,
      ),
    );
    hashes[name] = `${row!.n}:${row!.hash}`;
  }
  return hashes;
}

async function fill(db: Database) {
  for (let i = 0; i < 20; i++) {
    const [user] = await db
      .insert(schema.users)
      .values({
        email: `p${i}@example.org`,
        displayName: `Person ${i} ✓`,
        passwordHash: `hash${i}`,
      })
      .returning();
    const [space] = await db.insert(schema.spaces).values({}).returning();
    await db.insert(schema.memberships).values({ userId: user!.id, spaceId: space!.id });
    await db.insert(schema.sessions).values({
      tokenHash: `t${i}`,
      userId: user!.id,
      device: 'Firefox',
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    await db.insert(schema.invites).values({
      spaceId: space!.id,
      createdBy: user!.id,
      tokenHash: `i${i}`,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    // The access log: an identity column, a hash chain and an append-only trigger.
    await recordAccess(db, {
      therapistId: user!.id,
      spaceId: space!.id,
      itemKind: 'checkin',
      itemId: space!.id,
      authorId: user!.id,
    });
  }
}

/** Runs an npm script's file the way `npm run` does, with extra environment variables (via env(1)). */
function run(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const assignments = Object.entries(env).map(([name, value]) => `${name}=${value}`);
    const command = [
      ...assignments,
      process.execPath,
      '--import',
      'tsx',
      path.join(ROOT, 'scripts', script),
      ...args,
    ];
    const child = spawn('env', command, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('backup file names', () => {
  it('sort by time and parse back', () => {
    const a = backupFileName(new Date('2026-11-25T03:04:05.006Z'));
    const b = backupFileName(new Date('2026-11-25T03:04:05.120Z'));
    expect(a).toBe('hh-2026-11-25T03-04-05.006Z.tar.gz');
    expect([b, a].sort()).toEqual([a, b]);
    expect(parseBackupTime(a)?.toISOString()).toBe('2026-11-25T03:04:05.006Z');
    expect(parseBackupTime('hh-2026-11-25T03-04-05Z.tar.gz')?.toISOString()).toBe(
      '2026-11-25T03:04:05.000Z',
    );
    expect(parseBackupTime('notes.txt')).toBeUndefined();
  });

  it('prune keeps the newest', () => {
    const dir = tempDir();
    const names = [1, 2, 3, 4].map((d) => backupFileName(new Date(Date.UTC(2026, 0, d))));
    for (const name of names) fs.writeFileSync(path.join(dir, name), 'x');
    fs.writeFileSync(path.join(dir, 'keep-me.txt'), 'x');
    expect(pruneBackups(dir, 2)).toEqual(names.slice(0, 2));
    expect(fs.readdirSync(dir).sort()).toEqual([...names.slice(2), 'keep-me.txt'].sort());
  });
});

describe('backup and restore', () => {
  it('restores every table exactly into a new folder', async () => {
    const source = tempDir();
    await createTestDataDir(source);
    const handle = await openDatabase({ dataDir: source, logger: silent });
    await fill(handle.db);
    const before = await tableHashes(handle.db);
    await handle.close();
    expect(before['public.users']).toMatch(/^20:/);
    // Every table of the schema, and the migration journal, is compared.
    const declared = Object.values(schema)
      .filter((value) => is(value, PgTable))
      .map((table) => `public.${getTableName(table)}`);
    expect(Object.keys(before).sort()).toEqual(
      ['drizzle.__drizzle_migrations', ...declared].sort(),
    );

    const backup = await backupDataDir({ dataDir: source, keep: 5, logger: silent });
    expect(path.dirname(backup.file)).toBe(path.join(source, 'backups'));
    expect(listBackups(path.join(source, 'backups')).map((b) => b.path)).toEqual([backup.file]);

    // Into a new folder.
    const target = tempDir();
    const restored = await restoreDataDir({ dataDir: target, file: backup.file, logger: silent });
    expect(restored.previous).toBeUndefined();
    const copy = await openDatabase({ dataDir: target, logger: silent });
    try {
      expect(await tableHashes(copy.db)).toEqual(before);
      await copy.db.insert(schema.spaces).values({}); // and it is writable
      // The access log came back whole: its chain, its trigger and its identity sequence.
      expect(await verifyAccessLog(copy.db)).toEqual({ entries: 20, brokenAt: null });
      await expect(copy.db.delete(schema.accessLog)).rejects.toThrow();
      const [user] = await copy.db.select().from(schema.users).limit(1);
      await recordAccess(copy.db, {
        therapistId: user!.id,
        spaceId: user!.id,
        itemKind: 'trigger',
        itemId: user!.id,
        authorId: user!.id,
      });
      const seqs = await copy.db.select({ seq: schema.accessLog.seq }).from(schema.accessLog);
      expect(Math.max(...seqs.map((r) => r.seq))).toBe(21);
      expect(await verifyAccessLog(copy.db)).toEqual({ entries: 21, brokenAt: null });
    } finally {
      await copy.close();
    }
  }, 60_000);

  it('backs up at open and on its timer while running, keeping the newest', async () => {
    const dataDir = tempDir();
    await createTestDataDir(dataDir);
    const backups = path.join(dataDir, 'backups');
    const handle = await openDatabase({
      dataDir,
      logger: silent,
      backups: { enabled: true, keep: 1, intervalMs: 400 },
    });
    let atOpen: ReturnType<typeof listBackups>;
    try {
      atOpen = listBackups(backups);
      expect(atOpen).toHaveLength(1);
      await handle.db
        .insert(schema.users)
        .values({ email: 'late@example.org', displayName: 'L', passwordHash: 'x' });
      // Wait for the timer to write a newer one (which prunes the first: keep 1).
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const now = listBackups(backups);
        if (now.length === 1 && now[0]!.name !== atOpen[0]!.name) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await handle.close(); // stops the timer (after any backup under way)
    }
    const latest = listBackups(backups);
    expect(latest).toHaveLength(1);
    expect(latest[0]!.name).not.toBe(atOpen[0]!.name);
    // It was taken while running, after the insert: restoring it brings the row back.
    const target = tempDir();
    await restoreDataDir({ dataDir: target, file: latest[0]!.path, logger: silent });
    const copy = await openDatabase({ dataDir: target, logger: silent });
    try {
      const rows = await queryRows(copy.db, sql`select email from users`);
      expect(rows).toEqual([{ email: 'late@example.org' }]);
    } finally {
      await copy.close();
    }
    // A fresh backup and no pending migrations: the next open takes none.
    const count = listBackups(backups).length;
    const next = await openDatabase({
      dataDir,
      logger: silent,
      backups: { enabled: true, keep: 5, intervalMs: 3_600_000 },
    });
    await next.close();
    expect(listBackups(backups)).toHaveLength(count);
  }, 60_000);

  it('refuses to restore or back up while the app holds the data folder', async () => {
    const dataDir = tempDir();
    await createTestDataDir(dataDir);
    const file = (await backupDataDir({ dataDir, keep: 5, logger: silent })).file;
    const handle = await openDatabase({ dataDir, logger: silent, migrate: false });
    try {
      await expect(restoreDataDir({ dataDir, file, logger: silent })).rejects.toBeInstanceOf(
        LockHeldError,
      );
      const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
      const [restore, backup] = await Promise.all([
        run('restore.ts', [file], env),
        run('backup.ts', [], env),
      ]);
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain('Another Healing Hearts instance is using this data folder');
      expect(restore.stderr).toContain('Nothing was restored');
      expect(backup.code).toBe(1);
      expect(backup.stderr).toContain('is running and holds this data folder');
      expect(backup.stderr).toContain(path.basename(file));
      await expect(handle.ping()).resolves.toBeUndefined();
    } finally {
      await handle.close();
    }
    // Nothing moved, nothing staged, and the lock is gone.
    expect(fs.readdirSync(dataDir).filter((name) => name.startsWith('db.'))).toEqual([]);
    expect(listBackups(path.join(dataDir, 'backups'))).toHaveLength(1);

    // Once the app has stopped, the script restores.
    const restored = await run('restore.ts', [file], { DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('Restored');
    const previous = fs
      .readdirSync(dataDir)
      .filter((name) => name.startsWith('db.before-restore-'));
    expect(previous).toHaveLength(1);
    expect(fs.existsSync(path.join(dataDir, previous[0]!, 'PG_VERSION'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'db', 'PG_VERSION'))).toBe(true);
  }, 60_000);
});
