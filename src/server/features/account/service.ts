import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '#shared/errors.ts';
import { mintAccountToken, TOKEN_LIFETIME_MS } from '#server/auth/account-tokens.ts';
import { accountLinks } from '#server/auth/links.ts';
import type { ServerContext } from '#server/context.ts';
import type { DbOrTx } from '#server/db/index.ts';
import { sessions, users } from '#server/db/schema/index.ts';
import { deliverEmail } from '#server/email/index.ts';
import { rowsOf } from '#server/policy/rules.ts';

/** Jobs of this feature: each makes its one-time token when it runs, then sends the link. */
export const RESET_REQUESTED_JOB = 'account.reset-requested';
export const CONFIRM_NEW_EMAIL_JOB = 'account.confirm-new-email';

export const LINK_EXPIRED =
  'This link has been used already or is too old. You can ask for a new one below.';

export function linkExpired(): AppError {
  return new AppError('link_expired', LINK_EXPIRED);
}

/** The account behind an address, if any (addresses are stored lower-case). */
export async function userByEmail(db: DbOrTx, email: string) {
  const [user] = await db
    .select({ id: users.id, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return user;
}

export async function userById(db: DbOrTx, userId: string) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      passwordHash: users.passwordHash,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  return user;
}

/** Ends every session of a person but `keep` (the device that made the change, if any). */
export async function endSessions(db: DbOrTx, userId: string, keep?: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(and(rowsOf(sessions.userId, userId), keep ? ne(sessions.id, keep) : undefined))
    .returning({ id: sessions.id });
  return ended.length;
}

export function registerAccountJobs(ctx: ServerContext): void {
  const links = accountLinks(ctx.config);

  ctx.jobs.handle(RESET_REQUESTED_JOB, async (payload, job) => {
    const { email } = z.object({ email: z.string() }).parse(payload);
    // Looked up here, after the request has been answered: the answer and its timing are the
    // same whether or not the address has an account. No account: no email.
    const user = await userByEmail(ctx.db, email);
    if (!user) return;
    const token = await mintAccountToken(ctx.db, {
      userId: user.id,
      purpose: 'reset-password',
      email: user.email,
    });
    await deliverEmail(ctx.mailer, {
      to: user.email,
      template: 'resetPassword',
      data: { link: links.reset(token), minutes: TOKEN_LIFETIME_MS['reset-password'] / 60_000 },
      dedupKey: job.dedupKey,
    });
  });

  ctx.jobs.handle(CONFIRM_NEW_EMAIL_JOB, async (payload, job) => {
    const { userId, newEmail } = z
      .object({ userId: z.string(), newEmail: z.string() })
      .parse(payload);
    const user = await userById(ctx.db, userId);
    if (!user) return;
    const token = await mintAccountToken(ctx.db, {
      userId,
      purpose: 'change-email',
      email: newEmail,
    });
    await deliverEmail(ctx.mailer, {
      to: newEmail,
      template: 'confirmNewEmail',
      data: {
        link: links.confirmEmail(token),
        hours: TOKEN_LIFETIME_MS['change-email'] / 3_600_000,
      },
      dedupKey: job.dedupKey,
    });
  });
}
