import { expectStatus, type TestClient } from '../../helpers/test-app';
import { NO_ONE_ELSE, THERAPISTS_HAVE_NO_SPACE, type Row, type World } from './world';

/**
 * Listening turns: a conversation of self and partner. Every step is for one of the two (the
 * other gets 409: not their step); nobody else reaches the conversation (404).
 */
const BASE = '/api/listening';
const SHARE = { feeling: 'I feel alone.', need: 'I need you near.' };
const REFLECT = { heard: 'You feel alone.', validation: 'It makes sense, after all this.' };

async function atPhaseTwo(w: World) {
  for (const c of [w.clients.self, w.clients.partner]) {
    expectStatus(await c.post('/api/program/pace/ready', { phase: 2 }), 200);
  }
}

/** Self starts a conversation and the steps named happen, in order. */
function conversationAt(steps: ('reflect' | 'answer yes')[]) {
  return async (w: World) => {
    await atPhaseTwo(w);
    const started = await w.clients.self.post(`${BASE}/conversations`, SHARE);
    expectStatus(started, 201);
    let { id, version } = started.json<{ id: string; version: number }>();
    for (const s of steps) {
      const [who, path, body] =
        s === 'reflect'
          ? [w.clients.partner, 'reflections', REFLECT]
          : [w.clients.self, 'answers', { understood: 'yes' }];
      const r = await who.post(`${BASE}/conversations/${id}/${path}`, body, {
        'if-match': `"${version}"`,
      });
      expectStatus(r, 200);
      ({ id, version } = r.json<{ id: string; version: number }>());
    }
    w.fixtures.id = id;
  };
}

/** Posts a step from the version the caller reads now (a stranger reads a 404: any version). */
async function stepFromCurrent(c: TestClient, w: World, path: string, body: object) {
  const read = await c.get(`${BASE}/conversations/${w.fixtures.id}`);
  const etag = typeof read.headers.etag === 'string' ? read.headers.etag : '"1"';
  return c.post(`${BASE}/conversations/${w.fixtures.id}/${path}`, body, { 'if-match': etag });
}

export const listeningRows: Row[] = [
  {
    route: `GET ${BASE}`,
    world: 'couple',
    call: (c) => c.get(BASE),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: `POST ${BASE}/conversations`,
    world: 'couple',
    setup: atPhaseTwo,
    call: (c) => c.post(`${BASE}/conversations`, SHARE),
    // The stranger's couple has not reached the phase (409); no space is a 404.
    expect: {
      ...THERAPISTS_HAVE_NO_SPACE,
      anonymous: 401,
      stranger: 409,
      former: 404,
      partner: 201,
      self: 201,
    },
  },
  {
    route: `GET ${BASE}/conversations/:id`,
    world: 'couple',
    setup: conversationAt([]),
    call: (c, w) => c.get(`${BASE}/conversations/${w.fixtures.id}`),
    expect: { ...NO_ONE_ELSE, partner: 200, self: 200 },
  },
  {
    route: `POST ${BASE}/conversations/:id/reflections`,
    world: 'couple',
    setup: conversationAt([]),
    call: (c, w) => stepFromCurrent(c, w, 'reflections', REFLECT),
    // The partner listens; after their reflection it is self's turn to answer, not to reflect.
    expect: { ...NO_ONE_ELSE, partner: 200, self: 409 },
  },
  {
    route: `POST ${BASE}/conversations/:id/answers`,
    world: 'couple',
    setup: conversationAt(['reflect']),
    call: (c, w) => stepFromCurrent(c, w, 'answers', { understood: 'partly' }),
    expect: { ...NO_ONE_ELSE, partner: 409, self: 200 },
  },
  {
    route: `POST ${BASE}/conversations/:id/turns`,
    world: 'couple',
    setup: conversationAt(['reflect', 'answer yes']),
    call: (c, w) => stepFromCurrent(c, w, 'turns', SHARE),
    // Either may start the next turn; once the partner has, self is the one listening.
    expect: { ...NO_ONE_ELSE, partner: 200, self: 409 },
  },
];
