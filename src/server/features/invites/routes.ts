import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams, ZOk } from '#shared/schemas/common.ts';
import {
  ZCreatedInvite,
  ZInviteList,
  ZInvitePreview,
  ZInviteTokenBody,
} from '#shared/schemas/invites.ts';
import { ZSpaceResponse } from '#shared/schemas/space.ts';
import type { ServerContext } from '#server/context.ts';
import { requireSignedIn, requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import {
  acceptInvite,
  createInvite,
  listActiveInvites,
  previewInvite,
  revokeInvite,
} from './service';

export function registerInviteRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const rateLimit = { max: ctx.config.authRateLimitPerMinute, timeWindow: 60_000 };

  app.get(
    '/api/invites',
    {
      schema: {
        tags: ['invites'],
        summary: 'The usable invite links of my space',
        response: { 200: ZInviteList },
      },
      config: { policy: policy('space-member', 'invite', 'read') },
    },
    async (request) => ({
      invites: await listActiveInvites(ctx.db, requireSpaceMember(request.actor)),
    }),
  );

  app.post(
    '/api/invites',
    {
      schema: {
        tags: ['invites'],
        summary: 'Make an invite link for my partner (replaces an earlier link)',
        response: { 201: ZCreatedInvite },
      },
      config: { policy: policy('space-member', 'invite', 'create') },
    },
    async (request, reply) => {
      const invite = await createInvite(ctx.db, requireSpaceMember(request.actor));
      return reply.status(201).send(invite);
    },
  );

  app.delete(
    '/api/invites/:id',
    {
      schema: {
        tags: ['invites'],
        summary: 'Cancel an invite link',
        params: ZIdParams,
        response: { 200: ZOk },
      },
      config: { policy: policy('space-member', 'invite', 'delete') },
    },
    async (request) => {
      await revokeInvite(ctx.db, requireSpaceMember(request.actor), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/invites/preview',
    {
      schema: {
        tags: ['invites'],
        summary: 'Who sent this invite link (the token is the secret)',
        body: ZInviteTokenBody,
        response: { 200: ZInvitePreview },
      },
      config: { policy: policy('public', 'invite', 'read'), rateLimit },
    },
    async (request) => previewInvite(ctx.db, request.body.token),
  );

  app.post(
    '/api/invites/accept',
    {
      schema: {
        tags: ['invites'],
        summary: 'Join the space behind an invite link',
        body: ZInviteTokenBody,
        response: { 200: ZSpaceResponse },
      },
      config: { policy: policy('signed-in', 'invite', 'update'), rateLimit },
    },
    async (request) => ({
      space: await acceptInvite(ctx.db, requireSignedIn(request.actor), request.body.token),
    }),
  );
}
