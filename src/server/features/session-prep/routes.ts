import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCandidatesQuery,
  ZCandidatesResponse,
  ZPrepBody,
  ZPrepResponse,
  type TPrep,
} from '#shared/schemas/session-prep.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSignedIn } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import type { MeasureWords } from './measure-words';
import { clearPrep, listCandidates, readPrep, savePrep, type PrepSources } from './service';

function send(reply: FastifyReply, prep: TPrep) {
  setVersionTag(reply, prep.version);
  return { prep };
}

/**
 * Session prep: a person's own notes for their next session with a therapist, and the shared
 * items they choose to bring. The prep is private to the person; the items are read through the
 * same visibility rule as everywhere, at read time.
 */
export function registerSessionPrepRoutes(
  root: FastifyInstance,
  ctx: ServerContext,
  /** Titles and band words of the loaded measures, by measure id (from the app shell). */
  measureWords: Map<string, MeasureWords> = new Map(),
): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const sources: PrepSources = { measures: measureWords, kinds: ctx.features.shareable };

  app.get(
    '/api/session-prep',
    {
      schema: {
        tags: ['session-prep'],
        summary: 'My notes for the next session, with the items I chose as they read now',
        response: { 200: ZPrepResponse },
      },
      config: { policy: policy('signed-in', 'session-prep', 'read') },
    },
    async (request, reply) =>
      send(reply, await readPrep(ctx.db, requireSignedIn(request.actor), sources)),
  );

  app.get(
    '/api/session-prep/candidates',
    {
      schema: {
        tags: ['session-prep'],
        summary: 'Shared items I may bring, newest first (never a private item)',
        querystring: ZCandidatesQuery,
        response: { 200: ZCandidatesResponse },
      },
      config: { policy: policy('signed-in', 'session-prep', 'read') },
    },
    async (request) =>
      listCandidates(
        ctx.db,
        requireSignedIn(request.actor),
        sources,
        request.query.kind,
        request.query.cursor,
      ),
  );

  app.put(
    '/api/session-prep',
    {
      schema: {
        tags: ['session-prep'],
        summary: 'Save my notes and chosen items (If-Match: "0" before the first save)',
        body: ZPrepBody,
        response: { 200: ZPrepResponse },
      },
      config: { policy: policy('signed-in', 'session-prep', 'update') },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request.actor);
      const version = requireIfMatch(request);
      return send(reply, await savePrep(ctx.db, actor, sources, version, request.body));
    },
  );

  app.delete(
    '/api/session-prep',
    {
      schema: {
        tags: ['session-prep'],
        summary: 'Start over: clear my notes and chosen items',
        response: { 200: ZPrepResponse },
      },
      config: { policy: policy('signed-in', 'session-prep', 'delete') },
    },
    async (request, reply) =>
      send(reply, await clearPrep(ctx.db, requireSignedIn(request.actor), sources)),
  );
}
