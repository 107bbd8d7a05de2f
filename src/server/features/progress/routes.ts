import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZProgressResponse } from '#shared/schemas/progress.ts';
import type { ServerContext } from '#server/context.ts';
import { requireSignedIn } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { readProgress } from './service';

export function registerProgressRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/progress',
    {
      schema: {
        tags: ['progress'],
        summary: 'My path so far: check-ins week by week, and steps along the way',
        response: { 200: ZProgressResponse },
      },
      config: { policy: policy('signed-in', 'progress', 'read') },
    },
    async (request) => readProgress(ctx.db, requireSignedIn(request.actor), ctx.features),
  );
}
