import { sql } from 'drizzle-orm';
import type { ServerContext } from '#server/context.ts';
import { queryRows } from '#server/db/index.ts';
import { agreements, memberships } from '#server/db/schema/index.ts';
import { notify } from '#server/events/notify.ts';
import { REVIEW_DUE_JOB } from './service';

/**
 * On the morning of an agreement's review day, both partners are told that it is ready to look at
 * again: each notification names the other partner, never the agreement's words. Nothing is sent
 * if the date was changed meanwhile (a later job has the new date), if either partner has left,
 * or while joint work rests (the notification waits, unseen, as every joint one does).
 */
export function registerReviewJob(ctx: ServerContext): void {
  ctx.jobs.handle(REVIEW_DUE_JOB, async (payload) => {
    const job = payload as { agreementId?: unknown; reviewOn?: unknown } | null;
    if (typeof job?.agreementId !== 'string' || typeof job.reviewOn !== 'string') return;
    const { agreementId, reviewOn } = job;
    await ctx.db.transaction(async (tx) => {
      const people = await queryRows<{ user_id: string; space_id: string }>(
        tx,
        sql`select m.user_id, a.space_id from ${agreements} a
          join ${memberships} m on m.left_at is null
            and (m.id = a.member_one_id or m.id = a.member_two_id)
          where a.id = ${agreementId} and a.review_on = ${reviewOn}::date
            and a.member_two_id is not null`,
      );
      if (people.length !== 2) return;
      for (const [i, person] of people.entries()) {
        const other = people[1 - i]!;
        await notify(tx, {
          kind: 'review',
          recipients: [person.user_id],
          actorId: other.user_id,
          spaceId: person.space_id,
          link: `/agreements?agreement=${agreementId}`,
          joint: true,
        });
      }
    });
  });
}
