/**
 * Outbox drain rate (issue 13): emails queued in the database, sent by the real server's job
 * worker to a real SMTP server in this process. The rate is counted from the first email to
 * arrive to the last, so the server's start-up is not in it.
 */
import { openDatabase, type OpenDatabaseOptions } from '#server/db/index.ts';
import { sendEmail } from '#server/email/index.ts';
import { TestMailbox } from '../helpers/mailbox';
import { startServerProcess } from '../helpers/server-process';

const FROM = 'no-reply@hearts.test';
const BATCH = 500;
const quiet = { info() {}, warn() {}, error() {} };

export async function benchOutbox(options: {
  dbOptions: Pick<OpenDatabaseOptions, 'dataDir' | 'databaseUrl'>;
  serverEnv: Record<string, string>;
  emails: number;
  /** Distinguishes this run's dedup keys from any earlier run on the same database. */
  runId: string;
}): Promise<{ emails: number; seconds: number; emailsPerSecond: number }> {
  const database = await openDatabase({ ...options.dbOptions, logger: quiet });
  try {
    for (let start = 0; start < options.emails; start += BATCH)
      await database.db.transaction(async (tx) => {
        for (let i = start; i < Math.min(start + BATCH, options.emails); i++)
          await sendEmail(tx, {
            to: `bench-${i}@example.test`,
            template: 'newSignIn',
            data: {
              when: '7 December 2026 at 00:00 UTC',
              device: 'Firefox on Linux',
              resetLink: 'http://hearts.test/account/forgot',
            },
            dedupKey: `bench-outbox:${options.runId}:${i}`,
          });
      });
  } finally {
    await database.close();
  }

  const mailbox = await new TestMailbox().start();
  try {
    const server = await startServerProcess({
      ...options.serverEnv,
      SMTP_URL: mailbox.url,
      EMAIL_FROM: FROM,
    });
    try {
      await mailbox.waitFor(1, 60_000);
      const first = performance.now();
      await mailbox.waitFor(options.emails, 120_000);
      const seconds = (performance.now() - first) / 1000;
      return { emails: options.emails, seconds, emailsPerSecond: (options.emails - 1) / seconds };
    } finally {
      await server.stop();
    }
  } finally {
    await mailbox.close();
  }
}
