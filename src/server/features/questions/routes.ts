import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams, ZOk } from '#shared/schemas/common.ts';
import {
  ZAnswerBody,
  ZEditQuestionBody,
  ZMarkBody,
  ZNewQuestionBody,
  ZPaceBody,
  ZPaceResponse,
  ZQuestionList,
  ZQuestionListQuery,
  ZQuestionResponse,
  ZQuestionsOverview,
  ZReleaseBody,
  ZReleaseResponse,
  ZTimeBody,
} from '#shared/schemas/questions.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import {
  answerQuestion,
  askForTime,
  createQuestion,
  deleteQuestion,
  editQuestion,
  getOverview,
  getPace,
  getQuestion,
  listQuestions,
  markAnswer,
  releaseQuestions,
  savePace,
} from './service';

const ZInjuryParams = z.object({ injuryId: ZId });

/**
 * The question queue (`/api/questions`), for members of a space. The hurt partner of an injury
 * writes, edits and releases its questions and sets the pace; the involved partner answers,
 * corrects and asks for time; the hurt partner marks answers. A question not released is a 404
 * to everyone but its author, exactly like one that does not exist.
 */
export function registerQuestionRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['questions'];

  app.get(
    '/api/questions',
    {
      schema: {
        tags,
        summary: 'My injuries and roles, whether joint work is open, and my pace for each',
        response: { 200: ZQuestionsOverview },
      },
      config: { policy: policy('space-member', 'question', 'read') },
    },
    async (request) => getOverview(ctx.db, requireSpaceMember(request.actor)),
  );

  app.get(
    '/api/questions/list',
    {
      schema: {
        tags,
        summary: "An injury's questions I may read (drafts are only ever mine), newest first",
        querystring: ZQuestionListQuery,
        response: { 200: ZQuestionList },
      },
      config: { policy: policy('space-member', 'question', 'read') },
    },
    async (request) => listQuestions(ctx.db, requireSpaceMember(request.actor), request.query),
  );

  app.post(
    '/api/questions',
    {
      schema: {
        tags,
        summary: 'Write a question (a private draft) about an injury I was hurt in',
        body: ZNewQuestionBody,
        response: { 201: ZQuestionResponse },
      },
      config: { policy: policy('space-member', 'question', 'create') },
    },
    async (request, reply) => {
      const question = await createQuestion(
        ctx.db,
        requireSpaceMember(request.actor),
        request.body.injuryId,
        request.body.body,
      );
      setVersionTag(reply, question.draftVersion ?? 1);
      return reply.status(201).send({ question });
    },
  );

  app.post(
    '/api/questions/release',
    {
      schema: {
        tags,
        summary: 'Release drafts to my partner, within the pace I chose',
        body: ZReleaseBody,
        response: { 200: ZReleaseResponse },
      },
      config: { policy: policy('space-member', 'question', 'update') },
    },
    async (request) =>
      releaseQuestions(ctx.db, requireSpaceMember(request.actor), request.body.ids),
  );

  app.get(
    '/api/questions/pace/:injuryId',
    {
      schema: {
        tags,
        summary: 'My pace for releasing questions about an injury',
        params: ZInjuryParams,
        response: { 200: ZPaceResponse },
      },
      config: { policy: policy('space-member', 'question-pace', 'read') },
    },
    async (request) => ({
      pace: await getPace(ctx.db, requireSpaceMember(request.actor), request.params.injuryId),
    }),
  );

  app.put(
    '/api/questions/pace/:injuryId',
    {
      schema: {
        tags,
        summary: 'Choose my pace: how many questions may go in a day or a week, and the self-check',
        params: ZInjuryParams,
        body: ZPaceBody,
        response: { 200: ZPaceResponse },
      },
      config: { policy: policy('space-member', 'question-pace', 'update') },
    },
    async (request) => ({
      pace: await savePace(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.injuryId,
        request.body,
      ),
    }),
  );

  app.get(
    '/api/questions/:id',
    {
      schema: {
        tags,
        summary: 'One question with every answer version (ETag: the answer version)',
        params: ZIdParams,
        response: { 200: ZQuestionResponse },
      },
      config: { policy: policy('space-member', 'question', 'read') },
    },
    async (request, reply) => {
      const question = await getQuestion(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
      );
      setVersionTag(reply, question.answerVersion);
      return { question };
    },
  );

  app.put(
    '/api/questions/:id',
    {
      schema: {
        tags,
        summary: 'Edit one of my drafts (If-Match: the draft version)',
        params: ZIdParams,
        body: ZEditQuestionBody,
        response: { 200: ZQuestionResponse },
      },
      config: { policy: policy('space-member', 'question', 'update') },
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const question = await editQuestion(
        ctx.db,
        actor,
        request.params.id,
        expected,
        request.body.body,
      );
      setVersionTag(reply, question.draftVersion ?? expected + 1);
      return { question };
    },
  );

  app.delete(
    '/api/questions/:id',
    {
      schema: {
        tags,
        summary: 'Throw away one of my drafts',
        params: ZIdParams,
        response: { 200: ZOk },
      },
      config: { policy: policy('space-member', 'question', 'delete') },
    },
    async (request) => {
      await deleteQuestion(ctx.db, requireSpaceMember(request.actor), request.params.id);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/questions/:id/answer',
    {
      schema: {
        tags,
        summary: 'Answer, or correct my answer as a new version (If-Match: the answer version)',
        params: ZIdParams,
        body: ZAnswerBody,
        response: { 200: ZQuestionResponse },
      },
      config: { policy: policy('space-member', 'question-answer', 'create') },
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const question = await answerQuestion(
        ctx.db,
        actor,
        request.params.id,
        expected,
        request.body.body,
      );
      setVersionTag(reply, question.answerVersion);
      return { question };
    },
  );

  app.put(
    '/api/questions/:id/time',
    {
      schema: {
        tags,
        summary: 'I need time to answer this well, until a day',
        params: ZIdParams,
        body: ZTimeBody,
        response: { 200: ZQuestionResponse },
      },
      config: { policy: policy('space-member', 'question-answer', 'update') },
    },
    async (request) => ({
      question: await askForTime(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        request.body.until,
      ),
    }),
  );

  app.put(
    '/api/questions/:id/mark',
    {
      schema: {
        tags,
        summary: 'Say what the newest answer did: it helped, I need more, or for our therapist',
        params: ZIdParams,
        body: ZMarkBody,
        response: { 200: ZQuestionResponse },
      },
      config: { policy: policy('space-member', 'question', 'update') },
    },
    async (request) => ({
      question: await markAnswer(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        request.body.mark,
      ),
    }),
  );
}
