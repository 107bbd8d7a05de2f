import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import {
  COMMENT_REPLIES_MAX,
  COMMENT_THREAD_PAGE,
  type TComment,
  type TCommentItemKind,
  type TCommentsQuery,
  type TCommentsResponse,
  type TItemRef,
  type TNewComment,
  type TQuoteInput,
  type TThread,
  type TWatch,
  type TWatchMode,
  type TWordingsResponse,
} from '#shared/schemas/comments.ts';
import type { Database, DbOrTx } from '#server/db/index.ts';
import { commentWatches, commentWordings, comments, users } from '#server/db/schema/index.ts';
import {
  commentWatchDefaults,
  notify,
  publishChange,
  type CommentWatchMode,
} from '#server/events/notify.ts';
import { keysetCursor } from '#server/http/cursor.ts';
import { versionConflict } from '#server/http/versioning.ts';
import { recordAccess } from '#server/policy/access-log.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import {
  itemReaders,
  readableComments,
  requireCommentable,
  writtenFor,
  type CommentTarget,
  type CommentableKind,
  type ReaderRole,
} from '#server/policy/commentable.ts';
import { requireJointWorkOpen } from '#server/policy/joint-work.ts';
import { isSpaceMember, ownRows, rowsOf } from '#server/policy/rules.ts';

/**
 * Comments on shared items (issue 12). Every call first finds the item through the reader's own
 * scope (`requireCommentable`): an item they may not see is a 404, and so are its comments.
 * Which comments of a visible item they read is `readableComments`. Nothing here logs, links or
 * notifies with a comment's words: notifications carry a kind, the writer and ids.
 */

type Kinds = readonly CommentableKind[];

const threadCursor = keysetCursor({ at: 'timestamp', id: 'uuid' });

const NOT_IN_ITEM =
  'These words are not in the item as it is now. Please select them again on the page, or copy them exactly.';

/** Where a notification about a comment opens, from ids only: the page that shows the item. */
const ITEM_PAGES: Record<TCommentItemKind, string> = {
  checkin: '/checkins',
  letter: '/impact-letter',
  letter_reflection: '/impact-letter',
  measure: '/measures',
  'trigger-plan': '/triggers',
  apology: '/apology',
  disclosure: '/disclosures',
  agreement: '/agreements',
  contact_log: '/contact-log',
  'meaning-story': '/meaning',
  'meaning-shared-story': '/meaning',
};

function itemLink(kind: string, itemId: string, role: ReaderRole): string {
  const page = role === 'therapist' ? '/practice' : ITEM_PAGES[kind as TCommentItemKind];
  return `${page}#comments-${itemId}`;
}

const columns = {
  id: comments.id,
  parentId: comments.parentId,
  authorId: comments.authorId,
  authorName: users.displayName,
  authorRole: comments.authorRole,
  body: comments.body,
  version: comments.version,
  forPartner: comments.forPartner,
  forTherapist: comments.forTherapist,
  quoteVersion: comments.quoteVersion,
  quotePart: comments.quotePart,
  quoteStart: comments.quoteStart,
  quoteEnd: comments.quoteEnd,
  quoteText: comments.quoteText,
  createdAt: comments.createdAt,
  at: sql<string>`${comments.createdAt}::text`,
  editedAt: comments.editedAt,
  withdrawnAt: comments.withdrawnAt,
};

type Row = {
  id: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  authorRole: string;
  body: string | null;
  version: number;
  forPartner: boolean;
  forTherapist: boolean;
  quoteVersion: string | null;
  quotePart: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
  quoteText: string | null;
  createdAt: Date;
  at: string;
  editedAt: Date | null;
  withdrawnAt: Date | null;
};

function present(row: Row, actor: SignedInActor, target: CommentTarget): TComment {
  const quote =
    row.quoteText !== null && row.quotePart !== null && row.withdrawnAt === null
      ? {
          part: row.quotePart,
          start: row.quoteStart ?? 0,
          end: row.quoteEnd ?? 0,
          text: row.quoteText,
          changed: row.quoteVersion !== target.version,
        }
      : null;
  return {
    id: row.id,
    parentId: row.parentId,
    mine: row.authorId === actor.userId,
    authorName: row.authorName,
    authorRole: row.authorRole as TComment['authorRole'],
    body: row.withdrawnAt ? null : row.body,
    version: row.version,
    at: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    withdrawn: row.withdrawnAt !== null,
    quote,
  };
}

