import { sql } from 'drizzle-orm';
import { AppError } from '#shared/errors.ts';
import { MEANING_PHASE } from '#shared/schemas/meaning.ts';
import { queryRows, type DbOrTx } from '#server/db/index.ts';
import type { SpaceMemberActor } from '#server/policy/actor.ts';
import { jointWorkOpenSql } from '#server/policy/joint-work.ts';
import type { FeatureQueries } from '#server/policy/manifest.ts';

/** The one question this feature asks another: the program's pace (`couplePhase`). */
export type PaceQueries = Pick<FeatureQueries, 'couplePhase'>;

export const NOT_YET_PACE =
  'Sharing this opens when you have both chosen to go on to phase 2 on the program page. Until then, whatever you write stays with you.';

export interface JointState {
  /** The couple's pace has reached the meaning phase. */
  paceOpen: boolean;
  /** Joint work is not resting. */
  jointWorkOpen: boolean;
}

/** Both facts in one statement: has the pace reached phase 2, and is joint work open? */
export async function jointState(
  db: DbOrTx,
  queries: PaceQueries,
  actor: SpaceMemberActor,
): Promise<JointState> {
  const [row] = await queryRows<{ phase: number; open: boolean }>(
    db,
    sql`select ${queries.couplePhase(actor)} as phase, ${jointWorkOpenSql(actor.space.id)} as open`,
  );
  return { paceOpen: Number(row?.phase ?? 1) >= MEANING_PHASE, jointWorkOpen: row?.open === true };
}

/** Refuses a joint action of this phase before the couple has both chosen to go on to it. */
export async function requirePaceOpen(
  db: DbOrTx,
  queries: PaceQueries,
  actor: SpaceMemberActor,
): Promise<void> {
  const [row] = await queryRows<{ phase: number }>(
    db,
    sql`select ${queries.couplePhase(actor)} as phase`,
  );
  if (Number(row?.phase ?? 1) < MEANING_PHASE) throw new AppError('conflict', NOT_YET_PACE);
}
