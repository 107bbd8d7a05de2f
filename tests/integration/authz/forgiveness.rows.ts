import { expectStatus } from '../../helpers/test-app';
import { nameRoles, tag, toPhase } from '../reflections-setup';
import { NO_ONE_ELSE, THERAPISTS_HAVE_NO_SPACE, type Row, type World } from './world';

/** The forgiveness reflection: the hurt partner writes and shares; the partner reads shares. */
const BASE = '/api/forgiveness';
const WORDS = {
  whereIAm: 'Somewhere in between.',
  wouldMean: 'Letting go of some weight.',
  wouldNotMean: 'Forgetting.',
  whatINeed: 'Time.',
  toShare: '',
};

/** Self is the hurt partner, and the couple has reached the last phase together. */
async function selfHurt(w: World) {
  await nameRoles(w.clients.self, w.clients.partner);
  await toPhase(w.clients.self, w.clients.partner, 3);
}

async function selfShare(w: World) {
  await selfHurt(w);
  const shared = await w.clients.self.post(`${BASE}/shares`, { body: 'Where I am now.' });
  expectStatus(shared, 201);
  w.fixtures.shareId = shared.json<{ id: string }>().id;
}

export const forgivenessRows: Row[] = [
  {
    route: `GET ${BASE}`,
    world: 'couple',
    call: (c) => c.get(BASE),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: `PUT ${BASE}/reflection`,
    world: 'couple',
    setup: selfHurt,
    call: (c) => c.put(`${BASE}/reflection`, WORDS, tag(0)),
    // Only the hurt partner has this reflection; for anyone else it does not exist.
    expect: { ...THERAPISTS_HAVE_NO_SPACE, ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: `POST ${BASE}/shares`,
    world: 'couple',
    setup: selfHurt,
    call: (c) => c.post(`${BASE}/shares`, { body: 'Where I am now.' }),
    expect: { ...THERAPISTS_HAVE_NO_SPACE, ...NO_ONE_ELSE, partner: 404, self: 201 },
  },
  {
    route: `POST ${BASE}/shares/:id/unshare`,
    world: 'couple',
    setup: selfShare,
    call: (c, w) => c.post(`${BASE}/shares/${w.fixtures.shareId}/unshare`),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
];
