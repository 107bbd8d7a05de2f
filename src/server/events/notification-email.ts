import { eq } from 'drizzle-orm';
import type { Database } from '#server/db/index.ts';
import { notifications, users } from '#server/db/schema/index.ts';
import { deliverEmail, type Mailer } from '#server/email/index.ts';
import type { JobWorker } from '#server/jobs/index.ts';
import { NOTIFICATION_EMAIL_JOB } from './notify';

/**
 * Sends the neutral "something new" email for a notification the person chose to get by email
 * (issue 12). It goes to their address as it is when sent, and not at all if they have read the
 * notification in the app meanwhile (or it is gone with their account).
 */
export function registerNotificationEmailJob(
  worker: JobWorker,
  options: { db: Database; mailer: Mailer; origin: string },
): void {
  worker.handle(NOTIFICATION_EMAIL_JOB, async (payload, job) => {
    const id = (payload as { notificationId?: unknown } | null)?.notificationId;
    if (typeof id !== 'string') return;
    const [row] = await options.db
      .select({ email: users.email, readAt: notifications.readAt })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.recipientId))
      .where(eq(notifications.id, id));
    if (!row || row.readAt) return;
    await deliverEmail(options.mailer, {
      to: row.email,
      template: 'somethingNew',
      data: { link: `${options.origin}/notifications` },
      dedupKey: job.dedupKey,
    });
  });
}
