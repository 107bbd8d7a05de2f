import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '#shared/schemas/common.ts';
import {
  ZNotificationList,
  ZNotificationListQuery,
  ZNotificationPreferences,
  ZNotificationPreferencesBody,
  ZUnread,
} from '#shared/schemas/notifications.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSignedIn } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import {
  listNotifications,
  markAllRead,
  markRead,
  readPreferences,
  writePreferences,
} from './service';

/** `Last-Event-ID` as the browser sends it back: the number of the last event it saw. */
function lastEventId(header: string | string[] | undefined): number | null {
  return typeof header === 'string' && /^\d{1,15}$/.test(header.trim())
    ? Number(header.trim())
    : null;
}

/**
 * The person's own notifications, their choices, and the live stream. Everyone signed in has
 * them (partners and therapists); nobody reaches anyone else's.
 */
export function registerNotificationRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first, a page at a time, with the unread count',
        querystring: ZNotificationListQuery,
        response: { 200: ZNotificationList },
      },
      config: { policy: policy('signed-in', 'notifications', 'read') },
    },
    async (request) =>
      listNotifications(ctx.db, requireSignedIn(request.actor), request.query.cursor),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notifications read',
        params: ZIdParams,
        response: { 200: ZUnread },
      },
      config: { policy: policy('signed-in', 'notifications', 'update') },
    },
    async (request) => markRead(ctx.db, requireSignedIn(request.actor), request.params.id),
  );

  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my notifications read',
        response: { 200: ZUnread },
      },
      config: { policy: policy('signed-in', 'notifications', 'update') },
    },
    async (request) => markAllRead(ctx.db, requireSignedIn(request.actor)),
  );

  app.get(
    '/api/notifications/preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'What I am notified of, quiet hours and my time zone (ETag: the version)',
        response: { 200: ZNotificationPreferences },
      },
      config: { policy: policy('signed-in', 'notifications', 'read') },
    },
    async (request, reply) => {
      const current = await readPreferences(ctx.db, requireSignedIn(request.actor));
      setVersionTag(reply, current.version);
      return current;
    },
  );

  app.put(
    '/api/notifications/preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Save my notification choices (If-Match: the version they started from)',
        body: ZNotificationPreferencesBody,
        response: { 200: ZNotificationPreferences },
      },
      config: { policy: policy('signed-in', 'notifications', 'update') },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const saved = await writePreferences(
        ctx.db,
        requireSignedIn(request.actor),
        version,
        request.body,
      );
      setVersionTag(reply, saved.version);
      return saved;
    },
  );

  app.get(
    '/api/notifications/stream',
    {
      schema: {
        tags: ['notifications'],
        summary:
          'Live events (text/event-stream): the unread count, new notifications, changes to reread; resumes after Last-Event-ID',
      },
      config: { policy: policy('signed-in', 'notifications', 'read') },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request.actor);
      const stream = await ctx.live.open(
        { userId: actor.userId, sessionId: actor.sessionId, spaceId: actor.space?.id ?? null },
        lastEventId(request.headers['last-event-id']),
      );
      // The browser went away (a closed tab, a reconnect): forget the stream.
      reply.raw.once('close', () => stream.close());
      void reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-accel-buffering', 'no');
      return reply.send(stream.body);
    },
  );
}