/** One comment the actor may read (on an item they may see now), or a 404. */
async function readableComment(
  db: DbOrTx,
  kinds: Kinds,
  actor: SignedInActor,
  commentId: string,
): Promise<{ row: Row; target: CommentTarget; itemKind: string; itemId: string }> {
  const [ref] = await db
    .select({ itemKind: comments.itemKind, itemId: comments.itemId })
    .from(comments)
    .where(eq(comments.id, commentId));
  if (!ref) throw notFound();
  const target = await requireCommentable(db, kinds, actor, ref.itemKind, ref.itemId);
  const [row] = await db
    .select(columns)
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.id, commentId), readableComments(actor, target)));
  if (!row) throw notFound();
  return { row, target, ...ref };
}

/** My "Notify me of" for the item: my own choice, or my preference's default. */
async function watchOf(db: DbOrTx, actor: SignedInActor, ref: TItemRef): Promise<TWatch> {
  const [row] = await db
    .select({ mode: commentWatches.mode })
    .from(commentWatches)
    .where(
      and(
        ownRows(actor, commentWatches.userId),
        eq(commentWatches.itemKind, ref.kind),
        eq(commentWatches.itemId, ref.itemId),
      ),
    );
  if (row) return { mode: row.mode as TWatchMode, isDefault: false };
  const defaults = await commentWatchDefaults(db, [actor.userId]);
  return { mode: defaults.get(actor.userId) ?? 'all', isDefault: true };
}

