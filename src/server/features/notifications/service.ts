import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { AppError } from '#shared/errors.ts';
import {
  NOTIFICATION_PAGE_SIZE,
  type TChannel,
  type TNotificationKind,
  type TNotificationList,
  type TNotificationPreferences,
  type TNotificationPreferencesBody,
} from '#shared/schemas/notifications.ts';
import type { Database } from '#server/db/index.ts';
import { notificationPreferences, notifications, users } from '#server/db/schema/index.ts';
import { appendLiveEvent } from '#server/events/notify.ts';
import { releaseHeldFor, unreadCount } from '#server/events/live.ts';
import { keysetCursor } from '#server/http/cursor.ts';
import { versionConflict } from '#server/http/versioning.ts';
import { ownRows } from '#server/policy/rules.ts';
import type { SignedInActor } from '#server/policy/actor.ts';

const pageCursor = keysetCursor({ at: 'timestamp', id: 'uuid' });

const spaceOf = (actor: SignedInActor) => actor.space?.id ?? null;

/** What the person may see: their own, released (held ones wait for joint work to reopen). */
function visibleTo(actor: SignedInActor) {
  return and(
    ownRows(actor, notifications.recipientId),
    sql`${notifications.releasedAt} is not null`,
  )!;
}

/** Newest first, keyset-paged by (created_at, id); the unread count rides along. */
export async function listNotifications(
  db: Database,
  actor: SignedInActor,
  cursor: string | undefined,
): Promise<TNotificationList> {
  const after = cursor ? pageCursor.decode(cursor, 'cursor') : null;
  if (!after) await releaseHeldFor(db, actor.userId, spaceOf(actor));
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      actorName: users.displayName,
      link: notifications.link,
      createdAt: notifications.createdAt,
      at: sql<string>`${notifications.createdAt}::text`,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(
      and(
        visibleTo(actor),
        after
          ? or(
              lt(notifications.createdAt, sql`${after.at}::timestamptz`),
              and(
                eq(notifications.createdAt, sql`${after.at}::timestamptz`),
                lt(notifications.id, after.id),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATION_PAGE_SIZE + 1);
  const page = rows.slice(0, NOTIFICATION_PAGE_SIZE);
  const last = page.at(-1);
  return {
    notifications: page.map((row) => ({
      id: row.id,
      kind: row.kind as TNotificationKind,
      actorName: row.actorName,
      link: row.link,
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
    })),
    next: rows.length > NOTIFICATION_PAGE_SIZE && last ? pageCursor.encode(last) : null,
    unread: await unreadCount(db, actor.userId),
  };
}

/** Marks one of mine read (idempotent); someone else's or a held one is a 404. */
export async function markRead(db: Database, actor: SignedInActor, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.id, id), visibleTo(actor)))
      .returning({ id: notifications.id });
    if (!row) throw new AppError('not_found', 'This notification does not exist.');
    // The person's other open tabs update their count.
    await appendLiveEvent(tx, [actor.userId], 'count', {});
    return { unread: await unreadCount(tx, actor.userId) };
  });
}

export async function markAllRead(db: Database, actor: SignedInActor) {
  return db.transaction(async (tx) => {
    await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(visibleTo(actor), isNull(notifications.readAt)));
    await appendLiveEvent(tx, [actor.userId], 'count', {});
    return { unread: await unreadCount(tx, actor.userId) };
  });
}

const DEFAULTS: TNotificationPreferencesBody = {
  channels: {
    comment: 'in_app',
    reply: 'in_app',
    shared: 'in_app',
    therapist: 'in_app',
    reminder: 'in_app',
    review: 'in_app',
    hard_date: 'in_app',
  },
  quietHours: null,
  timeZone: null,
  commentDefault: 'all',
};

type PrefRow = typeof notificationPreferences.$inferSelect;

function present(row: PrefRow | undefined): TNotificationPreferences {
  if (!row) return { preferences: DEFAULTS, version: 0 };
  const stored = (row.channels ?? {}) as Partial<Record<TNotificationKind, string>>;
  const channel = (kind: TNotificationKind): TChannel =>
    stored[kind] === 'off' || stored[kind] === 'email' ? stored[kind] : 'in_app';
  return {
    preferences: {
      channels: {
        comment: channel('comment'),
        reply: channel('reply'),
        shared: channel('shared'),
        therapist: channel('therapist'),
        reminder: channel('reminder'),
        review: channel('review'),
        hard_date: channel('hard_date'),
      },
      quietHours:
        row.quietStart !== null && row.quietEnd !== null
          ? { start: row.quietStart, end: row.quietEnd }
          : null,
      timeZone: row.timeZone,
      commentDefault:
        row.commentDefault === 'replies' || row.commentDefault === 'none'
          ? row.commentDefault
          : 'all',
    },
    version: row.version,
  };
}

export async function readPreferences(db: Database, actor: SignedInActor) {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(ownRows(actor, notificationPreferences.userId));
  return present(row);
}

function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Saves the whole set when `version` is the stored one (0: none yet); otherwise a 412. */
export async function writePreferences(
  db: Database,
  actor: SignedInActor,
  version: number,
  body: TNotificationPreferencesBody,
): Promise<TNotificationPreferences> {
  if (body.timeZone !== null && !knownTimeZone(body.timeZone)) {
    throw new AppError('validation_failed', 'Please choose a time zone from the list.', {
      'body.timeZone': 'Please choose a time zone from the list.',
    });
  }
  const values = {
    channels: body.channels,
    quietStart: body.quietHours?.start ?? null,
    quietEnd: body.quietHours?.end ?? null,
    timeZone: body.timeZone,
    commentDefault: body.commentDefault,
  };
  return db.transaction(async (tx) => {
    let saved: PrefRow | undefined;
    if (version === 0) {
      [saved] = await tx
        .insert(notificationPreferences)
        .values({ userId: actor.userId, ...values })
        .onConflictDoNothing()
        .returning();
    } else {
      [saved] = await tx
        .update(notificationPreferences)
        .set({
          ...values,
          version: sql`${notificationPreferences.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(
          and(
            ownRows(actor, notificationPreferences.userId),
            eq(notificationPreferences.version, version),
          ),
        )
        .returning();
    }
    if (saved) return present(saved);
    const [current] = await tx
      .select()
      .from(notificationPreferences)
      .where(ownRows(actor, notificationPreferences.userId));
    throw versionConflict(
      present(current),
      'These settings changed in another window. Here they are as saved now; make your change again.',
    );
  });
}
