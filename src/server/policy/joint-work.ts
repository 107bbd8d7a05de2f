import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { Database } from '../db';
import { jointWorkHolds } from '../db/schema';
import type { SpaceMemberActor } from './actor';

/**
 * The neutral words both partners see while joint work is paused, whatever the reason. They never
 * say who paused it, or why, so neither partner can learn anything about the other from them.
 */
export const JOINT_WORK_PAUSED_MESSAGE =
  'Shared exercises are resting for now. Your own notes, check-ins and the guide are all still here.';

type Reader = Pick<Database, 'select'>;

/**
 * The one definition of "joint work is open for this space", as a SQL condition, so a query that
 * reads other things (the today screen, the program map) can answer it in the same statement.
 * Everything that asks uses this or `isJointWorkOpen`, never its own copy.
 */
export function jointWorkOpenSql(spaceId: string): SQL {
  return sql`not exists (select 1 from ${jointWorkHolds}
    where ${jointWorkHolds.spaceId} = ${spaceId} and ${jointWorkHolds.liftedAt} is null)`;
}

/** Is the couple's joint work open? One indexed read; only joint-exercise routes pay for it. */
export async function isJointWorkOpen(db: Reader, spaceId: string): Promise<boolean> {
  const held = await db
    .select({ one: sql<number>`1` })
    .from(jointWorkHolds)
    .where(and(eq(jointWorkHolds.spaceId, spaceId), isNull(jointWorkHolds.liftedAt)))
    .limit(1);
  return held.length === 0;
}

/**
 * Call before any joint action (sharing with the partner, the letter and its reflection,
 * co-authored plans). Inside a transaction pass the transaction, so the check and the write agree.
 */
export async function requireJointWorkOpen(db: Reader, actor: SpaceMemberActor): Promise<void> {
  if (!(await isJointWorkOpen(db, actor.space.id))) {
    throw new AppError('joint_work_paused', JOINT_WORK_PAUSED_MESSAGE);
  }
}
