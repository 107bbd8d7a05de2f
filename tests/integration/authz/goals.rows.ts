import { expectStatus, type TestClient } from '../../helpers/test-app';
import { NO_ONE_ELSE, type Row, type World, THERAPISTS_HAVE_NO_SPACE } from './world';

/**
 * Goals, the hard-dates plan and the progress review. In `setup` the couple goes on to phase 3
 * together, and self proposes a goal with one step, adds a hard date and drafts a review; every
 * caller then tries the route on self's things. The stranger is alone in a space of their own,
 * so what needs a couple in phase 3 is a 409 there; the former partner has no space (404).
 */
async function selfWrites(w: World): Promise<void> {
  const { self, partner } = w.clients;
  for (const phase of [2, 3]) {
    for (const who of [self, partner]) {
      expectStatus(await who.post('/api/program/pace/ready', { phase }), 200);
    }
  }
  const goal = await self.post('/api/goals', { title: 'Cook together on Fridays' });
  expectStatus(goal, 201);
  w.fixtures.goalId = goal.json<{ goal: { id: string } }>().goal.id;
  const step = await self.post(`/api/goals/${w.fixtures.goalId}/milestones`, {
    title: 'Choose three recipes',
  });
  expectStatus(step, 201);
  w.fixtures.milestoneId = step.json<{
    goal: { milestones: { id: string }[] };
  }>().goal.milestones[0]!.id;
  const date = await self.post('/api/goals/hard-dates', {
    title: 'A hard anniversary',
    day: '2025-09-01',
    yearly: true,
  });
  expectStatus(date, 201);
  w.fixtures.hardDateId = date.json<{ hardDate: { id: string } }>().hardDate.id;
  expectStatus(await self.put('/api/goals/review/mine', { grown: 'More patience' }), 200);
  expectStatus(await partner.put('/api/goals/review/mine', { grown: 'Less fear' }), 200);
}

/** The version of one of our rows the caller can read now ("1" when they cannot see it). */
async function versionOf(c: TestClient, w: World, find: 'goal' | 'milestone' | 'hardDate') {
  const read = await c.get('/api/goals');
  if (read.statusCode !== 200) return '"1"';
  const view = read.json<{
    goals: { id: string; version: number; milestones: { id: string; version: number }[] }[];
    hardDates: { id: string; version: number }[];
  }>();
  const goal = view.goals.find((g) => g.id === w.fixtures.goalId);
  const version =
    find === 'goal'
      ? goal?.version
      : find === 'milestone'
        ? goal?.milestones.find((m) => m.id === w.fixtures.milestoneId)?.version
        : view.hardDates.find((d) => d.id === w.fixtures.hardDateId)?.version;
  return `"${version ?? 1}"`;
}

const COUPLE_ONLY = { ...NO_ONE_ELSE, partner: 200, self: 200 } as const;
/** A route on the caller's own space: the stranger's has no couple in phase 3. */
const OWN_SPACE_WRITE = (partner: number, self: number) =>
  ({
    ...THERAPISTS_HAVE_NO_SPACE,
    anonymous: 401,
    stranger: 409,
    former: 404,
    partner,
    self,
  }) as const;
const OWN_SPACE_READ = {
  ...THERAPISTS_HAVE_NO_SPACE,
  anonymous: 401,
  stranger: 200,
  former: 404,
  partner: 200,
  self: 200,
} as const;

