import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * An account erasure someone asked for. It runs at `execute_at` (seven days on) unless they cancel
 * it first, which deletes this row; the job that runs it checks the row is still here and due.
 */
export const erasureRequests = pgTable('erasure_requests', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  requestedAt: at('requested_at').notNull().defaultNow(),
  executeAt: at('execute_at').notNull(),
});
