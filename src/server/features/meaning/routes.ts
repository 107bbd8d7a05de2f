import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams, ZOk } from '#shared/schemas/common.ts';
import { ZCompareQuery } from '#shared/schemas/co-authored.ts';
import {
  ZFactorInput,
  ZFactorMap,
  ZFactorResponse,
  ZMyStoryResponse,
  ZSharedCompare,
  ZSharedResponse,
  ZSharedSaveBody,
  ZSharedSaveResponse,
  ZSharedVersions,
  ZStoryDraftBody,
  ZStoryResponse,
  ZVersionsQuery,
} from '#shared/schemas/meaning.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import {
  addFactor,
  readMap,
  removeFactor,
  shareFactor,
  unshareFactor,
  updateFactor,
} from './factor-service';
import { compareShared, listSharedVersions, readShared, saveShared } from './shared-service';
import { readStories, saveStoryDraft, shareStory, unshareStory } from './story-service';

/**
 * Meaning (`/api/meaning`, for members of a space): the contributing-factors map, my meaning
 * story and my partner's shared one, and the story we write together.
 */
export function registerMeaningRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['meaning'];
  const queries = ctx.features.queries;

  /* ---------- Factors ---------- */

  app.get(
    '/api/meaning/factors',
    {
      schema: {
        tags,
        summary: 'My contributing factors and the ones my partner shares with me',
        response: { 200: ZFactorMap },
      },
      config: { policy: policy('space-member', 'meaning-factor', 'read') },
    },
    async (request) => readMap(ctx.db, queries, requireSpaceMember(request.actor)),
  );

  app.post(
    '/api/meaning/factors',
    {
      schema: {
        tags,
        summary: 'Add a contributing factor to my map (private)',
        body: ZFactorInput,
        response: { 201: ZFactorResponse },
      },
      config: { policy: policy('space-member', 'meaning-factor', 'create') },
    },
    async (request, reply) => {
      const factor = await addFactor(ctx.db, requireSpaceMember(request.actor), request.body);
      return reply.status(201).send({ factor });
    },
  );

  app.put(
    '/api/meaning/factors/:id',
    {
      schema: {
        tags,
        summary: 'Change one of my factors (joint work while it is shared)',
        params: ZIdParams,
        body: ZFactorInput,
        response: { 200: ZFactorResponse },
      },
      config: { policy: policy('space-member', 'meaning-factor', 'update') },
    },
    async (request) => ({
      factor: await updateFactor(
        ctx.db,
        queries,
        requireSpaceMember(request.actor),
        request.params.id,
        request.body,
      ),
    }),
  );

  app.post(
    '/api/meaning/factors/:id/share',
    {
      schema: {
        tags,
        summary: 'Share one of my factors with my partner (joint work, phase 2)',
        params: ZIdParams,
        response: { 200: ZFactorResponse },
      },
      config: { policy: policy('space-member', 'meaning-factor', 'update') },
    },
    async (request) => ({
      factor: await shareFactor(
        ctx.db,
        queries,
        requireSpaceMember(request.actor),
        request.params.id,
      ),
    }),
  );

  app.post(
    '/api/meaning/factors/:id/unshare',
    {
      schema: {
        tags,
        summary: 'Make one of my factors private again',
        params: ZIdParams,
        response: { 200: ZFactorResponse },
      },
      config: { policy: policy('space-member', 'meaning-factor', 'update') },
    },
    async (request) => ({
      factor: await unshareFactor(ctx.db, requireSpaceMember(request.actor), request.params.id),
    }),
  );

  app.delete(
    '/api/meaning/factors/:id',
    {
      schema: {
        tags,
        summary: 'Remove one of my factors',
        params: ZIdParams,
        response: { 200: ZOk },
      },
      config: { policy: policy('space-member', 'meaning-factor', 'delete') },
    },
    async (request) => {
      await removeFactor(ctx.db, requireSpaceMember(request.actor), request.params.id);
      return { ok: true as const };
    },
  );

  /* ---------- The meaning story ---------- */

  app.get(
    '/api/meaning/story',
    {
      schema: {
        tags,
        summary: 'My meaning story (draft version in ETag) and the one my partner shares with me',
        response: { 200: ZStoryResponse },
      },
      config: { policy: policy('space-member', 'meaning-story', 'read') },
    },
    async (request, reply) => {
      const result = await readStories(ctx.db, queries, requireSpaceMember(request.actor));
      setVersionTag(reply, result.mine.version);
      return result;
    },
  );

  app.put(
    '/api/meaning/story',
    {
      schema: {
        tags,
        summary: 'Save my private draft (If-Match: the draft version you started from)',
        body: ZStoryDraftBody,
        response: { 200: ZMyStoryResponse },
      },
      config: { policy: policy('space-member', 'meaning-story', 'update') },
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const mine = await saveStoryDraft(ctx.db, actor, requireIfMatch(request), request.body.text);
      setVersionTag(reply, mine.version);
      return { mine };
    },
  );

  app.post(
    '/api/meaning/story/share',
    {
      schema: {
        tags,
        summary: 'Share my story as it is now with my partner (joint work, phase 2)',
        response: { 200: ZMyStoryResponse },
      },
      config: { policy: policy('space-member', 'meaning-story', 'update') },
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const mine = await shareStory(ctx.db, queries, actor, requireIfMatch(request));
      setVersionTag(reply, mine.version);
      return { mine };
    },
  );

  app.post(
    '/api/meaning/story/unshare',
    {
      schema: {
        tags,
        summary: 'Make my story private again',
        response: { 200: ZMyStoryResponse },
      },
      config: { policy: policy('space-member', 'meaning-story', 'update') },
    },
    async (request, reply) => {
      const mine = await unshareStory(ctx.db, requireSpaceMember(request.actor));
      setVersionTag(reply, mine.version);
      return { mine };
    },
  );

  /* ---------- The shared story ---------- */

  app.get(
    '/api/meaning/shared',
    {
      schema: {
        tags,
        summary: 'The story we write together (its version in ETag)',
        response: { 200: ZSharedResponse },
      },
      config: { policy: policy('space-member', 'meaning-shared-story', 'read') },
    },
    async (request, reply) => {
      const result = await readShared(ctx.db, queries, requireSpaceMember(request.actor));
      setVersionTag(reply, result.story.version);
      return result;
    },
  );

  app.put(
    '/api/meaning/shared',
    {
      schema: {
        tags,
        summary: 'Save our story as a new version (If-Match: the version you started from)',
        body: ZSharedSaveBody,
        response: { 200: ZSharedSaveResponse },
      },
      config: { policy: policy('space-member', 'meaning-shared-story', 'update') },
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const story = await saveShared(ctx.db, queries, actor, expected, request.body.sections);
      setVersionTag(reply, story.version);
      return { story };
    },
  );

  app.get(
    '/api/meaning/shared/:id/versions',
    {
      schema: {
        tags,
        summary: 'Every version of a shared story I may read, newest first',
        params: ZIdParams,
        querystring: ZVersionsQuery,
        response: { 200: ZSharedVersions },
      },
      config: { policy: policy('space-member', 'meaning-shared-story', 'read') },
    },
    async (request) =>
      listSharedVersions(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        request.query,
      ),
  );

  app.get(
    '/api/meaning/shared/:id/compare',
    {
      schema: {
        tags,
        summary: 'Two versions of a shared story I may read, with a word diff of each part',
        params: ZIdParams,
        querystring: ZCompareQuery,
        response: { 200: ZSharedCompare },
      },
      config: { policy: policy('space-member', 'meaning-shared-story', 'read') },
    },
    async (request) =>
      compareShared(ctx.db, requireSpaceMember(request.actor), request.params.id, {
        from: request.query.from,
        to: request.query.to,
      }),
  );
}
