import { AppError, notFound } from '#shared/errors.ts';
import type { Actor, SignedInActor, SpaceMemberActor, TherapistActor } from './actor';
import { isSignedIn, isSpaceMember, isTherapist } from './rules';

/** Narrowing guards for handlers; the route policy has already enforced the same thing. */
export function requireSignedIn(actor: Actor): SignedInActor {
  if (!isSignedIn(actor)) throw new AppError('unauthenticated', 'Please sign in to continue.');
  return actor;
}

export function requireSpaceMember(actor: Actor): SpaceMemberActor {
  if (!isSpaceMember(actor)) throw notFound();
  return actor;
}

export function requireTherapist(actor: Actor): TherapistActor {
  if (!isTherapist(actor)) throw notFound();
  return actor;
}
