import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZProgressResponse } from '../../../shared/schemas/progress';
import type { ServerContext } from '../../context';
import { requireSignedIn } from '../../policy/require';
import { policy } from '../../policy/route-policy';
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
