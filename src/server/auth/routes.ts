import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, notFound } from '#shared/errors.ts';
import {
  ZMeResponse,
  ZSessionList,
  ZSignInBody,
  ZSignOutOthersResponse,
  ZSignUpBody,
} from '#shared/schemas/auth.ts';
import { ZSecondStepNeeded } from '#shared/schemas/two-step.ts';
import { ZIdParams, ZOk } from '#shared/schemas/common.ts';
import type { ServerContext } from '#server/context.ts';
import { sessions, therapistProfiles, users } from '#server/db/schema/index.ts';
import { policy } from '#server/policy/route-policy.ts';
import { scope } from '#server/policy/rules.ts';
import { requireSignedIn } from '#server/policy/require.ts';
import { clearSessionCookie, readSessionToken, setSessionCookie } from './cookie';
import { describeDevice } from './device';
import { createAccountQuietly, newPasswordHash } from './accounts';
import { limitCredentialTry, sweepRateLimits } from './rate-limit';
import { sweepAccountTokens } from './account-tokens';
import { isNewDevice, recordSecurityEvent } from './security-events';
import { registerSignupEmailJob } from './signup-email';
import { accountLinks } from './links';
import { emailTime, sendEmail } from '#server/email/index.ts';
import { verifyPassword } from './passwords';
import { startSecondStepIfNeeded } from './two-step-routes';

const SIGN_IN_FAILED =
  'That email and password do not match an account. Please check both and try again.';

export function registerAuthRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { config, db } = ctx;
  registerSignupEmailJob(ctx);
  ctx.jobs.addSweep(sweepRateLimits);
  ctx.jobs.addSweep(sweepAccountTokens);

  app.post(
    '/api/auth/signup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an account; the answer is the same whether or not the address has one',
        body: ZSignUpBody,
        response: { 202: ZOk },
      },
      config: { policy: policy('public', 'user', 'create') },
    },
    async (request, reply) => {
      const { displayName, email, password } = request.body;
      await limitCredentialTry(db, config, request, reply, { route: 'signup', address: email });
      // Hashed either way, so an address with an account answers in the same time (ASVS 6.3.8).
      const passwordHash = await newPasswordHash(password);
      // One email either way: "confirm your address", or "you already have an account".
      await db.transaction((tx) => createAccountQuietly(tx, { email, displayName, passwordHash }));
      ctx.jobs.nudge();
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/signin',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in',
        body: ZSignInBody,
        response: { 200: ZMeResponse, 202: ZSecondStepNeeded },
      },
      config: { policy: policy('public', 'session', 'create') },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      await limitCredentialTry(db, config, request, reply, { route: 'signin', address: email });
      const [user] = await db
        .select({
          id: users.id,
          displayName: users.displayName,
          email: users.email,
          passwordHash: users.passwordHash,
          practiceName: therapistProfiles.practiceName,
          verifiedAt: therapistProfiles.verifiedAt,
        })
        .from(users)
        .leftJoin(therapistProfiles, eq(therapistProfiles.userId, users.id))
        .where(eq(sql`lower(${users.email})`, email))
        .limit(1);
      const matches = await verifyPassword(user?.passwordHash, password);
      if (!user || !matches) throw new AppError('unauthenticated', SIGN_IN_FAILED);
      // With a second step turned on, the password opens only a short pending sign-in.
      const secondStep = await startSecondStepIfNeeded(ctx, reply, user.id);
      if (secondStep) return reply.status(202).send(secondStep);
      // A fresh token at every sign-in (session fixation defence); the old cookie, if any, is replaced.
      await ctx.sessions.sweepDead(user.id);
      const device = describeDevice(request.headers['user-agent']);
      const token = await db.transaction(async (tx) => {
        const newDevice = await isNewDevice(tx, user.id, device);
        const event = await recordSecurityEvent(tx, { userId: user.id, kind: 'sign-in', device });
        if (newDevice)
          await sendEmail(tx, {
            to: user.email,
            template: 'newSignIn',
            data: { when: emailTime(event.at), device, resetLink: accountLinks(config).forgot },
            dedupKey: `new-sign-in:${event.id}`,
          });
        return ctx.sessions.create(user.id, device, { db: tx });
      });
      ctx.jobs.nudge();
      setSessionCookie(reply, config, token);
      return {
        user: { id: user.id, displayName: user.displayName, email: user.email },
        therapist:
          user.practiceName === null
            ? null
            : { practiceName: user.practiceName, verified: user.verifiedAt !== null },
      };
    },
  );

  app.post(
    '/api/auth/signout',
    {
      schema: { tags: ['auth'], summary: 'Sign out of this device', response: { 200: ZOk } },
      config: { policy: policy('public', 'session', 'delete') },
    },
    async (request, reply) => {
      const token = readSessionToken(request, config);
      if (token) await ctx.sessions.endByToken(token);
      clearSessionCookie(reply, config);
      reply.header('clear-site-data', '"cache", "storage"');
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], summary: 'Who am I', response: { 200: ZMeResponse } },
      // The page asks who is signed in even while the session is locked after a pause.
      config: { policy: policy('signed-in', 'user', 'read', { whileLocked: true }) },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      const user = { id: actor.userId, displayName: actor.displayName, email: actor.email };
      if (!actor.therapist) return { user, therapist: null };
      // Only therapist accounts pay for this second, indexed read.
      const [profile] = await db
        .select({ practiceName: therapistProfiles.practiceName })
        .from(therapistProfiles)
        .where(eq(therapistProfiles.userId, actor.userId));
      return {
        user,
        therapist: {
          verified: actor.therapist.verified,
          practiceName: profile?.practiceName ?? '',
        },
      };
    },
  );

  app.get(
    '/api/auth/sessions',
    {
      schema: { tags: ['auth'], summary: 'My active sessions', response: { 200: ZSessionList } },
      config: { policy: policy('signed-in', 'session', 'read') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      const rows = await db
        .select({
          id: sessions.id,
          createdAt: sessions.createdAt,
          lastSeenAt: sessions.lastSeenAt,
          device: sessions.device,
        })
        .from(sessions)
        .where(and(scope.sessions(actor), ctx.sessions.isLive()))
        .orderBy(desc(sessions.lastSeenAt))
        .limit(100);
      return {
        sessions: rows.map((row) => ({
          id: row.id,
          createdAt: row.createdAt.toISOString(),
          lastSeenAt: row.lastSeenAt.toISOString(),
          device: row.device,
          current: row.id === actor.sessionId,
        })),
      };
    },
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out one of my sessions',
        params: ZIdParams,
        response: { 200: ZOk },
      },
      config: { policy: policy('signed-in', 'session', 'delete') },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request.actor);
      const deleted = await db
        .delete(sessions)
        .where(and(scope.sessions(actor), eq(sessions.id, request.params.id)))
        .returning({ id: sessions.id });
      if (deleted.length === 0) throw notFound();
      if (request.params.id === actor.sessionId) clearSessionCookie(reply, config);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/sessions/signout-others',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out of all other devices',
        response: { 200: ZSignOutOthersResponse },
      },
      config: { policy: policy('signed-in', 'session', 'delete') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      const deleted = await db
        .delete(sessions)
        .where(and(scope.sessions(actor), ne(sessions.id, actor.sessionId)))
        .returning({ id: sessions.id });
      return { signedOut: deleted.length };
    },
  );
}
