import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { notFound } from '#shared/errors.ts';
import type { DbOrTx } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';
import { comments, memberships, therapistLinks } from '#server/db/schema/index.ts';
import type { SignedInActor, SpaceMemberActor } from './actor';
import type { ItemPart, ItemScope, NewsWindow, ShareableKind } from './manifest';
import {
  isSpaceMember,
  ownRows,
  spaceRows,
  isTherapist,
  therapistLinkActiveSql,
  therapistVisibleItems,
  togetherSince,
  visibleItems,
} from './rules';
import { sharedItems } from './shared-items';
import { sharedWithPartnerSql, sharedWithTherapistSql } from './visibility';

/**
 * The `commentable` policy (issue 12, decisions 0049 and 0050): who may read and write comments
 * on an item. The answer is always the item's own: you may read and post comments on an item
 * exactly when you may see it now (its author, the partner it is shared with, a therapist it is
 * shared with, both members of a co-authored item). Otherwise the item and its comments are a
 * 404, the same as the item's own. Nothing about the item's visibility is copied onto a comment;
 * each request asks the item again, so narrowing an item hides its comments on the next request
 * and sharing it again brings them back.
 *
 * A comment also records who it was *written for* (the audiences that could see the item when
 * it was written), and a reader must be in that audience too: words written while an item was
 * between its author and the therapist never reach the partner when the author later shares it
 * with them, and the reverse.
 */

/** How the reader stands to the item: they wrote it, it was shared with them, or they treat it. */
export type ReaderRole = 'author' | 'partner' | 'therapist';

/** One item as the comment core sees it, found through the reader's own scope. */
export interface CommentTarget {
  kind: string;
  id: string;
  spaceId: string | null;
  /** The one author; null for a co-authored item (both members are its authors). */
  authorId: string | null;
  /** How the reader stands to it. */
  role: ReaderRole;
  /** Who may see the item now besides its author(s). */
  forPartner: boolean;
  forTherapist: boolean;
  /** Its content as lines, for quotes. */
  parts: ItemPart[];
  /** A version id of the content as it is now: a hash of its lines (decision 0049). */
  version: string;
}

/** A kind that can carry comments, whatever core it comes from. */
export interface CommentableKind {
  kind: string;
  /** Its name in words: "Daily check-in". */
  title: string;
  /**
   * One row `(id, author_id, space_id, for_partner, for_therapist, body)` for item `itemId` if
   * `actor` may see it now, no row otherwise. `author_id` is null for a co-authored item.
   */
  find: (actor: SignedInActor, itemId: string) => SQL;
  /**
   * Rows `(user_id, role)`: everyone who may see the item now, with how they stand to it. The id
   * may be a column of an outer query (Today counts comments through it).
   */
  readers: (itemId: string | SQL) => SQL;
  /** The content lines of a row `find` gave. */
  parts: (body: Record<string, unknown> | null) => ItemPart[];
}

/** A co-authored kind that opts in to comments (declared in its feature's manifest). */
export type CoAuthoredCommentable = CommentableKind;

/**
 * A shareable kind whose manifest says it can carry comments, as a commentable kind: found
 * through the same union and scopes as every other read of shared items.
 */
export function shareableCommentable(
  all: readonly ShareableKind[],
  k: ShareableKind,
): CommentableKind {
  const t = k.table;
  return {
    kind: k.kind,
    title: k.title,
    find: (actor, itemId) => {
      const scope: ItemScope = isTherapist(actor)
        ? (item) => therapistVisibleItems(actor, item)
        : (item) => visibleItems(actor, item);
      const union = sharedItems(all, scope, { ids: new Map([[k.kind, [itemId]]]) });
      return sql`select items.id, items.author_id, items.space_id, items.kind, items.title,
          items.day, items.at, items.therapist_shared_at, items.body,
          ${sharedWithPartnerSql(t.visibility)} as for_partner,
          ${sharedWithTherapistSql(t.visibility)} as for_therapist
        from (${union}) as items join ${t} on ${t.id} = items.id`;
    },
    readers: (itemId) => sql`
      select ${t.authorId} as user_id, 'author'::text as role from ${t} where ${t.id} = ${itemId}
      union all
      select m.user_id, 'partner'::text from ${t}
        join ${memberships} am on am.space_id = ${t.spaceId} and am.user_id = ${t.authorId}
          and am.left_at is null
        join ${memberships} m on m.space_id = ${t.spaceId} and m.user_id <> ${t.authorId}
          and m.left_at is null
        where ${t.id} = ${itemId} and ${sharedWithPartnerSql(t.visibility)}
          and ${t.sharedAt} >= greatest(am.joined_at, m.joined_at)
      union all
      select ${therapistLinks.therapistId}, 'therapist'::text from ${t}
        join ${memberships} am on am.space_id = ${t.spaceId} and am.user_id = ${t.authorId}
          and am.left_at is null
        join ${therapistLinks} on ${therapistLinks.spaceId} = ${t.spaceId}
        where ${t.id} = ${itemId} and ${sharedWithTherapistSql(t.visibility)}
          and ${therapistLinkActiveSql()}`,
    parts: (body) =>
      k
        .present(
          {
            kind: k.kind,
            id: '',
            author_id: '',
            space_id: '',
            at: '',
            day: null,
            title: null,
            therapist_shared_at: null,
            body,
          },
          { measures: new Map() },
        )
        .parts.filter((p) => p.text.trim() !== ''),
  };
}

