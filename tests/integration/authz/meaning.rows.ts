import { expectStatus, type TestClient } from '../../helpers/test-app';
import { NO_ONE_ELSE, THERAPISTS_HAVE_NO_SPACE, type Row, type World } from './world';

/**
 * Meaning: the factors map, the meaning story and the shared story. In `setup` the couple goes
 * on to phase 2, self writes a private factor and a shared one, writes and shares a story, and
 * saves the shared story; every caller then tries the route on self's things.
 */
const BASE = '/api/meaning';

async function selfWrites(w: World): Promise<void> {
  const { self, partner } = w.clients;
  for (const c of [self, partner]) {
    expectStatus(await c.post('/api/program/pace/ready', { phase: 2 }), 200);
  }
  const factor = await self.post(`${BASE}/factors`, { area: 'relationship', text: 'Long hours' });
  expectStatus(factor, 201);
  w.fixtures.factorId = factor.json<{ factor: { id: string } }>().factor.id;
  const story = await self.put(
    `${BASE}/story`,
    { text: 'What I was looking for' },
    {
      'if-match': '"0"',
    },
  );
  expectStatus(story, 200);
  const shared = await self.post(
    `${BASE}/story/share`,
    {},
    { 'if-match': story.headers.etag as string },
  );
  expectStatus(shared, 200);
  const together = await self.put(
    `${BASE}/shared`,
    { sections: { story: 'How we see it', differently: '' } },
    { 'if-match': '"0"' },
  );
  expectStatus(together, 200);
  w.fixtures.sharedId = together.json<{ story: { id: string } }>().story.id;
}

/** Saves from the version the caller last read, so each caller's own save can succeed. */
async function fromCurrent(c: TestClient, path: string, send: (etag: string) => Promise<unknown>) {
  const read = await c.get(path);
  const etag = typeof read.headers.etag === 'string' ? read.headers.etag : '"0"';
  return send(etag);
}

const ONLY_SELF = { ...NO_ONE_ELSE, partner: 404, self: 200 } as const;
/** Routes on the caller's own space: the stranger has one, the former partner has none. */
const OWN_SPACE = {
  ...THERAPISTS_HAVE_NO_SPACE,
  anonymous: 401,
  stranger: 200,
  former: 404,
  partner: 200,
  self: 200,
} as const;

export const meaningRows: Row[] = [
  {
    route: `GET ${BASE}/factors`,
    world: 'couple',
    setup: selfWrites,
    call: (c) => c.get(`${BASE}/factors`),
    expect: OWN_SPACE,
  },
  {
    route: `POST ${BASE}/factors`,
    world: 'couple',
    call: (c) => c.post(`${BASE}/factors`, { area: 'outside', text: 'A move abroad' }),
    expect: { ...OWN_SPACE, stranger: 201, partner: 201, self: 201 },
  },
  {
    route: `PUT ${BASE}/factors/:id`,
    world: 'couple',
    setup: selfWrites,
    call: (c, w) => c.put(`${BASE}/factors/${w.fixtures.factorId}`, { area: 'me', text: 'Tired' }),
    expect: ONLY_SELF,
  },
  {
    route: `POST ${BASE}/factors/:id/share`,
    world: 'couple',
    setup: selfWrites,
    call: (c, w) => c.post(`${BASE}/factors/${w.fixtures.factorId}/share`),
    expect: ONLY_SELF,
  },
  {
    route: `POST ${BASE}/factors/:id/unshare`,
    world: 'couple',
    setup: selfWrites,
    call: (c, w) => c.post(`${BASE}/factors/${w.fixtures.factorId}/unshare`),
    expect: ONLY_SELF,
  },
  {
    route: `DELETE ${BASE}/factors/:id`,
    world: 'couple',
    setup: selfWrites,
    call: (c, w) => c.delete(`${BASE}/factors/${w.fixtures.factorId}`),
    expect: ONLY_SELF,
  },
  {
    route: `GET ${BASE}/story`,
    world: 'couple',
    setup: selfWrites,
    call: (c) => c.get(`${BASE}/story`),
    expect: OWN_SPACE,
  },
  {
    route: `PUT ${BASE}/story`,
    world: 'couple',
    setup: selfWrites,
    call: (c) =>
      fromCurrent(c, `${BASE}/story`, (etag) =>
        c.put(`${BASE}/story`, { text: 'In my own words' }, { 'if-match': etag }),
      ) as ReturnType<TestClient['get']>,
    expect: OWN_SPACE,
  },
  {
    route: `POST ${BASE}/story/share`,
    world: 'couple',
    setup: selfWrites,
    call: (c) =>
      fromCurrent(c, `${BASE}/story`, (etag) =>
        c.post(`${BASE}/story/share`, {}, { 'if-match': etag }),
      ) as ReturnType<TestClient['get']>,
    // Only self has a story to share; the partner has none (404), the stranger has no partner
    // and no story either (404).
    expect: { ...THERAPISTS_HAVE_NO_SPACE, ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: `POST ${BASE}/story/unshare`,
    world: 'couple',
    setup: selfWrites,
    call: (c) => c.post(`${BASE}/story/unshare`),
    expect: { ...THERAPISTS_HAVE_NO_SPACE, ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: `GET ${BASE}/shared`,
    world: 'couple',
    setup: selfWrites,
    call: (c) => c.get(`${BASE}/shared`),
    expect: OWN_SPACE,
  },
  {
    route: `PUT ${BASE}/shared`,
    world: 'couple',
    setup: selfWrites,
    call: (c) =>
      fromCurrent(c, `${BASE}/shared`, (etag) =>
        c.put(
          `${BASE}/shared`,
          { sections: { story: 'Ours', differently: 'Still apart on this' } },
          { 'if-match': etag },
        ),
      ) as ReturnType<TestClient['get']>,
    // The stranger is alone, so their pace is still phase 1: writing together waits (409).
    expect: { ...OWN_SPACE, stranger: 409 },
  },
  {
    route: `GET ${BASE}/shared/:id/versions`,
    world: 'couple',
    setup: selfWrites,
    call: (c, w) => c.get(`${BASE}/shared/${w.fixtures.sharedId}/versions`),
    expect: { ...NO_ONE_ELSE, partner: 200, self: 200 },
  },
  {
    route: `GET ${BASE}/shared/:id/compare`,
    world: 'couple',
    setup: selfWrites,
    call: (c, w) => c.get(`${BASE}/shared/${w.fixtures.sharedId}/compare?from=1&to=1`),
    expect: { ...NO_ONE_ELSE, partner: 200, self: 200 },
  },
];
