import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { TCommentItemKind } from '#shared/schemas/comments.ts';
import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { Database } from '#server/db/index.ts';
import { commentWordings, comments } from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { ownRows } from '#server/policy/rules.ts';

/**
 * The comments' part of "download my data": the words I wrote, with their earlier wordings,
 * whatever became of the item since. Never a quote (its words are the item's, which may be
 * someone else's and no longer shared with me), and nothing of anyone else's comments.
 */
const ITEM_WORDS: Record<TCommentItemKind, string> = {
  checkin: 'a daily check-in',
  letter: 'an impact letter',
  letter_reflection: 'a reflection on an impact letter',
  measure: 'a weekly check-in',
  'trigger-plan': 'our trigger plan',
  apology: 'an apology',
  disclosure: 'a sealed disclosure',
  agreement: 'one of our agreements',
  contact_log: 'an entry of the contact log',
  'meaning-story': 'a meaning story',
  'meaning-shared-story': 'our shared story',
};

export async function commentsExportPart(
  db: Database,
  actor: SignedInActor,
): Promise<TExportSection> {
  const mine = await db
    .select({
      id: comments.id,
      itemKind: comments.itemKind,
      body: comments.body,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
    })
    .from(comments)
    .where(and(ownRows(actor, comments.authorId), isNull(comments.withdrawnAt)))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const earlier = await db
    .select({
      commentId: commentWordings.commentId,
      body: commentWordings.body,
      writtenAt: commentWordings.writtenAt,
    })
    .from(commentWordings)
    .innerJoin(comments, eq(comments.id, commentWordings.commentId))
    .where(ownRows(actor, comments.authorId))
    .orderBy(desc(commentWordings.version));
  return {
    key: 'comments',
    heading: 'My comments',
    entries: mine.map((c) => ({
      title: `A comment on ${ITEM_WORDS[c.itemKind as TCommentItemKind] ?? 'something shared'}`,
      at: (c.editedAt ?? c.createdAt).toISOString(),
      by: null,
      fields: [
        { label: 'Comment', text: c.body ?? '' },
        ...earlier
          .filter((w) => w.commentId === c.id)
          .map((w) => ({
            label: `Earlier wording (${w.writtenAt.toISOString().slice(0, 10)})`,
            text: w.body,
          })),
      ],
    })),
  };
}
