import { createHash, randomInt } from 'node:crypto';
import { and, count, eq, gt, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Database, DbOrTx } from '#server/db/index.ts';
import {
  passkeys,
  twoStepPending,
  twoStepRecoveryCodes,
  twoStepTotp,
} from '#server/db/schema/index.ts';
import type { SecretBox } from './secret-box';
import { createToken, hashToken } from './tokens';

/**
 * The second step of signing in: an authenticator app (TOTP), ten single-use recovery codes, and
 * passkeys (passkeys.ts). Nothing here writes a session; routes decide what a passed step opens.
 */

/** A sign-in waiting for its second step lasts this long, and allows this many wrong codes. */
export const PENDING_SIGN_IN_MS = 5 * 60_000;
export const PENDING_MAX_FAILURES = 5;
/** Across every pending sign-in of one person: wrong codes allowed in the window, then a pause. */
export const SECOND_STEP_FAILURE_WINDOW_MS = 15 * 60_000;
export const SECOND_STEP_MAX_FAILURES = 10;

export const RECOVERY_CODE_COUNT = 10;
/** No 0/O, 1/I/L: codes are read off paper. 12 of 31 letters ≈ 59 bits each. */
const RECOVERY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const TOTP_ISSUER = 'Healing Hearts';
/** One step back (a code typed as it changes) and a few seconds ahead (a phone clock running fast). */
const TOTP_TOLERANCE: [number, number] = [30, 5];

export interface SecondSteps {
  totp: boolean;
  passkeys: number;
}

/** Which second steps a person has turned on; none means sign-in needs only the password. */
export async function secondStepsOf(db: DbOrTx, userId: string): Promise<SecondSteps> {
  const [row] = await db
    .select({
      totp: sql<boolean>`exists (select 1 from ${twoStepTotp} where ${twoStepTotp.userId} = ${userId} and ${twoStepTotp.confirmedAt} is not null)`,
      passkeys: sql<number>`(select count(*)::int from ${passkeys} where ${passkeys.userId} = ${userId})`,
    })
    .from(sql`(select 1) as one`);
  return { totp: row?.totp ?? false, passkeys: row?.passkeys ?? 0 };
}

export function hasSecondStep(steps: SecondSteps): boolean {
  return steps.totp || steps.passkeys > 0;
}

// --- pending sign-ins -------------------------------------------------------------------------

export interface PendingSignIn {
  id: string;
  userId: string;
  challenge: string | null;
}

/** Starts a sign-in that waits for its second step; returns the token for the short-lived cookie. */
export async function beginPendingSignIn(db: Database, userId: string, now = new Date()) {
  // Old pending rows are kept for the failure window, so wrong codes still count; older go.
  await db
    .delete(twoStepPending)
    .where(
      and(
        eq(twoStepPending.userId, userId),
        lt(twoStepPending.createdAt, new Date(now.getTime() - SECOND_STEP_FAILURE_WINDOW_MS)),
      ),
    );
  const token = createToken();
  await db.insert(twoStepPending).values({
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + PENDING_SIGN_IN_MS),
  });
  return token;
}

/** The pending sign-in behind a cookie, if it is still good for another try. */
export async function findPendingSignIn(
  db: Database,
  token: string | undefined,
  now = new Date(),
): Promise<PendingSignIn | null> {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select({
      id: twoStepPending.id,
      userId: twoStepPending.userId,
      challenge: twoStepPending.challenge,
    })
    .from(twoStepPending)
    .where(
      and(
        eq(twoStepPending.tokenHash, hashToken(token)),
        gt(twoStepPending.expiresAt, now),
        lt(twoStepPending.failedAttempts, PENDING_MAX_FAILURES),
      ),
    );
  return row ?? null;
}

/** Wrong codes of this person across all their recent pending sign-ins. */
export async function recentSecondStepFailures(db: Database, userId: string, now = new Date()) {
  const [row] = await db
    .select({ failures: sql<number>`coalesce(sum(${twoStepPending.failedAttempts}), 0)::int` })
    .from(twoStepPending)
    .where(
      and(
        eq(twoStepPending.userId, userId),
        gt(twoStepPending.createdAt, new Date(now.getTime() - SECOND_STEP_FAILURE_WINDOW_MS)),
      ),
    );
  return row?.failures ?? 0;
}

export async function recordPendingFailure(db: Database, pendingId: string): Promise<void> {
  await db
    .update(twoStepPending)
    .set({ failedAttempts: sql`${twoStepPending.failedAttempts} + 1` })
    .where(eq(twoStepPending.id, pendingId));
}

export async function setPendingChallenge(db: Database, pendingId: string, challenge: string) {
  await db.update(twoStepPending).set({ challenge }).where(eq(twoStepPending.id, pendingId));
}

/** A passed second step uses the pending sign-in up: it can never open a second session. */
export async function finishPendingSignIn(db: DbOrTx, pendingId: string) {
  const deleted = await db
    .delete(twoStepPending)
    .where(eq(twoStepPending.id, pendingId))
    .returning({ id: twoStepPending.id });
  return deleted.length === 1;
}

