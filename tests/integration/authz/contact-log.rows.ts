import { expectStatus } from '../../helpers/test-app';
import { nameRoles, tag } from '../reflections-setup';
import { NO_ONE_ELSE, THERAPISTS_HAVE_NO_SPACE, type Row, type World } from './world';

/** The contact log: only the involved partner writes; both partners read. */
const BASE = '/api/contact-log';
const ENDED = { kind: 'ended', occurredOn: '2026-02-01', how: '', whatWasSaid: '', note: '' };
const CORRECTION = { occurredOn: '2026-02-02', how: '', whatWasSaid: '', note: 'A day later.' };

/** Self is the involved partner of an injury the partner named. */
async function selfInvolved(w: World) {
  await nameRoles(w.clients.partner, w.clients.self);
}

async function selfEntry(w: World) {
  await selfInvolved(w);
  const made = await w.clients.self.post(BASE, ENDED);
  expectStatus(made, 201);
  const entry = made.json<{ id: string; version: number }>();
  w.fixtures.entryId = entry.id;
  w.fixtures.entryVersion = String(entry.version);
}

export const contactLogRows: Row[] = [
  {
    route: `GET ${BASE}`,
    world: 'couple',
    call: (c) => c.get(BASE),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: `POST ${BASE}`,
    world: 'couple',
    setup: selfInvolved,
    call: (c) => c.post(BASE, ENDED),
    // The hurt partner, and anyone without the involved role, finds no such route.
    expect: { ...THERAPISTS_HAVE_NO_SPACE, ...NO_ONE_ELSE, partner: 404, self: 201 },
  },
  {
    route: `PUT ${BASE}/:id`,
    world: 'couple',
    setup: selfEntry,
    call: (c, w) =>
      c.put(`${BASE}/${w.fixtures.entryId}`, CORRECTION, tag(w.fixtures.entryVersion!)),
    expect: { ...THERAPISTS_HAVE_NO_SPACE, ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
];
