import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readTestEnvironment } from '../../src/server/config';
import { openDatabase, queryRows } from '../../src/server/db';
import { createScratchPostgresDatabase, type ScratchDatabase } from '../../src/server/db/scratch';
import { messageIdFor, sendEmail } from '../../src/server/email';
import { TestMailbox } from '../helpers/mailbox';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';

/**
 * The outbox under kill -9: the real server, in its own process, sends a queue of emails to a
 * real SMTP server here; we SIGKILL it again and again while it sends, and start it again.
 *
 * What must hold: no email is lost; a second copy of an email can only be one that was in
 * flight when its process died (handed to SMTP, "done" not yet written) — never one whose
 * completion had been recorded — so repeats are at most one worker round per kill; every copy of
 * an email carries the same Message-ID; and in the end every job is done.
 */
const EMAILS = 1200;
/** Jobs a worker runs side by side (JobWorker's default concurrency). */
const IN_FLIGHT_PER_KILL = 8;
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

describe('the outbox under kill -9', () => {
  it(
    'loses no email and repeats only what was in flight at a kill',
    { timeout: 600_000 },
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
        JOB_LEASE_SECONDS: '2',
        BACKUPS: 'false',
        LOG_LEVEL: 'silent',
      };
      const received = () => new Set(mailbox.messages.map((m) => m.messageId)).size;

      let kills = 0;
      let server: ServerProcess | undefined;
      for (let round = 0; round < 40 && received() < EMAILS; round++) {
        server = await startServerProcess(env, { readyTimeoutMs: 60_000 });
        const before = mailbox.messages.length;
        // Wait until this process is sending, then kill it at a random moment of its sending.
        await mailbox.waitFor(before + 1, 30_000).catch(() => undefined);
        if (received() >= EMAILS) break;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 600));
        if (received() >= EMAILS) break;
        const exited = new Promise((resolve) => server!.child.once('exit', resolve));
        server.child.kill('SIGKILL');
        await exited;
        server = undefined;
        kills += 1;
      }
      server ??= await startServerProcess(env, { readyTimeoutMs: 60_000 });
      await mailbox.waitFor(EMAILS, 120_000).catch(() => undefined);
      // Leases of the last killed process run out, and their jobs finish, before a clean stop.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      await server.stop();

      const copies = new Map<string, number>();
      for (const m of mailbox.messages) copies.set(m.messageId, (copies.get(m.messageId) ?? 0) + 1);
      // Nothing lost, nothing foreign.
      expect(copies.size).toBe(EMAILS);
      for (const id of copies.keys()) expect(expectedIds.has(id)).toBe(true);
      // Each copy went to the address of its own job.
      for (const m of mailbox.messages)
        expect(m.to).toEqual([`person-${expectedIds.get(m.messageId)}@example.test`]);
      // It really was killed while sending, several times.
      expect(kills).toBeGreaterThanOrEqual(2);
      const repeats = mailbox.messages.length - EMAILS;
      expect(repeats).toBeLessThanOrEqual(kills * IN_FLIGHT_PER_KILL);
      process.stdout.write(
        `[kill test, ${engine}] ${EMAILS} emails, ${kills} kills, ${repeats} repeated (in flight at a kill)\n`,
      );

      const after = await openDatabase({ ...dbOptions(), logger: quiet, migrate: false });
      try {
        const [row] = await queryRows<{ done: number; open: number; dead: number }>(
          after.db,
          sql`select count(*) filter (where done_at is not null)::int as done,
                   count(*) filter (where done_at is null and dead_at is null)::int as open,
                   count(*) filter (where dead_at is not null)::int as dead
            from outbox`,
        );
        expect(row).toEqual({ done: EMAILS, open: 0, dead: 0 });
      } finally {
        await after.close();
      }
    },
  );
});
