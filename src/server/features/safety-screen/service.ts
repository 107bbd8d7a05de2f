import { and, isNull } from 'drizzle-orm';
import type { Database } from '#server/db/index.ts';
import { jointWorkHolds, safetyScreens } from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { releaseHeldNotifications } from '#server/events/notify.ts';
import { placeJointWorkHold } from '#server/policy/joint-work.ts';
import { ownRows, rowsOf } from '#server/policy/rules.ts';

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
 *
 * Also answers whether my own pause is in place afterwards (placed now, or earlier and not lifted),
 * so the page can say so plainly: a calm result never lifts it by itself. Only my own hold is
 * read, never the partner's.
 */
export async function recordScreen(
  db: Database,
  actor: SignedInActor,
  result: 'calm' | 'care',
): Promise<{ takenAt: Date; paused: boolean }> {
  const takenAt = new Date();
  return db.transaction(async (tx) => {
    await tx
      .insert(safetyScreens)
      .values({ userId: actor.userId, takenAt })
      .onConflictDoUpdate({ target: safetyScreens.userId, set: { takenAt } });
    if (result === 'care') await placeJointWorkHold(tx, actor);
    const space = actor.space;
    if (!space) return { takenAt, paused: false };
    // The last of the two to take the screen opens joint work: what waited appears live (a care
    // result keeps it closed, and then this releases nothing).
    await releaseHeldNotifications(tx, space.id);
    const held = await tx
      .select({ id: jointWorkHolds.id })
      .from(jointWorkHolds)
      .where(
        and(
          rowsOf(jointWorkHolds.spaceId, space.id),
          ownRows(actor, jointWorkHolds.userId),
          isNull(jointWorkHolds.liftedAt),
        ),
      )
      .limit(1);
    return { takenAt, paused: held.length > 0 };
  });
}
