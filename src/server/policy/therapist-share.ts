import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '#shared/errors.ts';
import type { DbOrTx } from '#server/db/index.ts';
import type { SignedInActor } from './actor';
import { isSpaceMember, spaceHasActiveTherapistSql, visibilityChange } from './rules';

export const NO_ACTIVE_THERAPIST =
  'There is no therapist working with the two of you right now, so there is nobody to share this with. It stays as it is.';

/** Does the actor's space have an active therapist? False for anyone without a space. */
export async function hasActiveTherapist(db: DbOrTx, actor: SignedInActor): Promise<boolean> {
  if (!isSpaceMember(actor)) return false;
  const [row] = await db
    .select({ active: sql<boolean>`${spaceHasActiveTherapistSql(actor.space.id)}` })
    .from(sql`(select 1) as one`);
  return row?.active === true;
}

/**
 * Sharing an item with the couple's therapist needs one: an active link both partners approved.
 * This is not a joint action (the therapist is a helper, not the partner), so it is never held
 * while joint work is paused. Stopping a share needs nothing and is always allowed.
 */
export async function requireActiveTherapist(db: DbOrTx, actor: SignedInActor): Promise<void> {
  if (!(await hasActiveTherapist(db, actor))) throw new AppError('conflict', NO_ACTIVE_THERAPIST);
}

/**
 * The columns a therapist share writes: the visibility gains or loses the therapist (keeping
 * the partner as it is), and `therapist_shared_at` is now or null. It never touches `shared_at`
 * or any time the partner can read, so the partner's view of the item does not change at all.
 */
export function therapistShareSet(visibility: AnyPgColumn, shared: boolean) {
  return shared
    ? { visibility: visibilityChange.addTherapist(visibility), therapistSharedAt: sql`now()` }
    : { visibility: visibilityChange.removeTherapist(visibility), therapistSharedAt: null };
}
