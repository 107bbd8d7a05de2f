import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { MATRIX } from './authz/rows';
import {
  ACTORS,
  buildWorld,
  expectedFor,
  type ActorName,
  type Row,
  type World,
} from './authz/world';

/**
 * The authorization matrix: every route × every kind of caller, with the status each must get.
 * A new route fails the coverage test below until a row for it is added in `authz/`.
 */
/** Routes served by plugins (static web assets, API docs) are public and hold no user data. */
const PLUGIN_ROUTE = /^(GET|HEAD) \/api\/docs|^(GET|HEAD) \/api\/openapi\.json$|^HEAD /;

let t: TestApp;
beforeAll(async () => {
  // Each world signs up ten people; the matrix builds one per row, far past the usual test limit.
  t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '100000' });
});
afterAll(async () => {
  await t?.close();
});

describe('authorization matrix', () => {
  it('covers every route the app registers', () => {
    const registered = t.routePolicies.routes
      .map((r) => `${r.method} ${r.url}`)
      .filter((route) => !PLUGIN_ROUTE.test(route));
    expect([...new Set(registered)].sort()).toEqual(MATRIX.map((row) => row.route).sort());
  });

  // A GET row without a setup only reads, so those rows share one world of each kind; every
  // other row (a write, or a row that prepares items first) gets a world of its own. Building a
  // world (ten people, four therapists) is most of what a row costs.
  const readWorlds = new Map<Row['world'], Promise<World>>();
  const worldFor = (row: Row): Promise<World> => {
    if (row.setup || !row.route.startsWith('GET ')) return buildWorld(t, row.world);
    let world = readWorlds.get(row.world);
    if (!world) {
      world = buildWorld(t, row.world);
      readWorlds.set(row.world, world);
    }
    return world;
  };

  for (const row of MATRIX) {
    it(`${row.route}`, async () => {
      const world = await worldFor(row);
      await row.setup?.(world);
      const got: Partial<Record<ActorName, number | 'n/a'>> = {};
      for (const actor of ACTORS) {
        const response = await row.call(world.clients[actor], world);
        got[actor] = response.statusCode;
        if (actor !== 'self') {
          // Nothing of self's private data ever reaches another caller.
          expect(response.body).not.toContain(world.selfEmail);
          expect(response.body).not.toContain(world.selfSessionId);
        }
        const outsider =
          actor === 'stranger' ||
          actor === 'former' ||
          actor === 'anonymous' ||
          actor === 'therapistPending' ||
          actor === 'therapistRevoked' ||
          actor === 'therapistOther';
        if (outsider && !row.joins?.includes(actor)) {
          expect(response.body).not.toContain(world.selfSpaceId);
        }
        if (response.statusCode === 404) {
          expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
        }
      }
      expect(got).toEqual(expectedFor(row));
    });
  }
});
