import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '#shared/schemas/common.ts';
import {
  ZAnswerBody,
  ZConversation,
  ZListeningOverview,
  ZReflectBody,
  ZShareBody,
} from '#shared/schemas/listening.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSignedIn, requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { getConversation, getOverview, startConversation, takeStep } from './service';

const tags = ['listening'];
const BASE = '/api/listening';

/**
 * Listening turns. Reading the couple's conversations is always allowed; every step is a joint
 * action that opens with the couple's pace and rests while joint work rests.
 */
export function registerListeningRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const queries = ctx.features.queries;

  app.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'Our listening conversations, newest first, and whether they are open to us now',
        response: { 200: ZListeningOverview },
      },
      config: { policy: policy('signed-in', 'listening', 'read') },
    },
    async (request) => getOverview(ctx.db, requireSignedIn(request.actor), queries),
  );

  app.post(
    `${BASE}/conversations`,
    {
      schema: {
        tags,
        summary: 'Start a conversation: I speak first (joint work)',
        body: ZShareBody,
        response: { 201: ZConversation },
      },
      config: { policy: policy('space-member', 'listening', 'create') },
    },
    async (request, reply) => {
      const conversation = await startConversation(
        ctx.db,
        requireSpaceMember(request.actor),
        queries,
        request.body,
      );
      setVersionTag(reply, conversation.version);
      return reply.status(201).send(conversation);
    },
  );

  app.get(
    `${BASE}/conversations/:id`,
    {
      schema: {
        tags,
        summary: 'One conversation, every turn in it',
        params: ZIdParams,
        response: { 200: ZConversation },
      },
      config: { policy: policy('signed-in', 'listening', 'read') },
    },
    async (request, reply) => {
      const conversation = await getConversation(
        ctx.db,
        requireSignedIn(request.actor),
        request.params.id,
      );
      setVersionTag(reply, conversation.version);
      return conversation;
    },
  );

  const steps = [
    {
      path: 'reflections',
      kind: 'reflect',
      body: ZReflectBody,
      summary: 'The listener writes back what they heard (needs If-Match; joint work)',
    },
    {
      path: 'answers',
      kind: 'answer',
      body: ZAnswerBody,
      summary: 'The speaker says whether they felt understood (needs If-Match; joint work)',
    },
    {
      path: 'turns',
      kind: 'new_turn',
      body: ZShareBody,
      summary: 'Start the next turn as its speaker, once the last was heard (needs If-Match)',
    },
  ] as const;

  for (const step of steps) {
    app.post(
      `${BASE}/conversations/:id/${step.path}`,
      {
        schema: {
          tags,
          summary: step.summary,
          params: ZIdParams,
          body: step.body,
          response: { 200: ZConversation },
        },
        config: { policy: policy('space-member', 'listening', 'update') },
      },
      async (request, reply) => {
        const conversation = await takeStep(
          ctx.db,
          requireSpaceMember(request.actor),
          queries,
          request.params.id,
          requireIfMatch(request),
          { kind: step.kind, body: request.body } as Parameters<typeof takeStep>[5],
        );
        setVersionTag(reply, conversation.version);
        return conversation;
      },
    );
  }
}
