import { expectStatus } from '../../helpers/test-app';
import { THERAPISTS_HAVE_NO_SPACE, type Row, type World } from './world';

/**
 * The guide. Self writes a private reflection first; its text carries self's email, so the
 * matrix's own check (self's email never reaches another caller) also proves it stays private.
 */
const SLUG = 'transparency';

async function selfWritesPrivately(w: World): Promise<void> {
  expectStatus(
    await w.clients.self.put(
      `/api/guide/${SLUG}/reflections/mine`,
      { body: `Only for me: ${w.selfEmail}` },
      { 'if-none-match': '*' },
    ),
    200,
  );
}

export const guideRows: Row[] = [
  {
    route: 'GET /api/guide',
    world: 'couple',
    call: (c) => c.get('/api/guide'),
    expect: { anonymous: 200, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/guide/:slug',
    world: 'couple',
    call: (c) => c.get(`/api/guide/${SLUG}`),
    expect: { anonymous: 200, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/guide/:slug/reflections',
    world: 'couple',
    setup: selfWritesPrivately,
    call: (c) => c.get(`/api/guide/${SLUG}/reflections`),
    // Everyone signed in gets their own view; only self's holds self's reflection.
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'PUT /api/guide/:slug/reflections/mine',
    world: 'couple',
    setup: selfWritesPrivately,
    call: (c) =>
      c.put(`/api/guide/${SLUG}/reflections/mine`, { body: 'a change' }, { 'if-match': '"1"' }),
    // Others have no version 1 of their own: the same 412 as if self had written nothing.
    expect: { anonymous: 401, stranger: 412, former: 412, partner: 412, self: 200 },
  },
  {
    route: 'POST /api/guide/:slug/reflections/mine/share',
    world: 'couple',
    setup: selfWritesPrivately,
    call: (c) => c.post(`/api/guide/${SLUG}/reflections/mine/share`),
    // The stranger is alone in their own space: there is no one to share with.
    expect: {
      ...THERAPISTS_HAVE_NO_SPACE,
      anonymous: 401,
      stranger: 409,
      former: 404,
      partner: 404,
      self: 200,
    },
  },
  {
    route: 'POST /api/guide/:slug/reflections/mine/unshare',
    world: 'couple',
    setup: selfWritesPrivately,
    call: (c) => c.post(`/api/guide/${SLUG}/reflections/mine/unshare`),
    expect: { anonymous: 401, stranger: 404, former: 404, partner: 404, self: 200 },
  },
];
