/**
 * Every email the app sends, and every word in them. Rules (checked by the email canary test):
 * - Nothing a person wrote: no names, no text from any entry. Only our words, links we build,
 *   times and the rough device labels we make ourselves ("Firefox on Linux").
 * - Subjects and bodies never say what the app is for; someone else may see the inbox.
 * - Plain text, short, with what to do if it was not you.
 *
 * A template is a function from typed facts to a subject and a body. Add one here, and send it
 * with `sendEmail(tx, { template: 'name', data, ... })`.
 */

export interface EmailContent {
  subject: string;
  text: string;
}

/** What every email ends with: why it came, and that nobody will ask for a password. */
const FOOTER = [
  '',
  '—',
  'You received this because of an account that uses this address.',
  'We will never ask you for your password by email.',
].join('\n');

const IF_NOT_YOU_RESET = (resetLink: string) =>
  `If this was not you, reset your password now: ${resetLink}`;

function body(...paragraphs: string[]): string {
  return `${paragraphs.join('\n\n')}\n${FOOTER}\n`;
}

export const emailTemplates = {
  /** Sign-up with a new address: confirm it. */
  verifyEmail: (d: { link: string; hours: number }): EmailContent => ({
    subject: 'Confirm your email address',
    text: body(
      'Please confirm that this is your email address by opening this link:',
      d.link,
      `The link works once, for ${d.hours} hours. If you did not create an account, you can ignore this email.`,
    ),
  }),

  /** Sign-up with an address that already has an account: say so, offer the way back in. */
  accountExists: (d: { signInLink: string; resetLink: string }): EmailContent => ({
    subject: 'You already have an account',
    text: body(
      'Someone, perhaps you, tried to create an account with this email address. This address already has an account, so nothing new was created.',
      `To sign in: ${d.signInLink}`,
      `Forgotten your password? Choose a new one: ${d.resetLink}`,
      'If this was not you, you do not need to do anything.',
    ),
  }),

  /** A reset was asked for. */
  resetPassword: (d: { link: string; minutes: number }): EmailContent => ({
    subject: 'Choose a new password',
    text: body(
      'Someone, perhaps you, asked to choose a new password for the account with this address. To choose one, open this link:',
      d.link,
      `The link works once, for ${d.minutes} minutes. If you did not ask, ignore this email: your password stays as it is.`,
    ),
  }),

  /** After a reset or a change: every credential change is told. */
  passwordChanged: (d: {
    when: string;
    device: string;
    how: 'reset' | 'change';
    resetLink: string;
  }): EmailContent => ({
    subject: 'Your password was changed',
    text: body(
      `The password of your account was ${d.how === 'reset' ? 'reset by email' : 'changed'} on ${d.when}, from ${d.device}.`,
      d.how === 'reset'
        ? 'Every device that was signed in has been signed out.'
        : 'Every other device that was signed in has been signed out.',
      IF_NOT_YOU_RESET(d.resetLink),
    ),
  }),

  /** Sent to the new address: confirm the move. */
  confirmNewEmail: (d: { link: string; hours: number }): EmailContent => ({
    subject: 'Confirm your new email address',
    text: body(
      'Someone, perhaps you, asked to use this address for their account. To confirm, open this link:',
      d.link,
      `The link works once, for ${d.hours} hours. If you did not ask, ignore this email: nothing changes.`,
    ),
  }),

  /** Sent to the old address once the move is done. */
  emailChanged: (d: { when: string; device: string }): EmailContent => ({
    subject: 'Your account now uses another email address',
    text: body(
      `On ${d.when}, from ${d.device}, your account was moved to another email address. Emails about the account will go there from now on.`,
      'If this was not you, please contact whoever runs this service as soon as you can, and keep this email.',
    ),
  }),

  /** A sign-in from a device not seen lately. */
  newSignIn: (d: { when: string; device: string; resetLink: string }): EmailContent => ({
    subject: 'New sign-in to your account',
    text: body(
      `Your account was signed in to on ${d.when}, from ${d.device}.`,
      'If this was you, there is nothing to do.',
      `${IF_NOT_YOU_RESET(d.resetLink)} Then use "Sign out everywhere" in your account settings.`,
    ),
  }),

  /** "Sign out everywhere" was used. */
  signedOutEverywhere: (d: { when: string; device: string; resetLink: string }): EmailContent => ({
    subject: 'You were signed out everywhere',
    text: body(
      `On ${d.when}, from ${d.device}, every device signed in to your account was signed out.`,
      IF_NOT_YOU_RESET(d.resetLink),
    ),
  }),

  /* Two-step sign-in and "my data" (accounts-mfa). */

  /** A second step was turned on or off, or recovery codes or passkeys changed (ASVS 6.3.7). */
  twoStepChanged: (d: {
    when: string;
    device: string;
    change: 'totp-on' | 'totp-off' | 'codes' | 'passkey-added' | 'passkey-removed';
    resetLink: string;
  }): EmailContent => ({
    subject: 'Your sign-in settings changed',
    text: body(
      `On ${d.when}, from ${d.device}, ${
        {
          'totp-on': 'an authenticator app was turned on for signing in to your account.',
          'totp-off': 'the authenticator app for signing in to your account was turned off.',
          codes: 'new recovery codes were made for your account; the old ones no longer work.',
          'passkey-added': 'a passkey was added to your account.',
          'passkey-removed': 'a passkey was removed from your account.',
        }[d.change]
      }`,
      IF_NOT_YOU_RESET(d.resetLink),
    ),
  }),

  /** Erasure asked for: when it happens, and that it can still be stopped. */
  erasureScheduled: (d: { when: string; link: string }): EmailContent => ({
    subject: 'Your account is set to be deleted',
    text: body(
      `Your account and what you wrote in it will be deleted on ${d.when}.`,
      `Until then you can stop this: sign in and open your account page: ${d.link}`,
      'If this was not you, sign in now, stop the deletion and choose a new password.',
    ),
  }),

  /**
   * Something is waiting in the app (a notification whose kind the person chose to get by email,
   * issue 12). Never who, what or where: only that there is something, and where to sign in.
   */
  somethingNew: (d: { link: string }): EmailContent => ({
    subject: 'Something new is waiting for you',
    text: body(
      'Something new is waiting for you in your account.',
      `To see it, sign in: ${d.link}`,
      'You chose to get these emails. You can turn them off on your notification settings page.',
    ),
  }),

  /** The last email: the account is gone. */
  erasureDone: (_d: Record<string, never>): EmailContent => ({
    subject: 'Your account has been deleted',
    text: body(
      'Your account and what you wrote in it have been deleted, as you asked. This is the last email you will receive from us.',
    ),
  }),
} satisfies Record<string, (data: never) => EmailContent>;

export type EmailTemplate = keyof typeof emailTemplates;
export type EmailData<T extends EmailTemplate> = Parameters<(typeof emailTemplates)[T]>[0];

export function renderEmail<T extends EmailTemplate>(
  template: T,
  data: EmailData<T>,
): EmailContent {
  const render = emailTemplates[template] as (d: EmailData<T>) => EmailContent;
  return render(data);
}

/** Times in emails: a plain date and time in UTC (we do not know the reader's zone here). */
export function emailTime(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  })
    .format(date)
    .concat(' UTC');
}
