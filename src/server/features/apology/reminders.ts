import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '#server/db/index.ts';
import { atLocalTime, timeZonesOf } from '#server/events/local-time.ts';
import { notify } from '#server/events/notify.ts';
import { enqueue, type JobWorker } from '#server/jobs/index.ts';
import type { SpaceMemberActor } from '#server/policy/actor.ts';
import { sharedWithPartnerSql } from '#server/policy/visibility.ts';
import { commitments } from './repo';

/**
 * Check-in reminders (issue 14, item 6). When a commitment is shared, or its day changes, each
 * partner gets a job for 09:00 of the check-in day in their own time zone. When it runs it tells
 * them (in-app; an email waits for the end of quiet hours, which the notify core handles) only if
 * the commitment is still shared and still has that day: a changed day has its own job. The text
 * names the other partner and nothing of the commitment.
 */

export const CHECK_IN_JOB = 'apology.check-in';
/** The local time of day a check-in reminder comes: 09:00. */
export const CHECK_IN_MINUTE = 9 * 60;

const ZPayload = z.object({
  commitmentId: z.uuid(),
  recipientId: z.uuid(),
  otherId: z.uuid(),
  spaceId: z.uuid(),
  day: z.iso.date(),
});

export async function scheduleCheckIns(
  tx: DbOrTx,
  actor: SpaceMemberActor,
  shared: readonly { id: string; checkInOn: string }[],
): Promise<void> {
  const partner = actor.space.partner;
  if (!partner || shared.length === 0) return;
  const pairs = [
    { recipientId: actor.userId, otherId: partner.userId },
    { recipientId: partner.userId, otherId: actor.userId },
  ];
  const zones = await timeZonesOf(
    tx,
    pairs.map((p) => p.recipientId),
  );
  for (const commitment of shared) {
    for (const pair of pairs) {
      const day = commitment.checkInOn;
      await enqueue(tx, {
        kind: CHECK_IN_JOB,
        dedupKey: `apology-check-in:${commitment.id}:${pair.recipientId}:${day}`,
        payload: { commitmentId: commitment.id, spaceId: actor.space.id, day, ...pair },
        runAt: atLocalTime(day, CHECK_IN_MINUTE, zones.get(pair.recipientId) ?? null),
      });
    }
  }
}

export function registerCheckInJob(jobs: JobWorker, db: DbOrTx): void {
  jobs.handle(CHECK_IN_JOB, async (payload) => {
    const job = ZPayload.parse(payload);
    const [still] = await db
      .select({ id: commitments.id })
      .from(commitments)
      .where(
        and(
          eq(commitments.id, job.commitmentId),
          eq(commitments.checkInOn, job.day),
          sharedWithPartnerSql(commitments.visibility),
          sql`${commitments.sharedAt} is not null`,
        ),
      );
    if (!still) return;
    await notify(db, {
      kind: 'reminder',
      recipients: [job.recipientId],
      actorId: job.otherId,
      spaceId: job.spaceId,
      link: `/apology#commitment-${job.commitmentId}`,
      joint: true,
    });
  });
}