// --- authenticator app (TOTP) ------------------------------------------------------------------

/** A new secret, stored sealed and not yet turned on, replacing any earlier unfinished one. */
export async function startTotpSetup(
  db: Database,
  box: SecretBox,
  user: { userId: string; email: string },
): Promise<{ secret: string; uri: string }> {
  const secret = generateSecret();
  const sealed = box.seal(secret);
  await db
    .insert(twoStepTotp)
    .values({ userId: user.userId, secretSealed: sealed })
    .onConflictDoUpdate({
      target: twoStepTotp.userId,
      set: { secretSealed: sealed, createdAt: new Date(), lastTimeStep: null },
      setWhere: isNull(twoStepTotp.confirmedAt),
    });
  return { secret, uri: generateURI({ issuer: TOTP_ISSUER, label: user.email, secret }) };
}

export async function isTotpOn(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(twoStepTotp)
    .where(and(eq(twoStepTotp.userId, userId), isNotNull(twoStepTotp.confirmedAt)));
  return (row?.n ?? 0) > 0;
}

/**
 * Checks a code against the person's secret (`confirmed`: the turned-on one, or the one being set
 * up). A code's time step is used up by the check: the same code, or an older one, never passes
 * twice — the update only succeeds for a step later than the last one used.
 */
export async function checkTotpCode(
  db: DbOrTx,
  box: SecretBox,
  userId: string,
  code: string,
  options: { confirmed: boolean; now?: Date },
): Promise<boolean> {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return false;
  const [row] = await db
    .select({ sealed: twoStepTotp.secretSealed, last: twoStepTotp.lastTimeStep })
    .from(twoStepTotp)
    .where(
      and(
        eq(twoStepTotp.userId, userId),
        options.confirmed ? isNotNull(twoStepTotp.confirmedAt) : isNull(twoStepTotp.confirmedAt),
      ),
    );
  if (!row) return false;
  const result = await verify({
    secret: box.open(row.sealed),
    token: digits,
    epoch: Math.floor((options.now ?? new Date()).getTime() / 1000),
    epochTolerance: TOTP_TOLERANCE,
    ...(row.last !== null ? { afterTimeStep: row.last } : {}),
  }).catch(() => ({ valid: false as const }));
  if (!result.valid || !('timeStep' in result)) return false;
  const step = result.timeStep;
  const used = await db
    .update(twoStepTotp)
    .set({
      lastTimeStep: step,
      ...(options.confirmed ? {} : { confirmedAt: options.now ?? new Date() }),
    })
    .where(
      and(
        eq(twoStepTotp.userId, userId),
        sql`(${twoStepTotp.lastTimeStep} is null or ${twoStepTotp.lastTimeStep} < ${step})`,
      ),
    )
    .returning({ userId: twoStepTotp.userId });
  return used.length === 1;
}

export async function turnOffTotp(db: DbOrTx, userId: string): Promise<boolean> {
  const deleted = await db
    .delete(twoStepTotp)
    .where(eq(twoStepTotp.userId, userId))
    .returning({ userId: twoStepTotp.userId });
  return deleted.length > 0;
}

// --- recovery codes ---------------------------------------------------------------------------

function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** Salted with the person's id, so one table of hashes cannot be matched across accounts. */
function hashRecoveryCode(userId: string, code: string): string {
  return createHash('sha256')
    .update(`${userId}:${normaliseRecoveryCode(code)}`)
    .digest('hex');
}

function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < 12; i += 1) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Replaces every recovery code of the person with ten new ones; the only time they are shown. */
export async function replaceRecoveryCodes(db: DbOrTx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.delete(twoStepRecoveryCodes).where(eq(twoStepRecoveryCodes.userId, userId));
  await db
    .insert(twoStepRecoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(userId, code) })));
  return codes;
}

export async function dropRecoveryCodes(db: DbOrTx, userId: string) {
  await db.delete(twoStepRecoveryCodes).where(eq(twoStepRecoveryCodes.userId, userId));
}

/** Uses up one recovery code; false for a wrong or already used one. */
export async function useRecoveryCode(
  db: DbOrTx,
  userId: string,
  code: string,
  now = new Date(),
): Promise<boolean> {
  const normalised = normaliseRecoveryCode(code);
  if (normalised.length !== 12) return false;
  const used = await db
    .update(twoStepRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(twoStepRecoveryCodes.userId, userId),
        eq(twoStepRecoveryCodes.codeHash, hashRecoveryCode(userId, normalised)),
        isNull(twoStepRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: twoStepRecoveryCodes.id });
  return used.length === 1;
}

export async function recoveryCodesLeft(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(twoStepRecoveryCodes)
    .where(and(eq(twoStepRecoveryCodes.userId, userId), isNull(twoStepRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** Pending sign-ins that can no longer be used and no longer count, for a sweep. */
export async function sweepPendingSignIns(db: Database, now = new Date()) {
  await db
    .delete(twoStepPending)
    .where(lte(twoStepPending.createdAt, new Date(now.getTime() - SECOND_STEP_FAILURE_WINDOW_MS)));
}
