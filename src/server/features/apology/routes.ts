import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAckBody,
  ZApology,
  ZApologyOverview,
  ZApologyVersion,
  ZCommitment,
  ZCommitmentBody,
  ZFollowThroughBody,
  ZSaveApologyBody,
  ZStartApologyBody,
  ZVersionParams,
  ZWriterApology,
} from '#shared/schemas/apology.ts';
import { ZIdParams } from '#shared/schemas/common.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSignedIn, requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { loadApologyLanguage, type ApologyLanguage } from './language';
import { registerCheckInJob } from './reminders';
import {
  acknowledge,
  addCommitment,
  addFollowThrough,
  editCommitment,
  getApology,
  getOverview,
  getVersion,
  removeCommitment,
  saveApologyDraft,
  sendApology,
  startApology,
} from './service';

const tags = ['apology'];
const BASE = '/api/apology';

/**
 * The apology and its commitments. Reading works for anyone signed in (scoped to what they may
 * see); writing needs a space; sending, follow-through notes, acknowledgements and changes to a
 * shared commitment are joint actions.
 */
export function registerApologyRoutes(
  root: FastifyInstance,
  ctx: ServerContext,
  language: ApologyLanguage = loadApologyLanguage(),
): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  registerCheckInJob(ctx.jobs, ctx.db);

  app.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'My apologies, those sent to me, and the language check rules',
        response: { 200: ZApologyOverview },
      },
      config: { policy: policy('signed-in', 'apology', 'read') },
    },
    async (request) => getOverview(ctx.db, language, requireSignedIn(request.actor)),
  );

  app.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Start an apology for an injury in which I am the involved partner',
        body: ZStartApologyBody,
        response: { 201: ZWriterApology },
      },
      config: { policy: policy('space-member', 'apology', 'create') },
    },
    async (request, reply) => {
      const apology = await startApology(
        ctx.db,
        language,
        requireSpaceMember(request.actor),
        request.body.injuryId,
      );
      setVersionTag(reply, apology.version);
      return reply.status(201).send(apology);
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'One apology: the writer sees the draft; the partner sees what was sent',
        params: ZIdParams,
        response: { 200: ZApology },
      },
      config: { policy: policy('signed-in', 'apology', 'read') },
    },
    async (request, reply) => {
      const apology = await getApology(
        ctx.db,
        language,
        requireSignedIn(request.actor),
        request.params.id,
      );
      if (apology.view === 'writer') setVersionTag(reply, apology.version);
      return apology;
    },
  );

  app.put(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'Save the private draft (needs If-Match); answers with the language check',
        params: ZIdParams,
        body: ZSaveApologyBody,
        response: { 200: ZWriterApology },
      },
      config: { policy: policy('space-member', 'apology', 'update') },
    },
    async (request, reply) => {
      const apology = await saveApologyDraft(
        ctx.db,
        language,
        requireSpaceMember(request.actor),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setVersionTag(reply, apology.version);
      return apology;
    },
  );

  app.post(
    `${BASE}/:id/send`,
    {
      schema: {
        tags,
        summary: 'Send the apology as it is now (a new version; needs If-Match)',
        params: ZIdParams,
        response: { 200: ZWriterApology },
      },
      config: { policy: policy('space-member', 'apology', 'update') },
    },
    async (request, reply) => {
      const apology = await sendApology(
        ctx.db,
        language,
        requireSpaceMember(request.actor),
        request.params.id,
        requireIfMatch(request),
      );
      setVersionTag(reply, apology.version);
      return apology;
    },
  );

  app.get(
    `${BASE}/:id/versions/:number`,
    {
      schema: {
        tags,
        summary: 'The apology as it was sent one time',
        params: ZVersionParams,
        response: { 200: ZApologyVersion },
      },
      config: { policy: policy('signed-in', 'apology', 'read') },
    },
    async (request) =>
      getVersion(ctx.db, requireSignedIn(request.actor), request.params.id, request.params.number),
  );

  app.post(
    `${BASE}/:id/commitments`,
    {
      schema: {
        tags,
        summary: 'Add a commitment (private until the apology is next sent)',
        params: ZIdParams,
        body: ZCommitmentBody,
        response: { 201: ZCommitment },
      },
      config: { policy: policy('space-member', 'apology', 'create') },
    },
    async (request, reply) => {
      const commitment = await addCommitment(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        request.body,
      );
      setVersionTag(reply, commitment.version);
      return reply.status(201).send(commitment);
    },
  );

  app.put(
    `${BASE}/commitments/:id`,
    {
      schema: {
        tags,
        summary: "Change a commitment's words or check-in day (needs If-Match)",
        params: ZIdParams,
        body: ZCommitmentBody,
        response: { 200: ZCommitment },
      },
      config: { policy: policy('space-member', 'apology', 'update') },
    },
    async (request, reply) => {
      const commitment = await editCommitment(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setVersionTag(reply, commitment.version);
      return commitment;
    },
  );

  app.delete(
    `${BASE}/commitments/:id`,
    {
      schema: {
        tags,
        summary: 'Remove a commitment that was never sent',
        params: ZIdParams,
      },
      config: { policy: policy('space-member', 'apology', 'delete') },
    },
    async (request, reply) => {
      await removeCommitment(ctx.db, requireSpaceMember(request.actor), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    `${BASE}/commitments/:id/follow-through`,
    {
      schema: {
        tags,
        summary: 'Note how I kept a commitment (shared with my partner)',
        params: ZIdParams,
        body: ZFollowThroughBody,
        response: { 201: ZCommitment },
      },
      config: { policy: policy('space-member', 'apology', 'create') },
    },
    async (request, reply) => {
      const commitment = await addFollowThrough(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(commitment);
    },
  );

  app.put(
    `${BASE}/commitments/follow-through/:id/acknowledgement`,
    {
      schema: {
        tags,
        summary: 'Answer a follow-through note: "I see it" or "not yet" (If-Match: 0 at first)',
        params: ZIdParams,
        body: ZAckBody,
        response: { 200: ZCommitment },
      },
      config: { policy: policy('space-member', 'apology', 'update') },
    },
    async (request) =>
      acknowledge(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        requireIfMatch(request),
        request.body,
      ),
  );
}
