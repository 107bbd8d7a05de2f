import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZLinkParams,
  ZMessageResponse,
  ZOlderQuery,
  ZPartnerMessageBody,
  ZPartnerMessagesResponse,
  ZTherapistConversation,
  ZTherapistMessageBody,
  ZThreadView,
} from '#shared/schemas/messages.ts';
import type { ServerContext } from '#server/context.ts';
import { requireSignedIn, requireSpaceMember, requireTherapist } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import {
  olderMessages,
  partnerConversations,
  therapistConversation,
  writeAsPartner,
  writeAsTherapist,
} from './service';

/**
 * Messages between a couple and their therapist: the couple thread (all three) and one private
 * thread per partner (that partner and the therapist). Partners read a link's history even after
 * it ended; everyone writes only while it is active. There is no edit route: a message once sent
 * stays as it was sent.
 */
export function registerMessageRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/messages',
    {
      schema: {
        tags: ['messages'],
        summary: 'My conversations with our therapists: the couple thread and my private thread',
        response: { 200: ZPartnerMessagesResponse },
      },
      config: { policy: policy('space-member', 'messages', 'read') },
    },
    async (request) => ({
      conversations: await partnerConversations(ctx.db, requireSpaceMember(request.actor)),
    }),
  );

  app.post(
    '/api/messages',
    {
      schema: {
        tags: ['messages'],
        summary:
          'Write to all three of us, or privately to the therapist (only while the link is active)',
        body: ZPartnerMessageBody,
        response: { 201: ZMessageResponse },
      },
      config: { policy: policy('space-member', 'messages', 'create') },
    },
    async (request, reply) => {
      const message = await writeAsPartner(ctx.db, requireSpaceMember(request.actor), request.body);
      return reply.status(201).send({ message });
    },
  );

  app.get(
    '/api/messages/older',
    {
      schema: {
        tags: ['messages'],
        summary: 'Older messages of one thread I may read, before a page position',
        querystring: ZOlderQuery,
        response: { 200: ZThreadView },
      },
      config: { policy: policy('signed-in', 'messages', 'read') },
    },
    async (request) => olderMessages(ctx.db, requireSignedIn(request.actor), request.query),
  );

  app.get(
    '/api/messages/couples/:linkId',
    {
      schema: {
        tags: ['messages'],
        summary: 'A couple I work with: their couple thread and each partner’s private thread',
        params: ZLinkParams,
        response: { 200: ZTherapistConversation },
      },
      config: { policy: policy('therapist', 'messages', 'read') },
    },
    async (request) =>
      therapistConversation(ctx.db, requireTherapist(request.actor), request.params.linkId),
  );

  app.post(
    '/api/messages/couples/:linkId',
    {
      schema: {
        tags: ['messages'],
        summary: 'Write to the couple, or privately to one partner',
        params: ZLinkParams,
        body: ZTherapistMessageBody,
        response: { 201: ZMessageResponse },
      },
      config: { policy: policy('therapist', 'messages', 'create') },
    },
    async (request, reply) => {
      const message = await writeAsTherapist(
        ctx.db,
        requireTherapist(request.actor),
        request.params.linkId,
        request.body,
      );
      return reply.status(201).send({ message });
    },
  );
}
