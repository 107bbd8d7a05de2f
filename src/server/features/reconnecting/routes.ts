import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams, ZOk } from '#shared/schemas/common.ts';
import {
  ZAppreciationInput,
  ZAppreciationResponse,
  ZDateIdeaInput,
  ZDateNoteInput,
  ZDatePlanInput,
  ZDatePlanResponse,
  ZPacingInput,
  ZPacingResponse,
  ZReconnectingView,
  ZRitualInput,
  ZRitualResponse,
} from '#shared/schemas/reconnecting.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import {
  addDateIdea,
  agreePacing,
  agreeRitual,
  changeRitual,
  markAppreciationsSeen,
  pausePacing,
  planDate,
  proposePacing,
  proposeRitual,
  readReconnecting,
  resumePacing,
  sendAppreciation,
  setDateAside,
  setRitualAside,
  shareDateNote,
  withdrawAppreciation,
  writeDateNote,
} from './service';

/**
 * `/api/reconnecting`: the couple's rituals of connection, appreciations, date plans and intimacy
 * pacing agreement, for members of a space. Shared things are changed with `If-Match` (the
 * version in the item) and a stale change gets 412 with the item as it is now.
 */
export function registerReconnectingRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['reconnecting'];
  const queries = ctx.features.queries;
  const member = (action: 'read' | 'create' | 'update' | 'delete', resource = 'reconnecting') => ({
    policy: policy('space-member', resource, action),
  });

  app.get(
    '/api/reconnecting',
    {
      schema: {
        tags,
        summary: 'Our rituals, appreciations, dates and pacing agreement',
        response: { 200: ZReconnectingView },
      },
      config: member('read'),
    },
    async (request) => readReconnecting(ctx.db, queries, requireSpaceMember(request.actor)),
  );

  /* Rituals */

  app.post(
    '/api/reconnecting/rituals',
    {
      schema: {
        tags,
        summary: 'Propose a ritual of connection (active once my partner agrees)',
        body: ZRitualInput,
        response: { 201: ZRitualResponse },
      },
      config: member('create', 'reconnecting-ritual'),
    },
    async (request, reply) => {
      const ritual = await proposeRitual(
        ctx.db,
        queries,
        requireSpaceMember(request.actor),
        request.body,
      );
      setVersionTag(reply, ritual.version);
      return reply.status(201).send({ ritual });
    },
  );

  app.put(
    '/api/reconnecting/rituals/:id',
    {
      schema: {
        tags,
        summary: 'Change a ritual (If-Match: its version); my partner agrees to the change',
        params: ZIdParams,
        body: ZRitualInput,
        response: { 200: ZRitualResponse },
      },
      config: member('update', 'reconnecting-ritual'),
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const ritual = await changeRitual(
        ctx.db,
        queries,
        actor,
        request.params.id,
        expected,
        request.body,
      );
      setVersionTag(reply, ritual.version);
      return { ritual };
    },
  );

  app.post(
    '/api/reconnecting/rituals/:id/agree',
    {
      schema: {
        tags,
        summary: 'I agree to the ritual my partner proposed (If-Match: the version I read)',
        params: ZIdParams,
        response: { 200: ZRitualResponse },
      },
      config: member('update', 'reconnecting-ritual'),
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const ritual = await agreeRitual(ctx.db, queries, actor, request.params.id, expected);
      setVersionTag(reply, ritual.version);
      return { ritual };
    },
  );

  app.post(
    '/api/reconnecting/rituals/:id/set-aside',
    {
      schema: {
        tags,
        summary: 'Set a ritual aside (either of us, at any time)',
        params: ZIdParams,
        response: { 200: ZOk },
      },
      config: member('update', 'reconnecting-ritual'),
    },
    async (request) => {
      await setRitualAside(ctx.db, requireSpaceMember(request.actor), request.params.id);
      return { ok: true as const };
    },
  );

  /* Appreciations */

  app.post(
    '/api/reconnecting/appreciations',
    {
      schema: {
        tags,
        summary: 'Send my partner a short note of appreciation',
        body: ZAppreciationInput,
        response: { 201: ZAppreciationResponse },
      },
      config: member('create', 'reconnecting-appreciation'),
    },
    async (request, reply) => {
      const appreciation = await sendAppreciation(
        ctx.db,
        queries,
        requireSpaceMember(request.actor),
        request.body.note,
      );
      return reply.status(201).send({ appreciation });
    },
  );

  app.post(
    '/api/reconnecting/appreciations/seen',
    {
      schema: {
        tags,
        summary: 'The notes my partner sent are on my screen (they can no longer be taken back)',
        response: { 200: ZOk },
      },
      config: member('update', 'reconnecting-appreciation'),
    },
    async (request) => {
      await markAppreciationsSeen(ctx.db, requireSpaceMember(request.actor));
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/reconnecting/appreciations/:id',
    {
      schema: {
        tags,
        summary: 'Take back a note of mine my partner has not read yet',
        params: ZIdParams,
        response: { 200: ZOk },
      },
      config: member('delete', 'reconnecting-appreciation'),
    },
    async (request) => {
      await withdrawAppreciation(ctx.db, requireSpaceMember(request.actor), request.params.id);
      return { ok: true as const };
    },
  );

  /* Dates */

  app.post(
    '/api/reconnecting/dates',
    {
      schema: {
        tags,
        summary: 'Add an idea for a date',
        body: ZDateIdeaInput,
        response: { 201: ZDatePlanResponse },
      },
      config: member('create', 'reconnecting-date'),
    },
    async (request, reply) => {
      const date = await addDateIdea(
        ctx.db,
        queries,
        requireSpaceMember(request.actor),
        request.body.idea,
      );
      setVersionTag(reply, date.version);
      return reply.status(201).send({ date });
    },
  );

  app.put(
    '/api/reconnecting/dates/:id',
    {
      schema: {
        tags,
        summary: 'Plan a date: its day and what we will do (If-Match: its version)',
        params: ZIdParams,
        body: ZDatePlanInput,
        response: { 200: ZDatePlanResponse },
      },
      config: member('update', 'reconnecting-date'),
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const date = await planDate(
        ctx.db,
        queries,
        actor,
        request.params.id,
        expected,
        request.body,
      );
      setVersionTag(reply, date.version);
      return { date };
    },
  );

  app.post(
    '/api/reconnecting/dates/:id/set-aside',
    {
      schema: {
        tags,
        summary: 'Set a date idea or plan aside (either of us, at any time)',
        params: ZIdParams,
        response: { 200: ZOk },
      },
      config: member('update', 'reconnecting-date'),
    },
    async (request) => {
      await setDateAside(ctx.db, requireSpaceMember(request.actor), request.params.id);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/reconnecting/dates/:id/note',
    {
      schema: {
        tags,
        summary: 'My own note on how the date went (private until I share it)',
        params: ZIdParams,
        body: ZDateNoteInput,
        response: { 200: ZDatePlanResponse },
      },
      config: member('update', 'reconnecting-date-note'),
    },
    async (request) => ({
      date: await writeDateNote(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        request.body.note,
      ),
    }),
  );

  for (const [path, share, summary] of [
    ['share', true, 'Share my note on how the date went with my partner'],
    ['unshare', false, 'Make my note on how the date went mine alone again'],
  ] as const) {
    app.post(
      `/api/reconnecting/dates/:id/note/${path}`,
      {
        schema: { tags, summary, params: ZIdParams, response: { 200: ZDatePlanResponse } },
        config: member('update', 'reconnecting-date-note'),
      },
      async (request) => ({
        date: await shareDateNote(
          ctx.db,
          queries,
          requireSpaceMember(request.actor),
          request.params.id,
          share,
        ),
      }),
    );
  }

  /* Intimacy pacing */

  app.put(
    '/api/reconnecting/pacing',
    {
      schema: {
        tags,
        summary: 'Propose our pace (If-Match: the version I read, "0" before there is one)',
        body: ZPacingInput,
        response: { 200: ZPacingResponse },
      },
      config: member('update', 'reconnecting-pacing'),
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const pacing = await proposePacing(ctx.db, queries, actor, expected, request.body);
      setVersionTag(reply, pacing.version);
      return { pacing };
    },
  );

  app.post(
    '/api/reconnecting/pacing/agree',
    {
      schema: {
        tags,
        summary: 'I agree to the pace my partner proposed (If-Match: the version I read)',
        response: { 200: ZPacingResponse },
      },
      config: member('update', 'reconnecting-pacing'),
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const pacing = await agreePacing(ctx.db, queries, actor, expected);
      setVersionTag(reply, pacing.version);
      return { pacing };
    },
  );

  app.post(
    '/api/reconnecting/pacing/pause',
    {
      schema: {
        tags,
        summary: 'Pause our pacing agreement: one action, no reason, never held',
        response: { 200: ZPacingResponse },
      },
      config: member('update', 'reconnecting-pacing'),
    },
    async (request) => ({ pacing: await pausePacing(ctx.db, requireSpaceMember(request.actor)) }),
  );

  app.post(
    '/api/reconnecting/pacing/resume',
    {
      schema: {
        tags,
        summary: 'Lift my own pause (a pause of my partner’s stays)',
        response: { 200: ZPacingResponse },
      },
      config: member('update', 'reconnecting-pacing'),
    },
    async (request) => ({ pacing: await resumePacing(ctx.db, requireSpaceMember(request.actor)) }),
  );
}
