import { fragmentToken } from '#web/core/fragment-token.ts';

/** The therapist link someone arrived with on /therapist/join#<token> (see `fragmentToken`). */
const link = fragmentToken('/therapist/join');

export const getPendingTherapistLink = link.get;
export const clearPendingTherapistLink = link.clear;
export const subscribePendingTherapistLink = link.subscribe;
export const captureTherapistLink = link.capture;
