import { z } from 'zod';
import { ZId, ZPageCursor, text } from './common';

/**
 * Comments on shared items (issue 12): threads of a comment and its replies under an item, with
 * an optional quote of a passage of the item, edits that keep earlier wordings, withdrawal, and a
 * per-item "Notify me of" choice.
 */

/** The kinds of item that can carry comments, in the API's words (every manifest's own). */
export const COMMENT_ITEM_KINDS = [
  'checkin',
  'letter',
  'letter_reflection',
  'measure',
  'trigger-plan',
  'apology',
  'disclosure',
  'agreement',
  'contact_log',
  'meaning-story',
  'meaning-shared-story',
] as const;
export const ZCommentItemKind = z.enum(COMMENT_ITEM_KINDS, {
  message: 'Choose one of the kinds of item that can carry comments.',
});
export type TCommentItemKind = z.infer<typeof ZCommentItemKind>;

export const COMMENT_BODY_MAX = 4000;
export const COMMENT_QUOTE_MAX = 1000;
/** A part key is a short name from the item's own presenter (`note`, `whatHappened`). */
export const COMMENT_PART_MAX = 40;
/** How many threads come at once; older ones come page by page. */
export const COMMENT_THREAD_PAGE = 10;
/** Replies shown with a thread at most (one level of replies, decision 0050). */
export const COMMENT_REPLIES_MAX = 100;

export const ZCommentText = text({ message: 'Please write your comment as plain text.' })
  .trim()
  .min(1, 'Please write something before you post.')
  .max(
    COMMENT_BODY_MAX,
    `Please keep a comment to ${COMMENT_BODY_MAX.toLocaleString('en')} characters or fewer. You can add the rest as a reply.`,
  );

/** A passage of the item to quote: its words, and where they are when the page knows it. */
export const ZQuoteInput = z.object({
  text: text({ message: 'Please choose the words to quote as plain text.' })
    .min(1, 'Please choose some words of the item to quote.')
    .max(
      COMMENT_QUOTE_MAX,
      `Please quote ${COMMENT_QUOTE_MAX.toLocaleString('en')} characters or fewer: a sentence or two is plenty.`,
    ),
  part: text({ message: 'This part of the item is not in the expected form.' })
    .max(COMMENT_PART_MAX, 'This part of the item is not in the expected form.')
    .regex(/^[A-Za-z_]+$/, 'This part of the item is not in the expected form.')
    .optional(),
  start: z
    .int({ message: 'The start of the quote should be a whole number.' })
    .min(0, 'The start of the quote should be 0 or more.')
    .max(1_000_000, 'The start of the quote is past the end of the item.')
    .optional(),
});
export type TQuoteInput = z.infer<typeof ZQuoteInput>;

export const ZItemRef = z.object({ kind: ZCommentItemKind, itemId: ZId });
export type TItemRef = z.infer<typeof ZItemRef>;

export const ZCommentsQuery = ZItemRef.extend({ cursor: ZPageCursor.optional() });
export type TCommentsQuery = z.infer<typeof ZCommentsQuery>;

export const ZNewComment = ZItemRef.extend({
  body: ZCommentText,
  /** A reply names the thread's first comment (or any comment in it: the reply joins its thread). */
  parentId: ZId.optional(),
  quote: ZQuoteInput.optional(),
});
export type TNewComment = z.infer<typeof ZNewComment>;

export const ZCommentEdit = z.object({ body: ZCommentText });
export type TCommentEdit = z.infer<typeof ZCommentEdit>;

export const WATCH_MODES = ['all', 'replies', 'none'] as const;
export const ZWatchMode = z.enum(WATCH_MODES, {
  message: 'Choose every new comment, only replies to you, or nothing.',
});
export type TWatchMode = z.infer<typeof ZWatchMode>;

export const ZWatchBody = ZItemRef.extend({ mode: ZWatchMode });
export type TWatchBody = z.infer<typeof ZWatchBody>;

export const ZWatch = z.object({
  mode: ZWatchMode,
  /** True when no choice was made for this item and the preference's default applies. */
  isDefault: z.boolean(),
});
export type TWatch = z.infer<typeof ZWatch>;

export const ZQuote = z.object({
  part: text(),
  start: z.int(),
  end: z.int(),
  text: text(),
  /** The item's text has changed since this was quoted; the quote keeps the words it had. */
  changed: z.boolean(),
});
export type TQuote = z.infer<typeof ZQuote>;

export const ZComment = z.object({
  id: ZId,
  parentId: ZId.nullable(),
  mine: z.boolean(),
  authorName: text(),
  /** How the writer stands to the item: wrote it, is the partner, or is the therapist. */
  authorRole: z.enum(['author', 'partner', 'therapist']),
  /** Null once withdrawn. */
  body: text().nullable(),
  version: z.int(),
  at: text(),
  editedAt: text().nullable(),
  withdrawn: z.boolean(),
  quote: ZQuote.nullable(),
});
export type TComment = z.infer<typeof ZComment>;

export const ZThread = ZComment.extend({ replies: z.array(ZComment) });
export type TThread = z.infer<typeof ZThread>;

export const ZCommentsResponse = z.object({
  item: z.object({ kind: ZCommentItemKind, id: ZId, version: text() }),
  watch: ZWatch,
  /** Newest thread first. */
  threads: z.array(ZThread),
  nextCursor: text().nullable(),
});
export type TCommentsResponse = z.infer<typeof ZCommentsResponse>;

export const ZCommentResponse = z.object({ comment: ZComment });
export type TCommentResponse = z.infer<typeof ZCommentResponse>;

/** The earlier wordings of an edited comment, newest first. */
export const ZWordingsResponse = z.object({
  wordings: z.array(z.object({ version: z.int(), body: text(), writtenAt: text() })),
});
export type TWordingsResponse = z.infer<typeof ZWordingsResponse>;

export const ZWatchResponse = z.object({ watch: ZWatch });
export type TWatchResponse = z.infer<typeof ZWatchResponse>;