/** The threads of an item, newest first, a page at a time, each with its replies oldest first. */
export async function listComments(
  db: Database,
  kinds: Kinds,
  actor: SignedInActor,
  query: TCommentsQuery,
): Promise<TCommentsResponse> {
  const after = query.cursor ? threadCursor.decode(query.cursor, 'cursor') : undefined;
  const target = await requireCommentable(db, kinds, actor, query.kind, query.itemId);
  // A thread quotes its item, so a therapist reading one has opened the item: the author sees it
  // in their access log, written before anything is returned.
  if (target.role === 'therapist' && target.spaceId && target.authorId) {
    await recordAccess(db, {
      therapistId: actor.userId,
      spaceId: target.spaceId,
      itemKind: target.kind,
      itemId: target.id,
      authorId: target.authorId,
    });
  }
  const roots = await db
    .select(columns)
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(
      and(
        readableComments(actor, target),
        isNull(comments.parentId),
        after
          ? sql`(${comments.createdAt}, ${comments.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(COMMENT_THREAD_PAGE + 1);
  const page = roots.slice(0, COMMENT_THREAD_PAGE);
  const replies =
    page.length === 0
      ? []
      : await db
          .select(columns)
          .from(comments)
          .innerJoin(users, eq(users.id, comments.authorId))
          .where(
            and(
              readableComments(actor, target),
              inArray(
                comments.parentId,
                page.map((r) => r.id),
              ),
            ),
          )
          .orderBy(asc(comments.createdAt), asc(comments.id));
  const threads: TThread[] = page.map((root) => ({
    ...present(root, actor, target),
    replies: replies
      .filter((r) => r.parentId === root.id)
      .slice(0, COMMENT_REPLIES_MAX)
      .map((r) => present(r, actor, target)),
  }));
  const last = page.at(-1);
  return {
    item: { kind: query.kind, id: target.id, version: target.version },
    watch: await watchOf(db, actor, query),
    threads,
    nextCursor:
      roots.length > COMMENT_THREAD_PAGE && last
        ? threadCursor.encode({ at: last.at, id: last.id })
        : null,
  };
}

/** Where the quoted words are in the item as it is now, or a 400 when they are not in it. */
function anchorQuote(
  target: CommentTarget,
  quote: TQuoteInput,
): { part: string; start: number; end: number; text: string } {
  const parts = quote.part ? target.parts.filter((p) => p.key === quote.part) : target.parts;
  for (const p of parts) {
    const start =
      quote.start !== undefined
        ? p.text.slice(quote.start, quote.start + quote.text.length) === quote.text
          ? quote.start
          : -1
        : p.text.indexOf(quote.text);
    if (start >= 0) {
      return { part: p.key, start, end: start + quote.text.length, text: quote.text };
    }
  }
  throw new AppError('validation_failed', NOT_IN_ITEM, { 'body.quote.text': NOT_IN_ITEM });
}

/** Joint work rests: a space member's words for the partner wait, like every joint exercise. */
async function holdIfJoint(tx: DbOrTx, actor: SignedInActor, forPartner: boolean): Promise<void> {
  if (forPartner && isSpaceMember(actor)) await requireJointWorkOpen(tx, actor);
}

/**
 * Tell everyone who may read the new comment: a reply to someone's comment is a "reply" for
 * them, anything else a "comment", each as their "Notify me of" says. Every reader of it (and
 * the writer's other tabs) gets a content-free change so an open page reads the thread again.
 */
async function tellReaders(
  tx: DbOrTx,
  kinds: Kinds,
  actor: SignedInActor,
  target: CommentTarget,
  comment: { forPartner: boolean; forTherapist: boolean },
  replyTo: string | null,
  notifyToo: boolean,
): Promise<void> {
  const readers = (await itemReaders(tx, kinds, target)).filter((r) => writtenFor(r.role, comment));
  const change = { topic: 'comments' as const, kind: target.kind, itemId: target.id };
  const everyone = new Set(readers.map((r) => r.userId));
  everyone.add(actor.userId);
  await publishChange(tx, [...everyone], change);
  if (!notifyToo) return;
  const others = readers.filter((r) => r.userId !== actor.userId);
  if (others.length === 0) return;
  const chosen = await tx
    .select({ userId: commentWatches.userId, mode: commentWatches.mode })
    .from(commentWatches)
    .where(
      and(
        inArray(
          commentWatches.userId,
          others.map((r) => r.userId),
        ),
        eq(commentWatches.itemKind, target.kind),
        eq(commentWatches.itemId, target.id),
      ),
    );
  const modes = new Map<string, CommentWatchMode>(
    chosen.map((c) => [c.userId, c.mode as CommentWatchMode]),
  );
  const undecided = others.map((r) => r.userId).filter((id) => !modes.has(id));
  if (undecided.length > 0) {
    for (const [id, mode] of await commentWatchDefaults(tx, undecided)) modes.set(id, mode);
  }
  const joint = comment.forPartner && isSpaceMember(actor);
  for (const r of others) {
    const mode = modes.get(r.userId) ?? 'all';
    const isReply = r.userId === replyTo;
    if (mode === 'none' || (mode === 'replies' && !isReply)) continue;
    await notify(tx, {
      kind: isReply ? 'reply' : 'comment',
      recipients: [r.userId],
      actorId: actor.userId,
      spaceId: target.spaceId,
      link: itemLink(target.kind, target.id, r.role),
      joint,
    });
  }
}

/** Posts a comment, or a reply in a thread; with a quote, anchored to the item as it is now. */
export async function postComment(
  db: Database,
  kinds: Kinds,
  actor: SignedInActor,
  input: TNewComment,
): Promise<TComment> {
  return db.transaction(async (tx) => {
    const target = await requireCommentable(tx, kinds, actor, input.kind, input.itemId);
    // Separate conversations (decision 0050): the author's words reach everyone the item is
    // shared with; the partner's stay between the couple, the therapist's between the therapist
    // and the author, so the partner never learns whether the item is shared with the therapist.
    let forPartner = target.role === 'author' ? target.forPartner : target.role === 'partner';
    let forTherapist = target.role === 'author' ? target.forTherapist : target.role === 'therapist';
    let parentId: string | null = null;
    let replyTo: string | null = null;
    if (input.parentId) {
      // A reply joins the thread of the comment it answers, and reaches no one its thread does not.
      const parent = await readableComment(tx, kinds, actor, input.parentId);
      if (parent.itemKind !== target.kind || parent.itemId !== target.id) throw notFound();
      const root = parent.row.parentId
        ? (await readableComment(tx, kinds, actor, parent.row.parentId)).row
        : parent.row;
      parentId = root.id;
      replyTo = parent.row.authorId;
      forPartner = forPartner && root.forPartner;
      forTherapist = forTherapist && root.forTherapist;
    }
    await holdIfJoint(tx, actor, forPartner);
    const quote = input.quote ? anchorQuote(target, input.quote) : null;
    const [created] = await tx
      .insert(comments)
      .values({
        itemKind: target.kind,
        itemId: target.id,
        spaceId: target.spaceId,
        parentId,
        authorId: actor.userId,
        authorRole: target.role,
        body: input.body,
        forPartner,
        forTherapist,
        quoteVersion: quote ? target.version : null,
        quotePart: quote?.part ?? null,
        quoteStart: quote?.start ?? null,
        quoteEnd: quote?.end ?? null,
        quoteText: quote?.text ?? null,
      })
      .returning({ id: comments.id });
    await tellReaders(tx, kinds, actor, target, { forPartner, forTherapist }, replyTo, true);
    const { row } = await readableComment(tx, kinds, actor, created!.id);
    return present(row, actor, target);
  });
}

/** My own comment, not withdrawn, on an item I may still see; anyone else's is a 404. */
async function myComment(tx: DbOrTx, kinds: Kinds, actor: SignedInActor, commentId: string) {
  const found = await readableComment(tx, kinds, actor, commentId);
  if (found.row.authorId !== actor.userId || found.row.withdrawnAt !== null) throw notFound();
  // Serialise two edits of one comment: the second sees the first's version.
  await tx
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.id, commentId), ownRows(actor, comments.authorId)))
    .for('update');
  return found;
}

/**
 * A new wording of my comment. `expected` is the version I started from (If-Match); if I changed
 * it elsewhere since, nothing is written and I get a 412 with the comment as it is now. The
 * earlier wording is kept, one click away.
 */
export async function editComment(
  db: Database,
  kinds: Kinds,
  actor: SignedInActor,
  commentId: string,
  expected: number,
  body: string,
): Promise<TComment> {
  const outcome = await db.transaction(async (tx) => {
    const { target } = await myComment(tx, kinds, actor, commentId);
    const { row } = await readableComment(tx, kinds, actor, commentId);
    if (row.version !== expected) return { conflict: present(row, actor, target) };
    await holdIfJoint(tx, actor, row.forPartner);
    if (row.body === body) return { comment: present(row, actor, target) };
    await tx.insert(commentWordings).values({
      commentId,
      version: row.version,
      body: row.body ?? '',
      writtenAt: row.editedAt ?? row.createdAt,
    });
    await tx
      .update(comments)
      .set({ body, version: row.version + 1, editedAt: new Date() })
      .where(and(eq(comments.id, commentId), ownRows(actor, comments.authorId)));
    await tellReaders(tx, kinds, actor, target, row, null, false);
    const fresh = await readableComment(tx, kinds, actor, commentId);
    return { comment: present(fresh.row, actor, target) };
  });
  if ('conflict' in outcome) {
    throw versionConflict(
      { comment: outcome.conflict },
      'You changed this comment somewhere else a moment ago. Here it is as it is now; your words are still in the form.',
    );
  }
  return outcome.comment;
}

/**
 * Withdraws my comment: its words (and earlier wordings, and its quote) are gone, its place in
 * the thread stays as "withdrawn". Never held while joint work rests, like making something
 * private again.
 */
export async function withdrawComment(
  db: Database,
  kinds: Kinds,
  actor: SignedInActor,
  commentId: string,
): Promise<TComment> {
  return db.transaction(async (tx) => {
    const { target, row } = await myComment(tx, kinds, actor, commentId);
    await tx.delete(commentWordings).where(eq(commentWordings.commentId, commentId));
    await tx
      .update(comments)
      .set({
        body: null,
        withdrawnAt: new Date(),
        quoteText: null,
        quotePart: null,
        quoteStart: null,
        quoteEnd: null,
        quoteVersion: null,
      })
      .where(and(eq(comments.id, commentId), ownRows(actor, comments.authorId)));
    await tellReaders(tx, kinds, actor, target, row, null, false);
    const fresh = await readableComment(tx, kinds, actor, commentId);
    return present(fresh.row, actor, target);
  });
}

/** The earlier wordings of a comment I may read, newest first. */
export async function listWordings(
  db: Database,
  kinds: Kinds,
  actor: SignedInActor,
  commentId: string,
): Promise<TWordingsResponse> {
  const { row } = await readableComment(db, kinds, actor, commentId);
  const rows = await db
    .select({
      version: commentWordings.version,
      body: commentWordings.body,
      writtenAt: commentWordings.writtenAt,
    })
    .from(commentWordings)
    .where(rowsOf(commentWordings.commentId, row.id))
    .orderBy(desc(commentWordings.version));
  return {
    wordings: rows.map((w) => ({ ...w, writtenAt: w.writtenAt.toISOString() })),
  };
}

/** Sets my "Notify me of" for an item I may see. */
export async function setWatch(
  db: Database,
  kinds: Kinds,
  actor: SignedInActor,
  ref: TItemRef,
  mode: TWatchMode,
): Promise<TWatch> {
  const target = await requireCommentable(db, kinds, actor, ref.kind, ref.itemId);
  await db
    .insert(commentWatches)
    .values({ userId: actor.userId, itemKind: target.kind, itemId: target.id, mode })
    .onConflictDoUpdate({
      target: [commentWatches.userId, commentWatches.itemKind, commentWatches.itemId],
      set: { mode, updatedAt: new Date() },
    });
  return { mode, isDefault: false };
}
