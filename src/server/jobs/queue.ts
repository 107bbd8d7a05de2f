import type { DbOrTx } from '#server/db/index.ts';
import { outbox } from '#server/db/schema/index.ts';

/** One piece of work for after the commit: an email, later a reminder. */
export interface NewJob {
  /** Which handler runs it (`email`, `account.send-reset`, ...). */
  kind: string;
  /**
   * Names the one effect this job has ("the reset email for request X"). A second job with the
   * same key is dropped, and a handler may use it to make a retried effect land once.
   */
  dedupKey: string;
  /** What the handler needs. Ids and addresses, never anything a person wrote. */
  payload: unknown;
  /** Not before then (default: now). */
  runAt?: Date;
  /** Give up after this many tries (default 10, about a day of back-off). */
  maxAttempts?: number;
}

/**
 * Adds a job inside the caller's transaction, so it exists exactly when the change that asked
 * for it commits. Returns false when a job with the same dedup key already exists.
 */
export async function enqueue(db: DbOrTx, job: NewJob): Promise<boolean> {
  const inserted = await db
    .insert(outbox)
    .values({
      kind: job.kind,
      dedupKey: job.dedupKey,
      payload: job.payload ?? null,
      ...(job.runAt ? { runAt: job.runAt } : {}),
      ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
    })
    .onConflictDoNothing({ target: outbox.dedupKey })
    .returning({ id: outbox.id });
  return inserted.length > 0;
}
