import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams, ZTherapistShareBody } from '#shared/schemas/common.ts';
import {
  ZHistory,
  ZHistoryQuery,
  ZMeasureList,
  ZMeasureListQuery,
  ZMeasureResponse,
  ZSubmitResponseBody,
  ZSubmittedResponse,
  ZVisibilityBody,
} from '#shared/schemas/measures.ts';
import type { ServerContext } from '#server/context.ts';
import { requireSignedIn } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { loadMeasures, type MeasureRegistry } from './load';
import {
  getResponse,
  listHistory,
  listMeasures,
  setTherapistShare,
  setVisibility,
  submitResponse,
} from './service';

export interface MeasureRouteOptions {
  /** Where the definitions live; `content/measures` unless a test points elsewhere. */
  dir?: string | undefined;
  /** Definitions the app shell already loaded (it shares them with other features). */
  registry?: MeasureRegistry | undefined;
}

/**
 * The measures engine. Definitions are read and checked once, here, while the app is built: a
 * broken file stops the start with a line naming the file and the problem. Every route is open to
 * anyone signed in, with or without a partner: measures work alone too.
 */
export function registerMeasureRoutes(
  root: FastifyInstance,
  ctx: ServerContext,
  options: MeasureRouteOptions = {},
): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const registry = options.registry ?? loadMeasures(options.dir);

  app.get(
    '/api/measures',
    {
      schema: {
        tags: ['measures'],
        summary: 'The check-ins, with whether each is ready to fill this week',
        querystring: ZMeasureListQuery,
        response: { 200: ZMeasureList },
      },
      config: { policy: policy('signed-in', 'measure', 'read') },
    },
    async (request) =>
      listMeasures(
        ctx.db,
        requireSignedIn(request.actor),
        registry,
        request.query.timeZone ?? 'UTC',
      ),
  );

  app.post(
    '/api/measures/responses',
    {
      schema: {
        tags: ['measures'],
        summary: 'Fill in a check-in (saved privately)',
        body: ZSubmitResponseBody,
        response: { 201: ZSubmittedResponse },
      },
      config: { policy: policy('signed-in', 'measure-response', 'create') },
    },
    async (request, reply) => {
      const submitted = await submitResponse(
        ctx.db,
        requireSignedIn(request.actor),
        registry,
        request.body,
      );
      return reply.status(201).send(submitted);
    },
  );

  app.get(
    '/api/measures/responses',
    {
      schema: {
        tags: ['measures'],
        summary: 'My responses to one check-in, or those my partner shared, newest week first',
        querystring: ZHistoryQuery,
        response: { 200: ZHistory },
      },
      config: { policy: policy('signed-in', 'measure-response', 'read') },
    },
    async (request) => listHistory(ctx.db, requireSignedIn(request.actor), registry, request.query),
  );

  app.get(
    '/api/measures/responses/:id',
    {
      schema: {
        tags: ['measures'],
        summary: 'One response: mine, or one my partner shared',
        params: ZIdParams,
        response: { 200: ZMeasureResponse },
      },
      config: { policy: policy('signed-in', 'measure-response', 'read') },
    },
    async (request) =>
      getResponse(ctx.db, requireSignedIn(request.actor), registry, request.params.id),
  );

  app.post(
    '/api/measures/responses/:id/visibility',
    {
      schema: {
        tags: ['measures'],
        summary: 'Share one of my responses with my partner, or make it private again',
        params: ZIdParams,
        body: ZVisibilityBody,
        response: { 200: ZMeasureResponse },
      },
      config: { policy: policy('signed-in', 'measure-response', 'update') },
    },
    async (request) =>
      setVisibility(
        ctx.db,
        requireSignedIn(request.actor),
        registry,
        request.params.id,
        request.body.visibility,
      ),
  );

  app.put(
    '/api/measures/responses/:id/therapist',
    {
      schema: {
        tags: ['measures'],
        summary:
          'Share one of my responses with our therapist, or stop (separate from my partner; never paused)',
        params: ZIdParams,
        body: ZTherapistShareBody,
        response: { 200: ZMeasureResponse },
      },
      config: { policy: policy('signed-in', 'measure-response', 'update') },
    },
    async (request) =>
      setTherapistShare(
        ctx.db,
        requireSignedIn(request.actor),
        registry,
        request.params.id,
        request.body.shared,
      ),
  );
}
