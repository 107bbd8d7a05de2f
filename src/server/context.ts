import type { Config } from './config';
import type { Database } from './db';
import type { SessionStore } from './auth/sessions';
import type { Mailer } from './email';
import type { JobWorker } from './jobs';
import type { LiveHub } from './events/live';
import type { FeatureWhole } from './policy/manifest';

/** What route modules receive: configuration, the database, sessions, the job worker, email. */
export interface ServerContext {
  config: Config;
  db: Database;
  sessions: SessionStore;
  /** Register job handlers with `jobs.handle(kind, fn)`; enqueue with `enqueue(tx, job)`. */
  jobs: JobWorker;
  /** For job handlers that send an email with a one-time link (`deliverEmail`). */
  mailer: Mailer;
  /**
   * Every feature manifest put together (`src/server/manifests.ts`): the shared kinds, Today's
   * news, progress milestones, and the queries one feature answers for another.
   */
  features: FeatureWhole;
  /** Open event streams of this process (issue 12); features write through `events/notify.ts`. */
  live: LiveHub;
}
