import { and, eq, isNull, sql } from 'drizzle-orm';
import {
  triggerEntries,
  triggerPlanAcceptances,
  triggerPlanVersions,
  triggerPlans,
} from '#server/db/schema/index.ts';
import { itemPart, partnerSharedNews, type FeatureManifest } from '#server/policy/manifest.ts';
import { ownItems, partnerRows, rowsOf, spaceRows } from '#server/policy/rules.ts';
import { coAuthoredCommentable } from '#server/policy/co-authored.ts';
import { triggerPlanExportPart } from './export-part';
import { PLAN } from './plan-service';

/** Trigger entries and the couple's plan, as the whole sees them. */
export const triggersManifest: FeatureManifest = {
  exportPart: triggerPlanExportPart,
  name: 'triggers',
  tables: [triggerEntries, triggerPlans, triggerPlanVersions, triggerPlanAcceptances],
  shareable: [
    {
      kind: 'trigger',
      title: 'Trigger log entry',
      table: triggerEntries,
      therapist: true,
      comments: false,
      branch: ({ where, body }) => sql`select 'trigger'::text, ${triggerEntries.id},
          ${triggerEntries.authorId}, ${triggerEntries.spaceId}, ${triggerEntries.occurredAt},
          null::text, null::text, ${triggerEntries.therapistSharedAt},
          ${body(sql`json_build_object('cue', ${triggerEntries.cue}, 'intensity', ${triggerEntries.intensity},
            'felt', ${triggerEntries.felt}, 'helped', ${triggerEntries.helped},
            'nextTime', ${triggerEntries.nextTime})`)}
        from ${triggerEntries}
        where ${and(where, isNull(triggerEntries.archivedAt))}`,
      accessDate: (
        actor,
        itemId,
      ) => sql`(select to_char(${triggerEntries.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
        from ${triggerEntries}
        where ${triggerEntries.id} = ${itemId} and ${ownItems(actor, triggerEntries)})`,
      present: (row) => {
        const b = row.body ?? {};
        return {
          title: row.title,
          parts: [
            itemPart('cue', b.cue),
            // A trigger's strength is 0–10, a check-in's 1–5: two keys, so each gets its own label.
            itemPart('triggerIntensity', b.intensity),
            ...['felt', 'helped', 'nextTime'].map((k) => itemPart(k, b[k])),
          ],
        };
      },
    },
  ],
  // The couple's plan can carry comments (issue 12); trigger entries cannot yet.
  commentable: [coAuthoredCommentable(PLAN, 'trigger-plan', 'Trigger plan')],
  news: [
    partnerSharedNews('trigger', triggerEntries, isNull(triggerEntries.archivedAt)),
    {
      // The couple's plan: changes my partner saved in our space since I last looked.
      kind: 'trigger_plan',
      count: (actor, { since }) => sql`select 'trigger_plan'::text as kind, count(*)::int as n,
          max(${triggerPlans.updatedAt}) as latest
        from ${triggerPlans}
        where ${spaceRows(actor, triggerPlans.spaceId)} and ${partnerRows(actor, triggerPlans.updatedById)}
          and ${triggerPlans.updatedAt} > ${since}`,
    },
  ],
  milestones: [
    {
      key: 'first_trigger',
      couple: false,
      first: (actor) =>
        sql`select min(${triggerEntries.createdAt}) from ${triggerEntries} where ${ownItems(actor, triggerEntries)}`,
    },
    {
      key: 'trigger_plan',
      couple: true,
      first: (actor, after) => sql`select min(${triggerPlans.createdAt}) from ${triggerPlans}
          where ${spaceRows(actor, triggerPlans.spaceId)} and ${triggerPlans.memberTwoId} is not null
            and ${triggerPlans.createdAt} >= ${after}::timestamptz`,
    },
  ],
  tests: { canary: 'triggers', authz: 'triggers' },
  // The plan keeps the names of who changed it; an erased person's become "a former partner".
  onErase: async (tx, userId, formerName) => {
    await tx
      .update(triggerPlans)
      .set({ updatedByName: formerName })
      .where(eq(triggerPlans.updatedById, userId));
    await tx
      .update(triggerPlanVersions)
      .set({ authorName: formerName })
      .where(rowsOf(triggerPlanVersions.authorId, userId));
  },
};
