import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/index.ts';
import { queryRows } from '#server/db/index.ts';
import {
  liveCursors,
  liveEvents,
  notificationPreferences,
  notifications,
} from '#server/db/schema/index.ts';
import { enqueue } from '#server/jobs/index.ts';
import { jointWorkOpenSql } from '#server/policy/joint-work.ts';
import { quietUntil } from './quiet-hours';

/**
 * The one way a feature tells people that something happened (issue 12). A feature decides who
 * may see the thing (through the policy layer) and calls `notify`; this core stores the
 * notification for each recipient whose preferences want it, and wakes their open streams.
 * Nothing of the content goes in: only a kind, who did it, the space and a link of ids.
 *
 * Delivery (decision 0052): every change a stream should hear is appended to the recipient's own
 * live-event log (`live_events`, numbered per person) and announced with `pg_notify` in the
 * writer's transaction, so nothing is told before it commits and a rolled-back write tells
 * nothing. Streams read the log after the announcement; the number is the SSE event id.
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
  | 'therapist'
  /** A day someone set (a commitment's check-in) has come; the actor is the other partner. */
  | 'reminder'
  /** An agreement we made comes back to us on its review day (the other partner is named). */
  | 'review'
  /** A date in the couple's hard-dates plan is a few days away; the actor is the other partner. */
  | 'hard_date';

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'comment',
  'reply',
  'shared',
  'therapist',
  'reminder',
  'review',
  'hard_date',
];

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

/** The channel every process LISTENs on; payloads are ids only (see `live.ts`). */
export const LIVE_CHANNEL = 'hh_live';

/**
 * Ends the open event streams of a session that stays (locked after a pause), in every process.
 * A deleted session is announced by a trigger on `sessions` (migration 0009) instead.
 */
export async function announceSessionEnd(db: DbOrTx, sessionId: string): Promise<void> {
  await db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${`end:${sessionId}`})`);
}

/** The topics of the live-event log. */
export type LiveTopic =
  /** A new notification (data: its kind): the stream sends it and the new unread count. */
  | 'notification'
  /** The unread count changed without a new notification (read elsewhere). */
  | 'count'
  /** A page may be showing something that changed (data: a `LiveChange`). */
  | 'comments';

/** Links are app paths made of ids: a slash, then letters, digits, `-`, `/`, `?`, `=`, `&`, `#`. */
const LINK = /^\/[A-Za-z0-9\-/?=&#_.]{0,300}$/;

function uuidArray(ids: readonly string[]) {
  return sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
}

/** Distinct ids in one order, so two writers always lock people's log rows in the same order. */
function orderedIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}

/**
 * Appends one event to each person's live log and announces it, in the caller's transaction: one
 * statement. Taking the next number locks the person's `live_cursors` row until commit, so their
 * events commit in number order (decision 0052).
 */
export async function appendLiveEvent(
  db: DbOrTx,
  userIds: readonly string[],
  topic: LiveTopic,
  data: Record<string, string | number | boolean>,
): Promise<void> {
  const ids = orderedIds(userIds);
  if (ids.length === 0) return;
  await db.execute(sql`with next as (
      insert into ${liveCursors} (user_id, seq)
      select u, 1 from unnest(${uuidArray(ids)}) as u
      on conflict (user_id) do update set seq = ${liveCursors}.seq + 1
      returning user_id, seq
    ), appended as (
      insert into ${liveEvents} (user_id, seq, topic, data)
      select user_id, seq, ${topic}, ${JSON.stringify(data)}::jsonb from next
      returning user_id
    )
    select pg_notify(${LIVE_CHANNEL}, 'u:' || string_agg(user_id::text, ',')) from appended`);
}

/** The job that sends the neutral "something new" email for one notification. */
export const NOTIFICATION_EMAIL_JOB = 'notification-email';