export const goalRows: Row[] = [
  {
    route: 'GET /api/goals',
    world: 'couple',
    setup: selfWrites,
    call: (c) => c.get('/api/goals'),
    expect: OWN_SPACE_READ,
  },
  {
    route: 'POST /api/goals',
    world: 'couple',
    setup: selfWrites,
    call: (c) => c.post('/api/goals', { title: 'Read to each other' }),
    expect: OWN_SPACE_WRITE(201, 201),
  },
  {
    route: 'PUT /api/goals/:id',
    world: 'couple',
    setup: selfWrites,
    call: async (c, w) =>
      c.put(
        `/api/goals/${w.fixtures.goalId}`,
        { title: 'Cook on Fridays' },
        { 'if-match': await versionOf(c, w, 'goal') },
      ),
    expect: COUPLE_ONLY,
  },
  {
    route: 'PUT /api/goals/:id/agreement',
    world: 'couple',
    setup: selfWrites,
    call: async (c, w) =>
      c.put(
        `/api/goals/${w.fixtures.goalId}/agreement`,
        {},
        { 'if-match': await versionOf(c, w, 'goal') },
      ),
    // The partner takes self's goal on; self proposed it, and it is agreed by then anyway.
    expect: { ...NO_ONE_ELSE, partner: 200, self: 409 },
  },
  {
    route: 'PUT /api/goals/:id/aside',
    world: 'couple',
    setup: selfWrites,
    call: async (c, w) =>
      c.put(
        `/api/goals/${w.fixtures.goalId}/aside`,
        { setAside: true },
        { 'if-match': await versionOf(c, w, 'goal') },
      ),
    expect: COUPLE_ONLY,
  },
  {
    route: 'POST /api/goals/:id/milestones',
    world: 'couple',
    setup: selfWrites,
    call: (c, w) => c.post(`/api/goals/${w.fixtures.goalId}/milestones`, { title: 'Buy a pan' }),
    expect: { ...NO_ONE_ELSE, partner: 201, self: 201 },
  },
  {
    route: 'PUT /api/goals/milestones/:id',
    world: 'couple',
    setup: selfWrites,
    call: async (c, w) =>
      c.put(
        `/api/goals/milestones/${w.fixtures.milestoneId}`,
        { title: 'Choose two recipes' },
        { 'if-match': await versionOf(c, w, 'milestone') },
      ),
    expect: COUPLE_ONLY,
  },
  {
    route: 'PUT /api/goals/milestones/:id/reached',
    world: 'couple',
    setup: selfWrites,
    call: async (c, w) =>
      c.put(
        `/api/goals/milestones/${w.fixtures.milestoneId}/reached`,
        { reached: true },
        { 'if-match': await versionOf(c, w, 'milestone') },
      ),
    expect: COUPLE_ONLY,
  },
  {
    route: 'POST /api/goals/hard-dates',
    world: 'couple',
    setup: selfWrites,
    call: (c) =>
      c.post('/api/goals/hard-dates', { title: 'A holiday', day: '2025-12-24', yearly: true }),
    expect: OWN_SPACE_WRITE(201, 201),
  },
  {
    route: 'PUT /api/goals/hard-dates/:id',
    world: 'couple',
    setup: selfWrites,
    call: async (c, w) =>
      c.put(
        `/api/goals/hard-dates/${w.fixtures.hardDateId}`,
        { title: 'A hard anniversary', day: '2025-09-02', yearly: true },
        { 'if-match': await versionOf(c, w, 'hardDate') },
      ),
    expect: COUPLE_ONLY,
  },
  {
    route: 'PUT /api/goals/hard-dates/:id/aside',
    world: 'couple',
    setup: selfWrites,
    call: async (c, w) =>
      c.put(
        `/api/goals/hard-dates/${w.fixtures.hardDateId}/aside`,
        { setAside: true },
        { 'if-match': await versionOf(c, w, 'hardDate') },
      ),
    expect: COUPLE_ONLY,
  },
  {
    route: 'PUT /api/goals/hard-dates/:id/my-part',
    world: 'couple',
    setup: selfWrites,
    call: (c, w) =>
      c.put(`/api/goals/hard-dates/${w.fixtures.hardDateId}/my-part`, { plan: 'Stay close' }),
    expect: COUPLE_ONLY,
  },
  {
    route: 'GET /api/goals/review',
    world: 'couple',
    setup: selfWrites,
    call: (c) => c.get('/api/goals/review'),
    expect: OWN_SPACE_READ,
  },
  {
    route: 'PUT /api/goals/review/mine',
    world: 'couple',
    setup: selfWrites,
    call: (c) => c.put('/api/goals/review/mine', { hurts: 'Some evenings' }),
    expect: OWN_SPACE_WRITE(200, 200),
  },
  {
    route: 'POST /api/goals/review/mine/finish',
    world: 'couple',
    setup: selfWrites,
    call: (c) => c.post('/api/goals/review/mine/finish'),
    expect: OWN_SPACE_WRITE(200, 200),
  },
  {
    route: 'POST /api/goals/review/mine/reopen',
    world: 'couple',
    setup: async (w) => {
      await selfWrites(w);
      expectStatus(await w.clients.self.post('/api/goals/review/mine/finish'), 200);
    },
    call: (c) => c.post('/api/goals/review/mine/reopen'),
    // Only self has finished answers to open again.
    expect: OWN_SPACE_WRITE(409, 200),
  },
];
