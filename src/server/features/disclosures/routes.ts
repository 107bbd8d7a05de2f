import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams, ZOk } from '#shared/schemas/common.ts';
import {
  ZDisclosure,
  ZDisclosureDraftBody,
  ZDisclosureOverview,
  ZReceivedDisclosure,
  ZWrittenDisclosure,
} from '#shared/schemas/disclosures.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSignedIn, requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import {
  discardDraft,
  getDisclosure,
  getOverview,
  openDisclosure,
  saveDraft,
  sealDisclosure,
  startDisclosure,
} from './service';

const tags = ['disclosures'];
const BASE = '/api/disclosures';

/**
 * Sealed disclosures. Drafting is private work and never held; sealing and opening are joint
 * actions. Reading one's own works after leaving a space.
 */
export function registerDisclosureRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'My disclosures, and those sealed for me (without their words)',
        response: { 200: ZDisclosureOverview },
      },
      config: { policy: policy('signed-in', 'disclosures', 'read') },
    },
    async (request) => getOverview(ctx.db, requireSignedIn(request.actor)),
  );

  app.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Start a private draft (the involved partner of one of our injuries)',
        body: ZDisclosureDraftBody,
        response: { 201: ZWrittenDisclosure },
      },
      config: { policy: policy('space-member', 'disclosures', 'create') },
    },
    async (request, reply) => {
      const written = await startDisclosure(
        ctx.db,
        requireSpaceMember(request.actor),
        request.body,
      );
      setVersionTag(reply, written.version);
      return reply.status(201).send(written);
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'One disclosure: the writer sees it all; the partner its words once opened',
        params: ZIdParams,
        response: { 200: ZDisclosure },
      },
      config: { policy: policy('signed-in', 'disclosures', 'read') },
    },
    async (request, reply) => {
      const found = await getDisclosure(ctx.db, requireSignedIn(request.actor), request.params.id);
      if (found.view === 'writer') setVersionTag(reply, found.version);
      return found;
    },
  );

  app.put(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'Save the draft (needs If-Match; a sealed disclosure never changes)',
        params: ZIdParams,
        body: ZDisclosureDraftBody,
        response: { 200: ZWrittenDisclosure },
      },
      config: { policy: policy('space-member', 'disclosures', 'update') },
    },
    async (request, reply) => {
      const written = await saveDraft(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setVersionTag(reply, written.version);
      return written;
    },
  );

  app.delete(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'Throw a draft away (a sealed disclosure is kept)',
        params: ZIdParams,
        response: { 200: ZOk },
      },
      config: { policy: policy('signed-in', 'disclosures', 'delete') },
    },
    async (request) => {
      await discardDraft(ctx.db, requireSignedIn(request.actor), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    `${BASE}/:id/seal`,
    {
      schema: {
        tags,
        summary: 'Seal the draft as it is for my partner (needs If-Match; joint work)',
        params: ZIdParams,
        response: { 200: ZWrittenDisclosure },
      },
      config: { policy: policy('space-member', 'disclosures', 'update') },
    },
    async (request, reply) => {
      const sealed = await sealDisclosure(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        requireIfMatch(request),
      );
      setVersionTag(reply, sealed.version);
      return sealed;
    },
  );

  app.post(
    `${BASE}/:id/open`,
    {
      schema: {
        tags,
        summary: 'Open a disclosure sealed for me (the first opening is recorded; joint work)',
        params: ZIdParams,
        response: { 200: ZReceivedDisclosure },
      },
      config: { policy: policy('space-member', 'disclosures', 'update') },
    },
    async (request) => openDisclosure(ctx.db, requireSpaceMember(request.actor), request.params.id),
  );
}
