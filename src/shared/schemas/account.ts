import { z } from 'zod';
import { ZIsoDate, text } from './common';
import { PASSWORD_MAX, ZDisplayName, ZEmail, ZNewPassword } from './auth';

/** A token from an email link: 43 base64url characters (256 bits). */
export const ZLinkToken = text()
  .trim()
  .min(1, 'This link is incomplete. Please open it again from the email.')
  .max(100, 'This link is not one of ours. Please open it again from the email.');

export const ZAccount = z.object({
  displayName: text(),
  email: text(),
  /** False until the person opens the link sent to their address. */
  emailVerified: z.boolean(),
});
export type TAccount = z.infer<typeof ZAccount>;

export const ZChangeName = z.object({ displayName: ZDisplayName });
export type TChangeName = z.infer<typeof ZChangeName>;

const ZCurrentPassword = text().min(1, 'Please enter your current password.').max(PASSWORD_MAX);

export const ZChangePassword = z.object({
  currentPassword: ZCurrentPassword,
  newPassword: ZNewPassword,
});
export type TChangePassword = z.infer<typeof ZChangePassword>;

/** The person confirms it is them with a step-up first, so no password travels with it. */
export const ZChangeEmail = z.object({ newEmail: ZEmail });
export type TChangeEmail = z.infer<typeof ZChangeEmail>;

export const ZTokenBody = z.object({ token: ZLinkToken });
export type TTokenBody = z.infer<typeof ZTokenBody>;

export const ZResetRequest = z.object({ email: ZEmail });
export type TResetRequest = z.infer<typeof ZResetRequest>;

export const ZResetComplete = z.object({
  token: ZLinkToken,
  password: ZNewPassword,
  /** A second-factor or recovery code, for an account with two-step sign-in. */
  code: text().trim().max(64).optional(),
});
export type TResetComplete = z.infer<typeof ZResetComplete>;

export const ZSecurityEvent = z.object({
  id: text(),
  /** A fixed word ('sign-in', 'password-changed', ...) the web app puts in words. */
  kind: text(),
  device: text(),
  at: ZIsoDate,
});
export type TSecurityEvent = z.infer<typeof ZSecurityEvent>;

export const ZActivity = z.object({ events: z.array(ZSecurityEvent) });
export type TActivity = z.infer<typeof ZActivity>;