/** Store the notification for each recipient (in the caller's transaction) and wake streams. */
export async function notify(db: DbOrTx, notification: NewNotification): Promise<void> {
  const recipients = orderedIds(notification.recipients).filter(
    (id) => id !== notification.actorId,
  );
  if (recipients.length === 0) return;
  if (!LINK.test(notification.link)) throw new Error('A notification link must be an app path');
  const { kind, spaceId, joint } = notification;
  const prefs = new Map(
    (
      await db
        .select({
          userId: notificationPreferences.userId,
          channel: sql<string | null>`${notificationPreferences.channels} ->> ${kind}`,
          quietStart: notificationPreferences.quietStart,
          quietEnd: notificationPreferences.quietEnd,
          timeZone: notificationPreferences.timeZone,
        })
        .from(notificationPreferences)
        .where(inArray(notificationPreferences.userId, recipients))
    ).map((row) => [row.userId, row]),
  );
  const wanted = recipients.filter((id) => prefs.get(id)?.channel !== 'off');
  if (wanted.length === 0) return;
  // Held (released_at null) when it is about joint work and the couple's joint work rests now.
  const released =
    joint && spaceId ? sql`case when ${jointWorkOpenSql(spaceId)} then now() end` : sql`now()`;
  const rows = await queryRows<{ id: string; recipient_id: string; released: boolean }>(
    db,
    sql`insert into ${notifications}
        (recipient_id, kind, actor_id, space_id, link, joint, released_at)
      select r, ${kind}, ${notification.actorId}::uuid, ${spaceId}::uuid, ${notification.link},
        ${joint}, ${released}
      from unnest(${uuidArray(wanted)}) as r
      returning id, recipient_id, released_at is not null as released`,
  );
  const now = new Date();
  for (const row of rows) {
    const pref = prefs.get(row.recipient_id);
    if (!row.released || pref?.channel !== 'email') continue;
    // The email says only "something new"; it waits for the end of the person's quiet hours.
    await enqueue(db, {
      kind: NOTIFICATION_EMAIL_JOB,
      dedupKey: `notification-email:${row.id}`,
      payload: { notificationId: row.id },
      runAt: quietUntil(
        now,
        pref.quietStart !== null && pref.quietEnd !== null
          ? { start: pref.quietStart, end: pref.quietEnd, timeZone: pref.timeZone }
          : null,
      ),
    });
  }
  const wake = rows.filter((row) => row.released).map((row) => row.recipient_id);
  await appendLiveEvent(db, wake, 'notification', { kind });
}

/**
 * Joint work may have reopened (a hold was lifted): notifications of this space held while it
 * rested are released, and their people's open streams get the new count. Nothing happens, and
 * nobody is told anything, while joint work stays closed or when nothing was held. Reads show
 * held ones as soon as joint work is open in any case (a safety screen taken opens it too).
 */
export async function releaseHeldNotifications(db: DbOrTx, spaceId: string): Promise<void> {
  const rows = await queryRows<{ recipient_id: string }>(
    db,
    sql`update ${notifications} set released_at = now()
      where ${notifications.spaceId} = ${spaceId} and ${notifications.releasedAt} is null
        and ${jointWorkOpenSql(spaceId)}
      returning recipient_id`,
  );
  await appendLiveEvent(
    db,
    rows.map((row) => row.recipient_id),
    'count',
    {},
  );
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
  db: DbOrTx,
  recipients: readonly string[],
  change: LiveChange,
): Promise<void> {
  await appendLiveEvent(db, recipients, change.topic, {
    topic: change.topic,
    kind: change.kind,
    itemId: change.itemId,
  });
}

/** "Notify me of" for one item: every new comment, only replies to me, or nothing. */
export type CommentWatchMode = 'all' | 'replies' | 'none';

const WATCH_MODES = new Set<string>(['all', 'replies', 'none']);

/**
 * Each person's default "Notify me of" (set in their notification preferences), for people who
 * have made no choice on an item. Anyone without preferences gets 'all'.
 */
export async function commentWatchDefaults(
  db: DbOrTx,
  userIds: readonly string[],
): Promise<Map<string, CommentWatchMode>> {
  const out = new Map<string, CommentWatchMode>(userIds.map((id) => [id, 'all' as const]));
  if (userIds.length === 0) return out;
  const rows = await db
    .select({
      userId: notificationPreferences.userId,
      mode: notificationPreferences.commentDefault,
    })
    .from(notificationPreferences)
    .where(inArray(notificationPreferences.userId, [...new Set(userIds)]));
  for (const row of rows) {
    if (WATCH_MODES.has(row.mode)) out.set(row.userId, row.mode as CommentWatchMode);
  }
  return out;
}
