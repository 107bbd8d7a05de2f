import { sql, type SQL } from 'drizzle-orm';
import type { TMilestoneKey, TProgressResponse } from '#shared/schemas/progress.ts';
import type { Database } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';
import { users } from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import type { FeatureWhole } from '#server/policy/manifest.ts';
import { ownRows, togetherSince } from '#server/policy/rules.ts';

/** What progress reads of the other features: their milestones and the check-ins' weekly path. */
export type ProgressParts = Pick<FeatureWhole, 'milestones' | 'queries'>;

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
async function readWeeks(
  db: Database,
  actor: SignedInActor,
  today: Date,
  parts: ProgressParts,
): Promise<WeekRow[]> {
  const from = new Date(today.getTime() - WEEKS_SHOWN * 7 * 24 * 3600 * 1000);
  return queryRows<WeekRow>(
    db,
    parts.queries.myCheckinWeeks(actor, from.toISOString().slice(0, 10)),
  );
}

/**
 * The first time each step along the way happened, in one query: when I started, when the
 * couple came together, and every feature manifest's milestones. Things of the couple (roles
 * confirmed, phases opened, the plan) count only from when the two people now in the space were
 * both there; everything else is my own.
 */
async function readMilestones(
  db: Database,
  actor: SignedInActor,
  features: ProgressParts,
): Promise<{ key: TMilestoneKey; at: Date }[]> {
  const since = togetherSince(actor);
  const after = since ? since.toISOString() : null;
  const parts: [TMilestoneKey, SQL][] = [
    ['started', sql`select ${users.createdAt} from ${users} where ${ownRows(actor, users.id)}`],
    ...features.milestones
      .filter((m) => !m.couple)
      .map((m): [TMilestoneKey, SQL] => [m.key, m.first(actor, after)]),
  ];
  if (after) {
    parts.push(
      ['together', sql`select ${after}::timestamptz`],
      ...features.milestones
        .filter((m) => m.couple)
        .map((m): [TMilestoneKey, SQL] => [m.key, m.first(actor, after)]),
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
  features: ProgressParts,
  now = new Date(),
): Promise<TProgressResponse> {
  const [weeks, milestones] = await Promise.all([
    readWeeks(db, actor, now, features),
    readMilestones(db, actor, features),
  ]);
  const started = milestones.find((m) => m.key === 'started');
  return {
    startedAt: (started?.at ?? now).toISOString(),
    weeks,
    milestones: milestones.map(({ key, at }) => ({ key, at: at.toISOString() })),
  };
}
