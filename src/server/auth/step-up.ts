import { and, eq, gt } from 'drizzle-orm';
import { AppError } from '#shared/errors.ts';
import type { Database, DbOrTx } from '#server/db/index.ts';
import { sessionStepUps } from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';

/**
 * Step-up: before a sensitive action (export, erasure, a change of email or of the second step,
 * inviting a therapist) the person proves it is them again — password or second step — and that
 * proof holds for a few minutes on this one session only (ASVS 7.5.1, 7.5.3).
 */
export const STEP_UP_MS = 5 * 60_000;
/** A passkey challenge for a step-up or a new passkey must be answered within this time. */
export const STEP_UP_CHALLENGE_MS = 5 * 60_000;

export const STEP_UP_MESSAGE =
  'Please confirm it is you first: enter your password or a code from your authenticator app.';

export async function recordStepUp(db: DbOrTx, sessionId: string, now = new Date()): Promise<Date> {
  await db
    .insert(sessionStepUps)
    .values({ sessionId, steppedUpAt: now })
    .onConflictDoUpdate({
      target: sessionStepUps.sessionId,
      // Proving it is them also unlocks a session locked after a pause.
      set: { steppedUpAt: now, lockedAt: null },
    });
  return new Date(now.getTime() + STEP_UP_MS);
}

/** Until when this session's last step-up holds; null when there is none or it has run out. */
export async function stepUpValidUntil(
  db: DbOrTx,
  sessionId: string,
  now = new Date(),
): Promise<Date | null> {
  const [row] = await db
    .select({ at: sessionStepUps.steppedUpAt })
    .from(sessionStepUps)
    .where(
      and(
        eq(sessionStepUps.sessionId, sessionId),
        gt(sessionStepUps.steppedUpAt, new Date(now.getTime() - STEP_UP_MS)),
      ),
    );
  return row?.at ? new Date(row.at.getTime() + STEP_UP_MS) : null;
}

/**
 * The guard a sensitive route calls first: a 403 `step_up_required` unless this session stepped
 * up within the last few minutes. The page answers it by asking for the password or a code.
 */
export async function requireRecentStepUp(
  db: DbOrTx,
  actor: SignedInActor,
  now = new Date(),
): Promise<void> {
  if ((await stepUpValidUntil(db, actor.sessionId, now)) === null) {
    throw new AppError('step_up_required', STEP_UP_MESSAGE);
  }
}

/** Ends this session's step-up at once (after the action it was for changed the second steps). */
export async function forgetStepUp(db: DbOrTx, sessionId: string) {
  await db
    .update(sessionStepUps)
    .set({ steppedUpAt: null })
    .where(eq(sessionStepUps.sessionId, sessionId));
}

/** Keeps a WebAuthn challenge for this session (a passkey step-up or a new passkey). */
export async function keepSessionChallenge(
  db: Database,
  sessionId: string,
  challenge: string,
  now = new Date(),
) {
  await db
    .insert(sessionStepUps)
    .values({ sessionId, challenge, challengeAt: now })
    .onConflictDoUpdate({
      target: sessionStepUps.sessionId,
      set: { challenge, challengeAt: now },
    });
}

/** Takes this session's WebAuthn challenge (once) if it is recent enough. */
export async function takeSessionChallenge(
  db: Database,
  sessionId: string,
  now = new Date(),
): Promise<string | null> {
  const [row] = await db
    .select({ challenge: sessionStepUps.challenge, at: sessionStepUps.challengeAt })
    .from(sessionStepUps)
    .where(eq(sessionStepUps.sessionId, sessionId));
  if (!row?.challenge || !row.at) return null;
  await db
    .update(sessionStepUps)
    .set({ challenge: null, challengeAt: null })
    .where(eq(sessionStepUps.sessionId, sessionId));
  return now.getTime() - row.at.getTime() <= STEP_UP_CHALLENGE_MS ? row.challenge : null;
}
