import { z } from 'zod';
import { ZCoAuthor } from './co-authored';
import { ZId, ZIsoDate, text } from './common';
import { ZReviewOn } from './agreements';

/**
 * Transparency offers (issue 15, item 2): openness the involved partner offers of their own accord
 * and reports themselves ("I'll tell you when there has been any contact"). The hurt partner
 * accepts each or not; each has a review date and an end date; either may pause it. Nothing here,
 * or anywhere in the app, reads a device, a location or anyone's messages (decision 0066).
 */
export const OFFER_TEXT_MAX = 500;

export const ZOfferText = text({ message: 'Please write the offer as text.' })
  .trim()
  .min(1, 'Please write what you are offering, in your own words.')
  .max(OFFER_TEXT_MAX, `Please keep the offer to ${OFFER_TEXT_MAX} characters or fewer.`);

export const ZOfferCreateBody = z
  .object({
    text: ZOfferText,
    /** When we look at it together again. */
    reviewOn: ZReviewOn,
    /** The first day it no longer holds (it can be renewed by a new offer). */
    endsOn: ZReviewOn,
  })
  .refine((body) => body.endsOn > body.reviewOn, {
    path: ['endsOn'],
    message: 'Please choose an end date after the review date.',
  });
export type TOfferCreateBody = z.infer<typeof ZOfferCreateBody>;

export const ZOfferAnswerBody = z.object({ accept: z.boolean() });
export type TOfferAnswerBody = z.infer<typeof ZOfferAnswerBody>;

export const ZOfferPauseBody = z.object({ paused: z.boolean() });
export type TOfferPauseBody = z.infer<typeof ZOfferPauseBody>;

/** The offerer changes the dates: a new review day, or an end day (today ends it now). */
export const ZOfferDatesBody = z
  .object({ reviewOn: ZReviewOn, endsOn: ZReviewOn })
  .refine((body) => body.endsOn >= body.reviewOn, {
    path: ['endsOn'],
    message: 'Please choose an end date on or after the review date.',
  });
export type TOfferDatesBody = z.infer<typeof ZOfferDatesBody>;

export const OFFER_STATES = ['waiting', 'accepted', 'declined', 'paused', 'ended'] as const;

export const ZOffer = z.object({
  id: ZId,
  text: ZOfferText,
  /** Made by me (I am the one offering) or by my partner. */
  mine: z.boolean(),
  offeredBy: ZCoAuthor,
  offeredAt: ZIsoDate,
  version: z.int().min(1),
  /**
   * waiting: the partner has not answered; accepted / declined: their answer; paused: accepted
   * and paused by one of us; ended: its end date has come.
   */
  state: z.enum(OFFER_STATES),
  answeredAt: ZIsoDate.nullable(),
  /** Who paused it and when (both see this), or null. */
  paused: z.object({ by: ZCoAuthor, at: ZIsoDate }).nullable(),
  reviewOn: z.iso.date(),
  endsOn: z.iso.date(),
  /** The review day has come and the offer still holds: time to look at it together. */
  reviewDue: z.boolean(),
});
export type TOffer = z.infer<typeof ZOffer>;

export const ZOfferList = z.object({
  offers: z.array(ZOffer),
  /** I am the involved partner of an injury we named, so I may make offers. */
  canOffer: z.boolean(),
  /** My partner is in the space (an offer needs someone to answer it). */
  together: z.boolean(),
  jointWorkOpen: z.boolean(),
});
export type TOfferList = z.infer<typeof ZOfferList>;

export const ZOfferResponse = z.object({ offer: ZOffer });
export type TOfferResponse = z.infer<typeof ZOfferResponse>;
