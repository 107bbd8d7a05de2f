import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAccessLogPage, ZAccessLogQuery } from '#shared/schemas/access-log.ts';
import type { ServerContext } from '#server/context.ts';
import { requireSignedIn } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { readAccessLog } from './service';

/**
 * Who opened what I shared: each time a therapist opened one of my items. Everyone signed in may
 * ask and sees only entries about their own items, so a partner never sees the other's entries.
 */
export function registerAccessLogRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/access-log',
    {
      schema: {
        tags: ['access-log'],
        summary: 'When a therapist opened one of my items, newest first, a page at a time',
        querystring: ZAccessLogQuery,
        response: { 200: ZAccessLogPage },
      },
      config: { policy: policy('signed-in', 'access-log', 'read') },
    },
    async (request) =>
      readAccessLog(ctx.db, requireSignedIn(request.actor), request.query, ctx.features.shareable),
  );
}
