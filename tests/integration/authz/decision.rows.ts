import { expectStatus, type TestClient } from '../../helpers/test-app';
import { tag, toPhase } from '../reflections-setup';
import { NO_ONE_ELSE, THERAPISTS_HAVE_NO_SPACE, type Row, type World } from './world';

/** The decision reflection: each partner's own reflection, and the couple's shared decision. */
const BASE = '/api/decision';
const WORDS = { leaning: 'not_sure', needs: 'Honesty.', limits: 'More secrets.', ownWords: '' };
const RECORD = { outcome: 'recommit', note: 'We try again.', reviewOn: '2027-06-01' };

async function writeAndShare(person: TestClient, share: boolean) {
  const saved = await person.put(`${BASE}/reflection`, WORDS, tag(0));
  expectStatus(saved, 200);
  const { version } = saved.json<{ version: number }>();
  if (share) expectStatus(await person.post(`${BASE}/reflection/share`, {}, tag(version)), 200);
  return version;
}

async function selfWrote(w: World) {
  await toPhase(w.clients.self, w.clients.partner, 3);
  w.fixtures.reflectionVersion = String(await writeAndShare(w.clients.self, false));
}

async function selfShared(w: World) {
  await toPhase(w.clients.self, w.clients.partner, 3);
  await writeAndShare(w.clients.self, true);
}

async function bothShared(w: World) {
  await toPhase(w.clients.self, w.clients.partner, 3);
  await writeAndShare(w.clients.self, true);
  await writeAndShare(w.clients.partner, true);
}

/** The partner proposes the decision, so it is self's to agree to. */
async function partnerProposed(w: World) {
  await bothShared(w);
  const made = await w.clients.partner.put(`${BASE}/record`, RECORD, tag(0));
  expectStatus(made, 200);
  w.fixtures.recordVersion = String(made.json<{ version: number }>().version);
}

/** The version of our record each caller sees now (0 when there is none). */
async function recordVersion(c: TestClient): Promise<number> {
  const view = await c.get(BASE);
  if (view.statusCode !== 200) return 0;
  return view.json<{ record: { version: number } | null }>().record?.version ?? 0;
}

export const decisionRows: Row[] = [
  {
    route: `GET ${BASE}`,
    world: 'couple',
    call: (c) => c.get(BASE),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: `PUT ${BASE}/reflection`,
    world: 'couple',
    call: (c) => c.put(`${BASE}/reflection`, WORDS, tag(0)),
    // Anyone in a space may reflect privately, alone or not.
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
    route: `POST ${BASE}/reflection/share`,
    world: 'couple',
    setup: selfWrote,
    call: (c, w) => c.post(`${BASE}/reflection/share`, {}, tag(w.fixtures.reflectionVersion!)),
    expect: { ...THERAPISTS_HAVE_NO_SPACE, ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: `POST ${BASE}/reflection/unshare`,
    world: 'couple',
    setup: selfShared,
    call: (c) => c.post(`${BASE}/reflection/unshare`),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: `PUT ${BASE}/record`,
    world: 'couple',
    setup: bothShared,
    call: async (c) => c.put(`${BASE}/record`, RECORD, tag(await recordVersion(c))),
    // Either partner of the couple writes or changes it; nobody else has one.
    expect: { ...THERAPISTS_HAVE_NO_SPACE, ...NO_ONE_ELSE, partner: 200, self: 200 },
  },
  {
    route: `POST ${BASE}/record/agree`,
    world: 'couple',
    setup: partnerProposed,
    call: (c, w) => c.post(`${BASE}/record/agree`, {}, tag(w.fixtures.recordVersion!)),
    // The one who proposed does not agree to their own version.
    expect: { ...THERAPISTS_HAVE_NO_SPACE, ...NO_ONE_ELSE, partner: 409, self: 200 },
  },
];
