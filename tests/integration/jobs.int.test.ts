import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/index.ts';
import { outbox } from '#server/db/schema/index.ts';
import { messageIdFor, sendEmail } from '#server/email/index.ts';
import { enqueue, JobWorker } from '#server/jobs/index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
const quiet = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  await t.database.db.delete(outbox);
});

const rows = () => t.database.db.select().from(outbox).orderBy(outbox.id);

describe('the outbox', () => {
  it('keeps a job only when the transaction that queued it commits', async () => {
    await t.database.db
      .transaction(async (tx) => {
        await enqueue(tx, { kind: 'test.noop', dedupKey: 'rolled-back', payload: { n: 1 } });
        tx.rollback();
      })
      .catch(() => undefined);
    await t.database.db.transaction(async (tx) => {
      await enqueue(tx, { kind: 'test.noop', dedupKey: 'committed', payload: { n: 2 } });
    });
    expect((await rows()).map((r) => r.dedupKey)).toEqual(['committed']);
  });

  it('drops a second job with the same dedup key', async () => {
    expect(await enqueue(t.database.db, { kind: 'k', dedupKey: 'same', payload: 1 })).toBe(true);
    expect(await enqueue(t.database.db, { kind: 'k', dedupKey: 'same', payload: 2 })).toBe(false);
    expect(await rows()).toHaveLength(1);
  });

  it('retries a failing job with growing back-off, then gives up and keeps no payload', async () => {
    const worker = new JobWorker(t.database.db, { logger: quiet, retryBaseMs: 1_000 });
    let calls = 0;
    worker.handle('test.fails', async () => {
      calls += 1;
      throw Object.assign(new Error('secret@example.test refused'), { code: 'EREFUSED' });
    });
    await enqueue(t.database.db, {
      kind: 'test.fails',
      dedupKey: 'f',
      payload: { a: 1 },
      maxAttempts: 3,
    });
    const start = Date.now();
    expect(await worker.runOnce(new Date(start))).toBe(1);
    let [row] = await rows();
    expect(row).toMatchObject({
      attempts: 1,
      lastError: 'EREFUSED',
      lockedUntil: null,
      deadAt: null,
    });
    const firstDelay = row!.runAt.getTime() - start;
    expect(firstDelay).toBeGreaterThanOrEqual(700);
    // Not due yet: nothing runs.
    expect(await worker.runOnce(new Date(start))).toBe(0);
    expect(await worker.runOnce(new Date(start + 10_000))).toBe(1);
    [row] = await rows();
    expect(row!.runAt.getTime() - Date.now()).toBeGreaterThan(firstDelay);
    expect(await worker.runOnce(new Date(start + 60_000))).toBe(1);
    [row] = await rows();
    expect(row!.deadAt).not.toBeNull();
    expect(row!.payload).toBeNull();
    expect(calls).toBe(3);
    expect(await worker.runOnce(new Date(start + 3_600_000))).toBe(0);
  });

  it('gives a job whose worker vanished to another worker once the lease runs out', async () => {
    const worker = new JobWorker(t.database.db, { logger: quiet, leaseMs: 5_000 });
    const ran: string[] = [];
    worker.handle('test.ok', async (_p, job) => {
      ran.push(job.dedupKey);
    });
    await enqueue(t.database.db, { kind: 'test.ok', dedupKey: 'leased', payload: null });
    // A worker claimed it and died: the lease is held, attempts counted.
    await t.database.db
      .update(outbox)
      .set({ lockedUntil: new Date(Date.now() + 5_000), attempts: 1 });
    expect(await worker.runOnce(new Date())).toBe(0);
    expect(await worker.runOnce(new Date(Date.now() + 6_000))).toBe(1);
    expect(ran).toEqual(['leased']);
    const [row] = await rows();
    expect(row).toMatchObject({ attempts: 2, payload: null });
    expect(row!.doneAt).not.toBeNull();
  });

  it('never gives one job to two workers claiming at the same moment (SKIP LOCKED)', async () => {
    const seen: number[] = [];
    const workers = [0, 1, 2].map(() => {
      const w = new JobWorker(t.database.db, { logger: quiet, batchSize: 7 });
      w.handle('test.count', async (_p, job) => {
        seen.push(job.id);
      });
      return w;
    });
    await t.database.db.insert(outbox).values(
      Array.from({ length: 60 }, (_, i) => ({
        kind: 'test.count',
        dedupKey: `c${i}`,
        payload: i,
      })),
    );
    await Promise.all(workers.map((w) => w.drain()));
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    const [row] = await queryRows<{ left: number }>(
      t.database.db,
      sql`select count(*)::int as left from outbox where done_at is null`,
    );
    expect(row!.left).toBe(0);
  });
});

describe('email through the outbox', () => {
  it('sends a queued email over SMTP from the neutral sender, with a Message-ID from its key', async () => {
    const before = t.mailbox.messages.length;
    await t.database.db.transaction(async (tx) => {
      await sendEmail(tx, {
        to: 'someone@example.test',
        template: 'newSignIn',
        data: {
          when: '6 December 2026 at 23:59 UTC',
          device: 'Firefox on Linux',
          resetLink: 'http://localhost/forgot',
        },
        dedupKey: 'new-sign-in:test-1',
      });
    });
    expect(t.mailbox.messages.length).toBe(before);
    expect(await t.deliver()).toBe(1);
    const [email] = t.mailbox.messages.slice(before);
    expect(email).toMatchObject({
      to: ['someone@example.test'],
      subject: 'New sign-in to your account',
    });
    expect(email!.from).toContain('Account notice');
    expect(email!.messageId).toBe(messageIdFor('email:new-sign-in:test-1', t.config.email.from));
    expect(email!.text).toContain('Firefox on Linux');
    const [row] = await t.database.db.select().from(outbox).where(eq(outbox.kind, 'email'));
    expect(row!.doneAt).not.toBeNull();
    expect(row!.payload).toBeNull();
  });
});
