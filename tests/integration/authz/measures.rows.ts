import type { TSubmittedResponse } from '#shared/schemas/measures.ts';
import { expectStatus } from '../../helpers/test-app';
import type { Row, World } from './world';

/** The measures engine: every route is for anyone signed in, and responses are private to their author. */
const ANSWERS = { honest: 2, hope: 3, afraid: 0 };

function submitAs(c: World['clients']['self']) {
  return c.post('/api/measures/responses', {
    measureId: 'trust-and-safety',
    measureVersion: 1,
    answers: ANSWERS,
  });
}

/** Self writes one private response; its id goes in `w.fixtures.response`. */
async function selfWritesOne(w: World): Promise<void> {
  const response = await submitAs(w.clients.self);
  expectStatus(response, 201);
  w.fixtures.response = response.json<TSubmittedResponse>().response.id;
}

export const measuresRows: Row[] = [
  {
    route: 'GET /api/measures',
    world: 'couple',
    call: (c) => c.get('/api/measures?timeZone=Europe/Dublin'),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/measures/responses',
    world: 'couple',
    call: (c) => submitAs(c),
    expect: { anonymous: 401, stranger: 201, former: 201, partner: 201, self: 201 },
  },
  {
    route: 'GET /api/measures/responses',
    world: 'couple',
    setup: selfWritesOne,
    call: (c) => c.get('/api/measures/responses?measure=trust-and-safety&whose=partner'),
    // Everyone gets a list; only what was shared with them is in it (here: nothing).
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/measures/responses/:id',
    world: 'couple',
    setup: selfWritesOne,
    call: (c, w) => c.get(`/api/measures/responses/${w.fixtures.response}`),
    expect: { anonymous: 401, stranger: 404, former: 404, partner: 404, self: 200 },
  },
  {
    route: 'POST /api/measures/responses/:id/visibility',
    world: 'couple',
    setup: selfWritesOne,
    call: (c, w) =>
      c.post(`/api/measures/responses/${w.fixtures.response}/visibility`, {
        visibility: 'partner',
      }),
    expect: { anonymous: 401, stranger: 404, former: 404, partner: 404, self: 200 },
  },
];
