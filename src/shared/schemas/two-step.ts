import { z } from 'zod';
import { PASSWORD_MAX } from './auth';
import { ZId, ZIsoDate, text } from './common';

/** Two-step sign-in, step-up and the private-area re-lock: shared by the server and the page. */

export const ZTotpCode = text()
  .trim()
  .max(20)
  .regex(/^\d{3}\s?\d{3}$/, 'Please enter the 6-digit code your authenticator app shows now.');

export const ZRecoveryCode = text()
  .trim()
  .max(30)
  .regex(
    /^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$/,
    'Please enter one of your recovery codes, like ABCD-EFGH-JKMN.',
  );

/** What a browser sends back from a passkey ceremony; @simplewebauthn checks its contents. */
const ZBase64Url = text()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]*$/);
export const ZPasskeyAnswer = z.looseObject({
  id: ZBase64Url,
  rawId: ZBase64Url,
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: ZBase64Url }),
  clientExtensionResults: z.record(text(), z.unknown()).default({}),
});

/** The second step of a sign-in, or a step-up by second step. */
export const ZSecondStepBody = z.discriminatedUnion('method', [
  z.object({ method: z.literal('totp'), code: ZTotpCode }),
  z.object({ method: z.literal('recovery'), code: ZRecoveryCode }),
  z.object({ method: z.literal('passkey'), response: ZPasskeyAnswer }),
]);
export type TSecondStepBody = z.infer<typeof ZSecondStepBody>;

export const ZStepUpBody = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('password'),
    password: text().min(1, 'Please enter your password.').max(PASSWORD_MAX),
  }),
  ...ZSecondStepBody.options,
]);
export type TStepUpBody = z.infer<typeof ZStepUpBody>;

/** The sign-in answer when the password was right and a second step is needed (202). */
export const ZSecondStepNeeded = z.object({
  secondStep: z.object({ totp: z.boolean(), passkey: z.boolean() }),
});
export type TSecondStepNeeded = z.infer<typeof ZSecondStepNeeded>;

export const ZStepUpResponse = z.object({ validUntil: ZIsoDate });

/** Minutes of idle after which the private areas lock again; null: never (the default). */
export const RELOCK_CHOICES = [2, 5, 10, 15] as const;
export const ZRelockMinutes = z.union([
  z.null(),
  ...RELOCK_CHOICES.map((m) => z.literal(m)),
] as unknown as [z.ZodNull, z.ZodLiteral<2>, z.ZodLiteral<5>, z.ZodLiteral<10>, z.ZodLiteral<15>]);
export const ZRelockBody = z.object({ minutes: ZRelockMinutes });

/**
 * Whether this session's private areas are locked after a pause, and the person's setting. The
 * page asks it when it starts and while the person is active (which keeps the session fresh).
 */
export const ZLockState = z.object({ locked: z.boolean(), relockMinutes: ZRelockMinutes });
export type TLockState = z.infer<typeof ZLockState>;

export const ZPasskeyInfo = z.object({
  id: ZId,
  label: text(),
  createdAt: ZIsoDate,
  lastUsedAt: ZIsoDate.nullable(),
});
export type TPasskeyInfo = z.infer<typeof ZPasskeyInfo>;

export const ZTwoStepStatus = z.object({
  totp: z.boolean(),
  recoveryCodesLeft: z.number().int().min(0),
  passkeys: z.array(ZPasskeyInfo),
  relockMinutes: ZRelockMinutes,
  /** Until when this session's step-up holds, or null. */
  stepUpUntil: ZIsoDate.nullable(),
});
export type TTwoStepStatus = z.infer<typeof ZTwoStepStatus>;

/** Shown once: the secret to type in, and the otpauth:// address a QR code would carry. */
export const ZTotpSetup = z.object({ secret: text(), uri: text() });
export type TTotpSetup = z.infer<typeof ZTotpSetup>;

export const ZTotpConfirmBody = z.object({ code: ZTotpCode });

/** Shown once; only hashes are kept. */
export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(text()).length(10) });
export type TRecoveryCodes = z.infer<typeof ZRecoveryCodes>;

/** The browser's passkey options; @simplewebauthn/browser reads them as they are. */
export const ZPasskeyOptions = z.looseObject({ challenge: text() });

export const ZPasskeyRegisterBody = z.object({
  label: text()
    .trim()
    .min(1, 'Please give this passkey a name, such as "my laptop".')
    .max(60, 'Please keep the name to 60 characters or fewer.'),
  response: ZPasskeyAnswer,
});
