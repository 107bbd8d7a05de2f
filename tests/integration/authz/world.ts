import type { LightMyRequestResponse } from 'fastify';
import { expectStatus, type TestApp, type TestClient } from '../../helpers/test-app';

/**
 * The worlds the authorization matrix runs in, and the shape of its rows.
 */
export type ActorName = 'anonymous' | 'self' | 'partner' | 'stranger' | 'former';
export const ACTORS: ActorName[] = ['anonymous', 'stranger', 'former', 'partner', 'self']; // self last: some calls change state

export interface World {
  clients: Record<ActorName, TestClient>;
  selfEmail: string;
  selfSessionId: string;
  selfSpaceId: string;
  /** Set in the "open invite" world, where self is alone in the space with a usable link. */
  invite?: { id: string; token: string };
  /** What a row's `setup` made (ids of items self wrote, say), for its `call` to use. */
  fixtures: Record<string, string>;
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

/** self and partner share a space; former was self's partner and left; stranger has a space of their own. */
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
  return {
    clients: { anonymous: t.client('anonymous'), self, partner, stranger, former },
    selfEmail: self.email,
    selfSessionId: await sessionIdOf(self),
    selfSpaceId: space.space.id,
    invite,
    fixtures: {},
  };
}

export interface Row {
  route: string;
  world: 'couple' | 'open-invite';
  call: (c: TestClient, w: World) => Promise<LightMyRequestResponse>;
  expect: Record<ActorName, number | 'n/a'>;
  /** Actors this call rightly lets into self's space (joining by self's own link). */
  joins?: ActorName[];
  /** Runs once per world before the callers, e.g. self writes an item; may fill `w.fixtures`. */
  setup?: (w: World) => Promise<void>;
}

export const NO_ONE_ELSE = { anonymous: 401, stranger: 404, former: 404 } as const;
