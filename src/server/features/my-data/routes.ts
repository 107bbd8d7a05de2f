import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '#shared/errors.ts';
import { EXPORT_ESTIMATE_HEADER, ZErasureStatus } from '#shared/schemas/my-data.ts';
import { requireRecentStepUp } from '#server/auth/step-up.ts';
import type { ServerContext } from '#server/context.ts';
import { requireSignedIn } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import {
  cancelErasure,
  ERASE_JOB,
  erasureScheduleOf,
  executeErasure,
  scheduleErasure,
  type ErasureSchedule,
} from './erasure';
import { estimateExportBytes, exportZip } from './export';

function present(schedule: ErasureSchedule | null) {
  return {
    scheduled: schedule
      ? {
          requestedAt: schedule.requestedAt.toISOString(),
          executeAt: schedule.executeAt.toISOString(),
        }
      : null,
  };
}

const ZEraseJob = z.object({ userId: z.uuid() });

export function registerMyDataRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db, config } = ctx;

  // The job that carries out an erasure when its seven days are over; harmless when cancelled.
  ctx.jobs.handle(ERASE_JOB, async (payload) => {
    await executeErasure(db, ZEraseJob.parse(payload).userId, ctx.features);
  });

  app.get(
    '/api/my-data/export',
    {
      schema: {
        tags: ['my-data'],
        summary:
          'Download everything I wrote and what was shared with me, as a zip (needs a recent step-up)',
        produces: ['application/zip'],
      },
      config: {
        policy: policy('signed-in', 'my-data', 'read'),
        rateLimit: { max: config.authRateLimitPerMinute, timeWindow: 60_000 },
      },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request.actor);
      await requireRecentStepUp(db, actor);
      const estimate = await estimateExportBytes(db, actor, ctx.features);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="my-data-${day}.zip"`)
        .header(EXPORT_ESTIMATE_HEADER, String(estimate))
        .send(exportZip(db, actor, ctx.features));
    },
  );

  app.get(
    '/api/my-data/erasure',
    {
      schema: {
        tags: ['my-data'],
        summary: 'Whether my account is set to be deleted, and when',
        response: { 200: ZErasureStatus },
      },
      config: { policy: policy('signed-in', 'my-data', 'read') },
    },
    async (request) => present(await erasureScheduleOf(db, requireSignedIn(request.actor).userId)),
  );

  app.post(
    '/api/my-data/erasure',
    {
      schema: {
        tags: ['my-data'],
        summary: 'Delete my account in seven days unless I cancel (needs a recent step-up)',
        response: { 201: ZErasureStatus },
      },
      config: { policy: policy('signed-in', 'my-data', 'delete') },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request.actor);
      await requireRecentStepUp(db, actor);
      const link = new URL('/account', config.publicUrl).toString();
      const schedule = await scheduleErasure(db, actor, link);
      ctx.jobs.nudge();
      return reply.status(201).send(present(schedule));
    },
  );

  app.delete(
    '/api/my-data/erasure',
    {
      schema: {
        tags: ['my-data'],
        summary: 'Cancel the deletion of my account',
        response: { 200: ZErasureStatus },
      },
      config: { policy: policy('signed-in', 'my-data', 'delete') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      if (!(await cancelErasure(db, actor.userId))) throw notFound();
      return present(null);
    },
  );
}
