import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZDecisionBody,
  ZDecisionRecord,
  ZDecisionView,
  ZMyDecisionReflection,
  ZRecordBody,
} from '#shared/schemas/decision.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSignedIn, requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import {
  agreeRecord,
  getView,
  putRecord,
  saveReflection,
  shareReflection,
  unshareReflection,
} from './service';

const tags = ['decision'];

/**
 * The decision reflection: each partner's private reflection, what each shares, and the decision
 * the couple writes down together.
 */
export function registerDecisionRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const pace = ctx.features.queries;

  app.get(
    '/api/decision',
    {
      schema: {
        tags,
        summary: 'My reflection, what my partner shared, and our decision if we wrote one',
        response: { 200: ZDecisionView },
      },
      config: { policy: policy('signed-in', 'decision', 'read') },
    },
    async (request) => getView(ctx.db, requireSignedIn(request.actor), pace),
  );

  app.put(
    '/api/decision/reflection',
    {
      schema: {
        tags,
        summary: 'Save my private reflection (If-Match: the version, "0" for the first save)',
        body: ZDecisionBody,
        response: { 200: ZMyDecisionReflection },
      },
      config: { policy: policy('space-member', 'decision', 'update') },
    },
    async (request, reply) => {
      const saved = await saveReflection(
        ctx.db,
        requireSpaceMember(request.actor),
        requireIfMatch(request),
        request.body,
      );
      setVersionTag(reply, saved.version);
      return saved;
    },
  );

  app.post(
    '/api/decision/reflection/share',
    {
      schema: {
        tags,
        summary: 'Share my reflection as it is saved (needs If-Match)',
        response: { 200: ZMyDecisionReflection },
      },
      config: { policy: policy('space-member', 'decision', 'update') },
    },
    async (request, reply) => {
      const shared = await shareReflection(
        ctx.db,
        requireSpaceMember(request.actor),
        pace,
        requireIfMatch(request),
      );
      setVersionTag(reply, shared.version);
      return shared;
    },
  );

  app.post(
    '/api/decision/reflection/unshare',
    {
      schema: {
        tags,
        summary: 'Make my reflection private again (always allowed)',
        response: { 200: ZMyDecisionReflection },
      },
      config: { policy: policy('signed-in', 'decision', 'update') },
    },
    async (request, reply) => {
      const mine = await unshareReflection(ctx.db, requireSignedIn(request.actor));
      setVersionTag(reply, mine.version);
      return mine;
    },
  );

  app.put(
    '/api/decision/record',
    {
      schema: {
        tags,
        summary: 'Write down our decision, or change it (If-Match: its version, "0" at first)',
        body: ZRecordBody,
        response: { 200: ZDecisionRecord },
      },
      config: { policy: policy('space-member', 'decision', 'update') },
    },
    async (request, reply) => {
      const record = await putRecord(
        ctx.db,
        requireSpaceMember(request.actor),
        pace,
        requireIfMatch(request),
        request.body,
      );
      setVersionTag(reply, record.version);
      return record;
    },
  );

  app.post(
    '/api/decision/record/agree',
    {
      schema: {
        tags,
        summary: 'Agree to this exact version of our decision (needs If-Match)',
        response: { 200: ZDecisionRecord },
      },
      config: { policy: policy('space-member', 'decision', 'update') },
    },
    async (request, reply) => {
      const record = await agreeRecord(
        ctx.db,
        requireSpaceMember(request.actor),
        pace,
        requireIfMatch(request),
      );
      setVersionTag(reply, record.version);
      return record;
    },
  );
}
