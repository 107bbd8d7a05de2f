import { randomUUID } from 'node:crypto';
import { AppError } from '#shared/errors.ts';
import type { DbOrTx } from '#server/db/index.ts';
import { users } from '#server/db/schema/index.ts';
import { enqueue } from '#server/jobs/index.ts';
import { hashPassword, isCommonPassword } from './passwords';
import { SIGNUP_EMAIL_JOB, type SignupEmailPayload } from './signup-email';

/**
 * Creating an account, shared by the partner sign-up and the therapist sign-up, so both check
 * passwords, store them and answer the same way.
 */

/** Refuses a password that many people use, naming the field. */
export function refuseCommonPassword(password: string, field = 'password'): void {
  if (isCommonPassword(password)) {
    throw new AppError('validation_failed', 'Please choose a less common password.', {
      [field]:
        'Many people use this password, so it is easy to guess. A few unrelated words together work well.',
    });
  }
}

/**
 * Adds the user (the password already hashed) unless the address already has an account, and
 * queues one email either way: "confirm your address" to a new account, "you already have an
 * account" to the existing one (decision 0029). The caller answers the same in both cases, so
 * sign-up never tells anyone whether an address has an account. Returns the new id, or null.
 */
export async function createAccountQuietly(
  tx: DbOrTx,
  person: { email: string; displayName: string; passwordHash: string },
): Promise<string | null> {
  const [created] = await tx
    .insert(users)
    .values(person)
    .onConflictDoNothing()
    .returning({ id: users.id });
  await enqueue(tx, {
    kind: SIGNUP_EMAIL_JOB,
    dedupKey: `signup:${randomUUID()}`,
    payload: { email: person.email, userId: created?.id ?? null } satisfies SignupEmailPayload,
  });
  return created?.id ?? null;
}

/** The password check and hash, done before any transaction opens (hashing takes a while). */
export async function newPasswordHash(password: string, field = 'password'): Promise<string> {
  refuseCommonPassword(password, field);
  return hashPassword(password);
}
