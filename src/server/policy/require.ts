import { AppError, notFound } from '../../shared/errors';
import type { Actor, SignedInActor, SpaceMemberActor } from './actor';
import { isSignedIn, isSpaceMember } from './rules';

/** Narrowing guards for handlers; the route policy has already enforced the same thing. */
export function requireSignedIn(actor: Actor): SignedInActor {
  if (!isSignedIn(actor)) throw new AppError('unauthenticated', 'Please sign in to continue.');
  return actor;
}

export function requireSpaceMember(actor: Actor): SpaceMemberActor {
  if (!isSpaceMember(actor)) throw notFound();
  return actor;
}
