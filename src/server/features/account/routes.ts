import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '#shared/errors.ts';
import {
  ZAccount,
  ZActivity,
  ZChangeEmail,
  ZChangeName,
  ZChangePassword,
  ZResetComplete,
  ZResetRequest,
  ZTokenBody,
} from '#shared/schemas/account.ts';
import { ZOk } from '#shared/schemas/common.ts';
import { peekAccountToken, useAccountToken } from '#server/auth/account-tokens.ts';
import { newPasswordHash } from '#server/auth/accounts.ts';
import { clearSessionCookie } from '#server/auth/cookie.ts';
import { describeDevice } from '#server/auth/device.ts';
import { accountLinks } from '#server/auth/links.ts';
import { verifyPassword } from '#server/auth/passwords.ts';
import { limitCredentialTry } from '#server/auth/rate-limit.ts';
import { checkSecondFactorForReset } from '#server/auth/second-factor.ts';
import { recordSecurityEvent } from '#server/auth/security-events.ts';
import { requireRecentStepUp } from '#server/auth/step-up.ts';
import { SIGNUP_EMAIL_JOB, type SignupEmailPayload } from '#server/auth/signup-email.ts';
import type { ServerContext } from '#server/context.ts';
import { securityEvents, users } from '#server/db/schema/index.ts';
import { emailTime, sendEmail } from '#server/email/index.ts';
import { enqueue } from '#server/jobs/index.ts';
import { policy } from '#server/policy/route-policy.ts';
import { requireSignedIn } from '#server/policy/require.ts';
import {
  CONFIRM_NEW_EMAIL_JOB,
  endSessions,
  linkExpired,
  registerAccountJobs,
  RESET_REQUESTED_JOB,
  userById,
  userByEmail,
} from './service';
import { ownRows } from '#server/policy/rules.ts';

const WRONG_PASSWORD = 'That is not your current password. Please try again.';

/**
 * The person's own account: name, email, password, recent activity, sign out everywhere, and the
 * two flows that start from an email (confirm an address, reset a forgotten password).
 */
