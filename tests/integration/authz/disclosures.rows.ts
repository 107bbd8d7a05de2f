import { expectStatus, type TestClient } from '../../helpers/test-app';
import { NO_ONE_ELSE, THERAPISTS_HAVE_NO_SPACE, type Row, type World } from './world';

/**
 * Sealed disclosures: self is the involved partner of an injury they named, and writes; the
 * partner may only read what is sealed for them, and open it. Nobody else reaches anything.
 */
const BASE = '/api/disclosures';
const tag = (version: string | undefined) => ({ 'if-match': `"${version}"` });

async function selfIsInvolved(self: TestClient) {
  expectStatus(
    await self.post('/api/injuries', {
      kind: 'affair',
      cameToLight: '2026-01',
      myRole: 'involved',
    }),
    201,
  );
}

function selfWrites(sealIt: boolean) {
  return async (w: World) => {
    const self = w.clients.self;
    await selfIsInvolved(self);
    const started = await self.post(BASE, { body: 'Something I must tell you.' });
    expectStatus(started, 201);
    const { id, version } = started.json<{ id: string; version: number }>();
    w.fixtures.id = id;
    w.fixtures.version = String(version);
    if (sealIt) expectStatus(await self.post(`${BASE}/${id}/seal`, {}, tag(String(version))), 200);
  };
}

const ONLY_SELF = { ...NO_ONE_ELSE, partner: 404, self: 200 } as const;

export const disclosureRows: Row[] = [
  {
    route: `GET ${BASE}`,
    world: 'couple',
    setup: selfWrites(true),
    call: (c) => c.get(BASE),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: `POST ${BASE}`,
    world: 'couple',
    setup: async (w) => selfIsInvolved(w.clients.self),
    call: (c) => c.post(BASE, { body: 'A draft.' }),
    // Only the involved partner of an injury writes one; the others are told why (409).
    expect: {
      ...THERAPISTS_HAVE_NO_SPACE,
      anonymous: 401,
      stranger: 409,
      former: 404,
      partner: 409,
      self: 201,
    },
  },
  {
    route: `GET ${BASE}/:id`,
    world: 'couple',
    setup: selfWrites(true),
    call: (c, w) => c.get(`${BASE}/${w.fixtures.id}`),
    expect: { ...NO_ONE_ELSE, partner: 200, self: 200 },
  },
  {
    route: `PUT ${BASE}/:id`,
    world: 'couple',
    setup: selfWrites(false),
    call: (c, w) =>
      c.put(`${BASE}/${w.fixtures.id}`, { body: 'Changed.' }, tag(w.fixtures.version)),
    expect: ONLY_SELF,
  },
  {
    route: `DELETE ${BASE}/:id`,
    world: 'couple',
    setup: selfWrites(false),
    call: (c, w) => c.delete(`${BASE}/${w.fixtures.id}`),
    expect: ONLY_SELF,
  },
  {
    route: `POST ${BASE}/:id/seal`,
    world: 'couple',
    setup: selfWrites(false),
    call: (c, w) => c.post(`${BASE}/${w.fixtures.id}/seal`, {}, tag(w.fixtures.version)),
    expect: ONLY_SELF,
  },
  {
    route: `POST ${BASE}/:id/open`,
    world: 'couple',
    setup: selfWrites(true),
    call: (c, w) => c.post(`${BASE}/${w.fixtures.id}/open`),
    // Only the partner it was sealed for opens it; its writer has nothing to open.
    expect: { ...NO_ONE_ELSE, partner: 200, self: 404 },
  },
];
