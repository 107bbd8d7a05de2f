import { and, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import { invites, sessions, spaces } from '../db/schema';
import type { Actor, SignedInActor, SpaceMemberActor } from './actor';

/**
 * The access rules, one place for all of them. Reads and writes are *scoped* by these conditions
 * in SQL, so a row the actor may not touch is never fetched at all — and looks exactly like a
 * row that does not exist.
 */
export type Action = 'read' | 'create' | 'update' | 'delete';

/** What the actor may do with resources of each kind, before any row is looked at. */
export const can = {
  /** Creating a space: signed in, and not already in one (one active space per person). */
  createSpace: (actor: Actor): actor is SignedInActor =>
    actor.kind === 'user' && actor.space === null,
  /** Joining through an invite: signed in and not already in a space. */
  acceptInvite: (actor: Actor): actor is SignedInActor =>
    actor.kind === 'user' && actor.space === null,
  /** Creating an invite: a member of a space that still has room for the partner. */
  createInvite: (actor: Actor): actor is SpaceMemberActor =>
    isSpaceMember(actor) && actor.space.partner === null,
} as const;

export function isSignedIn(actor: Actor): actor is SignedInActor {
  return actor.kind === 'user';
}

export function isSpaceMember(actor: Actor): actor is SpaceMemberActor {
  return actor.kind === 'user' && actor.space !== null;
}

const NOTHING: SQL = sql`false`;

/** Row scopes: a WHERE condition selecting only what `actor` may act on. */
export const scope = {
  /** My own sessions, never anyone else's. */
  sessions(actor: Actor): SQL {
    return actor.kind === 'user' ? eq(sessions.userId, actor.userId) : NOTHING;
  },
  /** The space I am an active member of. */
  space(actor: Actor): SQL {
    return isSpaceMember(actor)
      ? and(eq(spaces.id, actor.space.id), isNull(spaces.closedAt))!
      : NOTHING;
  },
  /** Invites of my space that are still usable; either member may see and cancel them. */
  activeInvites(actor: Actor, now: Date): SQL {
    if (!isSpaceMember(actor)) return NOTHING;
    return and(
      eq(invites.spaceId, actor.space.id),
      isNull(invites.usedAt),
      isNull(invites.revokedAt),
      gt(invites.expiresAt, now),
    )!;
  },
} as const;
