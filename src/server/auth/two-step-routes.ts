import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { AppError, notFound } from '#shared/errors.ts';
import type { TMeResponse } from '#shared/schemas/auth.ts';
import { ZMeResponse } from '#shared/schemas/auth.ts';
import { ZIdParams, ZOk } from '#shared/schemas/common.ts';
import {
  ZPasskeyInfo,
  ZPasskeyOptions,
  ZPasskeyRegisterBody,
  ZRecoveryCodes,
  ZLockState,
  ZRelockBody,
  ZSecondStepBody,
  ZStepUpBody,
  ZStepUpResponse,
  ZTotpConfirmBody,
  ZTotpSetup,
  ZTwoStepStatus,
  type TSecondStepBody,
  type TSecondStepNeeded,
} from '#shared/schemas/two-step.ts';
import type { Config } from '#server/config/index.ts';
import type { ServerContext } from '#server/context.ts';
import type { Database } from '#server/db/index.ts';
import { therapistProfiles, twoStepSettings, users } from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { requireSignedIn } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { emailTime, sendEmail } from '#server/email/index.ts';
import { describeDevice } from './device';
import { accountLinks } from './links';
import { isNewDevice, recordSecurityEvent } from './security-events';
import { setSessionCookie } from './cookie';
import { announceSessionEnd } from '#server/events/notify.ts';
import { lockSession } from './sessions';
import {
  checkPasskeyAnswer,
  listPasskeys,
  passkeyAuthenticationOptions,
  passkeyRegistrationOptions,
  registerPasskey,
  removePasskey,
} from './passkeys';
import { verifyPassword } from './passwords';
import { SecretBox } from './secret-box';
import {
  forgetStepUp,
  keepSessionChallenge,
  recordStepUp,
  requireRecentStepUp,
  stepUpValidUntil,
  takeSessionChallenge,
} from './step-up';
import {
  beginPendingSignIn,
  checkTotpCode,
  dropRecoveryCodes,
  findPendingSignIn,
  finishPendingSignIn,
  hasSecondStep,
  isTotpOn,
  PENDING_SIGN_IN_MS,
  recentSecondStepFailures,
  recordPendingFailure,
  recoveryCodesLeft,
  replaceRecoveryCodes,
  SECOND_STEP_MAX_FAILURES,
  secondStepsOf,
  setPendingChallenge,
  startTotpSetup,
  turnOffTotp,
  useRecoveryCode,
} from './two-step';

/**
 * Routes of two-step sign-in: the second step after the password, step-up before sensitive
 * actions, and the person's own second-step settings (authenticator app, recovery codes,
 * passkeys, the private-area re-lock).
 */

const SECOND_STEP_FAILED = 'That code did not work. Please check it and try again.';
const PENDING_GONE =
  'This sign-in has timed out or had too many tries. Please sign in again with your password.';
const TOO_MANY =
  'There have been too many wrong codes for this account. Please wait a few minutes and try again.';
const STEP_UP_FAILED = 'That did not match. Please check it and try again.';

function pendingCookieName(config: Pick<Config, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-hh_two_step' : 'hh_two_step';
}

function setPendingCookie(reply: FastifyReply, config: Config, token: string) {
  reply.setCookie(pendingCookieName(config), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    maxAge: PENDING_SIGN_IN_MS / 1000,
  });
}

function clearPendingCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(pendingCookieName(config), {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
  });
}

/**
 * Called by the sign-in route once the password matched: when the person has a second step, a
 * pending sign-in starts (a cookie, no session) and the answer says which steps they can use.
 * Returns null when the password alone signs them in.
 */
export async function startSecondStepIfNeeded(
  ctx: ServerContext,
  reply: FastifyReply,
  userId: string,
): Promise<TSecondStepNeeded | null> {
  const steps = await secondStepsOf(ctx.db, userId);
  if (!hasSecondStep(steps)) return null;
  const token = await beginPendingSignIn(ctx.db, userId);
  setPendingCookie(reply, ctx.config, token);
  return { secondStep: { totp: steps.totp, passkey: steps.passkeys > 0 } };
}

