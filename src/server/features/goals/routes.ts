import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '#shared/schemas/common.ts';
import {
  ZGoalInput,
  ZGoalResponse,
  ZGoalsView,
  ZHardDateInput,
  ZHardDatePartInput,
  ZHardDateResponse,
  ZMilestoneInput,
  ZMilestoneResponse,
  ZReachedBody,
  ZReviewInput,
  ZReviewView,
  ZSetAsideBody,
} from '#shared/schemas/goals.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { finishMyReview, readReview, reopenMyReview, saveMyReview } from './review';
import {
  addMilestone,
  agreeToGoal,
  createGoal,
  createHardDate,
  markMilestone,
  readGoalsView,
  saveMyPart,
  setGoalAside,
  setHardDateAside,
  updateGoal,
  updateHardDate,
  updateMilestone,
} from './service';

/**
 * Moving forward (`/api/goals`, members of a space): the couple's goals and their milestones, the
 * hard-dates plan, and the progress review. Shared rows carry their version in the body and in
 * `ETag`; every change of one needs `If-Match` (412 with the row as it is now).
 */
export function registerGoalRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['goals'];
  const queries = ctx.features.queries;
  const member = (action: 'read' | 'create' | 'update', resource = 'goal') => ({
    policy: policy('space-member', resource, action),
  });

  app.get(
    '/api/goals',
    {
      schema: {
        tags,
        summary: 'Our goals with their milestones, and our hard-dates plan',
        response: { 200: ZGoalsView },
      },
      config: member('read'),
    },
    async (request) => readGoalsView(ctx.db, queries, requireSpaceMember(request.actor)),
  );

  app.post(
    '/api/goals',
    {
      schema: {
        tags,
        summary: 'Propose a goal',
        body: ZGoalInput,
        response: { 201: ZGoalResponse },
      },
      config: member('create'),
    },
    async (request, reply) => {
      const goal = await createGoal(
        ctx.db,
        queries,
        requireSpaceMember(request.actor),
        request.body,
      );
      setVersionTag(reply, goal.version);
      return reply.status(201).send({ goal });
    },
  );

  app.put(
    '/api/goals/:id',
    {
      schema: {
        tags,
        summary: 'Change a goal (If-Match: the version you started from)',
        params: ZIdParams,
        body: ZGoalInput,
        response: { 200: ZGoalResponse },
      },
      config: member('update'),
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const goal = await updateGoal(
        ctx.db,
        queries,
        actor,
        request.params.id,
        expected,
        request.body,
      );
      setVersionTag(reply, goal.version);
      return { goal };
    },
  );

  app.put(
    '/api/goals/:id/agreement',
    {
      schema: {
        tags,
        summary: 'Take on a goal my partner proposed (If-Match: the version I read)',
        params: ZIdParams,
        response: { 200: ZGoalResponse },
      },
      config: member('update'),
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const goal = await agreeToGoal(ctx.db, queries, actor, request.params.id, expected);
      setVersionTag(reply, goal.version);
      return { goal };
    },
  );

  app.put(
    '/api/goals/:id/aside',
    {
      schema: {
        tags,
        summary: 'Set a goal aside, or bring it back (If-Match)',
        params: ZIdParams,
        body: ZSetAsideBody,
        response: { 200: ZGoalResponse },
      },
      config: member('update'),
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const goal = await setGoalAside(
        ctx.db,
        queries,
        actor,
        request.params.id,
        expected,
        request.body.setAside,
      );
      setVersionTag(reply, goal.version);
      return { goal };
    },
  );

  app.post(
    '/api/goals/:id/milestones',
    {
      schema: {
        tags,
        summary: 'Add a step on the way to a goal',
        params: ZIdParams,
        body: ZMilestoneInput,
        response: { 201: ZGoalResponse },
      },
      config: member('create', 'goal-milestone'),
    },
    async (request, reply) => {
      const goal = await addMilestone(
        ctx.db,
        queries,
        requireSpaceMember(request.actor),
        request.params.id,
        request.body,
      );
      return reply.status(201).send({ goal });
    },
  );

  app.put(
    '/api/goals/milestones/:id',
    {
      schema: {
        tags,
        summary: 'Change a step (If-Match: the version you started from)',
        params: ZIdParams,
        body: ZMilestoneInput,
        response: { 200: ZMilestoneResponse },
      },
      config: member('update', 'goal-milestone'),
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const milestone = await updateMilestone(
        ctx.db,
        queries,
        actor,
        request.params.id,
        expected,
        request.body,
      );
      setVersionTag(reply, milestone.version);
      return { milestone };
    },
  );

  app.put(
    '/api/goals/milestones/:id/reached',
    {
      schema: {
        tags,
        summary: 'Mark a step reached, or not reached after all (If-Match)',
        params: ZIdParams,
        body: ZReachedBody,
        response: { 200: ZMilestoneResponse },
      },
      config: member('update', 'goal-milestone'),
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const milestone = await markMilestone(
        ctx.db,
        queries,
        actor,
        request.params.id,
        expected,
        request.body.reached,
      );
      setVersionTag(reply, milestone.version);
      return { milestone };
    },
  );

  app.post(
    '/api/goals/hard-dates',
    {
      schema: {
        tags,
        summary: 'Add a date that may be hard to our plan',
        body: ZHardDateInput,
        response: { 201: ZHardDateResponse },
      },
      config: member('create', 'hard-date'),
    },
    async (request, reply) => {
      const hardDate = await createHardDate(
        ctx.db,
        queries,
        requireSpaceMember(request.actor),
        request.body,
      );
      setVersionTag(reply, hardDate.version);
      return reply.status(201).send({ hardDate });
    },
  );

  app.put(
    '/api/goals/hard-dates/:id',
    {
      schema: {
        tags,
        summary: 'Change a hard date (If-Match: the version you started from)',
        params: ZIdParams,
        body: ZHardDateInput,
        response: { 200: ZHardDateResponse },
      },
      config: member('update', 'hard-date'),
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const hardDate = await updateHardDate(
        ctx.db,
        queries,
        actor,
        request.params.id,
        expected,
        request.body,
      );
      setVersionTag(reply, hardDate.version);
      return { hardDate };
    },
  );

  app.put(
    '/api/goals/hard-dates/:id/aside',
    {
      schema: {
        tags,
        summary: 'Set a hard date aside, or bring it back (If-Match)',
        params: ZIdParams,
        body: ZSetAsideBody,
        response: { 200: ZHardDateResponse },
      },
      config: member('update', 'hard-date'),
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const hardDate = await setHardDateAside(
        ctx.db,
        queries,
        actor,
        request.params.id,
        expected,
        request.body.setAside,
      );
      setVersionTag(reply, hardDate.version);
      return { hardDate };
    },
  );

  app.put(
    '/api/goals/hard-dates/:id/my-part',
    {
      schema: {
        tags,
        summary: 'Write what I will do on this date (my partner reads it)',
        params: ZIdParams,
        body: ZHardDatePartInput,
        response: { 200: ZHardDateResponse },
      },
      config: member('update', 'hard-date'),
    },
    async (request) => ({
      hardDate: await saveMyPart(
        ctx.db,
        queries,
        requireSpaceMember(request.actor),
        request.params.id,
        request.body.plan,
      ),
    }),
  );

  app.get(
    '/api/goals/review',
    {
      schema: {
        tags,
        summary: 'My answers to this round of the progress review, and the rounds we both finished',
        response: { 200: ZReviewView },
      },
      config: member('read', 'progress-review'),
    },
    async (request) => readReview(ctx.db, queries, requireSpaceMember(request.actor)),
  );

  app.put(
    '/api/goals/review/mine',
    {
      schema: {
        tags,
        summary: 'Save my answers to this round (private until we have both finished)',
        body: ZReviewInput,
        response: { 200: ZReviewView },
      },
      config: member('update', 'progress-review'),
    },
    async (request) =>
      saveMyReview(ctx.db, queries, requireSpaceMember(request.actor), request.body),
  );

  app.post(
    '/api/goals/review/mine/finish',
    {
      schema: {
        tags,
        summary: 'Finish my answers to this round',
        response: { 200: ZReviewView },
      },
      config: member('update', 'progress-review'),
    },
    async (request) => finishMyReview(ctx.db, queries, requireSpaceMember(request.actor)),
  );

  app.post(
    '/api/goals/review/mine/reopen',
    {
      schema: {
        tags,
        summary: 'Open my finished answers again (while my partner has not finished)',
        response: { 200: ZReviewView },
      },
      config: member('update', 'progress-review'),
    },
    async (request) => reopenMyReview(ctx.db, queries, requireSpaceMember(request.actor)),
  );
}
