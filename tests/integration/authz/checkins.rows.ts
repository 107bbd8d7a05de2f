import { expectStatus } from '../../helpers/test-app';
import { NO_ONE_ELSE, type Row, type World } from './world';

/** The daily check-in. `setup` has self write check-ins; their ids go to the calls in `w.fixtures`. */
const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const entry = { feelings: ['sad'], intensity: 2, pain: 4, triggers: '', needs: '', note: 'row' };

async function writeAs(w: World, offset: number, share: boolean): Promise<string> {
  const self = w.clients.self;
  const response = await self.put(`/api/checkins/mine/${day(offset)}`, entry);
  expectStatus(response, 201);
  const { checkin } = response.json<{ checkin: { id: string } }>();
  if (share) expectStatus(await self.post(`/api/checkins/${checkin.id}/share`), 200);
  return checkin.id;
}

const selfWritesPrivate = async (w: World) => {
  w.fixtures.checkin = await writeAs(w, -1, false);
};

export const checkinRows: Row[] = [
  {
    route: 'GET /api/checkins',
    world: 'couple',
    call: (c) => c.get('/api/checkins'),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/checkins/mine/:day',
    world: 'couple',
    setup: selfWritesPrivate,
    call: (c) => c.get(`/api/checkins/mine/${day(-1)}`),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'PUT /api/checkins/mine/:day',
    world: 'couple',
    setup: selfWritesPrivate,
    // Everyone writes their own; only self already had one that day, so self's is an edit.
    call: (c) => c.put(`/api/checkins/mine/${day(-1)}`, entry),
    expect: { anonymous: 401, stranger: 201, former: 201, partner: 201, self: 200 },
  },
  {
    route: 'GET /api/checkins/:id',
    world: 'couple',
    // Shared with the partner: the partner may read it, nobody else.
    setup: async (w) => {
      w.fixtures.checkin = await writeAs(w, -1, true);
    },
    call: (c, w) => c.get(`/api/checkins/${w.fixtures.checkin}`),
    expect: { ...NO_ONE_ELSE, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/checkins/:id/share',
    world: 'couple',
    setup: selfWritesPrivate,
    call: (c, w) => c.post(`/api/checkins/${w.fixtures.checkin}/share`),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: 'POST /api/checkins/:id/share-when-both',
    world: 'couple',
    setup: selfWritesPrivate,
    call: (c, w) => c.post(`/api/checkins/${w.fixtures.checkin}/share-when-both`),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: 'POST /api/checkins/:id/private',
    world: 'couple',
    setup: async (w) => {
      w.fixtures.checkin = await writeAs(w, -1, true);
    },
    call: (c, w) => c.post(`/api/checkins/${w.fixtures.checkin}/private`),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
];
