import { and, eq, gt, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
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

/** The columns every authored item carries (BRIEF §3): who wrote it, where, and who may see it. */
export interface AuthoredItemColumns {
  authorId: AnyPgColumn;
  spaceId: AnyPgColumn;
  visibility: AnyPgColumn;
  /** When the author last widened its visibility; null while private. */
  sharedAt: AnyPgColumn;
}

/** Visibilities that let the partner read an item (therapist visibilities come with therapists). */
export const PARTNER_VISIBILITIES = ['partner', 'partner+therapist'] as const;

/**
 * Items `actor` may read: their own, wherever and whenever written (decision 0007, rule 1), and
 * what their current partner shared with them in this space (rule 2). A share counts only if it
 * was made after both joined, so a grant never revives when someone leaves and comes back.
 */
export function visibleItems(actor: Actor, item: AuthoredItemColumns): SQL {
  if (!isSignedIn(actor)) return NOTHING;
  const own = eq(item.authorId, actor.userId);
  const partner = actor.space?.partner;
  if (!actor.space || !partner) return own;
  const together =
    actor.space.joinedAt > partner.joinedAt ? actor.space.joinedAt : partner.joinedAt;
  return or(
    own,
    and(
      eq(item.spaceId, actor.space.id),
      eq(item.authorId, partner.userId),
      inArray(item.visibility, [...PARTNER_VISIBILITIES]),
      gte(item.sharedAt, together),
    ),
  )!;
}

/** Items `actor` may change: only their own. */
export function ownItems(actor: Actor, item: Pick<AuthoredItemColumns, 'authorId'>): SQL {
  return isSignedIn(actor) ? eq(item.authorId, actor.userId) : NOTHING;
}
