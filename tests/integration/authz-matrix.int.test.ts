import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  expectStatus,
  TEST_PASSWORD,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';

/**
 * The authorization matrix: every route × every kind of caller, with the status each must get.
 * A new route fails the coverage test below until it is added here.
 */
type ActorName = 'anonymous' | 'self' | 'partner' | 'stranger' | 'former';
const ACTORS: ActorName[] = ['anonymous', 'stranger', 'former', 'partner', 'self']; // self last: some calls change state

interface World {
  clients: Record<ActorName, TestClient>;
  selfEmail: string;
  selfSessionId: string;
  selfSpaceId: string;
  /** Set in the "open invite" world, where self is alone in the space with a usable link. */
  invite?: { id: string; token: string };
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
async function buildWorld(t: TestApp, kind: 'couple' | 'open-invite'): Promise<World> {
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
  };
}

interface Row {
  route: string;
  world: 'couple' | 'open-invite';
  call: (c: TestClient, w: World) => Promise<LightMyRequestResponse>;
  expect: Record<ActorName, number | 'n/a'>;
  /** Actors this call rightly lets into self's space (joining by self's own link). */
  joins?: ActorName[];
}

const NO_ONE_ELSE = { anonymous: 401, stranger: 404, former: 404 } as const;

const MATRIX: Row[] = [
  {
    route: 'GET /api/ping',
    world: 'couple',
    call: (c) => c.get('/api/ping'),
    expect: { anonymous: 200, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/health',
    world: 'couple',
    call: (c) => c.get('/api/health'),
    expect: { anonymous: 200, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/auth/signup',
    world: 'couple',
    call: (c) =>
      c.post('/api/auth/signup', {
        displayName: 'New',
        email: `new-${Math.random()}@example.test`,
        password: TEST_PASSWORD,
      }),
    expect: { anonymous: 201, stranger: 201, former: 201, partner: 201, self: 201 },
  },
  {
    route: 'POST /api/auth/signin',
    world: 'couple',
    call: (c, w) =>
      c.post('/api/auth/signin', { email: w.selfEmail, password: 'a wrong password' }),
    expect: { anonymous: 401, stranger: 401, former: 401, partner: 401, self: 401 },
  },
  {
    route: 'POST /api/auth/signout',
    world: 'couple',
    call: (c) => c.post('/api/auth/signout'),
    expect: { anonymous: 200, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/auth/me',
    world: 'couple',
    call: (c) => c.get('/api/auth/me'),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/auth/sessions',
    world: 'couple',
    call: (c) => c.get('/api/auth/sessions'),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'DELETE /api/auth/sessions/:id',
    world: 'couple',
    call: (c, w) => c.delete(`/api/auth/sessions/${w.selfSessionId}`),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: 'POST /api/auth/sessions/signout-others',
    world: 'couple',
    call: (c) => c.post('/api/auth/sessions/signout-others'),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/space',
    world: 'couple',
    call: (c) => c.get('/api/space'),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/space',
    world: 'couple',
    call: (c) => c.post('/api/space'),
    expect: { anonymous: 401, stranger: 409, former: 201, partner: 409, self: 409 },
  },
  {
    route: 'POST /api/space/leave',
    world: 'couple',
    call: (c) => c.post('/api/space/leave'),
    expect: { anonymous: 401, stranger: 200, former: 404, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/invites',
    world: 'open-invite',
    call: (c) => c.get('/api/invites'),
    expect: { anonymous: 401, stranger: 200, former: 404, partner: 404, self: 200 },
  },
  {
    route: 'POST /api/invites',
    world: 'couple',
    call: (c) => c.post('/api/invites'),
    expect: { anonymous: 401, stranger: 201, former: 404, partner: 409, self: 409 },
  },
  {
    route: 'DELETE /api/invites/:id',
    world: 'open-invite',
    call: (c, w) => c.delete(`/api/invites/${w.invite!.id}`),
    // In this world "partner" has no space: an open invite means nobody has joined yet.
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: 'POST /api/invites/preview',
    world: 'open-invite',
    call: (c, w) => c.post('/api/invites/preview', { token: w.invite!.token }),
    expect: { anonymous: 200, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/invites/accept',
    world: 'open-invite',
    call: (c, w) => c.post('/api/invites/accept', { token: w.invite!.token }),
    // partner (no space in this world) accepts before self tries; stranger and self already have a space.
    expect: { anonymous: 401, stranger: 409, former: 200, partner: 404, self: 409 },
    joins: ['former'],
  },
];

/** Routes served by plugins (static web assets, API docs) are public and hold no user data. */
const PLUGIN_ROUTE = /^(GET|HEAD) \/api\/docs|^(GET|HEAD) \/api\/openapi\.json$|^HEAD /;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('authorization matrix', () => {
  it('covers every route the app registers', () => {
    const registered = t.routePolicies.routes
      .map((r) => `${r.method} ${r.url}`)
      .filter((route) => !PLUGIN_ROUTE.test(route));
    expect([...new Set(registered)].sort()).toEqual(MATRIX.map((row) => row.route).sort());
  });

  for (const row of MATRIX) {
    it(`${row.route}`, async () => {
      const world = await buildWorld(t, row.world);
      const got: Partial<Record<ActorName, number | 'n/a'>> = {};
      for (const actor of ACTORS) {
        const response = await row.call(world.clients[actor], world);
        got[actor] = response.statusCode;
        if (actor !== 'self') {
          // Nothing of self's private data ever reaches another caller.
          expect(response.body).not.toContain(world.selfEmail);
          expect(response.body).not.toContain(world.selfSessionId);
        }
        if (
          (actor === 'stranger' || actor === 'former' || actor === 'anonymous') &&
          !row.joins?.includes(actor)
        ) {
          expect(response.body).not.toContain(world.selfSpaceId);
        }
        if (response.statusCode === 404) {
          expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
        }
      }
      expect(got).toEqual(row.expect);
    });
  }
});
