import { expectStatus, type TestClient } from '../../helpers/test-app';
import { NO_ONE_ELSE, type Row, type World, THERAPISTS_HAVE_NO_SPACE } from './world';

/**
 * The trigger log and the couple's trigger plan. In `setup`, self logs a private entry and saves
 * the couple's plan; every caller then tries the route on self's things.
 */
async function selfWrites(w: World): Promise<void> {
  const self = w.clients.self;
  const entry = await self.post('/api/triggers', { cue: 'A song in a shop', intensity: 5 });
  expectStatus(entry, 201);
  w.fixtures.entryId = entry.json<{ entry: { id: string } }>().entry.id;
  const plan = await self.put(
    '/api/triggers/plan',
    {
      sections: {
        signs: 'Quiet',
        signal: 'A word',
        response: 'Stay',
        timeOut: '20 min',
        afterwards: 'Tea',
      },
    },
    { 'if-match': '"0"' },
  );
  expectStatus(plan, 200);
  w.fixtures.planId = plan.json<{ plan: { id: string } }>().plan.id;
}

/** Saves from the version the caller last read, so each caller's own save can succeed. */
async function saveFromCurrent(c: TestClient) {
  const read = await c.get('/api/triggers/plan');
  const etag = typeof read.headers.etag === 'string' ? read.headers.etag : '"0"';
  return c.put(
    '/api/triggers/plan',
    { sections: { signs: '', signal: '', response: '', timeOut: '', afterwards: 'After' } },
    { 'if-match': etag },
  );
}

/** Accepts the version the caller last read. */
async function acceptCurrent(c: TestClient) {
  const read = await c.get('/api/triggers/plan');
  const etag = typeof read.headers.etag === 'string' ? read.headers.etag : '"0"';
  return c.put('/api/triggers/plan/acceptance', {}, { 'if-match': etag });
}

const ENTRY = { cue: 'Edited words', intensity: 3 };
const ONLY_SELF = { ...NO_ONE_ELSE, partner: 404, self: 200 } as const;

export const triggerRows: Row[] = [
  {
    route: 'GET /api/triggers',
    world: 'couple',
    call: (c) => c.get('/api/triggers'),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/triggers',
    world: 'couple',
    call: (c) => c.post('/api/triggers', { cue: 'The smell of that perfume', intensity: 4 }),
    expect: { anonymous: 401, stranger: 201, former: 201, partner: 201, self: 201 },
  },
  {
    route: 'GET /api/triggers/:id',
    world: 'couple',
    setup: selfWrites,
    call: (c, w) => c.get(`/api/triggers/${w.fixtures.entryId}`),
    expect: ONLY_SELF,
  },
  {
    route: 'PUT /api/triggers/:id',
    world: 'couple',
    setup: selfWrites,
    call: (c, w) => c.put(`/api/triggers/${w.fixtures.entryId}`, ENTRY),
    expect: ONLY_SELF,
  },
  {
    route: 'POST /api/triggers/:id/share',
    world: 'couple',
    setup: selfWrites,
    call: (c, w) => c.post(`/api/triggers/${w.fixtures.entryId}/share`),
    expect: ONLY_SELF,
  },
  {
    route: 'POST /api/triggers/:id/unshare',
    world: 'couple',
    setup: selfWrites,
    call: (c, w) => c.post(`/api/triggers/${w.fixtures.entryId}/unshare`),
    expect: ONLY_SELF,
  },
  {
    route: 'POST /api/triggers/:id/archive',
    world: 'couple',
    setup: selfWrites,
    call: (c, w) => c.post(`/api/triggers/${w.fixtures.entryId}/archive`),
    expect: ONLY_SELF,
  },
  {
    route: 'POST /api/triggers/:id/restore',
    world: 'couple',
    setup: selfWrites,
    call: (c, w) => c.post(`/api/triggers/${w.fixtures.entryId}/restore`),
    expect: ONLY_SELF,
  },
  {
    route: 'GET /api/triggers/plan',
    world: 'couple',
    setup: selfWrites,
    call: (c) => c.get('/api/triggers/plan'),
    // The stranger reads their own space's (empty) plan; the former partner has no space.
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
    route: 'PUT /api/triggers/plan',
    world: 'couple',
    setup: selfWrites,
    call: (c) => saveFromCurrent(c),
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
    route: 'GET /api/triggers/plans/:id/versions',
    world: 'couple',
    setup: selfWrites,
    call: (c, w) => c.get(`/api/triggers/plans/${w.fixtures.planId}/versions`),
    expect: { ...NO_ONE_ELSE, partner: 200, self: 200 },
  },
  {
    route: 'PUT /api/triggers/plan/acceptance',
    world: 'couple',
    setup: selfWrites,
    call: (c) => acceptCurrent(c),
    // The stranger is alone in their own space: there is nobody to agree with (409).
    expect: {
      ...THERAPISTS_HAVE_NO_SPACE,
      anonymous: 401,
      stranger: 409,
      former: 404,
      partner: 200,
      self: 200,
    },
  },
  {
    route: 'DELETE /api/triggers/plan/acceptance',
    world: 'couple',
    setup: selfWrites,
    call: (c) => c.delete('/api/triggers/plan/acceptance'),
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
    route: 'GET /api/triggers/plans/:id/compare',
    world: 'couple',
    setup: selfWrites,
    call: (c, w) => c.get(`/api/triggers/plans/${w.fixtures.planId}/compare?from=1&to=1`),
    expect: { ...NO_ONE_ELSE, partner: 200, self: 200 },
  },
];
