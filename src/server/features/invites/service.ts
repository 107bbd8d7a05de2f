import { and, eq, gt, isNull } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import {
  INVITE_DAYS,
  type TCreatedInvite,
  type TInvite,
  type TInvitePreview,
} from '#shared/schemas/invites.ts';
import type { TSpace } from '#shared/schemas/space.ts';
import { createToken, hashToken } from '#server/auth/tokens.ts';
import type { Database } from '#server/db/index.ts';
import { isUniqueViolation } from '#server/db/errors.ts';
import { invites, memberships, spaces, users } from '#server/db/schema/index.ts';
import type { SignedInActor, SpaceMemberActor } from '#server/policy/actor.ts';
import { can, rowsOf, scope } from '#server/policy/rules.ts';

const DAY_MS = 86_400_000;

const SPACE_FULL = 'Your partner has already joined this space, so there is no one left to invite.';
const JOIN_SPACE_FULL = 'This space already has two partners, so the link can no longer be used.';
const ALREADY_IN_SPACE =
  'You are already in a space. To join this one, first leave your current space from your home page.';

function presentInvite(row: { id: string; createdAt: Date; expiresAt: Date }): TInvite {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

export async function listActiveInvites(db: Database, actor: SpaceMemberActor): Promise<TInvite[]> {
  const rows = await db
    .select({ id: invites.id, createdAt: invites.createdAt, expiresAt: invites.expiresAt })
    .from(invites)
    .where(scope.activeInvites(actor, new Date()))
    .orderBy(invites.createdAt);
  return rows.map(presentInvite);
}

/** A new link replaces any earlier one, so at most one invite is usable at a time. */
export async function createInvite(db: Database, actor: SpaceMemberActor): Promise<TCreatedInvite> {
  if (!can.createInvite(actor)) throw new AppError('space_full', SPACE_FULL);
  const now = new Date();
  const token = createToken();
  const row = await db.transaction(async (tx) => {
    await tx.update(invites).set({ revokedAt: now }).where(scope.activeInvites(actor, now));
    const [created] = await tx
      .insert(invites)
      .values({
        spaceId: actor.space.id,
        createdBy: actor.userId,
        tokenHash: hashToken(token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITE_DAYS * DAY_MS),
      })
      .returning({ id: invites.id, createdAt: invites.createdAt, expiresAt: invites.expiresAt });
    return created!;
  });
  return { ...presentInvite(row), token };
}

export async function revokeInvite(
  db: Database,
  actor: SpaceMemberActor,
  inviteId: string,
): Promise<void> {
  const revoked = await db
    .update(invites)
    .set({ revokedAt: new Date() })
    .where(and(scope.activeInvites(actor, new Date()), eq(invites.id, inviteId)))
    .returning({ id: invites.id });
  if (revoked.length === 0) throw notFound();
}

/**
 * An invite is usable while it is unused, not cancelled, not expired, its space is open, and the
 * person who made it is still in that space. Anything else looks like a link that never existed.
 */
function usableInvite(tokenHash: string, now: Date) {
  return and(
    eq(invites.tokenHash, tokenHash),
    isNull(invites.usedAt),
    isNull(invites.revokedAt),
    gt(invites.expiresAt, now),
    isNull(spaces.closedAt),
    isNull(memberships.leftAt),
  );
}

export async function previewInvite(db: Database, token: string): Promise<TInvitePreview> {
  const [row] = await db
    .select({ inviterName: users.displayName, expiresAt: invites.expiresAt })
    .from(invites)
    .innerJoin(spaces, eq(spaces.id, invites.spaceId))
    .innerJoin(
      memberships,
      and(eq(memberships.spaceId, invites.spaceId), eq(memberships.userId, invites.createdBy)),
    )
    .innerJoin(users, eq(users.id, invites.createdBy))
    .where(usableInvite(hashToken(token), new Date()))
    .limit(1);
  if (!row) throw notFound();
  return { inviterName: row.inviterName, expiresAt: row.expiresAt.toISOString() };
}

export async function acceptInvite(
  db: Database,
  actor: SignedInActor,
  token: string,
): Promise<TSpace> {
  if (actor.therapist) {
    throw new AppError(
      'therapist_account',
      'This is a therapist account, so it cannot join a space as a partner. A couple invites you with a therapist link instead.',
    );
  }
  if (!can.acceptInvite(actor)) throw new AppError('already_in_space', ALREADY_IN_SPACE);
  const now = new Date();
  try {
    return await db.transaction(async (tx) => {
      const [invite] = await tx
        .select({ id: invites.id, spaceId: invites.spaceId, spaceCreatedAt: spaces.createdAt })
        .from(invites)
        .innerJoin(spaces, eq(spaces.id, invites.spaceId))
        .innerJoin(
          memberships,
          and(eq(memberships.spaceId, invites.spaceId), eq(memberships.userId, invites.createdBy)),
        )
        .where(usableInvite(hashToken(token), now))
        .for('update', { of: [invites, spaces] })
        .limit(1);
      if (!invite) throw notFound();

      const members = await tx
        .select({
          userId: memberships.userId,
          joinedAt: memberships.joinedAt,
          displayName: users.displayName,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(rowsOf(memberships.spaceId, invite.spaceId), isNull(memberships.leftAt)));
      if (members.length >= 2) throw new AppError('space_full', JOIN_SPACE_FULL);

      const [mine] = await tx
        .insert(memberships)
        .values({ spaceId: invite.spaceId, userId: actor.userId, joinedAt: now })
        .returning({ joinedAt: memberships.joinedAt });
      await tx
        .update(invites)
        .set({ usedAt: now, usedBy: actor.userId })
        .where(eq(invites.id, invite.id));

      const partner = members[0];
      return {
        id: invite.spaceId,
        createdAt: invite.spaceCreatedAt.toISOString(),
        joinedAt: mine!.joinedAt.toISOString(),
        partner: partner
          ? { displayName: partner.displayName, joinedAt: partner.joinedAt.toISOString() }
          : null,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('already_in_space', ALREADY_IN_SPACE);
    throw error;
  }
}
