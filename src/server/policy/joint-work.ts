import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { AppError } from '#shared/errors.ts';
import type { DbOrTx, Transaction } from '#server/db/index.ts';
import { jointWorkHolds, memberships, safetyScreens } from '#server/db/schema/index.ts';
import type { SignedInActor, SpaceMemberActor } from './actor';

/**
 * The neutral words both partners see while joint work is paused, whatever the reason. They never
 * say who paused it, or why, so neither partner can learn anything about the other from them.
 */
export const JOINT_WORK_PAUSED_MESSAGE =
  'Shared exercises are resting for now. Your own notes, check-ins and the guide are all still here.';

/**
 * The one definition of "joint work is open for this space", as a SQL condition, so a query that
 * reads other things (the today screen, the program map) can answer it in the same statement:
 * no hold is in place, and every current partner has taken the private safety screen. Everything
 * that asks uses this or `isJointWorkOpen`, never its own copy. Both reasons give the same answer,
 * so nobody can tell from it which one applies (issue 4).
 */
export function jointWorkOpenSql(spaceId: string): SQL {
  return sql`(not exists (select 1 from ${jointWorkHolds}
      where ${jointWorkHolds.spaceId} = ${spaceId} and ${jointWorkHolds.liftedAt} is null)
    and not exists (select 1 from ${memberships} m
      where m.space_id = ${spaceId} and m.left_at is null
        and not exists (select 1 from ${safetyScreens} s where s.user_id = m.user_id)))`;
}

/** Is the couple's joint work open? Only joint-exercise routes pay for this read. */
export async function isJointWorkOpen(db: DbOrTx, spaceId: string): Promise<boolean> {
  const [row] = await db
    .select({ open: sql<boolean>`${jointWorkOpenSql(spaceId)}` })
    .from(sql`(select 1) as one`);
  return row?.open === true;
}

/**
 * Call before any joint action (sharing with the partner, the letter and its reflection,
 * co-authored plans). Inside a transaction pass the transaction, so the check and the write agree.
 */
export async function requireJointWorkOpen(db: DbOrTx, actor: SpaceMemberActor): Promise<void> {
  if (!(await isJointWorkOpen(db, actor.space.id))) {
    throw new AppError('joint_work_paused', JOINT_WORK_PAUSED_MESSAGE);
  }
}

/**
 * Places `actor`'s hold on their space's joint work, inside the caller's transaction; nothing for
 * someone without a space. One unlifted hold per person: a per-person advisory lock serialises
 * two presses (or a press and a safety screen), so they never leave two. "I don't feel safe" and
 * a safety screen with a care result both come here; only the same person lifts it.
 */
export async function placeJointWorkHold(tx: Transaction, actor: SignedInActor): Promise<void> {
  const space = actor.space;
  if (!space) return;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${actor.userId}))`);
  const held = await tx
    .select({ id: jointWorkHolds.id })
    .from(jointWorkHolds)
    .where(
      and(
        eq(jointWorkHolds.spaceId, space.id),
        eq(jointWorkHolds.userId, actor.userId),
        isNull(jointWorkHolds.liftedAt),
      ),
    )
    .limit(1);
  if (held.length === 0) {
    await tx.insert(jointWorkHolds).values({ spaceId: space.id, userId: actor.userId });
  }
}
