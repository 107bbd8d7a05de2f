import type { Config } from './config';
import type { Database } from './db';
import type { SessionStore } from './auth/sessions';

/** What route modules receive: configuration, the database, and the session store. */
export interface ServerContext {
  config: Config;
  db: Database;
  sessions: SessionStore;
}
