import { fragmentToken } from './fragment-token';

/** The partner invite someone arrived with on /join#<token> (see `fragmentToken`). */
const invite = fragmentToken('/join');

export const getPendingInvite = invite.get;
export const clearPendingInvite = invite.clear;
export const subscribePendingInvite = invite.subscribe;
export const captureInviteFromLocation = invite.capture;
