import { z } from 'zod';
import { ZId, ZIsoDate, text } from './common';

/** 32 random bytes, base64url: 43 characters. */
export const ZInviteToken = text()
  .trim()
  .regex(
    /^[A-Za-z0-9_-]{43}$/,
    'This invite link looks incomplete. Please copy the whole link again.',
  );

export const INVITE_DAYS = 7;

export const ZInvite = z.object({
  id: ZId,
  createdAt: ZIsoDate,
  expiresAt: ZIsoDate,
});
export type TInvite = z.infer<typeof ZInvite>;

/** Only the response to creating an invite carries the token; we store just its hash. */
export const ZCreatedInvite = ZInvite.extend({ token: text() });
export type TCreatedInvite = z.infer<typeof ZCreatedInvite>;

export const ZInviteList = z.object({ invites: z.array(ZInvite) });
export type TInviteList = z.infer<typeof ZInviteList>;

export const ZInviteTokenBody = z.object({ token: ZInviteToken });
export type TInviteTokenBody = z.infer<typeof ZInviteTokenBody>;

export const ZInvitePreview = z.object({
  inviterName: text(),
  expiresAt: ZIsoDate,
});
export type TInvitePreview = z.infer<typeof ZInvitePreview>;
