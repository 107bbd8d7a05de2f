import type { LightMyRequestResponse } from 'fastify';
import { expectStatus, type TestClient } from '../../helpers/test-app';
import { NO_ONE_ELSE, type Row, type World, THERAPISTS_HAVE_NO_SPACE } from './world';

/** Self drafts an agreement with partner before the callers come. */
async function selfDrafts(w: World): Promise<void> {
  const response = await w.clients.self.post('/api/agreements', {
    kind: 'ground-rules',
    sections: { title: 'Time-outs', body: 'We come back within an hour.' },
  });
  expectStatus(response, 201);
  w.fixtures.agreementId = response.json<{ agreement: { id: string } }>().agreement.id;
}

/** Calls with the version the caller can read (or "1" when they cannot read it). */
async function withVersion(
  c: TestClient,
  w: World,
  call: (id: string, headers: Record<string, string>) => Promise<LightMyRequestResponse>,
): Promise<LightMyRequestResponse> {
  const id = w.fixtures.agreementId!;
  const current = await c.get(`/api/agreements/${id}`);
  const etag = current.statusCode === 200 ? String(current.headers.etag) : '"1"';
  return call(id, { 'if-match': etag });
}

const MEMBERS_ONLY = { ...NO_ONE_ELSE, partner: 200, self: 200 } as const;
const SECTIONS = { title: 'Time-outs', body: 'We come back within thirty minutes.' };

export const agreementRows: Row[] = [
  {
    route: 'GET /api/agreements',
    world: 'couple',
    setup: selfDrafts,
    call: (c) => c.get('/api/agreements'),
    // The stranger reads their own space's (empty) list; the former partner has no space.
    expect: {
      ...THERAPISTS_HAVE_NO_SPACE,
      anonymous: 401,
      stranger: 200,
      former: 404,
      partner: 200,
      self: 200,
    },
  },
  {
    route: 'POST /api/agreements',
    world: 'couple',
    call: (c) => c.post('/api/agreements', { kind: 'boundaries', sections: SECTIONS }),
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
    route: 'GET /api/agreements/:id',
    world: 'couple',
    setup: selfDrafts,
    call: (c, w) => c.get(`/api/agreements/${w.fixtures.agreementId}`),
    expect: MEMBERS_ONLY,
  },
  {
    route: 'PUT /api/agreements/:id',
    world: 'couple',
    setup: selfDrafts,
    call: (c, w) =>
      withVersion(c, w, (id, headers) =>
        c.put(`/api/agreements/${id}`, { sections: SECTIONS }, headers),
      ),
    expect: MEMBERS_ONLY,
  },
  {
    route: 'GET /api/agreements/:id/versions',
    world: 'couple',
    setup: selfDrafts,
    call: (c, w) => c.get(`/api/agreements/${w.fixtures.agreementId}/versions`),
    expect: MEMBERS_ONLY,
  },
  {
    route: 'GET /api/agreements/:id/compare',
    world: 'couple',
    setup: selfDrafts,
    call: (c, w) => c.get(`/api/agreements/${w.fixtures.agreementId}/compare?from=1&to=1`),
    expect: MEMBERS_ONLY,
  },
  {
    route: 'PUT /api/agreements/:id/acceptance',
    world: 'couple',
    setup: selfDrafts,
    call: (c, w) =>
      withVersion(c, w, (id, headers) => c.put(`/api/agreements/${id}/acceptance`, {}, headers)),
    expect: MEMBERS_ONLY,
  },
  {
    route: 'DELETE /api/agreements/:id/acceptance',
    world: 'couple',
    setup: selfDrafts,
    call: (c, w) => c.delete(`/api/agreements/${w.fixtures.agreementId}/acceptance`),
    expect: MEMBERS_ONLY,
  },
  {
    route: 'PUT /api/agreements/:id/review',
    world: 'couple',
    setup: selfDrafts,
    call: (c, w) => c.put(`/api/agreements/${w.fixtures.agreementId}/review`, { reviewOn: null }),
    expect: MEMBERS_ONLY,
  },
];
