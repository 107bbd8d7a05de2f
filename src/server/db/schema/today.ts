import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

/** When each person last looked at their today screen: "new since you last looked" starts here. */
export const todayViews = pgTable('today_views', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  lookedAt: timestamp('looked_at', { withTimezone: true }).notNull(),
});
