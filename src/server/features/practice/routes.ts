import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOk } from '#shared/schemas/common.ts';
import {
  ZCoupleOverview,
  ZCouplesResponse,
  ZItemParams,
  ZLinkParams,
  ZMyNotesResponse,
  ZNoteBody,
  ZNoteParams,
  ZNoteResponse,
  ZNotesResponse,
  ZOpenedItemResponse,
  ZOverviewQuery,
  ZSuggestionBody,
  ZSuggestionParams,
  ZSuggestionResponse,
} from '#shared/schemas/practice.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireTherapist } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import {
  addNote,
  coupleOverview,
  deleteNote,
  editNote,
  listCouples,
  myNotes,
  notesForCouple,
  openItem,
  suggest,
  withdrawSuggestion,
  type PracticeContent,
} from './service';

/**
 * The therapist's workspace. Every route is for therapists only, and every couple route answers
 * only for a couple the therapist works with now: a pending, ended or someone else's link is a
 * 404, exactly like one that does not exist.
 */
export function registerPracticeRoutes(
  root: FastifyInstance,
  ctx: ServerContext,
  content: PracticeContent,
): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['practice'];

  app.get(
    '/api/practice/couples',
    {
      schema: {
        tags,
        summary: 'The couples I work with now, with counts of what is new since I last looked',
        response: { 200: ZCouplesResponse },
      },
      config: { policy: policy('therapist', 'practice-couple', 'read') },
    },
    async (request) => ({
      couples: await listCouples(ctx.db, requireTherapist(request.actor), ctx.features),
    }),
  );

  app.get(
    '/api/practice/couples/:linkId',
    {
      schema: {
        tags,
        summary: 'One couple: what they shared with me (no content in the list), my suggestions',
        params: ZLinkParams,
        querystring: ZOverviewQuery,
        response: { 200: ZCoupleOverview },
      },
      config: { policy: policy('therapist', 'practice-couple', 'read') },
    },
    async (request) =>
      coupleOverview(
        ctx.db,
        requireTherapist(request.actor),
        content,
        ctx.features,
        request.params.linkId,
        request.query.cursor,
      ),
  );

  app.get(
    '/api/practice/couples/:linkId/items/:kind/:id',
    {
      schema: {
        tags,
        summary: 'Open one shared item (each opening is written to the couple’s access log)',
        params: ZItemParams,
        response: { 200: ZOpenedItemResponse },
      },
      config: { policy: policy('therapist', 'practice-item', 'read') },
    },
    async (request) => {
      const { linkId, kind, id } = request.params;
      return {
        item: await openItem(
          ctx.db,
          requireTherapist(request.actor),
          content,
          ctx.features,
          linkId,
          kind,
          id,
        ),
      };
    },
  );

  app.get(
    '/api/practice/couples/:linkId/notes',
    {
      schema: {
        tags,
        summary: 'My own notes about this couple (the partners never see them)',
        params: ZLinkParams,
        response: { 200: ZNotesResponse },
      },
      config: { policy: policy('therapist', 'practice-note', 'read') },
    },
    async (request) => ({
      notes: await notesForCouple(ctx.db, requireTherapist(request.actor), request.params.linkId),
    }),
  );

  app.post(
    '/api/practice/couples/:linkId/notes',
    {
      schema: {
        tags,
        summary: 'Write a note about this couple, for myself',
        params: ZLinkParams,
        body: ZNoteBody,
        response: { 201: ZNoteResponse },
      },
      config: { policy: policy('therapist', 'practice-note', 'create') },
    },
    async (request, reply) => {
      const note = await addNote(
        ctx.db,
        requireTherapist(request.actor),
        request.params.linkId,
        request.body.body,
      );
      setVersionTag(reply, note.version);
      return reply.status(201).send({ note });
    },
  );

  app.get(
    '/api/practice/notes',
    {
      schema: {
        tags,
        summary: 'All my notes; those about a couple I no longer work with show no couple',
        response: { 200: ZMyNotesResponse },
      },
      config: { policy: policy('therapist', 'practice-note', 'read') },
    },
    async (request) => ({ notes: await myNotes(ctx.db, requireTherapist(request.actor)) }),
  );

  app.put(
    '/api/practice/notes/:id',
    {
      schema: {
        tags,
        summary: 'Change my note (If-Match: the version I started from)',
        params: ZNoteParams,
        body: ZNoteBody,
        response: { 200: ZNoteResponse },
      },
      config: { policy: policy('therapist', 'practice-note', 'update') },
    },
    async (request, reply) => {
      const actor = requireTherapist(request.actor);
      const version = requireIfMatch(request);
      const note = await editNote(ctx.db, actor, request.params.id, version, request.body.body);
      setVersionTag(reply, note.version);
      return { note };
    },
  );

  app.delete(
    '/api/practice/notes/:id',
    {
      schema: {
        tags,
        summary: 'Delete my note',
        params: ZNoteParams,
        response: { 200: ZOk },
      },
      config: { policy: policy('therapist', 'practice-note', 'delete') },
    },
    async (request) => {
      await deleteNote(ctx.db, requireTherapist(request.actor), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/practice/couples/:linkId/suggestions',
    {
      schema: {
        tags,
        summary: 'Suggest an exercise; both partners see it on their program map',
        params: ZLinkParams,
        body: ZSuggestionBody,
        response: { 201: ZSuggestionResponse },
      },
      config: { policy: policy('therapist', 'practice-suggestion', 'create') },
    },
    async (request, reply) => {
      const suggestion = await suggest(
        ctx.db,
        requireTherapist(request.actor),
        content,
        request.params.linkId,
        request.body,
      );
      return reply.status(201).send({ suggestion });
    },
  );

  app.delete(
    '/api/practice/couples/:linkId/suggestions/:id',
    {
      schema: {
        tags,
        summary: 'Withdraw my suggestion; it leaves the couple’s map',
        params: ZSuggestionParams,
        response: { 200: ZOk },
      },
      config: { policy: policy('therapist', 'practice-suggestion', 'delete') },
    },
    async (request) => {
      const { linkId, id } = request.params;
      await withdrawSuggestion(ctx.db, requireTherapist(request.actor), linkId, id);
      return { ok: true as const };
    },
  );
}
