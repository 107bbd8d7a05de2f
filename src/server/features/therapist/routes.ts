import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams, ZOk } from '#shared/schemas/common.ts';
import {
  ZActivePracticeLink,
  ZClaimPreview,
  ZCoupleLinks,
  ZCreatedTherapistLink,
  ZPracticeLink,
  ZPracticeLinks,
  ZTherapistProfile,
  ZTherapistProfileBody,
  ZTherapistSignUpBody,
  ZTherapistTokenBody,
} from '#shared/schemas/therapist.ts';
import { createAccountQuietly, newPasswordHash } from '#server/auth/accounts.ts';
import { limitCredentialTry } from '#server/auth/rate-limit.ts';
import { requireRecentStepUp } from '#server/auth/step-up.ts';
import type { ServerContext } from '#server/context.ts';
import { therapistProfiles } from '#server/db/schema/index.ts';
import { requireSignedIn, requireSpaceMember, requireTherapist } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import {
  approveLink,
  cancelInvite,
  claimLink,
  createLink,
  listCoupleLinks,
  listPracticeLinks,
  previewClaim,
  readActivePracticeLink,
  readProfile,
  revokeLink,
  updateProfile,
} from './service';

export function registerTherapistRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const rateLimit = { max: ctx.config.authRateLimitPerMinute, timeWindow: 60_000 };

  // ---- The therapist's account ----

  app.post(
    '/api/therapist/signup',
    {
      schema: {
        tags: ['therapist'],
        summary:
          'Create a therapist account; the answer is the same whether or not the address has one',
        body: ZTherapistSignUpBody,
        response: { 202: ZOk },
      },
      config: { policy: policy('public', 'therapist-profile', 'create') },
    },
    async (request, reply) => {
      const { displayName, email, password, practiceName, licence } = request.body;
      await limitCredentialTry(db, ctx.config, request, reply, { route: 'signup', address: email });
      // The partner sign-up's path (decision 0029): hashed either way, one email either way, and
      // the same 202 whether or not the address has an account. The web app signs in next.
      const passwordHash = await newPasswordHash(password);
      await db.transaction(async (tx) => {
        const userId = await createAccountQuietly(tx, { email, displayName, passwordHash });
        if (userId) await tx.insert(therapistProfiles).values({ userId, practiceName, licence });
      });
      ctx.jobs.nudge();
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.get(
    '/api/therapist/profile',
    {
      schema: {
        tags: ['therapist'],
        summary: 'My practice details, and whether the operator has verified them',
        response: { 200: ZTherapistProfile },
      },
      config: { policy: policy('therapist', 'therapist-profile', 'read') },
    },
    async (request) => readProfile(db, requireTherapist(request.actor)),
  );

  app.put(
    '/api/therapist/profile',
    {
      schema: {
        tags: ['therapist'],
        summary: 'Change my practice name or licence text',
        body: ZTherapistProfileBody,
        response: { 200: ZTherapistProfile },
      },
      config: { policy: policy('therapist', 'therapist-profile', 'update') },
    },
    async (request) => updateProfile(db, requireTherapist(request.actor), request.body),
  );

  // ---- The couple's side ----

  app.get(
    '/api/therapist',
    {
      schema: {
        tags: ['therapist'],
        summary: "Our space's therapist links and where each one stands",
        response: { 200: ZCoupleLinks },
      },
      config: { policy: policy('space-member', 'therapist-link', 'read') },
    },
    async (request) => ({ links: await listCoupleLinks(db, requireSpaceMember(request.actor)) }),
  );

  app.post(
    '/api/therapist/invites',
    {
      schema: {
        tags: ['therapist'],
        summary: 'Make a single-use link to send to a therapist',
        response: { 201: ZCreatedTherapistLink },
      },
      config: { policy: policy('space-member', 'therapist-link', 'create') },
    },
    async (request, reply) => {
      const actor = requireSpaceMember(request.actor);
      // Inviting someone to read shared things is sensitive: the person proves it is them first.
      await requireRecentStepUp(db, actor);
      return reply.status(201).send(await createLink(db, actor));
    },
  );

  app.delete(
    '/api/therapist/invites/:id',
    {
      schema: {
        tags: ['therapist'],
        summary: 'Cancel a therapist link nobody has used yet',
        params: ZIdParams,
        response: { 200: ZOk },
      },
      config: { policy: policy('space-member', 'therapist-link', 'delete') },
    },
    async (request) => {
      await cancelInvite(db, requireSpaceMember(request.actor), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/therapist/links/:id/approve',
    {
      schema: {
        tags: ['therapist'],
        summary:
          'Approve the therapist who claimed our link (each partner, after a step-up; repeating is harmless)',
        params: ZIdParams,
        response: { 200: ZCoupleLinks },
      },
      config: { policy: policy('space-member', 'therapist-link', 'update') },
    },
    async (request) => {
      const actor = requireSpaceMember(request.actor);
      // Approving lets a therapist read what we share: as sensitive as inviting one (step-up).
      await requireRecentStepUp(db, actor);
      return { links: await approveLink(db, actor, request.params.id) };
    },
  );

  app.post(
    '/api/therapist/links/:id/revoke',
    {
      schema: {
        tags: ['therapist'],
        summary:
          "End a therapist link (either partner, at any time; effective on the therapist's next request)",
        params: ZIdParams,
        response: { 200: ZCoupleLinks },
      },
      config: { policy: policy('space-member', 'therapist-link', 'delete') },
    },
    async (request) => ({
      links: await revokeLink(db, requireSpaceMember(request.actor), request.params.id),
    }),
  );

  // ---- The therapist's side ----

  app.post(
    '/api/therapist/claim/preview',
    {
      schema: {
        tags: ['therapist'],
        summary: 'Who sent this therapist link, and until when it works (the token is the secret)',
        body: ZTherapistTokenBody,
        response: { 200: ZClaimPreview },
      },
      config: { policy: policy('public', 'therapist-link', 'read'), rateLimit },
    },
    async (request) => previewClaim(db, request.body.token),
  );

  app.post(
    '/api/therapist/claim',
    {
      schema: {
        tags: ['therapist'],
        summary: 'Claim a therapist link with my therapist account',
        body: ZTherapistTokenBody,
        response: { 200: ZPracticeLink },
      },
      // Signed-in rather than 'therapist', so a partner account gets a clear `not_a_therapist`.
      config: { policy: policy('signed-in', 'therapist-link', 'update'), rateLimit },
    },
    async (request) => claimLink(db, requireSignedIn(request.actor), request.body.token),
  );

  app.get(
    '/api/therapist/links',
    {
      schema: {
        tags: ['therapist'],
        summary: 'My links with couples: pending, active, or ended',
        response: { 200: ZPracticeLinks },
      },
      config: { policy: policy('therapist', 'therapist-link', 'read') },
    },
    async (request) => ({ links: await listPracticeLinks(db, requireTherapist(request.actor)) }),
  );

  app.get(
    '/api/therapist/links/:id',
    {
      schema: {
        tags: ['therapist'],
        summary: 'One active link of mine (404 once it is not active)',
        params: ZIdParams,
        response: { 200: ZActivePracticeLink },
      },
      config: { policy: policy('therapist', 'therapist-link', 'read') },
    },
    async (request) =>
      readActivePracticeLink(db, requireTherapist(request.actor), request.params.id),
  );
}
