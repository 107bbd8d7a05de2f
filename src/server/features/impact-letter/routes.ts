import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '#shared/schemas/common.ts';
import {
  ZLetter,
  ZLetterVersionParams,
  ZMarkBody,
  ZMarkParams,
  ZOverview,
  ZPublishedLetter,
  ZReflection,
  ZReflectionBody,
  ZSaveLetterBody,
  ZStartLetterBody,
  ZWriterLetter,
} from '#shared/schemas/impact-letter.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSignedIn, requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import {
  getLetter,
  getLetterVersion,
  getOverview,
  markReflection,
  saveLetterDraft,
  saveReflectionDraft,
  sendReflection,
  shareLetter,
  startLetter,
  startReflection,
  unshareLetter,
  withdrawReflection,
} from './service';

const tags = ['impact-letter'];

/**
 * The impact letter and the reflection on it. Reading one's own letters works after leaving a
 * space; writing, sharing and reflecting need one. Sharing, sending and marking are joint actions.
 */
export function registerImpactLetterRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/impact-letter',
    {
      schema: {
        tags,
        summary: 'My letters, and the letters my partner shared with me',
        response: { 200: ZOverview },
      },
      config: { policy: policy('signed-in', 'impact-letter', 'read') },
    },
    async (request) => getOverview(ctx.db, requireSignedIn(request.actor)),
  );

  app.post(
    '/api/impact-letter/letters',
    {
      schema: {
        tags,
        summary: 'Start a letter (the current one, if any, is kept as it was)',
        body: ZStartLetterBody,
        response: { 201: ZWriterLetter },
      },
      config: { policy: policy('space-member', 'impact-letter', 'create') },
    },
    async (request, reply) => {
      const letter = await startLetter(
        ctx.db,
        requireSpaceMember(request.actor),
        request.body.replacing,
      );
      setVersionTag(reply, letter.version);
      return reply.status(201).send(letter);
    },
  );

  app.get(
    '/api/impact-letter/letters/:id',
    {
      schema: {
        tags,
        summary: 'One letter: the writer sees the draft; the partner sees what was shared',
        params: ZIdParams,
        response: { 200: ZLetter },
      },
      config: { policy: policy('signed-in', 'impact-letter', 'read') },
    },
    async (request, reply) => {
      const letter = await getLetter(ctx.db, requireSignedIn(request.actor), request.params.id);
      if (letter.view === 'writer') setVersionTag(reply, letter.version);
      return letter;
    },
  );

  app.put(
    '/api/impact-letter/letters/:id',
    {
      schema: {
        tags,
        summary: 'Save the draft (private; needs If-Match)',
        params: ZIdParams,
        body: ZSaveLetterBody,
        response: { 200: ZWriterLetter },
      },
      config: { policy: policy('space-member', 'impact-letter', 'update') },
    },
    async (request, reply) => {
      const letter = await saveLetterDraft(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setVersionTag(reply, letter.version);
      return letter;
    },
  );

  app.get(
    '/api/impact-letter/letters/:id/versions/:number',
    {
      schema: {
        tags,
        summary: 'A letter as it was shared at one time',
        params: ZLetterVersionParams,
        response: { 200: ZPublishedLetter },
      },
      config: { policy: policy('signed-in', 'impact-letter', 'read') },
    },
    async (request) =>
      getLetterVersion(
        ctx.db,
        requireSignedIn(request.actor),
        request.params.id,
        request.params.number,
      ),
  );

  app.post(
    '/api/impact-letter/letters/:id/share',
    {
      schema: {
        tags,
        summary: 'Share the letter as it is now with my partner (needs If-Match)',
        params: ZIdParams,
        response: { 200: ZWriterLetter },
      },
      config: { policy: policy('space-member', 'impact-letter', 'update') },
    },
    async (request, reply) => {
      const letter = await shareLetter(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        requireIfMatch(request),
      );
      setVersionTag(reply, letter.version);
      return letter;
    },
  );

  app.post(
    '/api/impact-letter/letters/:id/unshare',
    {
      schema: {
        tags,
        summary: 'Make a letter private again (always allowed)',
        params: ZIdParams,
        response: { 200: ZWriterLetter },
      },
      config: { policy: policy('signed-in', 'impact-letter', 'update') },
    },
    async (request, reply) => {
      const letter = await unshareLetter(ctx.db, requireSignedIn(request.actor), request.params.id);
      setVersionTag(reply, letter.version);
      return letter;
    },
  );

  app.post(
    '/api/impact-letter/letters/:id/reflections',
    {
      schema: {
        tags,
        summary: 'Start a reflection on a letter shared with me (a private draft)',
        params: ZIdParams,
        body: ZReflectionBody,
        response: { 201: ZReflection },
      },
      config: { policy: policy('space-member', 'impact-letter', 'create') },
    },
    async (request, reply) => {
      const reflection = await startReflection(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        request.body,
      );
      setVersionTag(reply, reflection.version!);
      return reply.status(201).send(reflection);
    },
  );

  app.put(
    '/api/impact-letter/reflections/:id',
    {
      schema: {
        tags,
        summary: 'Save my reflection draft (needs If-Match)',
        params: ZIdParams,
        body: ZReflectionBody,
        response: { 200: ZReflection },
      },
      config: { policy: policy('space-member', 'impact-letter', 'update') },
    },
    async (request, reply) => {
      const reflection = await saveReflectionDraft(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setVersionTag(reply, reflection.version!);
      return reflection;
    },
  );

  app.post(
    '/api/impact-letter/reflections/:id/send',
    {
      schema: {
        tags,
        summary: 'Send my reflection to the letter writer (needs If-Match)',
        params: ZIdParams,
        response: { 200: ZReflection },
      },
      config: { policy: policy('space-member', 'impact-letter', 'update') },
    },
    async (request, reply) => {
      const reflection = await sendReflection(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        requireIfMatch(request),
      );
      setVersionTag(reply, reflection.version!);
      return reflection;
    },
  );

  app.post(
    '/api/impact-letter/reflections/:id/unshare',
    {
      schema: {
        tags,
        summary: 'Take a sent reflection back (always allowed)',
        params: ZIdParams,
        response: { 200: ZReflection },
      },
      config: { policy: policy('signed-in', 'impact-letter', 'update') },
    },
    async (request, reply) => {
      const reflection = await withdrawReflection(
        ctx.db,
        requireSignedIn(request.actor),
        request.params.id,
      );
      setVersionTag(reply, reflection.version!);
      return reflection;
    },
  );

  app.put(
    '/api/impact-letter/reflections/:id/marks/:part',
    {
      schema: {
        tags,
        summary:
          'Answer one part of a reflection: "I felt understood" or "not yet" (If-Match: 0 for a first answer)',
        params: ZMarkParams,
        body: ZMarkBody,
        response: { 200: ZReflection },
      },
      config: { policy: policy('space-member', 'impact-letter', 'update') },
    },
    async (request) =>
      markReflection(
        ctx.db,
        requireSpaceMember(request.actor),
        request.params.id,
        request.params.part,
        requireIfMatch(request),
        request.body,
      ),
  );
}
