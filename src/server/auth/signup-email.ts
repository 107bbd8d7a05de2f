import { z } from 'zod';
import { deliverEmail } from '#server/email/index.ts';
import type { ServerContext } from '#server/context.ts';
import { mintAccountToken, TOKEN_LIFETIME_MS } from './account-tokens';
import { accountLinks } from './links';

/** The job sign-up queues: "confirm your address", or "you already have an account". */
export const SIGNUP_EMAIL_JOB = 'auth.signup-email';

const ZSignupEmail = z.object({
  email: z.string(),
  /** Set when sign-up created the account; null when the address already had one. */
  userId: z.string().nullable(),
});
export type SignupEmailPayload = z.infer<typeof ZSignupEmail>;

export function registerSignupEmailJob(ctx: ServerContext): void {
  const links = accountLinks(ctx.config);
  ctx.jobs.handle(SIGNUP_EMAIL_JOB, async (payload, job) => {
    const { email, userId } = ZSignupEmail.parse(payload);
    if (userId === null) {
      await deliverEmail(ctx.mailer, {
        to: email,
        template: 'accountExists',
        data: { signInLink: links.signIn, resetLink: links.forgot },
        dedupKey: job.dedupKey,
      });
      return;
    }
    // The token is made here, not at sign-up, so the outbox never holds a usable link.
    const token = await mintAccountToken(ctx.db, { userId, purpose: 'verify-email', email });
    await deliverEmail(ctx.mailer, {
      to: email,
      template: 'verifyEmail',
      data: { link: links.verify(token), hours: TOKEN_LIFETIME_MS['verify-email'] / 3_600_000 },
      dedupKey: job.dedupKey,
    });
  });
}
