import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZRegionUpdate,
  ZResourcesQuery,
  ZResourcesResponse,
  ZSafetyState,
  ZTabUpdate,
} from '#shared/schemas/safety.ts';
import { AppError } from '#shared/errors.ts';
import type { ServerContext } from '#server/context.ts';
import { requireSignedIn } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { loadSupportResources, type SupportResources } from './resources';
import {
  pauseJointWork,
  readSafetyState,
  resumeJointWork,
  saveNeutralTab,
  saveRegion,
} from './service';

export function registerSafetyRoutes(
  root: FastifyInstance,
  ctx: ServerContext,
  resources: SupportResources = loadSupportResources({
    strict: ctx.config.env !== 'production',
    logger: root.log,
  }),
): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const regionList = resources.regions.map(({ id, name }) => ({ id, name }));
  const knownRegions = new Set(resources.regions.map((r) => r.id));

  app.get(
    '/api/safety/resources',
    {
      schema: {
        tags: ['safety'],
        summary: 'Crisis and support services for a region (anyone may read them)',
        querystring: ZResourcesQuery,
        response: { 200: ZResourcesResponse },
      },
      config: { policy: policy('public', 'support-resources', 'read') },
    },
    async (request) => {
      const region = resources.find(request.query.region);
      return {
        region: { id: region.id, name: region.name },
        regions: regionList,
        services: region.services,
      };
    },
  );

  app.get(
    '/api/safety',
    {
      schema: {
        tags: ['safety'],
        summary: 'Whether I have paused shared exercises, and whether they are open',
        response: { 200: ZSafetyState },
      },
      config: { policy: policy('signed-in', 'safety', 'read') },
    },
    async (request) => readSafetyState(ctx.db, requireSignedIn(request.actor)),
  );

  app.post(
    '/api/safety/pause',
    {
      schema: {
        tags: ['safety'],
        summary: 'Pause shared exercises for our space, quietly (only I can resume my pause)',
        response: { 200: ZSafetyState },
      },
      config: { policy: policy('signed-in', 'safety', 'update') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      await pauseJointWork(ctx.db, actor);
      return readSafetyState(ctx.db, actor);
    },
  );

  app.post(
    '/api/safety/resume',
    {
      schema: {
        tags: ['safety'],
        summary: 'Lift my own pause on shared exercises',
        response: { 200: ZSafetyState },
      },
      config: { policy: policy('signed-in', 'safety', 'update') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      await resumeJointWork(ctx.db, actor);
      return readSafetyState(ctx.db, actor);
    },
  );

  app.put(
    '/api/safety/region',
    {
      schema: {
        tags: ['safety'],
        summary: 'Which region’s support services to show me',
        body: ZRegionUpdate,
        response: { 200: ZSafetyState },
      },
      config: { policy: policy('signed-in', 'safety', 'update') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      const { region } = request.body;
      if (region !== null && !knownRegions.has(region)) {
        throw new AppError('validation_failed', 'Please choose a region from the list.', {
          region: 'We have no support services listed for that region. Choose one from the list.',
        });
      }
      await saveRegion(ctx.db, actor, region);
      return readSafetyState(ctx.db, actor);
    },
  );

  app.put(
    '/api/safety/tab',
    {
      schema: {
        tags: ['safety'],
        summary: 'Show a neutral title ("Notes") and icon in my browser tab',
        body: ZTabUpdate,
        response: { 200: ZSafetyState },
      },
      config: { policy: policy('signed-in', 'safety', 'update') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      await saveNeutralTab(ctx.db, actor, request.body.neutral);
      return readSafetyState(ctx.db, actor);
    },
  );
}
