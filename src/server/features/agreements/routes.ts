import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '#shared/schemas/common.ts';
import { ZCompareQuery } from '#shared/schemas/co-authored.ts';
import {
  ZAgreementCompare,
  ZAgreementCreateBody,
  ZAgreementList,
  ZAgreementResponse,
  ZAgreementSaveBody,
  ZAgreementVersions,
  ZAgreementVersionsQuery,
  ZReviewDateBody,
} from '#shared/schemas/agreements.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { registerReviewJob } from './review-job';
import {
  acceptAgreement,
  compareAgreementVersions,
  createAgreement,
  getAgreement,
  listAgreements,
  listAgreementVersions,
  saveAgreement,
  setReviewDate,
  withdrawAgreement,
} from './service';

/**
 * The couple's agreements (`/api/agreements`, for members of a space): ground rules, boundaries,
 * walls and windows, contact with the affair partner, a relapse-prevention covenant. Each one is
 * co-authored and holds only while both accept its newest version.
 */
export function registerAgreementRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['agreements'];
  const queries = ctx.features.queries;
  registerReviewJob(ctx);

  app.get(
    '/api/agreements',
    {
      schema: {
        tags,
        summary: 'Our agreements, newest change first, with where each stands',
        response: { 200: ZAgreementList },
      },
      config: { policy: policy('space-member', 'agreement', 'read') },
    },
    async (request) => listAgreements(ctx.db, queries, requireSpaceMember(request.actor)),
  );

  app.post(
    '/api/agreements',
    {
      schema: {
        tags,
        summary: 'Draft a new agreement (version 1, accepted by nobody yet)',
        body: ZAgreementCreateBody,
        response: { 201: ZAgreementResponse },
      },
      config: { policy: policy('space-member', 'agreement', 'create') },
    },
    async (request, reply) => {
      const agreement = await createAgreement(
        ctx.db,
        queries,
        requireSpaceMember(request.actor),
        request.body,
      );
      setVersionTag(reply, agreement.version);
      return reply.status(201).send({ agreement });
    },
  );

  app.get(
    '/api/agreements/:id',
    {
      schema: {
        tags,
        summary: 'One agreement (its version in ETag)',
        params: ZIdParams,
        response: { 200: ZAgreementResponse },
      },
      config: { policy: policy('space-member', 'agreement', 'read') },
    },
    async (request, reply) => {
      const agreement = await getAgreement(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
      );
      setVersionTag(reply, agreement.version);
      return { agreement };
    },
  );

  app.put(
    '/api/agreements/:id',
    {
      schema: {
        tags,
        summary: 'Propose a change: a new version (If-Match: the version you started from)',
        params: ZIdParams,
        body: ZAgreementSaveBody,
        response: { 200: ZAgreementResponse },
      },
      config: { policy: policy('space-member', 'agreement', 'update') },
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const expected = requireIfMatch(request);
      const agreement = await saveAgreement(
        ctx.db,
        queries,
        actor,
        request.params.id,
        expected,
        request.body.sections,
      );
      setVersionTag(reply, agreement.version);
      return { agreement };
    },
  );

  app.get(
    '/api/agreements/:id/versions',
    {
      schema: {
        tags,
        summary: 'Every version of an agreement, newest first, with author and time',
        params: ZIdParams,
        querystring: ZAgreementVersionsQuery,
        response: { 200: ZAgreementVersions },
      },
      config: { policy: policy('space-member', 'agreement', 'read') },
    },
    async (request) =>
      listAgreementVersions(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        request.query,
      ),
  );

  app.get(
    '/api/agreements/:id/compare',
    {
      schema: {
        tags,
        summary: 'Two versions of an agreement, compared word by word',
        params: ZIdParams,
        querystring: ZCompareQuery,
        response: { 200: ZAgreementCompare },
      },
      config: { policy: policy('space-member', 'agreement', 'read') },
    },
    async (request) =>
      compareAgreementVersions(ctx.db, requireSpaceMember(request.actor), request.params.id, {
        from: request.query.from,
        to: request.query.to,
      }),
  );

  app.put(
    '/api/agreements/:id/acceptance',
    {
      schema: {
        tags,
        summary: 'I accept this exact version (If-Match: the version I read)',
        params: ZIdParams,
        response: { 200: ZAgreementResponse },
      },
      config: { policy: policy('space-member', 'agreement', 'update') },
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      const version = requireIfMatch(request);
      const agreement = await acceptAgreement(ctx.db, queries, actor, request.params.id, version);
      setVersionTag(reply, agreement.version);
      return { agreement };
    },
  );

  app.delete(
    '/api/agreements/:id/acceptance',
    {
      schema: {
        tags,
        summary: 'I withdraw my acceptance (always possible; my partner sees it)',
        params: ZIdParams,
        response: { 200: ZAgreementResponse },
      },
      config: { policy: policy('space-member', 'agreement', 'update') },
    },
    async (request, reply) => {
      const agreement = await withdrawAgreement(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
      );
      setVersionTag(reply, agreement.version);
      return { agreement };
    },
  );

  app.put(
    '/api/agreements/:id/review',
    {
      schema: {
        tags,
        summary: 'Set or clear the day this agreement comes back to both of us',
        params: ZIdParams,
        body: ZReviewDateBody,
        response: { 200: ZAgreementResponse },
      },
      config: { policy: policy('space-member', 'agreement', 'update') },
    },
    async (request, reply) => {
      const agreement = await setReviewDate(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        request.body.reviewOn,
      );
      setVersionTag(reply, agreement.version);
      return { agreement };
    },
  );
}
