/** Who is asking. Built once per request from the session cookie (one indexed query). */
export interface SpaceMembership {
  id: string;
  createdAt: Date;
  /** When this person joined the space. */
  joinedAt: Date;
  partner: { userId: string; displayName: string; joinedAt: Date } | null;
}

export interface SignedInActor {
  kind: 'user';
  userId: string;
  displayName: string;
  email: string;
  sessionId: string;
  sessionLastSeenAt: Date;
  space: SpaceMembership | null;
  /** Set when this account is a therapist's; a therapist never has a space of their own. */
  therapist: { verified: boolean } | null;
  /**
   * The private areas are locked after a pause (the person's re-lock setting): only routes
   * declared `whileLocked` answer until a step-up unlocks the session.
   */
  locked?: boolean;
}

export interface AnonymousActor {
  kind: 'anonymous';
}

export type Actor = SignedInActor | AnonymousActor;

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous' };

export type SpaceMemberActor = SignedInActor & { space: SpaceMembership };

export type TherapistActor = SignedInActor & { therapist: { verified: boolean } };
