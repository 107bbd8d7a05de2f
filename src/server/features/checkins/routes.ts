import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCheckinBody,
  ZCheckinDayParams,
  ZCheckinDetail,
  ZCheckinForDay,
  ZCheckinResponse,
  ZTimeline,
  ZTimelineQuery,
} from '#shared/schemas/checkins.ts';
import { ZIdParams, ZTherapistShareBody } from '#shared/schemas/common.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSignedIn, requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import {
  makeCheckinPrivate,
  readCheckin,
  readMyCheckinForDay,
  readTimeline,
  setCheckinTherapistShare,
  shareCheckin,
  writeCheckin,
} from './service';

/**
 * The daily check-in. Writing and reading my own works alone, with or without a space; sharing
 * needs a partner. Routes carry ids and dates only, never what anyone wrote.
 */
export function registerCheckinRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['checkins'];

  app.get(
    '/api/checkins',
    {
      schema: {
        tags,
        summary: 'My check-ins and those my partner shared with me, newest first, a page at a time',
        querystring: ZTimelineQuery,
        response: { 200: ZTimeline },
      },
      config: { policy: policy('signed-in', 'checkin', 'read') },
    },
    async (request) => readTimeline(ctx.db, requireSignedIn(request.actor), request.query),
  );

  app.get(
    '/api/checkins/mine/:day',
    {
      schema: {
        tags,
        summary: 'My check-in for one day (my own local date), if I wrote one',
        params: ZCheckinDayParams,
        response: { 200: ZCheckinForDay },
      },
      config: { policy: policy('signed-in', 'checkin', 'read') },
    },
    async (request, reply) => {
      const checkin = await readMyCheckinForDay(
        ctx.db,
        requireSignedIn(request.actor),
        request.params.day,
      );
      if (checkin?.version) setVersionTag(reply, checkin.version);
      return { checkin };
    },
  );

  app.put(
    '/api/checkins/mine/:day',
    {
      schema: {
        tags,
        summary:
          'Write my check-in for one day; writing again edits it (If-Match once my partner has seen it)',
        params: ZCheckinDayParams,
        body: ZCheckinBody,
        response: { 200: ZCheckinResponse, 201: ZCheckinResponse },
      },
      config: { policy: policy('signed-in', 'checkin', 'update') },
    },
    async (request, reply) => {
      const { checkin, created } = await writeCheckin(
        ctx.db,
        requireSignedIn(request.actor),
        request.params.day,
        request.body,
        (required) =>
          required || request.headers['if-match'] !== undefined
            ? requireIfMatch(request)
            : undefined,
      );
      setVersionTag(reply, checkin.version!);
      return reply.status(created ? 201 : 200).send({ checkin });
    },
  );

  app.get(
    '/api/checkins/:id',
    {
      schema: {
        tags,
        summary: 'One check-in, with the earlier versions this reader saw before it was edited',
        params: ZIdParams,
        response: { 200: ZCheckinDetail },
      },
      config: { policy: policy('signed-in', 'checkin', 'read') },
    },
    async (request, reply) => {
      const detail = await readCheckin(ctx.db, requireSignedIn(request.actor), request.params.id);
      if (detail.checkin.version) setVersionTag(reply, detail.checkin.version);
      return detail;
    },
  );

  app.post(
    '/api/checkins/:id/share',
    {
      schema: {
        tags,
        summary: 'Share my check-in with my partner now',
        params: ZIdParams,
        response: { 200: ZCheckinResponse },
      },
      config: { policy: policy('space-member', 'checkin', 'update') },
    },
    async (request) => ({
      checkin: await shareCheckin(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        'now',
      ),
    }),
  );

  app.post(
    '/api/checkins/:id/share-when-both',
    {
      schema: {
        tags,
        summary:
          "Share my check-in once my partner's for the same day is in too: both appear to both at once",
        params: ZIdParams,
        response: { 200: ZCheckinResponse },
      },
      config: { policy: policy('space-member', 'checkin', 'update') },
    },
    async (request) => ({
      checkin: await shareCheckin(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        'when-both',
      ),
    }),
  );

  app.post(
    '/api/checkins/:id/private',
    {
      schema: {
        tags,
        summary: 'Make my check-in private again (never paused)',
        params: ZIdParams,
        response: { 200: ZCheckinResponse },
      },
      config: { policy: policy('signed-in', 'checkin', 'update') },
    },
    async (request) => ({
      checkin: await makeCheckinPrivate(ctx.db, requireSignedIn(request.actor), request.params.id),
    }),
  );

  app.put(
    '/api/checkins/:id/therapist',
    {
      schema: {
        tags,
        summary:
          'Share my check-in with our therapist, or stop sharing it with them (separate from my partner; never paused)',
        params: ZIdParams,
        body: ZTherapistShareBody,
        response: { 200: ZCheckinResponse },
      },
      config: { policy: policy('signed-in', 'checkin', 'update') },
    },
    async (request) => ({
      checkin: await setCheckinTherapistShare(
        ctx.db,
        requireSignedIn(request.actor),
        request.params.id,
        request.body.shared,
      ),
    }),
  );
}
