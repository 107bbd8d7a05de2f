import { expectStatus, type TestClient } from '../../helpers/test-app';
import { NO_ONE_ELSE, THERAPISTS_HAVE_NO_SPACE, type Row, type World } from './world';

/** The impact letter and its reflection: who may touch whose letter, reflection and marks. */
const BASE = '/api/impact-letter';
const WORDS = {
  whatHappened: 'What happened for me.',
  howItAffectedMe: 'How it affected me.',
  whatINeedNow: 'What I need now.',
};
const REFLECTION = { paraphrase: 'What I heard.', acknowledgement: 'What I understand.' };

const tag = (version: string | number | undefined) => ({ 'if-match': `"${version}"` });

async function writeLetter(writer: TestClient, share: boolean) {
  const started = await writer.post(`${BASE}/letters`, { replacing: null });
  expectStatus(started, 201);
  const { id, version } = started.json<{ id: string; version: number }>();
  const saved = await writer.put(`${BASE}/letters/${id}`, WORDS, tag(version));
  expectStatus(saved, 200);
  let current = saved.json<{ version: number }>().version;
  if (share) {
    const shared = await writer.post(`${BASE}/letters/${id}/share`, {}, tag(current));
    expectStatus(shared, 200);
    current = shared.json<{ version: number }>().version;
  }
  return { id, version: current };
}

async function writeReflection(reader: TestClient, letterId: string, send: boolean) {
  const started = await reader.post(`${BASE}/letters/${letterId}/reflections`, REFLECTION);
  expectStatus(started, 201);
  const { id, version } = started.json<{ id: string; version: number }>();
  if (send)
    expectStatus(await reader.post(`${BASE}/reflections/${id}/send`, {}, tag(version)), 200);
  return { id, version: send ? version + 1 : version };
}

function selfLetter(share: boolean) {
  return async (w: World) => {
    const letter = await writeLetter(w.clients.self, share);
    w.fixtures.letterId = letter.id;
    w.fixtures.letterVersion = String(letter.version);
  };
}

/** The partner shares a letter and self (the reader) writes a reflection on it. */
function selfReflection(send: boolean) {
  return async (w: World) => {
    const letter = await writeLetter(w.clients.partner, true);
    const reflection = await writeReflection(w.clients.self, letter.id, send);
    w.fixtures.reflectionId = reflection.id;
    w.fixtures.reflectionVersion = String(reflection.version);
  };
}

export const impactLetterRows: Row[] = [
  {
    route: `GET ${BASE}`,
    world: 'couple',
    setup: selfLetter(false),
    call: (c) => c.get(BASE),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: `POST ${BASE}/letters`,
    world: 'couple',
    call: (c) => c.post(`${BASE}/letters`, { replacing: null }),
    // Anyone in a space may write a letter of their own; the former partner has no space now.
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
    route: `GET ${BASE}/letters/:id`,
    world: 'couple',
    setup: selfLetter(true),
    call: (c, w) => c.get(`${BASE}/letters/${w.fixtures.letterId}`),
    expect: { ...NO_ONE_ELSE, partner: 200, self: 200 },
  },
  {
    route: `PUT ${BASE}/letters/:id`,
    world: 'couple',
    setup: selfLetter(true),
    call: (c, w) =>
      c.put(`${BASE}/letters/${w.fixtures.letterId}`, WORDS, tag(w.fixtures.letterVersion)),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: `GET ${BASE}/letters/:id/versions/:number`,
    world: 'couple',
    setup: selfLetter(true),
    call: (c, w) => c.get(`${BASE}/letters/${w.fixtures.letterId}/versions/1`),
    expect: { ...NO_ONE_ELSE, partner: 200, self: 200 },
  },
  {
    route: `POST ${BASE}/letters/:id/share`,
    world: 'couple',
    setup: selfLetter(false),
    call: (c, w) =>
      c.post(`${BASE}/letters/${w.fixtures.letterId}/share`, {}, tag(w.fixtures.letterVersion)),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: `POST ${BASE}/letters/:id/unshare`,
    world: 'couple',
    setup: selfLetter(true),
    call: (c, w) => c.post(`${BASE}/letters/${w.fixtures.letterId}/unshare`),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: `POST ${BASE}/letters/:id/reflections`,
    world: 'couple',
    setup: selfLetter(true),
    call: (c, w) => c.post(`${BASE}/letters/${w.fixtures.letterId}/reflections`, REFLECTION),
    // The partner reads self's letter and may reflect on it; self cannot reflect on their own.
    expect: { ...NO_ONE_ELSE, partner: 201, self: 404 },
  },
  {
    route: `PUT ${BASE}/reflections/:id`,
    world: 'couple',
    setup: selfReflection(false),
    call: (c, w) =>
      c.put(
        `${BASE}/reflections/${w.fixtures.reflectionId}`,
        REFLECTION,
        tag(w.fixtures.reflectionVersion),
      ),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: `POST ${BASE}/reflections/:id/send`,
    world: 'couple',
    setup: selfReflection(false),
    call: (c, w) =>
      c.post(
        `${BASE}/reflections/${w.fixtures.reflectionId}/send`,
        {},
        tag(w.fixtures.reflectionVersion),
      ),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: `POST ${BASE}/reflections/:id/unshare`,
    world: 'couple',
    setup: selfReflection(true),
    call: (c, w) => c.post(`${BASE}/reflections/${w.fixtures.reflectionId}/unshare`),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: `PUT ${BASE}/reflections/:id/marks/:part`,
    world: 'couple',
    // Self wrote the letter; the partner sent a reflection on it; only self may answer it.
    setup: async (w) => {
      const letter = await writeLetter(w.clients.self, true);
      const reflection = await writeReflection(w.clients.partner, letter.id, true);
      w.fixtures.reflectionId = reflection.id;
    },
    call: (c, w) =>
      c.put(
        `${BASE}/reflections/${w.fixtures.reflectionId}/marks/paraphrase`,
        { mark: 'understood' },
        tag(0),
      ),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
];
