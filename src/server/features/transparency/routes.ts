import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { ZIdParams } from '#shared/schemas/common.ts';
import {
  ZOfferAnswerBody,
  ZOfferCreateBody,
  ZOfferDatesBody,
  ZOfferList,
  ZOfferPauseBody,
  ZOfferResponse,
  type TOffer,
} from '#shared/schemas/transparency.ts';
import type { ServerContext } from '#server/context.ts';
import { requireIfMatch, setVersionTag } from '#server/http/versioning.ts';
import { requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { registerOfferReviewJob } from './review-job';
import { answerOffer, createOffer, listOffers, pauseOffer, setOfferDates } from './service';

/**
 * Transparency offers (`/api/transparency`, for members of a space): the involved partner offers
 * openness in their own words; the hurt partner accepts each or not; either may pause one.
 */
export function registerTransparencyRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['transparency'];
  registerOfferReviewJob(ctx);

  app.get(
    '/api/transparency',
    {
      schema: {
        tags,
        summary: 'The offers between us, newest first, and whether I may make one',
        response: { 200: ZOfferList },
      },
      config: { policy: policy('space-member', 'transparency-offer', 'read') },
    },
    async (request) => listOffers(ctx.db, requireSpaceMember(request.actor)),
  );

  app.post(
    '/api/transparency',
    {
      schema: {
        tags,
        summary: 'Offer something, in my own words (the involved partner of an injury)',
        body: ZOfferCreateBody,
        response: { 201: ZOfferResponse },
      },
      config: { policy: policy('space-member', 'transparency-offer', 'create') },
    },
    async (request, reply) => {
      const offer = await createOffer(ctx.db, requireSpaceMember(request.actor), request.body);
      setVersionTag(reply, offer.version);
      return reply.status(201).send({ offer });
    },
  );

  const change = <B>(
    path: string,
    summary: string,
    body: ZodType<B>,
    run: (
      actor: ReturnType<typeof requireSpaceMember>,
      id: string,
      expected: number,
      input: B,
    ) => Promise<TOffer>,
  ): void => {
    app.put(
      path,
      {
        schema: { tags, summary, params: ZIdParams, body, response: { 200: ZOfferResponse } },
        config: { policy: policy('space-member', 'transparency-offer', 'update') },
      },
      async (request, reply) => {
        const actor = requireSpaceMember(request.actor);
        const expected = requireIfMatch(request);
        const offer = await run(actor, request.params.id, expected, request.body as B);
        setVersionTag(reply, offer.version);
        return { offer };
      },
    );
  };

  change(
    '/api/transparency/:id/answer',
    'Accept an offer made to me, or not (If-Match: the version I read)',
    ZOfferAnswerBody,
    (actor, id, expected, input) => answerOffer(ctx.db, actor, id, expected, input.accept),
  );
  change(
    '/api/transparency/:id/pause',
    'Pause an offer (either of us, any time) or take my pause away',
    ZOfferPauseBody,
    (actor, id, expected, input) => pauseOffer(ctx.db, actor, id, expected, input.paused),
  );
  change(
    '/api/transparency/:id/dates',
    'Change the review day or the end day of my offer (today ends it now)',
    ZOfferDatesBody,
    (actor, id, expected, input) => setOfferDates(ctx.db, actor, id, expected, input),
  );
}