export function registerAccountRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { config, db } = ctx;
  const links = accountLinks(config);
  const deviceOf = (request: FastifyRequest) => describeDevice(request.headers['user-agent']);
  registerAccountJobs(ctx);

  app.get(
    '/api/account',
    {
      schema: { tags: ['account'], summary: 'My account', response: { 200: ZAccount } },
      config: { policy: policy('signed-in', 'user', 'read') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      const user = await userById(db, actor.userId);
      if (!user) throw new AppError('unauthenticated', 'Please sign in again.');
      return {
        displayName: user.displayName,
        email: user.email,
        emailVerified: user.emailVerifiedAt !== null,
      };
    },
  );

  app.put(
    '/api/account/name',
    {
      schema: {
        tags: ['account'],
        summary: 'Change my name',
        body: ZChangeName,
        response: { 200: ZOk },
      },
      config: { policy: policy('signed-in', 'user', 'update') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ displayName: request.body.displayName })
          .where(eq(users.id, actor.userId));
        await recordSecurityEvent(tx, {
          userId: actor.userId,
          kind: 'name-changed',
          device: deviceOf(request),
        });
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/account/password',
    {
      schema: {
        tags: ['account'],
        summary: 'Change my password (needs the current one); other devices are signed out',
        body: ZChangePassword,
        response: { 200: ZOk },
      },
      config: { policy: policy('signed-in', 'user', 'update') },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request.actor);
      await limitCredentialTry(db, config, request, reply, {
        route: 'password',
        userId: actor.userId,
      });
      const user = await userById(db, actor.userId);
      if (!user || !(await verifyPassword(user.passwordHash, request.body.currentPassword)))
        throw new AppError('validation_failed', WRONG_PASSWORD, {
          currentPassword: WRONG_PASSWORD,
        });
      const passwordHash = await newPasswordHash(request.body.newPassword, 'newPassword');
      const device = deviceOf(request);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
        await endSessions(tx, actor.userId, actor.sessionId);
        const event = await recordSecurityEvent(tx, {
          userId: actor.userId,
          kind: 'password-changed',
          device,
        });
        await sendEmail(tx, {
          to: user.email,
          template: 'passwordChanged',
          data: { when: emailTime(event.at), device, how: 'change', resetLink: links.forgot },
          dedupKey: `password-changed:${event.id}`,
        });
      });
      ctx.jobs.nudge();
      return { ok: true as const };
    },
  );

  app.post(
    '/api/account/email',
    {
      schema: {
        tags: ['account'],
        summary:
          'Ask to move my account to another address (after a step-up; confirmed from that address)',
        body: ZChangeEmail,
        response: { 202: ZOk },
      },
      config: { policy: policy('signed-in', 'user', 'update') },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request.actor);
      await limitCredentialTry(db, config, request, reply, {
        route: 'email',
        userId: actor.userId,
      });
      // Moving the account to another address is how someone would take it over: the person
      // confirms it is them first (step-up: password or second step), as for the second steps.
      await requireRecentStepUp(db, actor);
      const user = await userById(db, actor.userId);
      if (!user) throw new AppError('unauthenticated', 'Please sign in again.');
      const { newEmail } = request.body;
      if (newEmail === user.email.toLowerCase())
        throw new AppError('validation_failed', 'That is already your address.', {
          newEmail: 'That is already your address. Please enter the new one.',
        });
      // The same answer whether or not the new address has an account: its owner learns at the link.
      await db.transaction(async (tx) => {
        await recordSecurityEvent(tx, {
          userId: actor.userId,
          kind: 'email-change-requested',
          device: deviceOf(request),
        });
        await enqueue(tx, {
          kind: CONFIRM_NEW_EMAIL_JOB,
          dedupKey: `confirm-new-email:${randomUUID()}`,
          payload: { userId: actor.userId, newEmail },
        });
      });
      ctx.jobs.nudge();
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/account/email/confirm',
    {
      schema: {
        tags: ['account'],
        summary: 'Confirm a new address with the link sent to it',
        body: ZTokenBody,
        response: { 200: ZOk },
      },
      config: { policy: policy('public', 'user', 'update') },
    },
    async (request, reply) => {
      await limitCredentialTry(db, config, request, reply, { route: 'email-confirm' });
      const device = deviceOf(request);
      await db.transaction(async (tx) => {
        const grant = await useAccountToken(tx, request.body.token, 'change-email');
        if (!grant) throw linkExpired();
        const user = await userById(tx, grant.userId);
        if (!user) throw linkExpired();
        const holder = await userByEmail(tx, grant.email);
        if (holder && holder.id !== user.id)
          throw new AppError(
            'conflict',
            'This address now belongs to another account, so we could not move yours to it.',
          );
        await tx
          .update(users)
          .set({ email: grant.email, emailVerifiedAt: new Date() })
          .where(eq(users.id, user.id));
        const event = await recordSecurityEvent(tx, {
          userId: user.id,
          kind: 'email-changed',
          device,
        });
        await sendEmail(tx, {
          to: user.email,
          template: 'emailChanged',
          data: { when: emailTime(event.at), device },
          dedupKey: `email-changed:${event.id}`,
        });
      });
      ctx.jobs.nudge();
      return { ok: true as const };
    },
  );

  app.post(
    '/api/account/verify-email',
    {
      schema: {
        tags: ['account'],
        summary: 'Confirm my address with the link sent at sign-up',
        body: ZTokenBody,
        response: { 200: ZOk },
      },
      config: { policy: policy('public', 'user', 'update') },
    },
    async (request, reply) => {
      await limitCredentialTry(db, config, request, reply, { route: 'verify' });
      await db.transaction(async (tx) => {
        const grant = await useAccountToken(tx, request.body.token, 'verify-email');
        if (!grant) throw linkExpired();
        // Only the address the link was sent to: a link from before a change of address confirms nothing.
        const updated = await tx
          .update(users)
          .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
          .where(
            and(
              eq(users.id, grant.userId),
              eq(sql`lower(${users.email})`, grant.email.toLowerCase()),
            ),
          )
          .returning({ id: users.id });
        if (updated.length === 0) throw linkExpired();
        await recordSecurityEvent(tx, {
          userId: grant.userId,
          kind: 'email-verified',
          device: deviceOf(request),
        });
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/account/verify-email/resend',
    {
      schema: {
        tags: ['account'],
        summary: 'Send the confirmation link again',
        response: { 202: ZOk },
      },
      config: { policy: policy('signed-in', 'user', 'update') },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request.actor);
      await limitCredentialTry(db, config, request, reply, {
        route: 'verify-resend',
        userId: actor.userId,
      });
      const user = await userById(db, actor.userId);
      if (user && user.emailVerifiedAt === null) {
        await enqueue(db, {
          kind: SIGNUP_EMAIL_JOB,
          dedupKey: `verify-again:${randomUUID()}`,
          payload: { email: user.email, userId: user.id } satisfies SignupEmailPayload,
        });
        ctx.jobs.nudge();
      }
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/account/password-reset',
    {
      schema: {
        tags: ['account'],
        summary: 'Email a link to choose a new password; the same answer for any address',
        body: ZResetRequest,
        response: { 202: ZOk },
      },
      config: { policy: policy('public', 'user', 'update') },
    },
    async (request, reply) => {
      const { email } = request.body;
      await limitCredentialTry(db, config, request, reply, { route: 'reset', address: email });
      // Only a job is queued here; whether the address has an account is looked at by the job.
      await enqueue(db, {
        kind: RESET_REQUESTED_JOB,
        dedupKey: `reset:${randomUUID()}`,
        payload: { email },
      });
      ctx.jobs.nudge();
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/account/password-reset/complete',
    {
      schema: {
        tags: ['account'],
        summary: 'Choose a new password with the emailed link; every session ends',
        body: ZResetComplete,
        response: { 200: ZOk },
      },
      config: { policy: policy('public', 'user', 'update') },
    },
    async (request, reply) => {
      const { token, password, code } = request.body;
      await limitCredentialTry(db, config, request, reply, { route: 'reset-complete' });
      const grant = await peekAccountToken(db, token, 'reset-password');
      if (!grant) throw linkExpired();
      await limitCredentialTry(db, config, request, reply, {
        route: 'reset-complete',
        userId: grant.userId,
      });
      // Never round two-step sign-in: an account with a second factor needs it here too.
      const second = await checkSecondFactorForReset(db, grant.userId, { code }, config);
      if (second === 'required' || second === 'wrong') {
        const message =
          second === 'required'
            ? 'Please also enter a code from your authenticator app, or a recovery code.'
            : 'That code did not work. Please check it and try again.';
        throw new AppError('validation_failed', message, { code: message });
      }
      const passwordHash = await newPasswordHash(password);
      const device = deviceOf(request);
      await db.transaction(async (tx) => {
        const used = await useAccountToken(tx, token, 'reset-password');
        if (!used || used.userId !== grant.userId) throw linkExpired();
        const user = await userById(tx, used.userId);
        if (!user) throw linkExpired();
        // The link proved the person reads mail at this address.
        await tx
          .update(users)
          .set({
            passwordHash,
            emailVerifiedAt:
              user.email.toLowerCase() === used.email.toLowerCase()
                ? sql`coalesce(${users.emailVerifiedAt}, now())`
                : users.emailVerifiedAt,
          })
          .where(eq(users.id, user.id));
        await endSessions(tx, user.id);
        const event = await recordSecurityEvent(tx, {
          userId: user.id,
          kind: 'password-reset',
          device,
        });
        await sendEmail(tx, {
          to: user.email,
          template: 'passwordChanged',
          data: { when: emailTime(event.at), device, how: 'reset', resetLink: links.forgot },
          dedupKey: `password-reset:${event.id}`,
        });
      });
      ctx.jobs.nudge();
      // This device may hold a session of the account too: it has just ended.
      clearSessionCookie(reply, config);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/account/activity',
    {
      schema: {
        tags: ['account'],
        summary: 'Recent sign-ins and changes to my account',
        response: { 200: ZActivity },
      },
      config: { policy: policy('signed-in', 'user', 'read') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      const rows = await db
        .select({
          id: securityEvents.id,
          kind: securityEvents.kind,
          device: securityEvents.device,
          at: securityEvents.at,
        })
        .from(securityEvents)
        .where(ownRows(actor, securityEvents.userId))
        .orderBy(desc(securityEvents.at))
        .limit(30);
      return { events: rows.map((row) => ({ ...row, at: row.at.toISOString() })) };
    },
  );

  app.post(
    '/api/account/sign-out-everywhere',
    {
      schema: {
        tags: ['account'],
        summary: 'Sign out on every device, this one too',
        response: { 200: ZOk },
      },
      config: { policy: policy('signed-in', 'session', 'delete') },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request.actor);
      const device = deviceOf(request);
      await db.transaction(async (tx) => {
        await endSessions(tx, actor.userId);
        const event = await recordSecurityEvent(tx, {
          userId: actor.userId,
          kind: 'signed-out-everywhere',
          device,
        });
        await sendEmail(tx, {
          to: actor.email,
          template: 'signedOutEverywhere',
          data: { when: emailTime(event.at), device, resetLink: links.forgot },
          dedupKey: `signed-out-everywhere:${event.id}`,
        });
      });
      ctx.jobs.nudge();
      clearSessionCookie(reply, config);
      reply.header('clear-site-data', '"cache", "storage"');
      return { ok: true as const };
    },
  );
}
