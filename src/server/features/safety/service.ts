import { and, isNull, sql } from 'drizzle-orm';
import { releaseHeldNotifications } from '#server/events/notify.ts';
import type { TSafetyState } from '#shared/schemas/safety.ts';
import type { Database } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';
import { jointWorkHolds, safetySettings } from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { jointWorkOpenSql, placeJointWorkHold } from '#server/policy/joint-work.ts';
import { ownRows, spaceRows } from '#server/policy/rules.ts';

/**
 * My safety state in one read: my own hold (never the partner's), whether any hold pauses the
 * space, and my region. What the partner can learn is only what `jointWork` says to both.
 */
export async function readSafetyState(db: Database, actor: SignedInActor): Promise<TSafetyState> {
  const spaceId = actor.space?.id ?? null;
  const [row] = await queryRows<{
    paused_by_me: boolean;
    any_hold: boolean;
    region: string | null;
    neutral_tab: boolean | null;
  }>(
    db,
    sql`select
      exists (select 1 from ${jointWorkHolds}
        where ${spaceRows(actor, jointWorkHolds.spaceId)} and ${ownRows(actor, jointWorkHolds.userId)}
          and ${jointWorkHolds.liftedAt} is null) as paused_by_me,
      ${spaceId === null ? sql`false` : sql`not (${jointWorkOpenSql(spaceId)})`} as any_hold,
      (select ${safetySettings.region} from ${safetySettings}
        where ${ownRows(actor, safetySettings.userId)}) as region,
      (select ${safetySettings.neutralTab} from ${safetySettings}
        where ${ownRows(actor, safetySettings.userId)}) as neutral_tab`,
  );
  return {
    inSpace: spaceId !== null,
    pausedByMe: row?.paused_by_me ?? false,
    jointWork: row?.any_hold ? 'paused' : 'open',
    region: row?.region ?? null,
    neutralTab: row?.neutral_tab ?? false,
  };
}

/** Places my hold on the space's joint work; pressing again changes nothing. */
export async function pauseJointWork(db: Database, actor: SignedInActor): Promise<void> {
  if (!actor.space) return;
  await db.transaction((tx) => placeJointWorkHold(tx, actor));
}

/** Lifts my own holds; another person's hold stays until they lift it. */
export async function resumeJointWork(db: Database, actor: SignedInActor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(jointWorkHolds)
      .set({ liftedAt: new Date() })
      .where(and(ownRows(actor, jointWorkHolds.userId), isNull(jointWorkHolds.liftedAt)));
    // Notifications that waited while joint work rested appear now, live (issue 12).
    if (actor.space) await releaseHeldNotifications(tx, actor.space.id);
  });
}

export async function saveRegion(
  db: Database,
  actor: SignedInActor,
  region: string | null,
): Promise<void> {
  await db
    .insert(safetySettings)
    .values({ userId: actor.userId, region })
    .onConflictDoUpdate({
      target: safetySettings.userId,
      set: { region, updatedAt: new Date() },
    });
}

export async function saveNeutralTab(
  db: Database,
  actor: SignedInActor,
  neutral: boolean,
): Promise<void> {
  await db
    .insert(safetySettings)
    .values({ userId: actor.userId, neutralTab: neutral })
    .onConflictDoUpdate({
      target: safetySettings.userId,
      set: { neutralTab: neutral, updatedAt: new Date() },
    });
}
