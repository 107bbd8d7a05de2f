import type { Database } from '../../db';
import { safetyScreens } from '../../db/schema';
import type { SignedInActor } from '../../policy/actor';
import { placeJointWorkHold } from '../../policy/joint-work';
import { ownRows } from '../../policy/rules';

/** When I last took the screen, or null. Only ever my own row. */
export async function readMyScreen(db: Database, actor: SignedInActor): Promise<Date | null> {
  const [row] = await db
    .select({ takenAt: safetyScreens.takenAt })
    .from(safetyScreens)
    .where(ownRows(actor, safetyScreens.userId));
  return row?.takenAt ?? null;
}

/**
 * Records that I took the screen, now, and — for a care result in a space — places my hold on the
 * space's joint work, in one transaction, so no moment exists where the screen is recorded and
 * joint work is open. The hold is the same kind "I don't feel safe" places: one unlifted hold per
 * person, lifted only by that person (POST /api/safety/resume). The answers never reach this
 * function; only the result does, and it is not stored either.
 */
export async function recordScreen(
  db: Database,
  actor: SignedInActor,
  result: 'calm' | 'care',
): Promise<Date> {
  const takenAt = new Date();
  await db.transaction(async (tx) => {
    await tx
      .insert(safetyScreens)
      .values({ userId: actor.userId, takenAt })
      .onConflictDoUpdate({ target: safetyScreens.userId, set: { takenAt } });
    if (result === 'care') await placeJointWorkHold(tx, actor);
  });
  return takenAt;
}
