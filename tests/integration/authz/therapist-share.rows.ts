import { expectStatus } from '../../helpers/test-app';
import { NO_ONE_ELSE, type Row, type World } from './world';

/**
 * Sharing an item with the couple's therapist (`PUT .../therapist`) in the four features that
 * offer it. Self's couple has an active therapist, so self may share; everyone else, the
 * therapists included, gets 404: the item is not theirs (for a reflection, they have none).
 */
const DAY_MS = 86_400_000;
const yesterday = () => new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);

async function selfWritesCheckin(w: World) {
  const response = await w.clients.self.put(`/api/checkins/mine/${yesterday()}`, {
    intensity: 2,
    pain: 3,
  });
  expectStatus(response, 201);
  w.fixtures.checkin = response.json<{ checkin: { id: string } }>().checkin.id;
}

async function selfWritesTrigger(w: World) {
  const response = await w.clients.self.post('/api/triggers', { cue: 'row', intensity: 4 });
  expectStatus(response, 201);
  w.fixtures.trigger = response.json<{ entry: { id: string } }>().entry.id;
}

async function selfAnswersMeasure(w: World) {
  const response = await w.clients.self.post('/api/measures/responses', {
    measureId: 'trust-and-safety',
    measureVersion: 1,
    answers: { honest: 3, hope: 3 },
  });
  expectStatus(response, 201);
  w.fixtures.measure = response.json<{ response: { id: string } }>().response.id;
}

async function selfReflects(w: World) {
  expectStatus(
    await w.clients.self.put(
      '/api/guide/transparency/reflections/mine',
      { body: 'row' },
      { 'if-none-match': '*' },
    ),
    200,
  );
}

const ONLY_SELF = { ...NO_ONE_ELSE, partner: 404, self: 200 } as const;

export const therapistShareRows: Row[] = [
  {
    route: 'PUT /api/checkins/:id/therapist',
    world: 'couple',
    setup: selfWritesCheckin,
    call: (c, w) => c.put(`/api/checkins/${w.fixtures.checkin}/therapist`, { shared: true }),
    expect: ONLY_SELF,
  },
  {
    route: 'PUT /api/triggers/:id/therapist',
    world: 'couple',
    setup: selfWritesTrigger,
    call: (c, w) => c.put(`/api/triggers/${w.fixtures.trigger}/therapist`, { shared: true }),
    expect: ONLY_SELF,
  },
  {
    route: 'PUT /api/measures/responses/:id/therapist',
    world: 'couple',
    setup: selfAnswersMeasure,
    call: (c, w) =>
      c.put(`/api/measures/responses/${w.fixtures.measure}/therapist`, { shared: true }),
    expect: ONLY_SELF,
  },
  {
    route: 'PUT /api/guide/:slug/reflections/mine/therapist',
    world: 'couple',
    setup: selfReflects,
    call: (c) => c.put('/api/guide/transparency/reflections/mine/therapist', { shared: true }),
    expect: ONLY_SELF,
  },
];
