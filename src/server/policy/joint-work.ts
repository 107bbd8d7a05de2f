import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { Database } from '../db';
import { jointWorkHolds, memberships, safetyScreens } from '../db/schema';
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
export async function isJointWorkOpen(db: Reader, spaceId: string): Promise<boolean> {
  const [row] = await db
    .select({ open: sql<boolean>`${jointWorkOpenSql(spaceId)}` })
    .from(sql`(select 1) as one`);
  return row?.open === true;
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
