import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '#shared/errors.ts';
import type { TSpace } from '#shared/schemas/space.ts';
import type { Database } from '#server/db/index.ts';
import { isUniqueViolation } from '#server/db/errors.ts';
import { invites, memberships, spaces } from '#server/db/schema/index.ts';
import type { SignedInActor, SpaceMemberActor, SpaceMembership } from '#server/policy/actor.ts';
import { ownRows, spaceRows } from '#server/policy/rules.ts';

export function presentSpace(space: SpaceMembership): TSpace {
  return {
    id: space.id,
    createdAt: space.createdAt.toISOString(),
    joinedAt: space.joinedAt.toISOString(),
    partner: space.partner
      ? { displayName: space.partner.displayName, joinedAt: space.partner.joinedAt.toISOString() }
      : null,
  };
}

const ALREADY_IN_SPACE = 'You already share a space. Each person can be in one space at a time.';
const THERAPIST_ACCOUNT =
  'This is a therapist account: it works with couples who invite you, and cannot start a space of its own.';

export async function createSpace(db: Database, actor: SignedInActor): Promise<TSpace> {
  if (actor.space) throw new AppError('already_in_space', ALREADY_IN_SPACE);
  if (actor.therapist) throw new AppError('therapist_account', THERAPIST_ACCOUNT);
  try {
    return await db.transaction(async (tx) => {
      const [space] = await tx.insert(spaces).values({}).returning();
      const [membership] = await tx
        .insert(memberships)
        .values({ spaceId: space!.id, userId: actor.userId })
        .returning();
      return presentSpace({
        id: space!.id,
        createdAt: space!.createdAt,
        joinedAt: membership!.joinedAt,
        partner: null,
      });
    });
  } catch (error) {
    // Two tabs creating at once: the one-active-space index lets only one through.
    if (isUniqueViolation(error)) throw new AppError('already_in_space', ALREADY_IN_SPACE);
    throw error;
  }
}

/**
 * Leaving ends my membership, cancels any open invite, and closes the space when nobody is left.
 * What happens to each kind of item is written down in docs/decisions/0007-leaving-a-space.md.
 */
export async function leaveSpace(db: Database, actor: SpaceMemberActor): Promise<void> {
  const now = new Date();
  await db.transaction(async (tx) => {
    // Lock the space so two partners leaving at once still leave it closed, not open and empty.
    await tx
      .select({ id: spaces.id })
      .from(spaces)
      .where(eq(spaces.id, actor.space.id))
      .for('update');
    await tx
      .update(memberships)
      .set({ leftAt: now })
      .where(
        and(
          spaceRows(actor, memberships.spaceId),
          ownRows(actor, memberships.userId),
          isNull(memberships.leftAt),
        ),
      );
    await tx
      .update(invites)
      .set({ revokedAt: now })
      .where(
        and(spaceRows(actor, invites.spaceId), isNull(invites.usedAt), isNull(invites.revokedAt)),
      );
    const remaining = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(spaceRows(actor, memberships.spaceId), isNull(memberships.leftAt)))
      .limit(1);
    if (remaining.length === 0) {
      await tx.update(spaces).set({ closedAt: now }).where(eq(spaces.id, actor.space.id));
    }
  });
}
