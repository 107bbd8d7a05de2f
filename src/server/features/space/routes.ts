import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOk } from '#shared/schemas/common.ts';
import { ZSpaceResponse, ZSpaceTherapist } from '#shared/schemas/space.ts';
import type { ServerContext } from '#server/context.ts';
import { requireSignedIn, requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { hasActiveTherapist } from '#server/policy/therapist-share.ts';
import { createSpace, leaveSpace, presentSpace } from './service';

export function registerSpaceRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/space',
    {
      schema: {
        tags: ['space'],
        summary: 'My space and my partner',
        response: { 200: ZSpaceResponse },
      },
      config: { policy: policy('signed-in', 'space', 'read') },
    },
    // The actor was loaded with its space and partner in the session query: no other read.
    async (request) => {
      const actor = requireSignedIn(request.actor);
      return { space: actor.space ? presentSpace(actor.space) : null };
    },
  );

  app.get(
    '/api/space/therapist',
    {
      schema: {
        tags: ['space'],
        summary: 'Whether the two of us have an active therapist',
        response: { 200: ZSpaceTherapist },
      },
      config: { policy: policy('signed-in', 'space', 'read') },
    },
    async (request) => ({
      therapist: await hasActiveTherapist(ctx.db, requireSignedIn(request.actor)),
    }),
  );

  app.post(
    '/api/space',
    {
      schema: {
        tags: ['space'],
        summary: 'Create our private space',
        response: { 201: ZSpaceResponse },
      },
      config: { policy: policy('signed-in', 'space', 'create') },
    },
    async (request, reply) => {
      const space = await createSpace(ctx.db, requireSignedIn(request.actor));
      return reply.status(201).send({ space });
    },
  );

  app.post(
    '/api/space/leave',
    {
      schema: { tags: ['space'], summary: 'Leave the space', response: { 200: ZOk } },
      config: { policy: policy('space-member', 'space', 'update') },
    },
    async (request) => {
      await leaveSpace(ctx.db, requireSpaceMember(request.actor));
      return { ok: true as const };
    },
  );
}
