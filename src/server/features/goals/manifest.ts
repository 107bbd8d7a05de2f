import { eq, sql } from 'drizzle-orm';
import {
  goalMilestones,
  goals,
  hardDateParts,
  hardDates,
  progressReviewAnswers,
} from '#server/db/schema/index.ts';
import type { FeatureManifest } from '#server/policy/manifest.ts';
import { partnerRows } from '#server/policy/rules.ts';
import { goalsExportPart } from './export-part';
import { coupleScope } from './service';

/**
 * Moving forward: the couple's goals, hard-dates plan and progress review, as the whole sees
 * them. Today counts what my partner changed in our goals and plan since I last looked; the
 * review counts nowhere (its one sign, a notification, comes when a round is ready for both).
 */
export const goalsManifest: FeatureManifest = {
  name: 'goals',
  exportPart: goalsExportPart,
  tables: [goals, goalMilestones, hardDates, hardDateParts, progressReviewAnswers],
  news: [
    {
      kind: 'goals',
      count: (actor, { since }) => sql`select 'goals'::text as kind, count(*)::int as n,
          max(at) as latest
        from (
          select ${goals.updatedAt} as at from ${goals}
            where ${coupleScope(actor, goals)} and ${partnerRows(actor, goals.updatedById)}
              and ${goals.updatedAt} > ${since}
          union all
          select m.updated_at from ${goalMilestones} m join ${goals} on ${goals.id} = m.goal_id
            where ${coupleScope(actor, goals)} and ${partnerRows(actor, sql`m.updated_by_id`)}
              and m.updated_at > ${since}
          union all
          select ${hardDates.updatedAt} from ${hardDates}
            where ${coupleScope(actor, hardDates)} and ${partnerRows(actor, hardDates.updatedById)}
              and ${hardDates.updatedAt} > ${since}
          union all
          select p.updated_at from ${hardDateParts} p join ${hardDates} on ${hardDates.id} = p.hard_date_id
            where ${coupleScope(actor, hardDates)} and ${partnerRows(actor, sql`p.user_id`)}
              and p.updated_at > ${since}
        ) as changes`,
    },
  ],
  tests: { canary: 'goals', authz: 'goals' },
  // Names kept on shared rows become "a former partner" when their person is erased.
  onErase: async (tx, userId, formerName) => {
    await tx.update(goals).set({ updatedByName: formerName }).where(eq(goals.updatedById, userId));
    await tx
      .update(goals)
      .set({ proposedByName: formerName })
      .where(eq(goals.proposedById, userId));
    await tx
      .update(goalMilestones)
      .set({ updatedByName: formerName })
      .where(eq(goalMilestones.updatedById, userId));
    await tx
      .update(goalMilestones)
      .set({ reachedByName: formerName })
      .where(eq(goalMilestones.reachedById, userId));
    await tx
      .update(hardDates)
      .set({ updatedByName: formerName })
      .where(eq(hardDates.updatedById, userId));
  },
};
