import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors';
import type { ServerContext } from '../context';
import type { DbOrTx } from '../db';
import { users } from '../db/schema';
import { describeDevice } from './device';
import { hashPassword, isCommonPassword } from './passwords';

/**
 * Creating an account, shared by the partner sign-up and the therapist sign-up, so both check
 * passwords, store them and start the session the same way.
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

/** Adds the user (the password already hashed); an email that has an account gets a clear 409. */
export async function insertUser(
  db: DbOrTx,
  person: { email: string; displayName: string; passwordHash: string },
): Promise<{ id: string }> {
  const inserted = await db
    .insert(users)
    .values(person)
    .onConflictDoNothing()
    .returning({ id: users.id });
  const user = inserted[0];
  if (!user) {
    throw new AppError(
      'email_taken',
      'There is already an account with this email. Please sign in instead.',
      { email: 'This email already has an account.' },
    );
  }
  return user;
}

/** The password check and hash, done before any transaction opens (hashing takes a while). */
export async function newPasswordHash(password: string, field = 'password'): Promise<string> {
  refuseCommonPassword(password, field);
  return hashPassword(password);
}

/** Starts a session for a new account (inside the caller's transaction when given one). */
export function startSession(
  ctx: ServerContext,
  request: FastifyRequest,
  userId: string,
  db?: DbOrTx,
): Promise<string> {
  return ctx.sessions.create(userId, describeDevice(request.headers['user-agent']), { db });
}
