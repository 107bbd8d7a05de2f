import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readTestEnvironment } from '#server/config/index.ts';
import { openDatabase, type Database } from '#server/db/index.ts';
import { accessLog, triggerEntries } from '#server/db/schema/index.ts';
import { createScratchPostgresDatabase } from '#server/db/scratch.ts';
import { createTestDataDir } from '#server/db/testing.ts';
import {
  GENESIS_HASH,
  recordAccess,
  verifyAccessLog,
  type AccessEntry,
} from '#server/policy/access-log.ts';
import type { TAccessLogPage } from '#shared/schemas/access-log.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  linkTherapist,
  type TestApp,
} from '../helpers/test-app';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const silent = { info() {}, warn() {}, error() {} };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const someEntry = (over: Partial<AccessEntry> = {}): AccessEntry => ({
  therapistId: randomUUID(),
  spaceId: randomUUID(),
  itemKind: 'checkin',
  itemId: randomUUID(),
  authorId: randomUUID(),
  ...over,
});

/** Runs a statement with the append-only trigger switched off, as only the table owner can. */
async function tamper(db: Database, statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table access_log disable trigger access_log_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`alter table access_log enable trigger access_log_append_only`);
  });
}

async function seqs(db: Database): Promise<number[]> {
  const rows = await db.select({ seq: accessLog.seq }).from(accessLog).orderBy(accessLog.seq);
  return rows.map((row) => row.seq);
}

describe('the chain', () => {
  // Each test reads the whole log, so they run in order on one database and start from a clean log.
  beforeAll(async () => {
    await tamper(t.database.db, sql`delete from access_log`);
  });

  it('verifies an untouched chain of entries, each linked to the one before', async () => {
    const db = t.database.db;
    for (let i = 0; i < 5; i++) await recordAccess(db, someEntry());
    const report = await verifyAccessLog(db);
    expect(report).toEqual({ entries: 5, brokenAt: null });
    const rows = await db.select().from(accessLog).orderBy(accessLog.seq);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    // Small pages walk the same chain.
    expect(await verifyAccessLog(db, 2)).toEqual({ entries: 5, brokenAt: null });
  });

  it('refuses to change or delete an entry (the trigger)', async () => {
    const db = t.database.db;
    const [first] = await seqs(db);
    await expect(
      db.update(accessLog).set({ itemKind: 'trigger' }).where(eq(accessLog.seq, first!)),
    ).rejects.toThrow();
    await expect(db.delete(accessLog).where(eq(accessLog.seq, first!))).rejects.toThrow();
    expect(await verifyAccessLog(db)).toEqual({ entries: 5, brokenAt: null });
  });

  it('reports a changed field at that entry', async () => {
    const db = t.database.db;
    const all = await seqs(db);
    const third = all[2]!;
    const [before] = await db.select().from(accessLog).where(eq(accessLog.seq, third));
    await tamper(db, sql`update access_log set item_kind = 'measure' where seq = ${third}`);
    expect(await verifyAccessLog(db)).toEqual({
      entries: 3,
      brokenAt: { seq: third, reason: 'hash' },
    });
    await tamper(
      db,
      sql`update access_log set item_kind = ${before!.itemKind} where seq = ${third}`,
    );
    expect((await verifyAccessLog(db)).brokenAt).toBeNull();
  });

  it('reports a deleted middle entry at the entry after it', async () => {
    const db = t.database.db;
    const all = await seqs(db);
    await tamper(db, sql`delete from access_log where seq = ${all[1]!}`);
    expect(await verifyAccessLog(db)).toEqual({
      entries: 2,
      brokenAt: { seq: all[2]!, reason: 'prev_hash' },
    });
  });

  it('reports a re-linked entry (its hash recomputed over a forged link) at the next one', async () => {
    const db = t.database.db;
    // Repair the gap the way a forger would: point the entry after it at the one before, and
    // recompute its own hash. The chain then breaks at the entry that follows.
    const rows = await db.select().from(accessLog).orderBy(accessLog.seq);
    const [a, b, c] = rows;
    const { entryHash } = await import('#server/policy/access-log.ts');
    const forged = entryHash(a!.hash, b!.at, b!);
    await tamper(
      db,
      sql`update access_log set prev_hash = ${a!.hash}, hash = ${forged} where seq = ${b!.seq}`,
    );
    expect(await verifyAccessLog(db)).toEqual({
      entries: 3,
      brokenAt: { seq: c!.seq, reason: 'prev_hash' },
    });
    // Only a hash of its own, without the link, breaks at the entry itself.
    await tamper(db, sql`update access_log set prev_hash = ${b!.prevHash} where seq = ${c!.seq}`);
    await tamper(db, sql`update access_log set hash = ${'f'.repeat(64)} where seq = ${a!.seq}`);
    expect(await verifyAccessLog(db)).toEqual({
      entries: 1,
      brokenAt: { seq: a!.seq, reason: 'hash' },
    });
  });

  it('keeps the chain intact under 20 appends at once', async () => {
    const db = t.database.db;
    await tamper(db, sql`delete from access_log`);
    await Promise.all(Array.from({ length: 20 }, () => recordAccess(db, someEntry())));
    expect(await verifyAccessLog(db)).toEqual({ entries: 20, brokenAt: null });
  });
});

