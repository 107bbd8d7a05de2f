import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '#shared/schemas/common.ts';
import {
  ZForgivenessBody,
  ZForgivenessReflection,
  ZForgivenessShare,
  ZForgivenessShareBody,
  ZForgivenessView,
} from '#shared/schemas/forgiveness.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSignedIn, requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { getView, saveReflection, shareReflection, unshareReflection } from './service';

const tags = ['forgiveness'];

/**
 * The forgiveness reflection: the hurt partner's private, guided writing, and what they choose
 * to share. The partner reaches shared pieces only.
 */
export function registerForgivenessRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const pace = ctx.features.queries;

  app.get(
    '/api/forgiveness',
    {
      schema: {
        tags,
        summary: 'My reflection and what I shared; what my partner shared with me',
        response: { 200: ZForgivenessView },
      },
      config: { policy: policy('signed-in', 'forgiveness', 'read') },
    },
    async (request, reply) => {
      const view = await getView(ctx.db, requireSignedIn(request.actor), pace);
      setVersionTag(reply, view.reflection.version);
      return view;
    },
  );

  app.put(
    '/api/forgiveness/reflection',
    {
      schema: {
        tags,
        summary: 'Save my private reflection (If-Match: the version, "0" for the first save)',
        body: ZForgivenessBody,
        response: { 200: ZForgivenessReflection },
      },
      config: { policy: policy('space-member', 'forgiveness', 'update') },
    },
    async (request, reply) => {
      const saved = await saveReflection(
        ctx.db,
        requireSpaceMember(request.actor),
        pace,
        requireIfMatch(request),
        request.body,
      );
      setVersionTag(reply, saved.version);
      return saved;
    },
  );

  app.post(
    '/api/forgiveness/shares',
    {
      schema: {
        tags,
        summary: 'Share a written reflection with my partner',
        body: ZForgivenessShareBody,
        response: { 201: ZForgivenessShare },
      },
      config: { policy: policy('space-member', 'forgiveness', 'create') },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await shareReflection(ctx.db, requireSpaceMember(request.actor), pace, request.body)),
  );

  app.post(
    '/api/forgiveness/shares/:id/unshare',
    {
      schema: {
        tags,
        summary: 'Take a shared reflection back (always allowed)',
        params: ZIdParams,
        response: { 200: ZForgivenessShare },
      },
      config: { policy: policy('signed-in', 'forgiveness', 'update') },
    },
    async (request) => unshareReflection(ctx.db, requireSignedIn(request.actor), request.params.id),
  );
}
