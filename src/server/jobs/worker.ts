import { and, eq, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Database, DbLogger } from '#server/db/index.ts';
import { queryRows } from '#server/db/index.ts';
import { outbox } from '#server/db/schema/index.ts';

/** What a handler learns about the job it runs. */
export interface JobInfo {
  id: number;
  kind: string;
  dedupKey: string;
  /** 1 on the first try. */
  attempt: number;
}

/**
 * Runs one job. Resolving marks it done; throwing schedules a retry with back-off. It may run
 * more than once for the same job (a crash after the effect, before "done" is written), so it
 * must be idempotent: use `job.dedupKey` to make its effect land once.
 */
export type JobHandler = (payload: unknown, job: JobInfo) => Promise<void>;

export interface JobWorkerOptions {
  logger: DbLogger;
  /** How long a claimed job belongs to its worker before another may take it (default 60 s). */
  leaseMs?: number;
  /** Jobs claimed per round (default 50). */
  batchSize?: number;
  /** Jobs of a round run at once (default 8; an SMTP pool sends over several connections). */
  concurrency?: number;
  /** Sleep between empty rounds (default 1 s). */
  pollMs?: number;
  /** First retry delay; doubles per attempt up to an hour (default 10 s). */
  retryBaseMs?: number;
  /** Finished jobs are kept this long, so their dedup keys still hold (default 7 days). */
  keepDoneMs?: number;
}

type ClaimedJob = {
  id: number;
  kind: string;
  dedup_key: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
};

const HOUR_MS = 3_600_000;
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * Claims due jobs from the outbox with `FOR UPDATE SKIP LOCKED` (so any number of workers, in
 * any number of processes, never take the same job at once), runs their handlers and records the
 * outcome. At least once: a worker killed mid-job leaves a lease that runs out, and the job is
 * claimed again. Same SQL on PGlite and PostgreSQL.
 */
export class JobWorker {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly sweeps: ((db: Database) => Promise<void>)[] = [];
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly retryBaseMs: number;
  private readonly keepDoneMs: number;
  private loop: Promise<void> | undefined;
  private running = false;
  private wake: (() => void) | undefined;
  private lastSweep = 0;

  constructor(
    private readonly db: Database,
    private readonly options: JobWorkerOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = options.batchSize ?? 50;
    this.concurrency = options.concurrency ?? 8;
    this.pollMs = options.pollMs ?? 1_000;
    this.retryBaseMs = options.retryBaseMs ?? 10_000;
    this.keepDoneMs = options.keepDoneMs ?? 7 * 24 * HOUR_MS;
  }

  /** Registers the handler for one kind of job (once per kind). */
  handle(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`A handler for job kind "${kind}" exists`);
    this.handlers.set(kind, handler);
  }

  /** Housekeeping run every ten minutes or so (old rate-limit counters, expired tokens). */
  addSweep(sweep: (db: Database) => Promise<void>): void {
    this.sweeps.push(sweep);
  }

  /** Starts the background loop; `stop()` ends it after the round in progress. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.runLoop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /** Asks a sleeping loop to look now (after this process enqueued something). */
  nudge(): void {
    this.wake?.();
  }

  /** Runs rounds until no job is due; returns how many jobs ran. For tests and the bench. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const ran = await this.runOnce();
      if (ran === 0) return total;
      total += ran;
    }
  }

  /** One round: claim up to a batch of due jobs, run them, record each outcome. */
  async runOnce(now = new Date()): Promise<number> {
    const jobs = await this.claim(now);
    let next = 0;
    const lane = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        await this.run(job);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, jobs.length) }, lane));
    return jobs.length;
  }

  private async claim(now: Date): Promise<ClaimedJob[]> {
    const leaseEnd = new Date(now.getTime() + this.leaseMs);
    // `run_at` keeps microseconds and a Date only milliseconds: a job enqueued (run_at = now())
    // in this same millisecond is due, so "due" means before the next millisecond.
    const dueBefore = new Date(now.getTime() + 1);
    return queryRows<ClaimedJob>(
      this.db,
      sql`update ${outbox}
          set locked_until = ${leaseEnd.toISOString()}::timestamptz, attempts = attempts + 1
          where id in (
            select id from ${outbox}
            where done_at is null and dead_at is null
              and run_at < ${dueBefore.toISOString()}::timestamptz
              and (locked_until is null or locked_until < ${now.toISOString()}::timestamptz)
            order by run_at, id
            limit ${this.batchSize}
            for update skip locked)
          returning id, kind, dedup_key, payload, attempts, max_attempts`,
    );
  }

  private async run(job: ClaimedJob): Promise<void> {
    const id = Number(job.id);
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw Object.assign(new Error('no handler'), { code: 'no_handler' });
      await handler(job.payload, {
        id,
        kind: job.kind,
        dedupKey: job.dedup_key,
        attempt: job.attempts,
      });
    } catch (error) {
      await this.fail(id, job, error);
      return;
    }
    // Written at once after the effect: the shorter this gap, the fewer repeats after a crash.
    await this.db
      .update(outbox)
      .set({ doneAt: new Date(), lockedUntil: null, payload: null, lastError: null })
      .where(and(eq(outbox.id, id), eq(outbox.attempts, job.attempts)));
  }

  private async fail(id: number, job: ClaimedJob, error: unknown): Promise<void> {
    const code = errorCode(error);
    const dead = job.attempts >= job.max_attempts;
    const delay = Math.min(this.retryBaseMs * 2 ** (job.attempts - 1), HOUR_MS);
    // A little spread, so jobs that failed together do not all retry in the same instant.
    const runAt = new Date(Date.now() + delay * (0.8 + Math.random() * 0.4));
    this.options.logger.warn(
      { jobId: id, kind: job.kind, attempt: job.attempts, code, dead },
      'job failed',
    );
    await this.db
      .update(outbox)
      .set({
        lockedUntil: null,
        lastError: code,
        runAt,
        ...(dead ? { deadAt: new Date(), payload: null } : {}),
      })
      .where(and(eq(outbox.id, id), eq(outbox.attempts, job.attempts)));
  }

  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    await this.db
      .delete(outbox)
      .where(
        or(
          and(isNotNull(outbox.doneAt), lt(outbox.doneAt, new Date(now - this.keepDoneMs))),
          and(isNotNull(outbox.deadAt), lt(outbox.deadAt, new Date(now - 4 * this.keepDoneMs))),
        ),
      );
    for (const sweep of this.sweeps) await sweep(this.db);
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      let ran = 0;
      try {
        ran = await this.runOnce();
        await this.sweep(Date.now());
      } catch (error) {
        // The database may be restarting; the next round tries again.
        this.options.logger.error({ code: errorCode(error) }, 'job round failed');
      }
      if (ran === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }
}

/** An error's code or type, never its message (which can quote an address or a query). */
function errorCode(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as {
      code?: unknown;
      responseCode?: unknown;
      name?: unknown;
      cause?: { code?: unknown };
    };
    const code = e.code ?? e.cause?.code ?? e.responseCode ?? e.name;
    if (typeof code === 'string' || typeof code === 'number') return String(code).slice(0, 40);
  }
  return 'error';
}
