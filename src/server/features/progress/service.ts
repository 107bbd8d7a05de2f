import { sql, type SQL } from 'drizzle-orm';
import type { TMilestoneKey, TProgressResponse } from '../../../shared/schemas/progress';
import type { Database } from '../../db';
import { queryRows } from '../../db/query';
import {
  checkins,
  guideReflections,
  impactLetterMarks,
  impactLetterReflections,
  impactLetters,
  injuries,
  measureResponses,
  programPhaseOpenings,
  triggerEntries,
  triggerPlans,
  users,
} from '../../db/schema';
import type { SignedInActor } from '../../policy/actor';
import {
  othersVisibleItems,
  ownItems,
  ownRows,
  spaceRows,
  togetherSince,
} from '../../policy/rules';

/** How far back the weekly path goes. */
const WEEKS_SHOWN = 52;

interface WeekRow extends Record<string, unknown> {
  week: string;
  checkins: number;
  intensity: number;
  pain: number;
}

/**
 * My weekly path: the average intensity and pain of my own check-ins, week by week. Only my own
 * check-ins count; progress is personal, and a partner's private days are none of its business.
 */
async function readWeeks(db: Database, actor: SignedInActor, today: Date): Promise<WeekRow[]> {
  const from = new Date(today.getTime() - WEEKS_SHOWN * 7 * 24 * 3600 * 1000);
  return queryRows<WeekRow>(
    db,
    sql`select to_char(date_trunc('week', ${checkins.day}::timestamp), 'YYYY-MM-DD') as week,
        count(*)::int as checkins,
        round(avg(${checkins.intensity}), 1)::float8 as intensity,
        round(avg(${checkins.pain}), 1)::float8 as pain
      from ${checkins}
      where ${ownItems(actor, checkins)} and ${checkins.day} >= ${from.toISOString().slice(0, 10)}::date
      group by 1 order by 1`,
  );
}

/**
 * The first time each step along the way happened, in one query. Things of the couple (roles
 * confirmed, phases opened, the plan) count only from when the two people now in the space were
 * both there; everything else is my own.
 */
async function readMilestones(
  db: Database,
  actor: SignedInActor,
): Promise<{ key: TMilestoneKey; at: Date }[]> {
  const parts: [TMilestoneKey, SQL][] = [
    ['started', sql`select ${users.createdAt} from ${users} where ${ownRows(actor, users.id)}`],
    [
      'first_checkin',
      sql`select min(${checkins.createdAt}) from ${checkins} where ${ownItems(actor, checkins)}`,
    ],
    [
      'first_shared_checkin',
      sql`select min(${checkins.sharedAt}) from ${checkins} where ${ownItems(actor, checkins)}`,
    ],
    [
      'first_trigger',
      sql`select min(${triggerEntries.createdAt}) from ${triggerEntries} where ${ownItems(actor, triggerEntries)}`,
    ],
    [
      'first_lesson_reflection',
      sql`select min(${guideReflections.createdAt}) from ${guideReflections} where ${ownItems(actor, guideReflections)}`,
    ],
    [
      'letter_shared',
      sql`select min(${impactLetters.sharedAt}) from ${impactLetters} where ${ownItems(actor, impactLetters)}`,
    ],
    [
      'first_measure',
      sql`select min(${measureResponses.createdAt}) from ${measureResponses} where ${ownItems(actor, measureResponses)}`,
    ],
  ];
  const since = togetherSince(actor);
  if (since) {
    const after = since.toISOString();
    parts.push(
      ['together', sql`select ${after}::timestamptz`],
      [
        'roles_confirmed',
        sql`select min(${injuries.confirmedAt}) from ${injuries}
          where ${spaceRows(actor, injuries.spaceId)} and ${injuries.confirmedAt} >= ${after}::timestamptz`,
      ],
      [
        'phase_2',
        sql`select min(${programPhaseOpenings.openedAt}) from ${programPhaseOpenings}
          where ${spaceRows(actor, programPhaseOpenings.spaceId)} and ${programPhaseOpenings.phase} = 2
            and ${programPhaseOpenings.openedAt} >= ${after}::timestamptz`,
      ],
      [
        'phase_3',
        sql`select min(${programPhaseOpenings.openedAt}) from ${programPhaseOpenings}
          where ${spaceRows(actor, programPhaseOpenings.spaceId)} and ${programPhaseOpenings.phase} = 3
            and ${programPhaseOpenings.openedAt} >= ${after}::timestamptz`,
      ],
      [
        'trigger_plan',
        sql`select min(${triggerPlans.createdAt}) from ${triggerPlans}
          where ${spaceRows(actor, triggerPlans.spaceId)} and ${triggerPlans.memberTwoId} is not null
            and ${triggerPlans.createdAt} >= ${after}::timestamptz`,
      ],
      [
        'reflection_sent',
        sql`select min(${impactLetterReflections.sentAt}) from ${impactLetterReflections}
          where ${spaceRows(actor, impactLetterReflections.spaceId)} and ${ownItems(actor, impactLetterReflections)}`,
      ],
      [
        'felt_understood',
        // My partner's marks on my reflections, read with the same rule as every shared item.
        sql`select min(${impactLetterMarks.createdAt}) from ${impactLetterMarks}
          join ${impactLetterReflections} on ${impactLetterReflections.id} = ${impactLetterMarks.reflectionId}
          where ${ownItems(actor, impactLetterReflections)}
            and ${impactLetterMarks.mark} = 'understood'
            and ${othersVisibleItems(actor, impactLetterMarks)}`,
      ],
    );
  }
  const columns = sql.join(
    parts.map(([key, query]) => sql`(${query}) as ${sql.identifier(key)}`),
    sql`, `,
  );
  const [row] = await queryRows<Record<string, string | Date | null>>(db, sql`select ${columns}`);
  return parts
    .map(([key]) => ({ key, value: row?.[key] }))
    .filter((m): m is { key: TMilestoneKey; value: string | Date } => m.value != null)
    .map(({ key, value }) => ({ key, at: new Date(value) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

export async function readProgress(
  db: Database,
  actor: SignedInActor,
  now = new Date(),
): Promise<TProgressResponse> {
  const [weeks, milestones] = await Promise.all([
    readWeeks(db, actor, now),
    readMilestones(db, actor),
  ]);
  const started = milestones.find((m) => m.key === 'started');
  return {
    startedAt: (started?.at ?? now).toISOString(),
    weeks,
    milestones: milestones.map(({ key, at }) => ({ key, at: at.toISOString() })),
  };
}
