import { and, eq, gt, gte, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  invites,
  memberships,
  messages,
  sessions,
  spaces,
  therapistApprovals,
  therapistLinks,
} from '#server/db/schema/index.ts';
import type { Actor, SignedInActor, SpaceMemberActor, TherapistActor } from './actor';
import { sharedWithPartnerSql, sharedWithTherapistSql } from './visibility';

export { visibilityChange } from './visibility';

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
    actor.kind === 'user' && actor.space === null && actor.therapist === null,
  /** Joining through an invite: signed in, not already in a space, and not a therapist. */
  acceptInvite: (actor: Actor): actor is SignedInActor =>
    actor.kind === 'user' && actor.space === null && actor.therapist === null,
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

export function isTherapist(actor: Actor): actor is TherapistActor {
  return actor.kind === 'user' && actor.therapist !== null;
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

/**
 * When the couple now in the actor's space came together: the later of the two joinings. A share
 * made before it does not count (decision 0007), and the pace and progress start there. Null
 * without a partner.
 */
export function togetherSince(actor: Actor): Date | null {
  if (!isSignedIn(actor)) return null;
  const partner = actor.space?.partner;
  if (!actor.space || !partner) return null;
  return actor.space.joinedAt > partner.joinedAt ? actor.space.joinedAt : partner.joinedAt;
}

/**
 * Items `actor` may read: their own, wherever and whenever written (decision 0007, rule 1), and
 * what their current partner shared with them in this space (rule 2). A share counts only if it
 * was made after both joined, so a grant never revives when someone leaves and comes back.
 */
export function visibleItems(actor: Actor, item: AuthoredItemColumns): SQL {
  if (!isSignedIn(actor)) return NOTHING;
  const own = eq(item.authorId, actor.userId);
  const partner = actor.space?.partner;
  const together = togetherSince(actor);
  if (!actor.space || !partner || !together) return own;
  return or(
    own,
    and(
      eq(item.spaceId, actor.space.id),
      eq(item.authorId, partner.userId),
      sharedWithPartnerSql(item.visibility),
      gte(item.sharedAt, together),
    ),
  )!;
}

/** Items `actor` may change: only their own. */
export function ownItems(actor: Actor, item: Pick<AuthoredItemColumns, 'authorId'>): SQL {
  return isSignedIn(actor) ? eq(item.authorId, actor.userId) : NOTHING;
}

/**
 * Scopes for rows that are not authored items: a column that says whose a row is, compared with
 * the actor. Features use these (and `visibleItems`/`ownItems` for items) instead of writing
 * `eq(table.userId, actor.userId)` themselves, so every scope condition is read here, in one
 * place (tests/helpers/scope-conditions.test.ts fails on one written inside a feature).
 * A column may be a Drizzle column or an SQL fragment naming an aliased one (`sql\`p.space_id\``).
 */
type ScopeColumn = AnyPgColumn | SQL;

/** Rows that belong to the actor as a person (their settings, their prep, their own items). */
export function ownRows(actor: Actor, column: ScopeColumn): SQL {
  return isSignedIn(actor) ? sql`${column} = ${actor.userId}` : NOTHING;
}

/** Rows written by someone other than the actor; pair it with a scope that already narrows. */
export function othersRows(actor: Actor, column: ScopeColumn): SQL {
  return isSignedIn(actor) ? sql`${column} <> ${actor.userId}` : NOTHING;
}

/** Rows of the actor's current partner (their readiness, their name on a change). */
export function partnerRows(actor: Actor, column: ScopeColumn): SQL {
  const partner = isSignedIn(actor) ? actor.space?.partner : null;
  return partner ? sql`${column} = ${partner.userId}` : NOTHING;
}

/** Rows of the couple now in the space: the actor's and, when there is one, the partner's. */
export function coupleRows(actor: Actor, column: ScopeColumn): SQL {
  if (!isSignedIn(actor)) return NOTHING;
  const partner = actor.space?.partner;
  return partner
    ? sql`${column} in (${actor.userId}, ${partner.userId})`
    : sql`${column} = ${actor.userId}`;
}

/** Rows that belong to the actor's active space (space-owned, co-authored items and settings). */
export function spaceRows(actor: Actor, column: ScopeColumn): SQL {
  return isSpaceMember(actor) ? sql`${column} = ${actor.space.id}` : NOTHING;
}

/**
 * Rows of the same space or person as a row the caller already reached through one of these
 * scopes (an invite found by its token, a link found through `activeTherapistLinks`, an account
 * just created): the id comes from that row, never from the request.
 */
export function rowsOf(column: ScopeColumn, reachedId: string | null): SQL {
  return reachedId === null ? NOTHING : sql`${column} = ${reachedId}`;
}

/** What the partner shared with the actor: `visibleItems`, narrowed to the partner's items. */
export function partnerSharedItems(actor: Actor, item: AuthoredItemColumns): SQL {
  return and(visibleItems(actor, item), partnerRows(actor, item.authorId))!;
}

/** Items the actor may read and did not write: what reached them from others. */
export function othersVisibleItems(actor: Actor, item: AuthoredItemColumns): SQL {
  return and(visibleItems(actor, item), othersRows(actor, item.authorId))!;
}

/**
 * A therapist link (the `therapist_links` row in the query) is active when the therapist has
 * claimed it, nobody has ended it, and both current partners approved it after joining. A
 * partner who leaves makes it inactive; a new partner must approve it again.
 */
export function therapistLinkActiveSql(): SQL {
  // Qualified by hand: Drizzle leaves table names out of a one-table select list, and then
  // `space_id` inside the subqueries would silently mean the membership's own column.
  const link = sql.raw('"therapist_links"');
  return sql`(${link}.therapist_id is not null and ${link}.revoked_at is null
    and (select count(*) from ${memberships} m
      where m.space_id = ${link}.space_id and m.left_at is null) = 2
    and not exists (select 1 from ${memberships} m
      where m.space_id = ${link}.space_id and m.left_at is null
        and not exists (select 1 from ${therapistApprovals} a
          where a.link_id = ${link}.id and a.user_id = m.user_id
            and a.approved_at >= m.joined_at)))`;
}

/** Does this space have an active therapist? (The program map shows their suggestions then.) */
export function spaceHasActiveTherapistSql(spaceId: string): SQL {
  return sql`exists (select 1 from ${therapistLinks}
    where ${therapistLinks.spaceId} = ${spaceId} and ${therapistLinkActiveSql()})`;
}

/** Links `actor` works through as an active therapist; nothing for anyone else. */
export function activeTherapistLinks(actor: Actor): SQL {
  if (!isTherapist(actor)) return NOTHING;
  return and(eq(therapistLinks.therapistId, actor.userId), therapistLinkActiveSql())!;
}

/**
 * Items an active therapist may read: in a space they have an active link with, shared by their
 * author with the therapist, and written by someone who is still a partner in that space. Never
 * a private item, and nothing at all once the link ends (checked on every request).
 */
export function therapistVisibleItems(actor: Actor, item: AuthoredItemColumns): SQL {
  if (!isTherapist(actor)) return NOTHING;
  return and(
    sharedWithTherapistSql(item.visibility),
    sql`exists (select 1 from ${therapistLinks}
      join ${memberships} author_m on author_m.space_id = ${therapistLinks.spaceId}
        and author_m.left_at is null and author_m.user_id = ${item.authorId}
      where ${therapistLinks.spaceId} = ${item.spaceId}
        and ${therapistLinks.therapistId} = ${actor.userId}
        and ${therapistLinkActiveSql()})`,
  )!;
}

/*
 * Messages between a couple and their therapist (the messages feature). A link has a couple
 * thread (the therapist and both partners) and one private thread per partner (that partner and
 * the therapist only). A partner never reads, counts or learns of the other partner's private
 * thread: every read below is scoped so that its rows are never fetched for them.
 */

/**
 * The links of my space a partner sees messages of: every link a therapist has claimed, whether
 * active, waiting for approvals or ended (the history stays with the couple, read-only).
 */
export function partnerMessageLinks(actor: Actor): SQL {
  if (!isSpaceMember(actor)) return NOTHING;
  return and(eq(therapistLinks.spaceId, actor.space.id), isNotNull(therapistLinks.therapistId))!;
}

/** Links `actor` may write messages through: only active ones, for partners and therapist alike. */
export function messageWritableLinks(actor: Actor): SQL {
  if (isTherapist(actor)) return activeTherapistLinks(actor);
  if (isSpaceMember(actor)) return and(partnerMessageLinks(actor), therapistLinkActiveSql())!;
  return NOTHING;
}

/**
 * Messages `actor` may read (the `messages` row in the query).
 * - A partner: in a link of their space, the couple thread from when they joined the space (a new
 *   partner does not inherit an earlier partner's conversation), and their own private thread.
 * - A therapist: in a link active with them, the couple thread and the private thread of each
 *   current partner; nothing at all once the link stops being active.
 */
export function visibleMessages(actor: Actor): SQL {
  if (isTherapist(actor)) {
    return sql`exists (select 1 from ${therapistLinks}
      where ${therapistLinks.id} = ${messages.linkId} and ${activeTherapistLinks(actor)}
        and (${messages.thread} = 'couple' or exists (select 1 from ${memberships} m
          where m.space_id = ${therapistLinks.spaceId} and m.left_at is null
            and m.user_id = ${messages.partnerId})))`;
  }
  if (isSpaceMember(actor)) {
    return and(
      sql`exists (select 1 from ${therapistLinks}
        where ${therapistLinks.id} = ${messages.linkId} and ${partnerMessageLinks(actor)})`,
      or(
        and(eq(messages.thread, 'couple'), gte(messages.createdAt, actor.space.joinedAt)),
        and(eq(messages.thread, 'private'), eq(messages.partnerId, actor.userId)),
      ),
    )!;
  }
  return NOTHING;
}
