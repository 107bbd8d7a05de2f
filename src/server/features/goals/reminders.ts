import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, DbOrTx } from '#server/db/index.ts';
import { queryRows } from '#server/db/index.ts';
import { hardDates, memberships } from '#server/db/schema/index.ts';
import { atLocalTime, localDay, timeZonesOf } from '#server/events/local-time.ts';
import { notify } from '#server/events/notify.ts';
import { enqueue, type JobWorker } from '#server/jobs/index.ts';
import { rowsOf } from '#server/policy/rules.ts';
import { addDays, nextOccurrence, reminderDay } from './dates';

/**
 * Reminders of hard dates (decision 0074). When a date is added, changed or brought back, each
 * partner gets a job for 09:00 on the reminder day where they live (`remindDays` before the date,
 * or today when that day has gone). When it runs it tells them only if the date is still in the
 * plan at that same version: a changed date has jobs of its own. The notification names the other
 * partner and nothing else; an email waits for the end of quiet hours (the notify core). A yearly
 * date's job leaves the next year's job behind it.
 */

export const HARD_DATE_JOB = 'goals.hard-date-reminder';
/** The local time of day a reminder comes. */
export const REMINDER_MINUTE = 9 * 60;

const ZPayload = z.object({
  hardDateId: z.uuid(),
  version: z.int(),
  recipientId: z.uuid(),
  otherId: z.uuid(),
  occurrence: z.iso.date(),
});

type HardDateRow = typeof hardDates.$inferSelect;

async function scheduleOne(
  tx: DbOrTx,
  row: Pick<HardDateRow, 'id' | 'version' | 'day' | 'yearly' | 'remindDays'>,
  recipientId: string,
  otherId: string,
  zone: string | null,
  after: string,
): Promise<void> {
  const occurrence = nextOccurrence(row.day, row.yearly, after);
  if (!occurrence) return;
  const due = reminderDay(occurrence, row.remindDays, after);
  const at = atLocalTime(due, REMINDER_MINUTE, zone);
  await enqueue(tx, {
    kind: HARD_DATE_JOB,
    dedupKey: `goals-hard-date:${row.id}:${row.version}:${recipientId}:${occurrence}`,
    payload: { hardDateId: row.id, version: row.version, recipientId, otherId, occurrence },
    // On the day itself after 09:00: now.
    runAt: at.getTime() > Date.now() ? at : new Date(),
  });
}

/** Jobs for both partners for the next time this date comes, in the caller's transaction. */
export async function scheduleHardDateReminders(
  tx: DbOrTx,
  row: Pick<HardDateRow, 'id' | 'version' | 'day' | 'yearly' | 'remindDays'>,
  couple: readonly [string, string],
): Promise<void> {
  const zones = await timeZonesOf(tx, couple);
  const [one, two] = couple;
  for (const [recipient, other] of [
    [one, two],
    [two, one],
  ] as const) {
    const zone = zones.get(recipient) ?? null;
    await scheduleOne(tx, row, recipient, other, zone, localDay(new Date(), zone));
  }
}

export function registerHardDateJob(jobs: JobWorker, db: Database): void {
  jobs.handle(HARD_DATE_JOB, async (payload) => {
    const job = ZPayload.parse(payload);
    const [row] = await db
      .select()
      .from(hardDates)
      .where(
        and(
          eq(hardDates.id, job.hardDateId),
          eq(hardDates.version, job.version),
          isNull(hardDates.setAsideAt),
        ),
      );
    if (!row) return;
    // Both still in the space the date belongs to: nobody else is ever told.
    const [members] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${memberships}
        where ${rowsOf(memberships.spaceId, row.spaceId)} and ${memberships.leftAt} is null
          and date_trunc('milliseconds', ${memberships.joinedAt}) <= ${row.coupleSince.toISOString()}::timestamptz
          and (${rowsOf(memberships.userId, job.recipientId)} or ${rowsOf(memberships.userId, job.otherId)})`,
    );
    if (Number(members?.n ?? 0) !== 2) return;
    await db.transaction(async (tx) => {
      await notify(tx, {
        kind: 'hard_date',
        recipients: [job.recipientId],
        actorId: job.otherId,
        spaceId: row.spaceId,
        link: `/goals#hard-date-${row.id}`,
        joint: true,
      });
      if (row.yearly) {
        const zones = await timeZonesOf(tx, [job.recipientId]);
        await scheduleOne(
          tx,
          row,
          job.recipientId,
          job.otherId,
          zones.get(job.recipientId) ?? null,
          addDays(job.occurrence, 1),
        );
      }
    });
  });
}
