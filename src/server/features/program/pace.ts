import { and, asc, eq, gte } from 'drizzle-orm';
import { FIRST_PHASE } from '#shared/schemas/program.ts';
import type { DbOrTx } from '#server/db/index.ts';
import { programPace, programPhaseOpenings } from '#server/db/schema/index.ts';
import type { Actor, SpaceMemberActor } from '#server/policy/actor.ts';
import { isSpaceMember, spaceRows, togetherSince } from '#server/policy/rules.ts';

/**
 * **Is phase N open for this space?** For later features: a joint exercise of phase N should be
 * offered only while this is true. Phase 1 is always open. A later phase is open once both
 * partners of the couple now in the space have chosen to go on to it, and until either steps the
 * couple back. Without a partner only phase 1 is open. One read of the pace row, by primary key.
 *
 * Individual exercises and reading are never gated by phase: guidance, not gates.
 */
export async function isPhaseOpen(db: DbOrTx, actor: Actor, phase: number): Promise<boolean> {
  if (phase <= FIRST_PHASE) return true;
  if (!isSpaceMember(actor)) return false;
  return (await currentPhase(db, actor)) >= phase;
}

/** The couple's current phase (1 when alone, or when the pace row belongs to an earlier couple). */
export async function currentPhase(db: DbOrTx, actor: SpaceMemberActor): Promise<number> {
  const since = togetherSince(actor);
  if (!since) return FIRST_PHASE;
  const [row] = await db
    .select({ phase: programPace.phase })
    .from(programPace)
    .where(and(spaceRows(actor, programPace.spaceId), eq(programPace.coupleSince, since)))
    .limit(1);
  return row?.phase ?? FIRST_PHASE;
}

/**
 * When each phase opened for the couple now in the space, oldest first: milestones for the
 * progress page. Who chose last is not recorded here, so it can never be shown.
 */
export async function phaseOpenings(
  db: DbOrTx,
  actor: SpaceMemberActor,
): Promise<{ phase: number; openedAt: Date }[]> {
  const since = togetherSince(actor);
  if (!since) return [];
  return db
    .select({ phase: programPhaseOpenings.phase, openedAt: programPhaseOpenings.openedAt })
    .from(programPhaseOpenings)
    .where(
      and(
        spaceRows(actor, programPhaseOpenings.spaceId),
        gte(programPhaseOpenings.openedAt, since),
      ),
    )
    .orderBy(asc(programPhaseOpenings.openedAt));
}
