import { z } from 'zod';
import { ZDisplayName, ZEmail, ZNewPassword } from './auth';
import { ZId, ZIsoDate, text } from './common';

/** How long a therapist link can be claimed before it stops working. */
export const THERAPIST_LINK_DAYS = 7;
/** How many ended links the partners' page still lists. */
export const RECENT_ENDED_LINKS = 3;

export const ZPracticeName = text()
  .trim()
  .min(1, 'Please give the name of your practice, or your own name if you work alone.')
  .max(120, 'Please keep the practice name to 120 characters or fewer.');

export const ZLicence = text()
  .trim()
  .min(1, 'Please describe your licence or registration, for example "LMFT 12345, California".')
  .max(300, 'Please keep the licence description to 300 characters or fewer.');

export const ZTherapistSignUpBody = z.object({
  displayName: ZDisplayName,
  email: ZEmail,
  password: ZNewPassword,
  practiceName: ZPracticeName,
  licence: ZLicence,
});
export type TTherapistSignUpBody = z.infer<typeof ZTherapistSignUpBody>;

export const ZTherapistProfileBody = z.object({
  practiceName: ZPracticeName,
  licence: ZLicence,
});
export type TTherapistProfileBody = z.infer<typeof ZTherapistProfileBody>;

export const ZTherapistProfile = ZTherapistProfileBody.extend({
  /** Set by the service's operator (`npm run therapist:verify`); the therapist cannot change it. */
  verified: z.boolean(),
  verifiedAt: ZIsoDate.nullable(),
});
export type TTherapistProfile = z.infer<typeof ZTherapistProfile>;

/** 32 random bytes, base64url: 43 characters (the same form as the partner invite). */
export const ZTherapistLinkToken = text()
  .trim()
  .regex(
    /^[A-Za-z0-9_-]{43}$/,
    'This therapist link looks incomplete. Please copy the whole link again.',
  );
export const ZTherapistTokenBody = z.object({ token: ZTherapistLinkToken });
export type TTherapistTokenBody = z.infer<typeof ZTherapistTokenBody>;

/** What the partners learn about the therapist who claimed their link. */
export const ZTherapistSummary = z.object({
  displayName: text(),
  practiceName: text(),
  verified: z.boolean(),
});
export type TTherapistSummary = z.infer<typeof ZTherapistSummary>;

const ZApprovals = z.object({
  me: z.boolean(),
  /** `null` while there is no partner in the space yet. */
  partner: z.boolean().nullable(),
});

/** One of the couple's therapist links, as either partner sees it. */
export const ZCoupleLink = z.discriminatedUnion('state', [
  z.object({ id: ZId, state: z.literal('invited'), createdAt: ZIsoDate, expiresAt: ZIsoDate }),
  z.object({
    id: ZId,
    state: z.literal('awaiting'),
    therapist: ZTherapistSummary,
    claimedAt: ZIsoDate,
    approved: ZApprovals,
  }),
  z.object({ id: ZId, state: z.literal('active'), therapist: ZTherapistSummary, since: ZIsoDate }),
  z.object({
    id: ZId,
    state: z.literal('ended'),
    therapist: ZTherapistSummary,
    endedAt: ZIsoDate,
    /** Whether I ended it (otherwise my partner did, or someone who has since left). */
    endedByMe: z.boolean(),
  }),
]);
export type TCoupleLink = z.infer<typeof ZCoupleLink>;
export type TCoupleLinkState = TCoupleLink['state'];

export const ZCoupleLinks = z.object({ links: z.array(ZCoupleLink) });
export type TCoupleLinks = z.infer<typeof ZCoupleLinks>;

/** Only the answer to creating a link carries the token; the server keeps just its hash. */
export const ZCreatedTherapistLink = z.object({
  id: ZId,
  createdAt: ZIsoDate,
  expiresAt: ZIsoDate,
  token: text(),
});
export type TCreatedTherapistLink = z.infer<typeof ZCreatedTherapistLink>;

/** What a therapist sees before claiming: who invites and until when, nothing of the couple's. */
export const ZClaimPreview = z.object({ inviterName: text(), expiresAt: ZIsoDate });
export type TClaimPreview = z.infer<typeof ZClaimPreview>;

/** One of the therapist's own links, as the therapist sees it. */
export const ZPracticeLink = z.discriminatedUnion('state', [
  z.object({
    id: ZId,
    state: z.literal('pending'),
    claimedAt: ZIsoDate,
    /** The partner who sent the link; the only name a therapist learns before both approve. */
    inviterName: text(),
  }),
  z.object({
    id: ZId,
    state: z.literal('active'),
    claimedAt: ZIsoDate,
    partnerNames: z.array(text()),
  }),
  z.object({ id: ZId, state: z.literal('ended'), claimedAt: ZIsoDate }),
]);
export type TPracticeLink = z.infer<typeof ZPracticeLink>;

export const ZPracticeLinks = z.object({ links: z.array(ZPracticeLink) });
export type TPracticeLinks = z.infer<typeof ZPracticeLinks>;

export const ZActivePracticeLink = z.object({
  id: ZId,
  state: z.literal('active'),
  claimedAt: ZIsoDate,
  partnerNames: z.array(text()),
});
export type TActivePracticeLink = z.infer<typeof ZActivePracticeLink>;
