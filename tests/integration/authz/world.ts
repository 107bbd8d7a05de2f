import type { LightMyRequestResponse } from 'fastify';
import { expectStatus, linkTherapist, type TestApp, type TestClient } from '../../helpers/test-app';

/**
 * The worlds the authorization matrix runs in, and the shape of its rows.
 */
export type TherapistActorName =
  'therapistActive' | 'therapistPending' | 'therapistRevoked' | 'therapistOther';
export type ActorName =
  'anonymous' | 'self' | 'partner' | 'stranger' | 'former' | TherapistActorName;
export const THERAPIST_ACTORS: TherapistActorName[] = [
  'therapistOther',
  'therapistRevoked',
  'therapistPending',
  'therapistActive',
];
// self last: some calls change state.
export const ACTORS: ActorName[] = [
  'anonymous',
  'stranger',
  'former',
  ...THERAPIST_ACTORS,
  'partner',
  'self',
];

export interface World {
  clients: Record<ActorName, TestClient>;
  selfEmail: string;
  selfSessionId: string;
  selfSpaceId: string;
  /** Set in the "open invite" world, where self is alone in the space with a usable link. */
  invite?: { id: string; token: string };
  /** Each therapist's link id (the other couple's, for `therapistOther`). */
  therapistLinks: Record<TherapistActorName, string>;
  /** What a row's `setup` made (ids of items self wrote, say), for its `call` to use. */
  fixtures: Record<string, string>;
  /** The app, for setups that write straight to the database (a share no route makes yet). */
  t: TestApp;
}

async function sessionIdOf(client: TestClient): Promise<string> {
  const list = (await client.get('/api/auth/sessions')).json<{
    sessions: { id: string; current: boolean }[];
  }>();
  return list.sessions.find((s) => s.current)!.id;
}

async function joinWithNewInvite(owner: TestClient, joiner: TestClient): Promise<void> {
  const { token } = (await owner.post('/api/invites')).json<{ token: string }>();
  expectStatus(await joiner.post('/api/invites/accept', { token }), 200);
}

/**
 * self and partner share a space; former was self's partner and left; stranger has a space of
 * their own. Four therapists: one active with self and partner (both approved), one pending (only
 * self approved), one whose link partner ended, and one active with another couple.
 */
export async function buildWorld(t: TestApp, kind: 'couple' | 'open-invite'): Promise<World> {
  const self = await t.signUp('Self');
  const partner = await t.signUp('Partner');
  const former = await t.signUp('Former');
  const stranger = await t.signUp('Stranger');
  expectStatus(await self.post('/api/space'), 201);
  await joinWithNewInvite(self, former);
  expectStatus(await former.post('/api/space/leave'), 200);
  expectStatus(await stranger.post('/api/space'), 201);
  let invite: World['invite'];
  if (kind === 'couple') {
    await joinWithNewInvite(self, partner);
  } else {
    invite = (await self.post('/api/invites')).json<{ id: string; token: string }>();
  }
  const space = (await self.get('/api/space')).json<{ space: { id: string } }>();
  const couple = { a: self, b: partner };
  const otherA = await t.signUp('Other');
  const otherB = await t.signUp('Otherpartner');
  expectStatus(await otherA.post('/api/space'), 201);
  await joinWithNewInvite(otherA, otherB);
  const therapists = {
    therapistActive: await linkTherapist(t, couple, 'active', 'Active'),
    therapistPending: await linkTherapist(t, couple, 'pending', 'Pending'),
    therapistRevoked: await linkTherapist(t, couple, 'revoked', 'Revoked'),
    therapistOther: await linkTherapist(t, { a: otherA, b: otherB }, 'active', 'Other'),
  };
  return {
    clients: { anonymous: t.client('anonymous'), self, partner, stranger, former, ...therapists },
    therapistLinks: {
      therapistActive: therapists.therapistActive.linkId,
      therapistPending: therapists.therapistPending.linkId,
      therapistRevoked: therapists.therapistRevoked.linkId,
      therapistOther: therapists.therapistOther.linkId,
    },
    selfEmail: self.email,
    selfSessionId: await sessionIdOf(self),
    selfSpaceId: space.space.id,
    invite,
    fixtures: {},
    t,
  };
}

export interface Row {
  route: string;
  world: 'couple' | 'open-invite';
  call: (c: TestClient, w: World) => Promise<LightMyRequestResponse>;
  /** Therapists not named here expect what `stranger` gets (they have no space of their own). */
  expect: Record<Exclude<ActorName, TherapistActorName>, number | 'n/a'> &
    Partial<Record<TherapistActorName, number | 'n/a'>>;
  /** Actors this call rightly lets into self's space (joining by self's own link). */
  joins?: ActorName[];
  /** Runs once per world before the callers, e.g. self writes an item; may fill `w.fixtures`. */
  setup?: (w: World) => Promise<void>;
}

export const NO_ONE_ELSE = { anonymous: 401, stranger: 404, former: 404 } as const;

/** The full expectation of a row, therapists included. */
export function expectedFor(row: Row): Record<ActorName, number | 'n/a'> {
  const out = { ...row.expect } as Record<ActorName, number | 'n/a'>;
  for (const therapist of THERAPIST_ACTORS)
    out[therapist] = row.expect[therapist] ?? row.expect.stranger;
  return out;
}

/** For rows where a signed-in caller acts on their own space: therapists have none. */
export const THERAPISTS_HAVE_NO_SPACE = {
  therapistActive: 404,
  therapistPending: 404,
  therapistRevoked: 404,
  therapistOther: 404,
} as const;

/** Therapists may not start or join a space as a partner. */
export const THERAPISTS_CANNOT_JOIN = {
  therapistActive: 409,
  therapistPending: 409,
  therapistRevoked: 409,
  therapistOther: 409,
} as const;
