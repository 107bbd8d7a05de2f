import { z } from 'zod';
import { ZId, ZIsoDate, text } from './common';

/** ASVS 5.0 6.2.1/6.2.9: at least 8 characters, at least 64 allowed, no composition rules. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export const ZDisplayName = text()
  .trim()
  .min(1, 'Please tell us what to call you.')
  .max(60, 'Please keep your name to 60 characters or fewer.');

export const ZEmail = text()
  .trim()
  .max(254, 'That email address is too long.')
  .pipe(z.email('Please enter an email address like name@example.com.'))
  .transform((email) => email.toLowerCase());

export const ZNewPassword = text()
  .min(
    PASSWORD_MIN,
    `Please use at least ${PASSWORD_MIN} characters. A few words together work well.`,
  )
  .max(PASSWORD_MAX, `Please use ${PASSWORD_MAX} characters or fewer.`);

export const ZSignUpBody = z.object({
  displayName: ZDisplayName,
  email: ZEmail,
  password: ZNewPassword,
});
export type TSignUpBody = z.infer<typeof ZSignUpBody>;

export const ZSignInBody = z.object({
  email: ZEmail,
  password: text().min(1, 'Please enter your password.').max(PASSWORD_MAX),
});
export type TSignInBody = z.infer<typeof ZSignInBody>;

export const ZUser = z.object({
  id: ZId,
  displayName: text(),
  email: text(),
});
export type TUser = z.infer<typeof ZUser>;

/** Set for a therapist's account: the web app shows them their own pages. */
export const ZMeTherapist = z.object({ verified: z.boolean(), practiceName: text() });
export type TMeTherapist = z.infer<typeof ZMeTherapist>;

export const ZMeResponse = z.object({ user: ZUser, therapist: ZMeTherapist.nullable() });
export type TMeResponse = z.infer<typeof ZMeResponse>;

export const ZSessionInfo = z.object({
  id: ZId,
  createdAt: ZIsoDate,
  lastSeenAt: ZIsoDate,
  /** A short, coarse label such as "Firefox on Linux"; never the full user agent. */
  device: text(),
  current: z.boolean(),
});
export type TSessionInfo = z.infer<typeof ZSessionInfo>;

export const ZSessionList = z.object({ sessions: z.array(ZSessionInfo) });
export type TSessionList = z.infer<typeof ZSessionList>;

export const ZSignOutOthersResponse = z.object({ signedOut: z.number().int().min(0) });
