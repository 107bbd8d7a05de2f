import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '#shared/schemas/common.ts';
import {
  ZChangeInjuryBody,
  ZInjuryList,
  ZInjuryNoteBody,
  ZInjuryResponse,
  ZNameInjuryBody,
  ZProposeRolesBody,
  type TInjury,
} from '#shared/schemas/injuries.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSignedIn, requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import {
  archiveInjury,
  changeKindOrMonth,
  confirmRoles,
  getInjury,
  listInjuries,
  nameInjury,
  proposeRoles,
  saveNote,
} from './service';

/** Every answer carrying one injury also carries its version as the ETag. */
function reply(replyTo: FastifyReply, injury: TInjury) {
  setVersionTag(replyTo, injury.version);
  return { injury };
}

export function registerInjuryRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['injuries'];

  app.get(
    '/api/injuries',
    {
      schema: {
        tags,
        summary: 'The injuries named in my space, and my own earlier private notes',
        response: { 200: ZInjuryList },
      },
      config: { policy: policy('signed-in', 'injury', 'read') },
    },
    async (request) => listInjuries(ctx.db, requireSignedIn(request.actor)),
  );

  app.post(
    '/api/injuries',
    {
      schema: {
        tags,
        summary: 'Name an injury and propose the roles (joint work)',
        body: ZNameInjuryBody,
        response: { 201: ZInjuryResponse },
      },
      config: { policy: policy('space-member', 'injury', 'create') },
    },
    async (request, replyTo) => {
      const injury = await nameInjury(ctx.db, requireSpaceMember(request.actor), request.body);
      return replyTo.status(201).send(reply(replyTo, injury));
    },
  );

  app.get(
    '/api/injuries/:id',
    {
      schema: {
        tags,
        summary: 'One injury, with its version as the ETag',
        params: ZIdParams,
        response: { 200: ZInjuryResponse },
      },
      config: { policy: policy('space-member', 'injury', 'read') },
    },
    async (request, replyTo) =>
      reply(replyTo, await getInjury(ctx.db, requireSpaceMember(request.actor), request.params.id)),
  );

  app.patch(
    '/api/injuries/:id',
    {
      schema: {
        tags,
        summary: 'Change the kind or the month (If-Match); both confirm again',
        params: ZIdParams,
        body: ZChangeInjuryBody,
        response: { 200: ZInjuryResponse },
      },
      config: { policy: policy('space-member', 'injury', 'update') },
    },
    async (request, replyTo) => {
      const ifMatch = requireIfMatch(request);
      const actor = requireSpaceMember(request.actor);
      return reply(
        replyTo,
        await changeKindOrMonth(ctx.db, actor, request.params.id, ifMatch, request.body),
      );
    },
  );

  app.post(
    '/api/injuries/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the roles as suggested (If-Match)',
        params: ZIdParams,
        response: { 200: ZInjuryResponse },
      },
      config: { policy: policy('space-member', 'injury', 'update') },
    },
    async (request, replyTo) => {
      const ifMatch = requireIfMatch(request);
      const actor = requireSpaceMember(request.actor);
      return reply(replyTo, await confirmRoles(ctx.db, actor, request.params.id, ifMatch));
    },
  );

  app.post(
    '/api/injuries/:id/roles',
    {
      schema: {
        tags,
        summary: 'Suggest the roles, saying which one is mine (If-Match); the other confirms',
        params: ZIdParams,
        body: ZProposeRolesBody,
        response: { 200: ZInjuryResponse },
      },
      config: { policy: policy('space-member', 'injury', 'update') },
    },
    async (request, replyTo) => {
      const ifMatch = requireIfMatch(request);
      const actor = requireSpaceMember(request.actor);
      return reply(
        replyTo,
        await proposeRoles(ctx.db, actor, request.params.id, ifMatch, request.body.myRole),
      );
    },
  );

  app.post(
    '/api/injuries/:id/archive',
    {
      schema: {
        tags,
        summary: 'Put an injury away (If-Match); nothing is deleted',
        params: ZIdParams,
        response: { 200: ZInjuryResponse },
      },
      config: { policy: policy('space-member', 'injury', 'update') },
    },
    async (request, replyTo) => {
      const ifMatch = requireIfMatch(request);
      const actor = requireSpaceMember(request.actor);
      return reply(replyTo, await archiveInjury(ctx.db, actor, request.params.id, ifMatch, true));
    },
  );

  app.post(
    '/api/injuries/:id/restore',
    {
      schema: {
        tags,
        summary: 'Bring back an injury that was put away (If-Match)',
        params: ZIdParams,
        response: { 200: ZInjuryResponse },
      },
      config: { policy: policy('space-member', 'injury', 'update') },
    },
    async (request, replyTo) => {
      const ifMatch = requireIfMatch(request);
      const actor = requireSpaceMember(request.actor);
      return reply(replyTo, await archiveInjury(ctx.db, actor, request.params.id, ifMatch, false));
    },
  );

  app.put(
    '/api/injuries/:id/note',
    {
      schema: {
        tags,
        summary: 'My private note on an injury (only I ever read it)',
        params: ZIdParams,
        body: ZInjuryNoteBody,
        response: { 200: ZInjuryResponse },
      },
      config: { policy: policy('space-member', 'injury-note', 'update') },
    },
    async (request, replyTo) => {
      const actor = requireSpaceMember(request.actor);
      return reply(replyTo, await saveNote(ctx.db, actor, request.params.id, request.body.note));
    },
  );
}
