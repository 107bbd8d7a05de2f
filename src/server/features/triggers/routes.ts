import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams, ZTherapistShareBody } from '#shared/schemas/common.ts';
import { ZAcceptanceResponse, ZCompareQuery } from '#shared/schemas/co-authored.ts';
import {
  ZPlanCompare,
  ZPlanResponse,
  ZPlanSaveBody,
  ZPlanSaveResponse,
  ZPlanVersions,
  ZPlanVersionsQuery,
  ZTriggerEntryInput,
  ZTriggerEntryResponse,
  ZTriggerList,
  ZTriggerListQuery,
} from '#shared/schemas/triggers.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSignedIn, requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import {
  acceptPlan,
  comparePlanVersions,
  listVersions,
  readPlan,
  savePlan,
  withdrawPlanAcceptance,
} from './plan-service';
import {
  archiveEntry,
  createEntry,
  getEntry,
  listEntries,
  restoreEntry,
  setEntryTherapistShare,
  shareEntry,
  unshareEntry,
  updateEntry,
} from './service';

/**
 * The trigger log (`/api/triggers`, each person's own, signed in with or without a space) and the
 * couple's trigger plan (`/api/triggers/plan`, for members of a space).
 */
export function registerTriggerRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['triggers'];

  app.get(
    '/api/triggers',
    {
      schema: {
        tags,
        summary: 'My trigger log, what I put away, or what my partner shares (newest first)',
        querystring: ZTriggerListQuery,
        response: { 200: ZTriggerList },
      },
      config: { policy: policy('signed-in', 'trigger-entry', 'read') },
    },
    async (request) => listEntries(ctx.db, requireSignedIn(request.actor), request.query),
  );

  app.post(
    '/api/triggers',
    {
      schema: {
        tags,
        summary: 'Log a trigger (private)',
        body: ZTriggerEntryInput,
        response: { 201: ZTriggerEntryResponse },
      },
      config: { policy: policy('signed-in', 'trigger-entry', 'create') },
    },
    async (request, reply) => {
      const entry = await createEntry(ctx.db, requireSignedIn(request.actor), request.body);
      return reply.status(201).send({ entry });
    },
  );

  app.get(
    '/api/triggers/:id',
    {
      schema: {
        tags,
        summary: 'One entry: mine, or one my partner shares with me',
        params: ZIdParams,
        response: { 200: ZTriggerEntryResponse },
      },
      config: { policy: policy('signed-in', 'trigger-entry', 'read') },
    },
    async (request) => ({
      entry: await getEntry(ctx.db, requireSignedIn(request.actor), request.params.id),
    }),
  );

  app.put(
    '/api/triggers/:id',
    {
      schema: {
        tags,
        summary: 'Edit one of my entries',
        params: ZIdParams,
        body: ZTriggerEntryInput,
        response: { 200: ZTriggerEntryResponse },
      },
      config: { policy: policy('signed-in', 'trigger-entry', 'update') },
    },
    async (request) => ({
      entry: await updateEntry(
        ctx.db,
        requireSignedIn(request.actor),
        request.params.id,
        request.body,
      ),
    }),
  );

  app.post(
    '/api/triggers/:id/share',
    {
      schema: {
        tags,
        summary: 'Share one of my entries with my partner',
        params: ZIdParams,
        response: { 200: ZTriggerEntryResponse },
      },
      config: { policy: policy('space-member', 'trigger-entry', 'update') },
    },
    async (request) => ({
      entry: await shareEntry(ctx.db, requireSpaceMember(request.actor), request.params.id),
    }),
  );

  const ownChange = (path: string, summary: string, change: typeof unshareEntry): void => {
    app.post(
      path,
      {
        schema: { tags, summary, params: ZIdParams, response: { 200: ZTriggerEntryResponse } },
        config: { policy: policy('signed-in', 'trigger-entry', 'update') },
      },
      async (request) => ({
        entry: await change(ctx.db, requireSignedIn(request.actor), request.params.id),
      }),
    );
  };
  ownChange('/api/triggers/:id/unshare', 'Make one of my entries private again', unshareEntry);
  ownChange(
    '/api/triggers/:id/archive',
    'Put one of my entries away (and make it private)',
    archiveEntry,
  );
  ownChange('/api/triggers/:id/restore', 'Bring back an entry I put away', restoreEntry);

  app.put(
    '/api/triggers/:id/therapist',
    {
      schema: {
        tags,
        summary:
          'Share one of my entries with our therapist, or stop (separate from my partner; never paused)',
        params: ZIdParams,
        body: ZTherapistShareBody,
        response: { 200: ZTriggerEntryResponse },
      },
      config: { policy: policy('signed-in', 'trigger-entry', 'update') },
    },
    async (request) => ({
      entry: await setEntryTherapistShare(
        ctx.db,
        requireSignedIn(request.actor),
        request.params.id,
        request.body.shared,
      ),
    }),
  );

  app.get(
    '/api/triggers/plan',
    {
      schema: {
        tags,
        summary: 'Our trigger plan (with its version in ETag), and earlier plans I may read',
        response: { 200: ZPlanResponse },
      },
      config: { policy: policy('space-member', 'trigger-plan', 'read') },
    },
    async (request, reply) => {
      const result = await readPlan(ctx.db, requireSpaceMember(request.actor));
      setVersionTag(reply, result.plan.version);
      return result;
    },
  );

  app.put(
    '/api/triggers/plan',
    {
      schema: {
        tags,
        summary: 'Save our trigger plan as a new version (If-Match: the version you started from)',
        body: ZPlanSaveBody,
        response: { 200: ZPlanSaveResponse },
      },
      config: { policy: policy('space-member', 'trigger-plan', 'update') },
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const plan = await savePlan(ctx.db, actor, expected, request.body.sections);
      setVersionTag(reply, plan.version);
      return { plan };
    },
  );

  app.get(
    '/api/triggers/plans/:id/versions',
    {
      schema: {
        tags,
        summary: 'Every version of a plan I may read, newest first',
        params: ZIdParams,
        querystring: ZPlanVersionsQuery,
        response: { 200: ZPlanVersions },
      },
      config: { policy: policy('space-member', 'trigger-plan', 'read') },
    },
    async (request) =>
      listVersions(ctx.db, requireSpaceMember(request.actor), request.params.id, request.query),
  );

  app.put(
    '/api/triggers/plan/acceptance',
    {
      schema: {
        tags,
        summary: 'I agree to this version of our plan (If-Match: the version I read)',
        response: { 200: ZAcceptanceResponse },
      },
      config: { policy: policy('space-member', 'trigger-plan', 'update') },
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const version = requireIfMatch(request);
      const acceptance = await acceptPlan(ctx.db, actor, version);
      setVersionTag(reply, acceptance.version);
      return { acceptance };
    },
  );

  app.delete(
    '/api/triggers/plan/acceptance',
    {
      schema: {
        tags,
        summary: 'I no longer agree to our plan as it is now',
        response: { 200: ZAcceptanceResponse },
      },
      config: { policy: policy('space-member', 'trigger-plan', 'update') },
    },
    async (request) => ({
      acceptance: await withdrawPlanAcceptance(ctx.db, requireSpaceMember(request.actor)),
    }),
  );

  app.get(
    '/api/triggers/plans/:id/compare',
    {
      schema: {
        tags,
        summary: 'Two versions of a plan I may read, with a word diff of each part',
        params: ZIdParams,
        querystring: ZCompareQuery,
        response: { 200: ZPlanCompare },
      },
      config: { policy: policy('space-member', 'trigger-plan', 'read') },
    },
    async (request) =>
      comparePlanVersions(ctx.db, requireSpaceMember(request.actor), request.params.id, {
        from: request.query.from,
        to: request.query.to,
      }),
  );
}