/** The signed-in answer for a person, as the sign-in route gives it. */
async function meOf(db: Database, userId: string): Promise<TMeResponse> {
  const [row] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      practiceName: therapistProfiles.practiceName,
      verifiedAt: therapistProfiles.verifiedAt,
    })
    .from(users)
    .leftJoin(therapistProfiles, eq(therapistProfiles.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw new AppError('unauthenticated', PENDING_GONE);
  return {
    user: { id: row.id, displayName: row.displayName, email: row.email },
    therapist:
      row.practiceName === null
        ? null
        : { practiceName: row.practiceName, verified: row.verifiedAt !== null },
  };
}

/** Checks a second step for a person; a passkey needs the challenge issued for this attempt. */
async function checkSecondStep(
  ctx: ServerContext,
  box: SecretBox,
  userId: string,
  body: TSecondStepBody,
  passkeyChallenge: string | null,
): Promise<boolean> {
  switch (body.method) {
    case 'totp':
      return checkTotpCode(ctx.db, box, userId, body.code, { confirmed: true });
    case 'recovery':
      return useRecoveryCode(ctx.db, userId, body.code);
    case 'passkey':
      if (!passkeyChallenge) return false;
      return checkPasskeyAnswer(
        ctx.db,
        ctx.config,
        userId,
        body.response as unknown as AuthenticationResponseJSON,
        passkeyChallenge,
      );
  }
}

type TwoStepChange = 'totp-on' | 'totp-off' | 'codes' | 'passkey-added' | 'passkey-removed';

/** Every change to the second steps is recorded and told by email (ASVS 6.3.7). */
async function tellChange(
  ctx: ServerContext,
  request: FastifyRequest,
  actor: SignedInActor,
  change: TwoStepChange,
) {
  const device = describeDevice(request.headers['user-agent']);
  await ctx.db.transaction(async (tx) => {
    const event = await recordSecurityEvent(tx, {
      userId: actor.userId,
      kind: `two-step-${change}`,
      device,
    });
    await sendEmail(tx, {
      to: actor.email,
      template: 'twoStepChanged',
      data: {
        when: emailTime(event.at),
        device,
        change,
        resetLink: accountLinks(ctx.config).forgot,
      },
      dedupKey: `two-step-changed:${event.id}`,
    });
  });
  ctx.jobs.nudge();
}

export function registerTwoStepRoutes(root: FastifyInstance, ctx: ServerContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { config, db } = ctx;
  const box = new SecretBox(config);
  const rateLimit = { max: config.authRateLimitPerMinute, timeWindow: 60_000 };
  const readPending = (request: FastifyRequest) =>
    findPendingSignIn(db, request.cookies[pendingCookieName(config)]);

  // --- the second step of a sign-in ------------------------------------------------------------

  app.post(
    '/api/auth/signin/passkey-options',
    {
      schema: {
        tags: ['auth'],
        summary: 'Passkey options for the second step of a sign-in',
        response: { 200: ZPasskeyOptions },
      },
      config: { policy: policy('public', 'session', 'create'), rateLimit },
    },
    async (request) => {
      const pending = await readPending(request);
      if (!pending) throw new AppError('unauthenticated', PENDING_GONE);
      const options = await passkeyAuthenticationOptions(db, config, pending.userId);
      await setPendingChallenge(db, pending.id, options.challenge);
      return { ...options };
    },
  );

  app.post(
    '/api/auth/signin/second-step',
    {
      schema: {
        tags: ['auth'],
        summary: 'Finish a sign-in with a code, a recovery code or a passkey',
        body: ZSecondStepBody,
        response: { 200: ZMeResponse },
      },
      config: { policy: policy('public', 'session', 'create'), rateLimit },
    },
    async (request, reply) => {
      const pending = await readPending(request);
      if (!pending) {
        clearPendingCookie(reply, config);
        throw new AppError('unauthenticated', PENDING_GONE);
      }
      if ((await recentSecondStepFailures(db, pending.userId)) >= SECOND_STEP_MAX_FAILURES) {
        throw new AppError('rate_limited', TOO_MANY);
      }
      const passed = await checkSecondStep(
        ctx,
        box,
        pending.userId,
        request.body,
        pending.challenge,
      );
      if (!passed) {
        await recordPendingFailure(db, pending.id);
        throw new AppError('unauthenticated', SECOND_STEP_FAILED, {
          ...(request.body.method === 'passkey' ? {} : { code: SECOND_STEP_FAILED }),
        });
      }
      // Only one request can use a pending sign-in up; a second one in flight gets no session.
      if (!(await finishPendingSignIn(db, pending.id))) {
        throw new AppError('unauthenticated', PENDING_GONE);
      }
      clearPendingCookie(reply, config);
      const me = await meOf(db, pending.userId);
      // As the password-only sign-in does: a fresh token, the sign-in recorded, a new device told.
      await ctx.sessions.sweepDead(pending.userId);
      const device = describeDevice(request.headers['user-agent']);
      const token = await db.transaction(async (tx) => {
        const newDevice = await isNewDevice(tx, pending.userId, device);
        const event = await recordSecurityEvent(tx, {
          userId: pending.userId,
          kind: 'sign-in',
          device,
        });
        if (newDevice)
          await sendEmail(tx, {
            to: me.user.email,
            template: 'newSignIn',
            data: { when: emailTime(event.at), device, resetLink: accountLinks(config).forgot },
            dedupKey: `new-sign-in:${event.id}`,
          });
        return ctx.sessions.create(pending.userId, device, { db: tx });
      });
      ctx.jobs.nudge();
      setSessionCookie(reply, config, token);
      return me;
    },
  );

  // --- step-up ---------------------------------------------------------------------------------

  app.post(
    '/api/auth/step-up/passkey-options',
    {
      schema: {
        tags: ['auth'],
        summary: 'Passkey options to confirm it is me',
        response: { 200: ZPasskeyOptions },
      },
      config: {
        policy: policy('signed-in', 'session', 'update', { whileLocked: true }),
        rateLimit,
      },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      const options = await passkeyAuthenticationOptions(db, config, actor.userId);
      await keepSessionChallenge(db, actor.sessionId, options.challenge);
      return { ...options };
    },
  );

  app.post(
    '/api/auth/step-up',
    {
      schema: {
        tags: ['auth'],
        summary: 'Confirm it is me (password or second step) before a sensitive action',
        body: ZStepUpBody,
        response: { 200: ZStepUpResponse },
      },
      // Also how a session locked after a pause is unlocked (recordStepUp clears the lock).
      config: {
        policy: policy('signed-in', 'session', 'update', { whileLocked: true }),
        rateLimit,
      },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      const body = request.body;
      let passed: boolean;
      if (body.method === 'password') {
        const [row] = await db
          .select({ hash: users.passwordHash })
          .from(users)
          .where(eq(users.id, actor.userId));
        passed = await verifyPassword(row?.hash, body.password);
      } else {
        const challenge =
          body.method === 'passkey' ? await takeSessionChallenge(db, actor.sessionId) : null;
        passed = await checkSecondStep(ctx, box, actor.userId, body, challenge);
      }
      if (!passed) {
        const field = body.method === 'password' ? 'password' : 'code';
        throw new AppError('unauthenticated', STEP_UP_FAILED, {
          ...(body.method === 'passkey' ? {} : { [field]: STEP_UP_FAILED }),
        });
      }
      const validUntil = await recordStepUp(db, actor.sessionId);
      return { validUntil: validUntil.toISOString() };
    },
  );

  // --- my second steps -------------------------------------------------------------------------

  const status = async (actor: SignedInActor) => {
    const [totp, left, keys, until, settings] = await Promise.all([
      isTotpOn(db, actor.userId),
      recoveryCodesLeft(db, actor.userId),
      listPasskeys(db, actor.userId),
      stepUpValidUntil(db, actor.sessionId),
      db
        .select({ minutes: twoStepSettings.relockMinutes })
        .from(twoStepSettings)
        .where(eq(twoStepSettings.userId, actor.userId)),
    ]);
    const minutes = settings[0]?.minutes ?? null;
    return {
      totp,
      recoveryCodesLeft: left,
      passkeys: keys.map((k) => ({
        id: k.id,
        label: k.label,
        createdAt: k.createdAt.toISOString(),
        lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
      })),
      relockMinutes: minutes as 2 | 5 | 10 | 15 | null,
      stepUpUntil: until?.toISOString() ?? null,
    };
  };

  app.get(
    '/api/auth/two-step',
    {
      schema: {
        tags: ['auth'],
        summary: 'My second steps and re-lock setting',
        response: { 200: ZTwoStepStatus },
      },
      config: { policy: policy('signed-in', 'two-step', 'read') },
    },
    async (request) => status(requireSignedIn(request.actor)),
  );

  app.post(
    '/api/auth/two-step/totp',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start setting up an authenticator app (needs a recent step-up)',
        response: { 200: ZTotpSetup },
      },
      config: { policy: policy('signed-in', 'two-step', 'create') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      await requireRecentStepUp(db, actor);
      if (await isTotpOn(db, actor.userId)) {
        throw new AppError(
          'conflict',
          'An authenticator app is already turned on. Turn it off first to use a new one.',
        );
      }
      return startTotpSetup(db, box, actor);
    },
  );

  app.post(
    '/api/auth/two-step/totp/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: 'Turn the authenticator app on with its first code; gives ten recovery codes',
        body: ZTotpConfirmBody,
        response: { 200: ZRecoveryCodes },
      },
      config: { policy: policy('signed-in', 'two-step', 'create'), rateLimit },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      await requireRecentStepUp(db, actor);
      const ok = await checkTotpCode(db, box, actor.userId, request.body.code, {
        confirmed: false,
      });
      if (!ok) {
        throw new AppError(
          'validation_failed',
          'That code did not match. Please type the code your app shows now.',
          { code: 'That code did not match. Please type the code your app shows now.' },
        );
      }
      const recoveryCodes = await replaceRecoveryCodes(db, actor.userId);
      await tellChange(ctx, request, actor, 'totp-on');
      return { recoveryCodes };
    },
  );

  app.delete(
    '/api/auth/two-step/totp',
    {
      schema: {
        tags: ['auth'],
        summary: 'Turn the authenticator app off (needs a recent step-up)',
        response: { 200: ZOk },
      },
      config: { policy: policy('signed-in', 'two-step', 'delete') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      await requireRecentStepUp(db, actor);
      if (!(await turnOffTotp(db, actor.userId))) throw notFound();
      if ((await listPasskeys(db, actor.userId)).length === 0) {
        await dropRecoveryCodes(db, actor.userId);
      }
      await forgetStepUp(db, actor.sessionId);
      await tellChange(ctx, request, actor, 'totp-off');
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/two-step/recovery-codes',
    {
      schema: {
        tags: ['auth'],
        summary: 'Replace my recovery codes with ten new ones (needs a recent step-up)',
        response: { 200: ZRecoveryCodes },
      },
      config: { policy: policy('signed-in', 'two-step', 'update') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      await requireRecentStepUp(db, actor);
      if (!hasSecondStep(await secondStepsOf(db, actor.userId))) {
        throw new AppError(
          'conflict',
          'Recovery codes come with a second step. Please turn on an authenticator app or add a passkey first.',
        );
      }
      const recoveryCodes = await replaceRecoveryCodes(db, actor.userId);
      await tellChange(ctx, request, actor, 'codes');
      return { recoveryCodes };
    },
  );

  app.post(
    '/api/auth/two-step/passkeys/options',
    {
      schema: {
        tags: ['auth'],
        summary: 'Options to make a new passkey (needs a recent step-up)',
        response: { 200: ZPasskeyOptions },
      },
      config: { policy: policy('signed-in', 'two-step', 'create') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      await requireRecentStepUp(db, actor);
      const options = await passkeyRegistrationOptions(db, config, actor);
      await keepSessionChallenge(db, actor.sessionId, options.challenge);
      return { ...options };
    },
  );

  app.post(
    '/api/auth/two-step/passkeys',
    {
      schema: {
        tags: ['auth'],
        summary: 'Add the passkey the browser just made',
        body: ZPasskeyRegisterBody,
        response: {
          201: ZPasskeyInfo.extend({
            recoveryCodes: ZRecoveryCodes.shape.recoveryCodes.nullable(),
          }),
        },
      },
      config: { policy: policy('signed-in', 'two-step', 'create'), rateLimit },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request.actor);
      await requireRecentStepUp(db, actor);
      const challenge = await takeSessionChallenge(db, actor.sessionId);
      const firstSecondStep = !hasSecondStep(await secondStepsOf(db, actor.userId));
      const added =
        challenge &&
        (await registerPasskey(
          db,
          config,
          actor.userId,
          request.body.response as unknown as RegistrationResponseJSON,
          challenge,
          request.body.label,
        ));
      if (!added) {
        throw new AppError(
          'validation_failed',
          'The passkey could not be added. Please try again from the start.',
        );
      }
      // A first second step comes with recovery codes, as the authenticator app does.
      const recoveryCodes = firstSecondStep ? await replaceRecoveryCodes(db, actor.userId) : null;
      await tellChange(ctx, request, actor, 'passkey-added');
      return reply.status(201).send({
        id: added.id,
        label: added.label,
        createdAt: added.createdAt.toISOString(),
        lastUsedAt: null,
        recoveryCodes,
      });
    },
  );

  app.delete(
    '/api/auth/two-step/passkeys/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Remove one of my passkeys (needs a recent step-up)',
        params: ZIdParams,
        response: { 200: ZOk },
      },
      config: { policy: policy('signed-in', 'two-step', 'delete') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      await requireRecentStepUp(db, actor);
      if (!(await removePasskey(db, actor.userId, request.params.id))) throw notFound();
      if (!hasSecondStep(await secondStepsOf(db, actor.userId))) {
        await dropRecoveryCodes(db, actor.userId);
      }
      await tellChange(ctx, request, actor, 'passkey-removed');
      return { ok: true as const };
    },
  );

  const lockState = async (actor: SignedInActor) => {
    const [row] = await db
      .select({ minutes: twoStepSettings.relockMinutes })
      .from(twoStepSettings)
      .where(eq(twoStepSettings.userId, actor.userId));
    return {
      locked: actor.locked === true,
      relockMinutes: (row?.minutes ?? null) as 2 | 5 | 10 | 15 | null,
    };
  };

  app.get(
    '/api/auth/lock',
    {
      schema: {
        tags: ['auth'],
        summary: 'Whether this session is locked after a pause, and my re-lock setting',
        response: { 200: ZLockState },
      },
      config: { policy: policy('signed-in', 'session', 'read', { whileLocked: true }) },
    },
    async (request) => lockState(requireSignedIn(request.actor)),
  );

  app.post(
    '/api/auth/lock',
    {
      schema: {
        tags: ['auth'],
        summary: 'Lock this session now (the page was idle); a step-up unlocks it',
        response: { 200: ZLockState },
      },
      config: { policy: policy('signed-in', 'session', 'update', { whileLocked: true }) },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      await lockSession(db, actor.sessionId);
      // Open event streams of this session end now, in whichever process holds them.
      await announceSessionEnd(db, actor.sessionId);
      return lockState({ ...actor, locked: true });
    },
  );

  app.put(
    '/api/auth/two-step/relock',
    {
      schema: {
        tags: ['auth'],
        summary: 'Re-lock my private areas after this many idle minutes (null: never)',
        body: ZRelockBody,
        response: { 200: ZTwoStepStatus },
      },
      config: { policy: policy('signed-in', 'two-step', 'update') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      const minutes = request.body.minutes;
      await db
        .insert(twoStepSettings)
        .values({ userId: actor.userId, relockMinutes: minutes })
        .onConflictDoUpdate({
          target: twoStepSettings.userId,
          set: { relockMinutes: minutes, updatedAt: sql`now()` },
        });
      return status(actor);
    },
  );
}
