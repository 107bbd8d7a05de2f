import type { Config } from './config';
import type { Database } from './db';
import type { SessionStore } from './auth/sessions';
import type { Mailer } from './email';
import type { JobWorker } from './jobs';

/** What route modules receive: configuration, the database, sessions, the job worker, email. */
export interface ServerContext {
  config: Config;
  db: Database;
  sessions: SessionStore;
  /** Register job handlers with `jobs.handle(kind, fn)`; enqueue with `enqueue(tx, job)`. */
  jobs: JobWorker;
  /** For job handlers that send an email with a one-time link (`deliverEmail`). */
  mailer: Mailer;
}
