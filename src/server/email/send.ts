import { z } from 'zod';
import type { DbOrTx } from '#server/db/index.ts';
import { enqueue, type JobWorker } from '#server/jobs/index.ts';
import type { Mailer } from './mailer';
import { emailTemplates, renderEmail, type EmailData, type EmailTemplate } from './templates';

/** The job kind that sends one email. */
export const EMAIL_JOB = 'email';

export interface EmailRequest<T extends EmailTemplate> {
  to: string;
  template: T;
  data: EmailData<T>;
  /** Names this one email ("password-changed:<event id>"); the same key is sent once. */
  dedupKey: string;
}

/**
 * Queues an email inside the caller's transaction: it goes out after the commit, and not at all
 * if the transaction rolls back. The text is rendered when it is sent, from our templates only.
 * `data` must not carry secrets (it waits in the outbox table); an email with a one-time link is
 * sent by a job handler that makes the token and calls `deliverEmail` itself.
 */
export function sendEmail<T extends EmailTemplate>(
  db: DbOrTx,
  email: EmailRequest<T>,
): Promise<boolean> {
  return enqueue(db, {
    kind: EMAIL_JOB,
    dedupKey: `email:${email.dedupKey}`,
    payload: { to: email.to, template: email.template, data: email.data },
  });
}

/** Renders and hands over one email now (inside a job handler; the key keeps repeats to one id). */
export function deliverEmail<T extends EmailTemplate>(
  mailer: Mailer,
  email: EmailRequest<T>,
): Promise<void> {
  return mailer.deliver({
    to: email.to,
    dedupKey: email.dedupKey,
    ...renderEmail(email.template, email.data),
  });
}

const ZEmailJob = z.object({
  to: z.string().min(3),
  template: z.enum(Object.keys(emailTemplates) as [EmailTemplate, ...EmailTemplate[]]),
  data: z.record(z.string(), z.unknown()),
});

/** The handler for queued emails. */
export function registerEmailJob(worker: JobWorker, mailer: Mailer): void {
  worker.handle(EMAIL_JOB, async (payload, job) => {
    const { to, template, data } = ZEmailJob.parse(payload);
    await deliverEmail(mailer, { to, template, data: data as never, dedupKey: job.dedupKey });
  });
}
