import { expectStatus, type TestClient } from '../../helpers/test-app';
import { NO_ONE_ELSE, THERAPISTS_HAVE_NO_SPACE, type Row, type World } from './world';

/** The apology and its commitments: who may touch whose apology, commitment and notes. */
const BASE = '/api/apology';
const PARTS = {
  whatIDid: 'What I did.',
  harm: 'The harm it caused.',
  responsibility: 'It was my choice.',
  regret: 'I regret it.',
  change: 'What will change.',
  repair: 'What I offer.',
  forgiveness: '',
  askForgiveness: false,
};
const today = () => new Date().toISOString().slice(0, 10);
const tag = (version: string | number | undefined) => ({ 'if-match': `"${version}"` });

/** `writer` names a new injury as its involved partner. */
async function nameInjury(writer: TestClient): Promise<string> {
  const named = await writer.post('/api/injuries', {
    kind: 'other',
    cameToLight: '2025-06',
    myRole: 'involved',
  });
  expectStatus(named, 201);
  return named.json<{ injury: { id: string } }>().injury.id;
}

interface Written {
  id: string;
  version: number;
  commitmentId: string;
  commitmentVersion: number;
  noteId?: string;
}

/** `writer` writes an apology with one commitment, sends it if asked, and notes a follow-through. */
async function writeApology(
  writer: TestClient,
  options: { send: boolean; note?: boolean },
): Promise<Written> {
  const started = await writer.post(BASE, { injuryId: await nameInjury(writer) });
  expectStatus(started, 201);
  const { id, version } = started.json<{ id: string; version: number }>();
  const saved = await writer.put(`${BASE}/${id}`, PARTS, tag(version));
  expectStatus(saved, 200);
  const commitment = await writer.post(`${BASE}/${id}/commitments`, {
    text: 'A concrete promise.',
    checkInOn: today(),
  });
  expectStatus(commitment, 201);
  const current = Number(JSON.parse((await writer.get(`${BASE}/${id}`)).headers.etag as string));
  const written: Written = {
    id,
    version: current,
    commitmentId: commitment.json<{ id: string }>().id,
    commitmentVersion: commitment.json<{ version: number }>().version,
  };
  if (options.send) {
    const sent = await writer.post(`${BASE}/${id}/send`, {}, tag(current));
    expectStatus(sent, 200);
    written.version = sent.json<{ version: number }>().version;
    const c = sent.json<{ commitments: { version: number }[] }>().commitments[0]!;
    written.commitmentVersion = c.version;
  }
  if (options.note) {
    const noted = await writer.post(`${BASE}/commitments/${written.commitmentId}/follow-through`, {
      note: 'I kept it.',
      on: today(),
    });
    expectStatus(noted, 201);
    written.noteId = noted.json<{ followThroughs: { id: string }[] }>().followThroughs[0]!.id;
  }
  return written;
}

function selfApology(options: { send: boolean; note?: boolean }) {
  return async (w: World) => {
    const written = await writeApology(w.clients.self, options);
    w.fixtures.id = written.id;
    w.fixtures.version = String(written.version);
    w.fixtures.commitmentId = written.commitmentId;
    w.fixtures.commitmentVersion = String(written.commitmentVersion);
  };
}

export const apologyRows: Row[] = [
  {
    route: `GET ${BASE}`,
    world: 'couple',
    setup: selfApology({ send: false }),
    call: (c) => c.get(BASE),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: `POST ${BASE}`,
    world: 'couple',
    setup: async (w) => {
      w.fixtures.injuryId = await nameInjury(w.clients.self);
    },
    call: (c, w) => c.post(BASE, { injuryId: w.fixtures.injuryId }),
    // The injury is the couple's: the partner sees it but is not its involved partner (409);
    // anyone outside the space does not see it at all.
    expect: {
      ...THERAPISTS_HAVE_NO_SPACE,
      anonymous: 401,
      stranger: 404,
      former: 404,
      partner: 409,
      self: 201,
    },
  },
  {
    route: `GET ${BASE}/:id`,
    world: 'couple',
    setup: selfApology({ send: true }),
    call: (c, w) => c.get(`${BASE}/${w.fixtures.id}`),
    expect: { ...NO_ONE_ELSE, partner: 200, self: 200 },
  },
  {
    route: `PUT ${BASE}/:id`,
    world: 'couple',
    setup: selfApology({ send: true }),
    call: (c, w) => c.put(`${BASE}/${w.fixtures.id}`, PARTS, tag(w.fixtures.version)),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: `POST ${BASE}/:id/send`,
    world: 'couple',
    setup: selfApology({ send: false }),
    call: (c, w) => c.post(`${BASE}/${w.fixtures.id}/send`, {}, tag(w.fixtures.version)),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: `GET ${BASE}/:id/versions/:number`,
    world: 'couple',
    setup: selfApology({ send: true }),
    call: (c, w) => c.get(`${BASE}/${w.fixtures.id}/versions/1`),
    expect: { ...NO_ONE_ELSE, partner: 200, self: 200 },
  },
  {
    route: `POST ${BASE}/:id/commitments`,
    world: 'couple',
    setup: selfApology({ send: true }),
    call: (c, w) =>
      c.post(`${BASE}/${w.fixtures.id}/commitments`, { text: 'Another.', checkInOn: today() }),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 201 },
  },
  {
    route: `PUT ${BASE}/commitments/:id`,
    world: 'couple',
    setup: selfApology({ send: true }),
    call: (c, w) =>
      c.put(
        `${BASE}/commitments/${w.fixtures.commitmentId}`,
        { text: 'Changed words.', checkInOn: today() },
        tag(w.fixtures.commitmentVersion),
      ),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: `DELETE ${BASE}/commitments/:id`,
    world: 'couple',
    setup: selfApology({ send: false }),
    call: (c, w) => c.delete(`${BASE}/commitments/${w.fixtures.commitmentId}`),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 204 },
  },
  {
    route: `POST ${BASE}/commitments/:id/follow-through`,
    world: 'couple',
    setup: selfApology({ send: true }),
    call: (c, w) =>
      c.post(`${BASE}/commitments/${w.fixtures.commitmentId}/follow-through`, {
        note: 'Kept.',
        on: today(),
      }),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 201 },
  },
  {
    route: `PUT ${BASE}/commitments/follow-through/:id/acknowledgement`,
    world: 'couple',
    // The partner wrote the apology and noted a follow-through; only self (its reader) answers.
    setup: async (w) => {
      const written = await writeApology(w.clients.partner, { send: true, note: true });
      w.fixtures.noteId = written.noteId!;
    },
    call: (c, w) =>
      c.put(
        `${BASE}/commitments/follow-through/${w.fixtures.noteId}/acknowledgement`,
        { answer: 'seen' },
        tag(0),
      ),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
];
