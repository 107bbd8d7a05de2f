import { expectStatus, type TestClient } from '../../helpers/test-app';
import { NO_ONE_ELSE, THERAPISTS_HAVE_NO_SPACE, type Row, type World } from './world';

/**
 * Reconnecting. In `setup`, self and partner go on together to phase 3 (where these exercises
 * open), and self proposes or writes what the row needs; every caller then tries the route on
 * self's couple's things. A stranger is alone in a space of their own: what needs both partners
 * answers 409 there, and anything of self's couple 404.
 */
async function phaseThree(w: World): Promise<void> {
  for (const phase of [2, 3]) {
    for (const c of [w.clients.self, w.clients.partner]) {
      expectStatus(await c.post('/api/program/pace/ready', { phase }), 200);
    }
  }
}

async function created(c: TestClient, path: string, body: unknown, key: string): Promise<string> {
  const response = await c.post(path, body);
  expectStatus(response, 201);
  return response.json<Record<string, { id: string }>>()[key]!.id;
}

const RITUAL = {
  title: 'Tea together after work',
  detail: 'Ten minutes, phones away',
  cadence: 'daily',
};

async function withRituals(w: World): Promise<void> {
  await phaseThree(w);
  const self = w.clients.self;
  w.fixtures.ritual = await created(self, '/api/reconnecting/rituals', RITUAL, 'ritual');
  w.fixtures.ritualTwo = await created(self, '/api/reconnecting/rituals', RITUAL, 'ritual');
}

async function withDates(w: World, planned = false): Promise<void> {
  await phaseThree(w);
  const self = w.clients.self;
  for (const key of ['date', 'dateTwo']) {
    w.fixtures[key] = await created(self, '/api/reconnecting/dates', { idea: 'A picnic' }, 'date');
    if (planned) {
      const plan = { idea: 'A picnic', plannedOn: '2026-06-01', plan: 'By the river' };
      expectStatus(
        await self.put(`/api/reconnecting/dates/${w.fixtures[key]}`, plan, { 'if-match': '"1"' }),
        200,
      );
    }
  }
}

async function withNotes(w: World): Promise<void> {
  await withDates(w, true);
  for (const c of [w.clients.self, w.clients.partner]) {
    const path = `/api/reconnecting/dates/${w.fixtures.date}/note`;
    expectStatus(await c.put(path, { note: 'It was lovely' }), 200);
  }
}

/** The version of `what` the caller last read on the page, as If-Match. */
async function versionOf(c: TestClient, pick: (view: View) => number | undefined) {
  const read = await c.get('/api/reconnecting');
  const version = read.statusCode === 200 ? (pick(read.json<View>()) ?? 1) : 1;
  return { 'if-match': `"${version}"` };
}
interface View {
  rituals: { id: string; version: number }[];
  dates: { id: string; version: number }[];
  pacing: { version: number };
}

/** Partner and self each act on their own fixture, so both can succeed in turn. */
const mineOf = (c: TestClient, w: World, key: string) =>
  c.name === 'Partner' ? w.fixtures[key]! : w.fixtures[`${key}Two`]!;

const COUPLE_ONLY = { ...NO_ONE_ELSE, partner: 404, self: 404 } as const;
const BOTH_OK = { ...NO_ONE_ELSE, partner: 200, self: 200 } as const;
const ALONE_409 = { anonymous: 401, stranger: 409, former: 404, ...THERAPISTS_HAVE_NO_SPACE };