/** A content version id: the same lines give the same id, any change a new one. */
export function contentVersion(parts: readonly ItemPart[]): string {
  const text = JSON.stringify(parts.map((p) => [p.key, p.label, p.text]));
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

interface FoundRow extends Record<string, unknown> {
  id: string;
  author_id: string | null;
  space_id: string | null;
  for_partner: boolean;
  for_therapist: boolean;
  body: Record<string, unknown> | string | null;
}

/** The kind by its API name, or a 404 (an unknown kind looks like a missing item). */
export function commentableKind(kinds: readonly CommentableKind[], kind: string): CommentableKind {
  const found = kinds.find((k) => k.kind === kind);
  if (!found) throw notFound();
  return found;
}

/**
 * The item `actor` wants to read or write comments on, or a 404 identical to the item's own
 * when they may not see it (or it does not exist).
 */
export async function requireCommentable(
  db: DbOrTx,
  kinds: readonly CommentableKind[],
  actor: SignedInActor,
  kind: string,
  itemId: string,
): Promise<CommentTarget> {
  const k = commentableKind(kinds, kind);
  const [row] = await queryRows<FoundRow>(db, k.find(actor, itemId));
  if (!row) throw notFound();
  const body =
    typeof row.body === 'string' ? (JSON.parse(row.body) as Record<string, unknown>) : row.body;
  const parts = k.parts(body);
  const role: ReaderRole =
    row.author_id === null || row.author_id === actor.userId
      ? 'author'
      : isTherapist(actor)
        ? 'therapist'
        : 'partner';
  return {
    kind: k.kind,
    id: row.id,
    spaceId: row.space_id,
    authorId: row.author_id,
    role,
    forPartner: row.for_partner === true,
    forTherapist: row.for_therapist === true,
    parts,
    version: contentVersion(parts),
  };
}

/**
 * The comments of the target the reader may read: everything when they wrote the item; for the
 * partner, what was written for the partner since the two of them came together; for a
 * therapist, what was written for the therapist. Their own comments always.
 */
export function readableComments(actor: SignedInActor, target: CommentTarget): SQL {
  const mine = sql`${comments.authorId} = ${actor.userId}`;
  const item = sql`${comments.itemKind} = ${target.kind} and ${comments.itemId} = ${target.id}`;
  switch (target.role) {
    case 'author':
      return item;
    case 'therapist':
      return sql`${item} and (${mine} or ${comments.forTherapist})`;
    case 'partner': {
      const together = isSpaceMember(actor) ? togetherSince(actor) : null;
      if (!together) return sql`${item} and ${mine}`;
      return sql`${item} and (${mine} or (${comments.forPartner}
        and ${comments.createdAt} >= ${together.toISOString()}::timestamptz))`;
    }
  }
}

/**
 * Today's news of comments: how many comments my partner (or our therapist) wrote since I last
 * looked, in my space, on items I may see now and written for how I stand to each item (the rule
 * of `readableComments`, asked of every commentable kind through its `readers`). Counted, never
 * quoted. Withdrawn comments are not news.
 */
export function commentNewsSql(
  actor: SpaceMemberActor,
  window: NewsWindow,
  kinds: readonly CommentableKind[],
  from: 'partner' | 'therapist',
): SQL {
  const me = actor.userId;
  const readable = kinds.map(
    (k) => sql`(${comments.itemKind} = ${k.kind} and exists (
      select 1 from (${k.readers(sql`${comments.itemId}`)}) as r
      where r.user_id = ${me} and (
        (r.role = 'author' and ${comments.createdAt} > ${window.mine})
        or (r.role = 'partner' and ${comments.forPartner} and ${comments.createdAt} > ${window.since}))))`,
  );
  const anyKind = readable.length === 0 ? sql`false` : sql.join(readable, sql` or `);
  const newsKind = from === 'therapist' ? 'therapist_comment' : 'comment';
  const byTherapist = sql`${comments.authorRole} = 'therapist'`;
  return sql`select ${newsKind}::text as kind, count(*)::int as n,
      max(${comments.createdAt}) as latest
    from ${comments}
    where ${spaceRows(actor, comments.spaceId)} and not (${ownRows(actor, comments.authorId)})
      and ${from === 'therapist' ? byTherapist : sql`not (${byTherapist})`}
      and ${comments.withdrawnAt} is null and (${anyKind})`;
}

/** May someone who stands to the item as `role` read a comment written for these audiences? */
export function writtenFor(
  role: ReaderRole,
  comment: { forPartner: boolean; forTherapist: boolean },
): boolean {
  if (role === 'author') return true;
  return role === 'partner' ? comment.forPartner : comment.forTherapist;
}

/** Everyone who may see the item now, with how they stand to it (for telling them). */
export async function itemReaders(
  db: DbOrTx,
  kinds: readonly CommentableKind[],
  target: CommentTarget,
): Promise<{ userId: string; role: ReaderRole }[]> {
  const k = commentableKind(kinds, target.kind);
  const rows = await queryRows<{ user_id: string; role: ReaderRole }>(db, k.readers(target.id));
  const seen = new Map<string, ReaderRole>();
  for (const row of rows) if (!seen.has(row.user_id)) seen.set(row.user_id, row.role);
  return [...seen].map(([userId, role]) => ({ userId, role }));
}
