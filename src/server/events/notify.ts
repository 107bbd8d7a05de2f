import type { DbOrTx } from '#server/db/index.ts';

/**
 * The one way a feature tells people that something happened (issue 12). A feature decides who
 * may see the thing (through the policy layer) and calls `notify`; this core stores the
 * notification for each recipient whose preferences want it, and wakes their open streams.
 * Nothing of the content goes in: only a kind, who did it, the space and a link of ids.
 *
 * STUB at the start of issue 12: the signatures are fixed; the notifications work fills the
 * bodies (tables, preferences, quiet hours, the email channel, LISTEN/NOTIFY).
 */

/** What happened, in the words of the notification texts (never the content itself). */
export type NotificationKind =
  /** Someone commented on a thing I may see and follow. */
  | 'comment'
  /** Someone replied to a comment of mine. */
  | 'reply'
  /** My partner shared something with me. */
  | 'shared'
  /** A message or suggestion from our therapist. */
  | 'therapist';

export interface NewNotification {
  kind: NotificationKind;
  /**
   * The people to tell. The caller has already checked that each may see the thing, and has
   * applied per-item choices ("Notify me of"). The actor is dropped here if present.
   */
  recipients: readonly string[];
  /** Who did it (their display name is the only name a text may carry). */
  actorId: string;
  spaceId: string | null;
  /** The app path the entry opens, built from ids only (never user content). */
  link: string;
  /** About a joint exercise: waits, unseen and uncounted, while the couple's joint work rests. */
  joint: boolean;
}

/** Store the notification for each recipient (in the caller's transaction) and wake streams. */
export async function notify(_db: DbOrTx, _notification: NewNotification): Promise<void> {
  // Filled by the notifications work.
}

/** A content-free change an open page reacts to by reading again. */
export interface LiveChange {
  topic: 'comments';
  /** The kind of item (a `SharedItemKind` or a co-authored kind such as `trigger-plan`). */
  kind: string;
  itemId: string;
}

/**
 * Tell the open pages of these people that something they may be showing changed (a comment was
 * posted, edited or withdrawn), in the caller's transaction so nothing is told before it commits.
 */
export async function publishChange(
  _db: DbOrTx,
  _recipients: readonly string[],
  _change: LiveChange,
): Promise<void> {
  // Filled by the notifications work.
}

/** "Notify me of" for one item: every new comment, only replies to me, or nothing. */
export type CommentWatchMode = 'all' | 'replies' | 'none';

/**
 * Each person's default "Notify me of" (set in their notification preferences), for people who
 * have made no choice on an item. Anyone without preferences gets 'all'.
 */
export async function commentWatchDefaults(
  _db: DbOrTx,
  userIds: readonly string[],
): Promise<Map<string, CommentWatchMode>> {
  // Filled by the notifications work.
  return new Map(userIds.map((id) => [id, 'all' as const]));
}
