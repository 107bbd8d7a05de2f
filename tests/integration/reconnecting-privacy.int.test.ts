import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDatePlan, TReconnectingView } from '#shared/schemas/reconnecting.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';

/**
 * The partner learns nothing from A's private notes on how a date went, and nothing from A's
 * pause of the pacing agreement but the one word "paused". Two couples live through the same
 * random sequence of shared steps (rituals proposed and agreed, appreciations, B's own notes,
 * B's own pauses); in the second, A also writes and rewrites a private note and pauses and
 * resumes, in between. After every step B reads everything B can (the reconnecting page, Today,
 * notifications and their count, progress): with ids and times replaced in order of appearance,
 * and the `paused` flag set aside, every status and body is the same in both worlds; and `paused`
 * is exactly "B's pause or A's pause".
 */
type Shared =
  | { kind: 'ritual'; who: 'a' | 'b' }
  | { kind: 'agree'; who: 'a' | 'b' }
  | { kind: 'appreciate'; who: 'a' | 'b' }
  | { kind: 'bNote' }
  | { kind: 'bShare' }
  | { kind: 'bPause' }
  | { kind: 'bResume' };
type Extra = { kind: 'aNote' | 'aPause' | 'aResume'; at: number };

const who = fc.constantFrom<'a' | 'b'>('a', 'b');
const shared: fc.Arbitrary<Shared> = fc.oneof(
  fc.record({ kind: fc.constant('ritual' as const), who }),
  fc.record({ kind: fc.constant('agree' as const), who }),
  fc.record({ kind: fc.constant('appreciate' as const), who }),
  fc.constant({ kind: 'bNote' as const }),
  fc.constant({ kind: 'bShare' as const }),
  fc.constant({ kind: 'bPause' as const }),
  fc.constant({ kind: 'bResume' as const }),
);
const extra: fc.Arbitrary<Extra> = fc.record({
  kind: fc.constantFrom('aNote' as const, 'aPause' as const, 'aResume' as const),
  at: fc.nat(5),
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g;

class Normalizer {
  private readonly ids = new Map<string, string>();
  text(body: string): string {
    return body
      .replace(UUID, (id) => {
        if (!this.ids.has(id)) this.ids.set(id, `<id${this.ids.size}>`);
        return this.ids.get(id)!;
      })
      .replace(TIME, '<time>')
      .replace(/"paused":(true|false)/g, '"paused":<set aside>');
  }
  response(label: string, r: LightMyRequestResponse): string {
    return `${label} → ${r.statusCode} ${this.text(r.body)}`;
  }
}

interface World {
  a: TestClient;
  b: TestClient;
  dateId: string;
  norm: Normalizer;
  aPaused: boolean;
  bPaused: boolean;
  n: number;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function newWorld(): Promise<World> {
  const { a, b } = await createCouple(t);
  for (const phase of [2, 3]) {
    for (const c of [a, b]) expectStatus(await c.post('/api/program/pace/ready', { phase }), 200);
  }
  const idea = await b.post('/api/reconnecting/dates', { idea: 'A walk by the sea' });
  const dateId = idea.json<{ date: TDatePlan }>().date.id;
  const plan = { idea: 'A walk by the sea', plannedOn: '2026-05-10', plan: 'Early, with coffee' };
  expectStatus(await a.put(`/api/reconnecting/dates/${dateId}`, plan, { 'if-match': '"1"' }), 200);
  expectStatus(
    await a.put('/api/reconnecting/pacing', { pace: 'slowly' }, { 'if-match': '"0"' }),
    200,
  );
  expectStatus(await b.post('/api/reconnecting/pacing/agree', {}, { 'if-match': '"1"' }), 200);
  return { a, b, dateId, norm: new Normalizer(), aPaused: false, bPaused: false, n: 0 };
}

/** The first ritual the person may agree to (proposed by the other), if any. */
async function agreeable(c: TestClient): Promise<{ id: string; version: number } | undefined> {
  const view = (await c.get('/api/reconnecting')).json<TReconnectingView>();
  return view.rituals.find((r) => r.status === 'proposed' && !r.proposedByMe);
}

/** Runs one shared step; returns what B saw of it. */
async function run(w: World, s: Shared): Promise<string[]> {
  w.n += 1;
  const dates = `/api/reconnecting/dates/${w.dateId}`;
  let response: LightMyRequestResponse;
  switch (s.kind) {
    case 'ritual':
      response = await w[s.who].post('/api/reconnecting/rituals', {
        title: `Ritual ${w.n}`,
        cadence: w.n % 2 ? 'daily' : 'weekly',
      });
      break;
    case 'agree': {
      const ritual = await agreeable(w[s.who]);
      if (!ritual) return [];
      response = await w[s.who].post(
        `/api/reconnecting/rituals/${ritual.id}/agree`,
        {},
        { 'if-match': `"${ritual.version}"` },
      );
      break;
    }
    case 'appreciate':
      response = await w[s.who].post('/api/reconnecting/appreciations', { note: `Thanks ${w.n}` });
      break;
    case 'bNote':
      response = await w.b.put(`${dates}/note`, { note: `B's note ${w.n}` });
      break;
    case 'bShare':
      response = await w.b.post(`${dates}/note/share`);
      break;
    case 'bPause':
      w.bPaused = true;
      response = await w.b.post('/api/reconnecting/pacing/pause');
      break;
    case 'bResume':
      w.bPaused = false;
      response = await w.b.post('/api/reconnecting/pacing/resume');
      break;
  }
  return 'who' in s && s.who === 'a' ? [] : [w.norm.response(`step ${s.kind}`, response)];
}

async function runExtra(w: World, e: Extra, secret: string): Promise<void> {
  if (e.kind === 'aNote') {
    const r = await w.a.put(`/api/reconnecting/dates/${w.dateId}/note`, { note: secret });
    expectStatus(r, 200);
  } else {
    w.aPaused = e.kind === 'aPause';
    expectStatus(
      await w.a.post(`/api/reconnecting/pacing/${e.kind === 'aPause' ? 'pause' : 'resume'}`),
      200,
    );
  }
}

/** Everything B can read that might carry a trace, normalized; and B's `paused` flag. */
async function bView(w: World): Promise<{ lines: string[]; paused: boolean }> {
  const lines: string[] = [];
  const page = await w.b.get('/api/reconnecting');
  lines.push(w.norm.response('page', page));
  for (const path of ['/api/today', '/api/notifications', '/api/progress']) {
    lines.push(w.norm.response(path, await w.b.get(path)));
  }
  return { lines, paused: page.json<TReconnectingView>().pacing.paused };
}

describe('reconnecting: the partner’s view does not depend on private notes or who paused', () => {
  it('holds for random interleavings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(shared, { minLength: 1, maxLength: 6 }),
        fc.array(extra, { minLength: 1, maxLength: 5 }),
        fc.string({ minLength: 1, maxLength: 12 }).map((s) => `secret ${s.replace(/\0/g, '')}`),
        async (steps, extras, secret) => {
          const plain = await newWorld();
          const hidden = await newWorld();
          for (const [i, s] of steps.entries()) {
            for (const e of extras.filter((x) => x.at === i)) await runExtra(hidden, e, secret);
            const seenPlain = await run(plain, s);
            const seenHidden = await run(hidden, s);
            expect(seenHidden).toEqual(seenPlain);
            const [vp, vh] = [await bView(plain), await bView(hidden)];
            expect(vh.lines).toEqual(vp.lines);
            expect(vp.paused).toBe(plain.bPaused);
            expect(vh.paused).toBe(hidden.bPaused || hidden.aPaused);
            expect(vh.lines.join('\n')).not.toContain(secret);
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});