export const reconnectingRows: Row[] = [
  {
    route: 'GET /api/reconnecting',
    world: 'couple',
    call: (c) => c.get('/api/reconnecting'),
    expect: {
      anonymous: 401,
      stranger: 200,
      former: 404,
      ...THERAPISTS_HAVE_NO_SPACE,
      partner: 200,
      self: 200,
    },
  },
  {
    route: 'POST /api/reconnecting/rituals',
    world: 'couple',
    setup: phaseThree,
    call: (c) => c.post('/api/reconnecting/rituals', RITUAL),
    expect: { ...ALONE_409, partner: 201, self: 201 },
  },
  {
    route: 'PUT /api/reconnecting/rituals/:id',
    world: 'couple',
    setup: withRituals,
    call: async (c, w) =>
      c.put(
        `/api/reconnecting/rituals/${w.fixtures.ritual}`,
        { ...RITUAL, title: 'Tea, and a walk' },
        await versionOf(c, (v) => v.rituals.find((r) => r.id === w.fixtures.ritual)?.version),
      ),
    expect: BOTH_OK,
  },
  {
    route: 'POST /api/reconnecting/rituals/:id/agree',
    world: 'couple',
    setup: withRituals,
    call: (c, w) =>
      c.post(`/api/reconnecting/rituals/${w.fixtures.ritual}/agree`, {}, { 'if-match': '"1"' }),
    // Self proposed it: only the partner agrees.
    expect: { ...BOTH_OK, self: 409 },
  },
  {
    route: 'POST /api/reconnecting/rituals/:id/set-aside',
    world: 'couple',
    setup: withRituals,
    call: (c, w) => c.post(`/api/reconnecting/rituals/${mineOf(c, w, 'ritual')}/set-aside`),
    expect: BOTH_OK,
  },
  {
    route: 'POST /api/reconnecting/appreciations',
    world: 'couple',
    setup: phaseThree,
    call: (c) => c.post('/api/reconnecting/appreciations', { note: 'Thank you for the tea' }),
    expect: { ...ALONE_409, partner: 201, self: 201 },
  },
  {
    route: 'POST /api/reconnecting/appreciations/seen',
    world: 'couple',
    call: (c) => c.post('/api/reconnecting/appreciations/seen'),
    expect: {
      anonymous: 401,
      stranger: 200,
      former: 404,
      ...THERAPISTS_HAVE_NO_SPACE,
      partner: 200,
      self: 200,
    },
  },
  {
    route: 'DELETE /api/reconnecting/appreciations/:id',
    world: 'couple',
    setup: async (w) => {
      await phaseThree(w);
      w.fixtures.note = await created(
        w.clients.self,
        '/api/reconnecting/appreciations',
        { note: 'Thank you' },
        'appreciation',
      );
    },
    call: (c, w) => c.delete(`/api/reconnecting/appreciations/${w.fixtures.note}`),
    // Only its sender takes it back.
    expect: { ...COUPLE_ONLY, self: 200 },
  },
  {
    route: 'POST /api/reconnecting/dates',
    world: 'couple',
    setup: phaseThree,
    call: (c) => c.post('/api/reconnecting/dates', { idea: 'The old cinema' }),
    expect: { ...ALONE_409, partner: 201, self: 201 },
  },
  {
    route: 'PUT /api/reconnecting/dates/:id',
    world: 'couple',
    setup: (w) => withDates(w),
    call: async (c, w) =>
      c.put(
        `/api/reconnecting/dates/${w.fixtures.date}`,
        { idea: 'The old cinema', plannedOn: '2026-06-02', plan: 'The late show' },
        await versionOf(c, (v) => v.dates.find((d) => d.id === w.fixtures.date)?.version),
      ),
    expect: BOTH_OK,
  },
  {
    route: 'POST /api/reconnecting/dates/:id/set-aside',
    world: 'couple',
    setup: (w) => withDates(w),
    call: (c, w) => c.post(`/api/reconnecting/dates/${mineOf(c, w, 'date')}/set-aside`),
    expect: BOTH_OK,
  },
  {
    route: 'PUT /api/reconnecting/dates/:id/note',
    world: 'couple',
    setup: (w) => withDates(w, true),
    call: (c, w) =>
      c.put(`/api/reconnecting/dates/${w.fixtures.date}/note`, { note: 'We laughed a lot' }),
    expect: BOTH_OK,
  },
  {
    route: 'POST /api/reconnecting/dates/:id/note/share',
    world: 'couple',
    setup: withNotes,
    call: (c, w) => c.post(`/api/reconnecting/dates/${w.fixtures.date}/note/share`),
    expect: BOTH_OK,
  },
  {
    route: 'POST /api/reconnecting/dates/:id/note/unshare',
    world: 'couple',
    setup: withNotes,
    call: (c, w) => c.post(`/api/reconnecting/dates/${w.fixtures.date}/note/unshare`),
    expect: BOTH_OK,
  },
  {
    route: 'PUT /api/reconnecting/pacing',
    world: 'couple',
    setup: phaseThree,
    call: async (c) =>
      c.put(
        '/api/reconnecting/pacing',
        { pace: 'gentle', words: '' },
        await versionOf(c, (v) => v.pacing.version),
      ),
    expect: { ...ALONE_409, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/reconnecting/pacing/agree',
    world: 'couple',
    setup: async (w) => {
      await phaseThree(w);
      const put = await w.clients.self.put(
        '/api/reconnecting/pacing',
        { pace: 'closeness' },
        { 'if-match': '"0"' },
      );
      expectStatus(put, 200);
    },
    call: (c) => c.post('/api/reconnecting/pacing/agree', {}, { 'if-match': '"1"' }),
    // Self proposed it: only the partner agrees. The stranger's own space has nothing to agree to.
    expect: { ...ALONE_409, partner: 200, self: 409 },
  },
  {
    route: 'POST /api/reconnecting/pacing/pause',
    world: 'couple',
    call: (c) => c.post('/api/reconnecting/pacing/pause'),
    expect: { ...ALONE_409, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/reconnecting/pacing/resume',
    world: 'couple',
    call: (c) => c.post('/api/reconnecting/pacing/resume'),
    expect: {
      anonymous: 401,
      stranger: 200,
      former: 404,
      ...THERAPISTS_HAVE_NO_SPACE,
      partner: 200,
      self: 200,
    },
  },
];