describe('npm run access-log:verify', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  function run(env: Record<string, string>) {
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const assignments = Object.entries(env).map(([name, value]) => `${name}=${value}`);
      const child = spawn(
        'env',
        [
          ...assignments,
          process.execPath,
          '--import',
          'tsx',
          path.join(ROOT, 'scripts', 'access-log-verify.ts'),
        ],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('says "chain intact" with exit 0, and names the first break with exit 1', async () => {
    let env: Record<string, string>;
    let drop = async () => {};
    if (inject('dbEngine') === 'pglite') {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hh-access-log-'));
      dirs.push(dataDir);
      await createTestDataDir(dataDir);
      env = { DATA_DIR: dataDir, DATABASE_URL: '', BACKUPS: 'false' };
    } else {
      const scratch = await createScratchPostgresDatabase(readTestEnvironment().postgresUrl);
      env = { DATABASE_URL: scratch.url };
      drop = () => scratch.drop();
    }
    const open = () =>
      openDatabase({
        databaseUrl: env.DATABASE_URL || undefined,
        dataDir: env.DATA_DIR,
        logger: silent,
        migrate: true,
      });
    try {
      let handle = await open();
      try {
        for (let i = 0; i < 3; i++) await recordAccess(handle.db, someEntry());
      } finally {
        await handle.close();
      }
      const intact = await run(env);
      expect(intact.stderr).toBe('');
      expect(intact.stdout).toContain('3 entries checked. Chain intact.');
      expect(intact.code).toBe(0);

      handle = await open();
      let second: number;
      try {
        [, second] = (await seqs(handle.db)) as [number, number];
        await tamper(
          handle.db,
          sql`update access_log set at = at + interval '1 second' where seq = ${second}`,
        );
      } finally {
        await handle.close();
      }
      const broken = await run(env);
      expect(broken.stdout).toContain(`Chain broken at entry ${second}`);
      expect(broken.code).toBe(1);
    } finally {
      await drop();
    }
  }, 60_000);
});

describe('GET /api/access-log', () => {
  it('shows me when a therapist opened my items, newest first, never my partner’s', async () => {
    const { a, b } = await createCouple(t, ['Ada', 'Ben']);
    const therapist = await linkTherapist(t, { a, b }, 'active', 'Dr Okafor');
    const write = await a.put('/api/checkins/mine/2026-03-03', { intensity: 3, pain: 4 });
    const checkinId = write.json<{ checkin: { id: string } }>().checkin.id;
    const entry = await a.post('/api/triggers', { cue: 'A song', intensity: 5 });
    expectStatus(entry, 201);
    const triggerId = entry.json<{ entry: { id: string } }>().entry.id;
    const bWrite = await b.put('/api/checkins/mine/2026-03-03', { intensity: 2, pain: 1 });
    const bCheckinId = bWrite.json<{ checkin: { id: string } }>().checkin.id;
    const db = t.database.db;
    const base = { therapistId: therapist.userId, spaceId: therapist.spaceId };
    await recordAccess(db, { ...base, itemKind: 'checkin', itemId: checkinId, authorId: a.userId });
    await recordAccess(db, { ...base, itemKind: 'trigger', itemId: triggerId, authorId: a.userId });
    await recordAccess(db, {
      ...base,
      itemKind: 'checkin',
      itemId: bCheckinId,
      authorId: b.userId,
    });

    const mine = (await a.get('/api/access-log')).json<TAccessLogPage>();
    expect(mine.entries.map((e) => e.itemKind)).toEqual(['trigger', 'checkin']);
    expect(mine.entries[1]).toMatchObject({
      therapist: { displayName: 'Dr Okafor', practiceName: 'Harbour Counselling' },
      itemKind: 'checkin',
      itemDate: '2026-03-03',
    });
    expect(mine.entries[0]!.itemDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(mine.next).toBeNull();
    // Never a word of the item itself.
    expect(JSON.stringify(mine)).not.toContain('A song');

    const theirs = (await b.get('/api/access-log')).json<TAccessLogPage>();
    expect(theirs.entries).toHaveLength(1);
    expect(theirs.entries[0]!.itemKind).toBe('checkin');

    // An item that is gone is still listed, without a date.
    await db.delete(triggerEntries).where(eq(triggerEntries.id, triggerId));
    const after = (await a.get('/api/access-log')).json<TAccessLogPage>();
    expect(after.entries[0]).toMatchObject({ itemKind: 'trigger', itemDate: null });
  });

  it('pages by position, newest first, with nothing repeated or missed', async () => {
    const person = await t.signUp('Pager');
    const db = t.database.db;
    for (let i = 0; i < 5; i++) {
      await recordAccess(db, someEntry({ authorId: person.userId, itemKind: 'measure' }));
    }
    const first = (await person.get('/api/access-log?limit=2')).json<TAccessLogPage>();
    expect(first.entries).toHaveLength(2);
    const second = (
      await person.get(`/api/access-log?limit=2&before=${first.next!}`)
    ).json<TAccessLogPage>();
    const third = (
      await person.get(`/api/access-log?limit=2&before=${second.next!}`)
    ).json<TAccessLogPage>();
    expect(third.next).toBeNull();
    const all = [...first.entries, ...second.entries, ...third.entries].map((e) => Number(e.seq));
    expect(all).toHaveLength(5);
    expect([...all].sort((x, y) => y - x)).toEqual(all);
    // An unknown therapist account (erased) shows as null, not an error.
    expect(first.entries[0]!.therapist).toBeNull();
  });

  it('answers bad page positions with 400 and an empty log for someone with none', async () => {
    const person = await t.signUp('Nobody');
    expect((await person.get('/api/access-log')).json()).toEqual({ entries: [], next: null });
    for (const query of ['before=abc', 'before=0', 'limit=0', 'limit=51', 'before=-3']) {
      expect((await person.get(`/api/access-log?${query}`)).statusCode).toBe(400);
    }
    expect((await t.client('anonymous').get('/api/access-log')).statusCode).toBe(401);
  });
});
