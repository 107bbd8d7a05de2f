import { sql } from 'drizzle-orm';
import type { ServerContext } from '#server/context.ts';
import { queryRows } from '#server/db/index.ts';
import { memberships, transparencyOffers } from '#server/db/schema/index.ts';
import { notify } from '#server/events/notify.ts';
import { OFFER_REVIEW_JOB } from './service';

/**
 * On the morning of an offer's review day, both partners hear that it is ready to look at again
 * (each notification names the other partner, never the offer's words). Nothing is sent if the
 * day was changed, if the offer was not accepted or has ended, or if the offerer's partner has
 * changed since it was made.
 */
export function registerOfferReviewJob(ctx: ServerContext): void {
  ctx.jobs.handle(OFFER_REVIEW_JOB, async (payload) => {
    const job = payload as { offerId?: unknown; reviewOn?: unknown } | null;
    if (typeof job?.offerId !== 'string' || typeof job.reviewOn !== 'string') return;
    const { offerId, reviewOn } = job;
    await ctx.db.transaction(async (tx) => {
      const people = await queryRows<{ user_id: string; space_id: string }>(
        tx,
        sql`select m.user_id, o.space_id from ${transparencyOffers} o
          join ${memberships} m on m.space_id = o.space_id and m.left_at is null
          where o.id = ${offerId} and o.review_on = ${reviewOn}::date
            and o.answer = 'accepted' and o.ends_on > ${reviewOn}::date
            and not exists (select 1 from ${memberships} later
              where later.space_id = o.space_id and later.left_at is null
                and later.joined_at > o.created_at)`,
      );
      if (people.length !== 2) return;
      for (const [i, person] of people.entries()) {
        await notify(tx, {
          kind: 'review',
          recipients: [person.user_id],
          actorId: people[1 - i]!.user_id,
          spaceId: person.space_id,
          link: '/transparency',
          joint: true,
        });
      }
    });
  });
}
