import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '#shared/schemas/common.ts';
import {
  ZContactCorrection,
  ZContactEntry,
  ZContactLog,
  ZNewContactEntry,
} from '#shared/schemas/contact-log.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSignedIn, requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { addEntry, correctEntry, getLog } from './service';

const tags = ['contact-log'];

/** The no-contact confirmation and the contact log: the involved partner writes, both read. */
export function registerContactLogRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/contact-log',
    {
      schema: {
        tags,
        summary: 'My entries, and what my partner told me',
        response: { 200: ZContactLog },
      },
      config: { policy: policy('signed-in', 'contact-log', 'read') },
    },
    async (request) => getLog(ctx.db, requireSignedIn(request.actor)),
  );

  app.post(
    '/api/contact-log',
    {
      schema: {
        tags,
        summary: 'Confirm contact ended, or tell of a contact (shared with my partner at once)',
        body: ZNewContactEntry,
        response: { 201: ZContactEntry },
      },
      config: { policy: policy('space-member', 'contact-log', 'create') },
    },
    async (request, reply) => {
      const entry = await addEntry(ctx.db, requireSpaceMember(request.actor), request.body);
      setVersionTag(reply, entry.version);
      return reply.status(201).send(entry);
    },
  );

  app.put(
    '/api/contact-log/:id',
    {
      schema: {
        tags,
        summary: 'Correct an entry: a new wording beside the earlier ones (needs If-Match)',
        params: ZIdParams,
        body: ZContactCorrection,
        response: { 200: ZContactEntry },
      },
      config: { policy: policy('space-member', 'contact-log', 'update') },
    },
    async (request, reply) => {
      const entry = await correctEntry(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setVersionTag(reply, entry.version);
      return entry;
    },
  );
}
