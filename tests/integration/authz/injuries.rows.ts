import type { LightMyRequestResponse } from 'fastify';
import { expectStatus, type TestClient } from '../../helpers/test-app';
import { NO_ONE_ELSE, type Row, type World, THERAPISTS_HAVE_NO_SPACE } from './world';

/** Self names an injury (and writes a private note) before the callers come. */
async function selfNamesInjury(w: World): Promise<void> {
  const response = await w.clients.self.post('/api/injuries', {
    kind: 'affair',
    cameToLight: '2026-01',
    myRole: 'hurt',
    note: 'A note only self may read',
  });
  expectStatus(response, 201);
  w.fixtures.injuryId = response.json<{ injury: { id: string } }>().injury.id;
}

/**
 * Calls a versioned route with the version the caller can read (or "1" when they cannot read it),
 * so each row tests who may act, not who was first.
 */
async function withVersion(
  c: TestClient,
  w: World,
  call: (id: string, headers: Record<string, string>) => Promise<LightMyRequestResponse>,
): Promise<LightMyRequestResponse> {
  const id = w.fixtures.injuryId!;
  const current = await c.get(`/api/injuries/${id}`);
  const etag = current.statusCode === 200 ? current.headers.etag : '"1"';
  return call(id, { 'if-match': String(etag) });
}

const MEMBERS_ONLY = { ...NO_ONE_ELSE, partner: 200, self: 200 } as const;

/** The injuries feature: one row per route. */
export const injuryRows: Row[] = [
  {
    route: 'GET /api/injuries',
    world: 'couple',
    setup: selfNamesInjury,
    call: async (c) => {
      const response = await c.get('/api/injuries');
      // Nobody but self ever reads self's private note.
      if (c.name !== 'Self' && response.body.includes('only self')) throw new Error('note leaked');
      return response;
    },
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/injuries',
    world: 'couple',
    call: (c) => c.post('/api/injuries', { kind: 'lies', cameToLight: '2026-02', myRole: 'hurt' }),
    expect: {
      ...THERAPISTS_HAVE_NO_SPACE,
      anonymous: 401,
      stranger: 201,
      former: 404,
      partner: 201,
      self: 201,
    },
  },
  {
    route: 'GET /api/injuries/:id',
    world: 'couple',
    setup: selfNamesInjury,
    call: async (c, w) => {
      const response = await c.get(`/api/injuries/${w.fixtures.injuryId}`);
      if (c.name !== 'Self' && response.body.includes('only self')) throw new Error('note leaked');
      return response;
    },
    expect: MEMBERS_ONLY,
  },
  {
    route: 'PATCH /api/injuries/:id',
    world: 'couple',
    setup: selfNamesInjury,
    call: (c, w) =>
      withVersion(c, w, (id, headers) =>
        c.patch(`/api/injuries/${id}`, { kind: 'emotional_affair' }, headers),
      ),
    expect: MEMBERS_ONLY,
  },
  {
    route: 'POST /api/injuries/:id/confirm',
    world: 'couple',
    setup: selfNamesInjury,
    // The partner confirms; self, the proposer, then finds it confirmed by both (no change).
    call: (c, w) =>
      withVersion(c, w, (id, headers) => c.post(`/api/injuries/${id}/confirm`, {}, headers)),
    expect: MEMBERS_ONLY,
  },
  {
    route: 'POST /api/injuries/:id/roles',
    world: 'couple',
    setup: selfNamesInjury,
    // Each in turn says "I was the one who was hurt": the roles swap, then swap back.
    call: (c, w) =>
      withVersion(c, w, (id, headers) =>
        c.post(`/api/injuries/${id}/roles`, { myRole: 'hurt' }, headers),
      ),
    expect: MEMBERS_ONLY,
  },
  {
    route: 'POST /api/injuries/:id/archive',
    world: 'couple',
    setup: selfNamesInjury,
    call: (c, w) =>
      withVersion(c, w, (id, headers) => c.post(`/api/injuries/${id}/archive`, {}, headers)),
    expect: MEMBERS_ONLY,
  },
  {
    route: 'POST /api/injuries/:id/restore',
    world: 'couple',
    setup: selfNamesInjury,
    call: (c, w) =>
      withVersion(c, w, (id, headers) => c.post(`/api/injuries/${id}/restore`, {}, headers)),
    expect: MEMBERS_ONLY,
  },
  {
    route: 'PUT /api/injuries/:id/note',
    world: 'couple',
    setup: selfNamesInjury,
    call: (c, w) => c.put(`/api/injuries/${w.fixtures.injuryId}/note`, { note: 'my own words' }),
    expect: MEMBERS_ONLY,
  },
];
