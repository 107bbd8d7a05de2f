import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readTestEnvironment } from '#server/config/index.ts';
import { openDatabase, queryRows } from '#server/db/index.ts';
import { createScratchPostgresDatabase, type ScratchDatabase } from '#server/db/scratch.ts';
import { messageIdFor, sendEmail } from '#server/email/index.ts';
import { TestMailbox } from '../helpers/mailbox';
import { startServerProcess } from '../helpers/server-process';

/**
 * The outbox under kill -9: the real server, in its own process, sends a queue of emails to a
 * real SMTP server here; three times we SIGKILL it part-way through its sending (after a random
 * 5–30 more emails reached SMTP), then run a clean server until the outbox is empty.
 *
 * What must hold: no email is lost; a second copy of an email can only be one that was in
 * flight when its process died (handed to SMTP, "done" not yet written) — never one whose
 * completion had been recorded — so repeats are at most one worker round per kill; every copy of
 * an email carries the same Message-ID; and in the end every job is done.
 */
const EMAILS = 150;
/** Kill rounds: each kills a server part-way through its sending. */
const KILLS = 3;
/** Jobs a worker runs side by side (JobWorker's default concurrency). */
const IN_FLIGHT_PER_KILL = 8;
const LEASE_SECONDS = 2;
const FROM = 'no-reply@hearts.test';
const quiet = { info() {}, warn() {}, error() {} };

const engine = inject('dbEngine');
const dataDir = mkdtempSync(path.join(tmpdir(), 'hh-kill-'));
let scratch: ScratchDatabase | undefined;
const mailbox = new TestMailbox();

afterAll(async () => {
  await mailbox.close();
  await scratch?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const dbOptions = () =>
  scratch
    ? { databaseUrl: scratch.url }
    : { dataDir, backups: { enabled: false, keep: 1, intervalMs: 1 } };

async function waitUntil(done: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

/** Outbox rows by state, read with the server stopped (PGlite allows one process at a time). */
async function outboxCounts() {
  const after = await openDatabase({ ...dbOptions(), logger: quiet, migrate: false });
  try {
    const [row] = await queryRows<{ done: number; open: number; dead: number }>(
      after.db,
      sql`select count(*) filter (where done_at is not null)::int as done,
                 count(*) filter (where done_at is null and dead_at is null)::int as open,
                 count(*) filter (where dead_at is not null)::int as dead
          from outbox`,
    );
    return row!;
  } finally {
    await after.close();
  }
}

describe('the outbox under kill -9', () => {
  it(
    'loses no email and repeats only what was in flight at a kill',
    { timeout: 240_000 },
    async () => {
      await mailbox.start();
      if (engine === 'postgres')
        scratch = await createScratchPostgresDatabase(readTestEnvironment().postgresUrl);
      const seeding = await openDatabase({ ...dbOptions(), logger: quiet });
      await seeding.db.transaction(async (tx) => {
        for (let i = 0; i < EMAILS; i++)
          await sendEmail(tx, {
            to: `person-${i}@example.test`,
            template: 'newSignIn',
            data: {
              when: '7 December 2026 at 00:00 UTC',
              device: 'Firefox on Linux',
              resetLink: 'http://hearts.test/account/forgot',
            },
            dedupKey: `kill-test:${i}`,
          });
      });
      await seeding.close();

      const expectedIds = new Map(
        Array.from({ length: EMAILS }, (_, i) => [messageIdFor(`email:kill-test:${i}`, FROM), i]),
      );
      const env = {
        DATA_DIR: dataDir,
        ...(scratch ? { DATABASE_URL: scratch.url } : {}),
        SMTP_URL: mailbox.url,
        EMAIL_FROM: FROM,
        JOB_LEASE_SECONDS: String(LEASE_SECONDS),
        BACKUPS: 'false',
        // Warnings only (each restart takes over the killed process's lock): a stalled start shows why.
        LOG_LEVEL: 'warn',
      };
      const received = () => new Set(mailbox.messages.map((m) => m.messageId)).size;

      let kills = 0;
      for (let round = 0; round < KILLS; round++) {
        const server = await startServerProcess(env, { readyTimeoutMs: 60_000, showLogs: true });
        // Kill it once it has handed a few more emails to SMTP, so it dies mid-send.
        const target = mailbox.messages.length + 5 + Math.floor(Math.random() * 25);
        await mailbox.waitFor(target, 30_000);
        const exited = new Promise((resolve) => server.child.once('exit', resolve));
        server.child.kill('SIGKILL');
        await exited;
        kills += 1;
      }
      const sentBeforeLastKill = mailbox.messages.length;
      expect(received()).toBeLessThan(EMAILS); // every kill landed while emails were still queued
      // Run a clean server until the outbox is empty. Jobs claimed by the last killed process come
      // back once their lease runs out, so one pass may end before they do: then start another.
      let open = EMAILS;
      for (let pass = 0; pass < 5 && open > 0; pass++) {
        const server = await startServerProcess(env, { readyTimeoutMs: 60_000, showLogs: true });
        await waitUntil(() => received() >= EMAILS, 60_000);
        await new Promise((resolve) => setTimeout(resolve, LEASE_SECONDS * 1000 + 1500));
        await server.stop();
        open = (await outboxCounts()).open;
      }

      const copies = new Map<string, number>();
      for (const m of mailbox.messages) copies.set(m.messageId, (copies.get(m.messageId) ?? 0) + 1);
      // Nothing lost, nothing foreign.
      expect(copies.size).toBe(EMAILS);
      for (const id of copies.keys()) expect(expectedIds.has(id)).toBe(true);
      // Each copy went to the address of its own job.
      for (const m of mailbox.messages)
        expect(m.to).toEqual([`person-${expectedIds.get(m.messageId)}@example.test`]);
      // It really was killed while sending, several times.
      expect(kills).toBe(KILLS);
      const repeats = mailbox.messages.length - EMAILS;
      // A repeated email had its first copy sent by a process that was then killed; nothing a
      // server that ran to a clean stop sent is ever sent again.
      const firstSeen = new Map<string, number>();
      mailbox.messages.forEach((m, i) =>
        firstSeen.set(m.messageId, firstSeen.get(m.messageId) ?? i),
      );
      for (const [id, n] of copies)
        if (n > 1) expect(firstSeen.get(id)).toBeLessThan(sentBeforeLastKill);
      expect(repeats).toBeLessThanOrEqual(kills * IN_FLIGHT_PER_KILL);
      process.stdout.write(
        `[kill test, ${engine}] ${EMAILS} emails, ${kills} kills, ${repeats} repeated (in flight at a kill)\n`,
      );

      expect(await outboxCounts()).toEqual({ done: EMAILS, open: 0, dead: 0 });
    },
  );
});
