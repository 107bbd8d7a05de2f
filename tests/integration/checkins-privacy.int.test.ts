import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCheckin, TCheckinDetail } from '#shared/schemas/checkins.ts';
import { timelineCursor } from '#server/features/checkins/service.ts';
import { createCouple, createTestApp, type TestApp, type TestClient } from '../helpers/test-app';

/**
 * The partner learns nothing from private check-ins. Two couples live through the same random
 * sequence of check-ins (written, edited, shared, "share when we both have", made private); in
 * the second, A also keeps private check-ins of their own in between. After every step, B calls
 * every check-in route they can, and every status code and body must be the same in both worlds
 * (ids and times replaced by placeholders in order of appearance).
 */
const DAY_MS = 86_400_000;
const dayOf = (offset: number) => new Date(Date.now() - offset * DAY_MS).toISOString().slice(0, 10);

/** A writes on days 0–1 in both worlds; B on days 0–3. */
const A_DAYS = [0, 1];
const B_DAYS = [0, 1, 2, 3];
/** A's extra private check-ins: days 2–3 are days B writes too; 4 only A. */
const EXTRA_DAYS = [2, 3, 4];
/** "Share when we both have" only where B never writes, so it stays private. */
const EXTRA_WAITING_DAYS = [4];
const ALL_DAYS = [0, 1, 2, 3, 4];

type Kind = 'write' | 'edit' | 'share' | 'shareWhenBoth' | 'private';
interface Step {
  who: 'a' | 'b';
  kind: Kind;
  day: number;
}
interface Extra {
  kind: 'write' | 'edit' | 'wait';
  day: number;
  /** Runs before the baseline step with this index. */
  at: number;
}

const kind = fc.constantFrom<Kind>(
  'write',
  'write',
  'edit',
  'share',
  'shareWhenBoth',
  'shareWhenBoth',
  'private',
);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ who: fc.constant('a' as const), kind, day: fc.constantFrom(...A_DAYS) }),
  fc.record({ who: fc.constant('b' as const), kind, day: fc.constantFrom(...B_DAYS) }),
);
const extra: fc.Arbitrary<Extra> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('write' as const, 'edit' as const),
    day: fc.constantFrom(...EXTRA_DAYS),
    at: fc.nat(4),
  }),
  fc.record({
    kind: fc.constant('wait' as const),
    day: fc.constantFrom(...EXTRA_WAITING_DAYS),
    at: fc.nat(4),
  }),
);

const FEELINGS = ['hurt', 'angry', 'numb', 'hopeful', 'calm'] as const;
const entry = (n: number) => ({
  feelings: [FEELINGS[n % FEELINGS.length]],
  intensity: 1 + (n % 5),
  pain: n % 11,
  triggers: `trigger ${n}`,
  needs: `need ${n}`,
  note: `note ${n}`,
});

/** Ids and times differ between worlds by nature; everything else must not. */
class Normalizer {
  private readonly ids = new Map<string, string>();

  id(value: string): string {
    let token = this.ids.get(value);
    if (!token) {
      token = `<id${this.ids.size}>`;
      this.ids.set(value, token);
    }
    return token;
  }

  text(body: string): string {
    return body
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => this.id(id))
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g, '<time>');
  }

  cursor(cursor: string | null): string | null {
    if (!cursor) return null;
    const { day, id } = timelineCursor.decode(cursor, 'cursor');
    return `${day}|${this.id(id)}`;
  }

  response(label: string, r: LightMyRequestResponse): string {
    return `${label} → ${r.statusCode} etag=${String(r.headers.etag)} ${this.text(r.body)}`;
  }
}

interface World {
  a: TestClient;
  b: TestClient;
  ids: { a: Map<number, string>; b: Map<number, string> };
  /** A's private check-ins that only this world has, for B to probe. */
  privateIds: string[];
  norm: Normalizer;
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
  return { a, b, ids: { a: new Map(), b: new Map() }, privateIds: [], norm: new Normalizer() };
}

/** Writes (or edits, with the version it read) `who`'s check-in for `day`. */
async function write(
  world: World,
  who: 'a' | 'b',
  day: number,
  n: number,
  edit: boolean,
  record = true,
) {
  const client = world[who];
  const headers: Record<string, string> = {};
  if (edit) {
    const current = await client.get(`/api/checkins/mine/${dayOf(day)}`);
    if (current.headers.etag) headers['if-match'] = String(current.headers.etag);
  }
  const response = await client.put(`/api/checkins/mine/${dayOf(day)}`, entry(n), headers);
  if (record && (response.statusCode === 200 || response.statusCode === 201)) {
    world.ids[who].set(day, response.json<{ checkin: TCheckin }>().checkin.id);
  }
  return response;
}

/** Runs one baseline step; returns what B saw of it (A's own answers are not B's to see). */
async function run(world: World, s: Step, n: number): Promise<string[]> {
  let response: LightMyRequestResponse;
  if (s.kind === 'write' || s.kind === 'edit') {
    response = await write(world, s.who, s.day, n, s.kind === 'edit');
  } else {
    // Sharing a day not written yet writes it first, so sharing steps are never wasted.
    const seen: string[] = [];
    if (!world.ids[s.who].has(s.day)) {
      const first = await write(world, s.who, s.day, n, false);
      if (s.who === 'b') seen.push(world.norm.response(`step write ${s.day}`, first));
    }
    const id = world.ids[s.who].get(s.day)!;
    const path = { share: 'share', shareWhenBoth: 'share-when-both', private: 'private' }[s.kind];
    response = await world[s.who].post(`/api/checkins/${id}/${path}`);
    if (s.who === 'b') seen.push(world.norm.response(`step ${s.kind} ${s.day}`, response));
    return seen;
  }
  return s.who === 'b' ? [world.norm.response(`step ${s.kind} ${s.day}`, response)] : [];
}

async function runExtra(world: World, e: Extra, n: number): Promise<void> {
  const response = await write(world, 'a', e.day, n, e.kind === 'edit', false);
  const { checkin } = response.json<{ checkin: TCheckin }>();
  if (!world.privateIds.includes(checkin.id)) world.privateIds.push(checkin.id);
  if (e.kind === 'wait') {
    const waiting = await world.a.post(`/api/checkins/${checkin.id}/share-when-both`);
    expect(waiting.json<{ checkin: TCheckin }>().checkin.sharing).toBe('waiting');
  }
}

/** Everything B can ask the check-in routes, normalized. */
async function bView(world: World, probes: string[]): Promise<string[]> {
  const { b, norm } = world;
  const out: string[] = [];
  const seen = new Set<string>();
  for (const who of ['all', 'me', 'partner'] as const) {
    let cursor: string | null = null;
    const items: TCheckin[] = [];
    const pages: string[] = [];
    for (let page = 0; page < 12; page++) {
      const response = await b.get(
        `/api/checkins?who=${who}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const body = response.json<{ items: TCheckin[]; next: string | null }>();
      items.push(...body.items);
      // Within one day, mine and my partner's are ordered by id, which differs between worlds;
      // the page sizes and whether there is more do not.
      pages.push(
        who === 'all'
          ? `${response.statusCode} ${body.items.length} more=${body.next !== null}`
          : `${response.statusCode} ${norm.text(JSON.stringify(body.items))} next=${norm.cursor(body.next)}`,
      );
      cursor = body.next;
      if (!cursor) break;
    }
    if (who === 'all') {
      const canonical = [...items].sort((x, y) =>
        x.day === y.day ? Number(x.mine) - Number(y.mine) : x.day < y.day ? 1 : -1,
      );
      out.push(`timeline all: ${pages.join(' / ')} :: ${norm.text(JSON.stringify(canonical))}`);
    } else {
      out.push(`timeline ${who}: ${pages.join(' / ')}`);
    }
    for (const item of items) seen.add(item.id);
  }
  // "Edited" on a timeline card matches exactly the earlier versions B may open.
  for (const id of seen) {
    const detail = (await b.get(`/api/checkins/${id}`)).json<TCheckinDetail>();
    expect(detail.checkin.hasEarlierVersions).toBe(detail.earlier.length > 0);
  }
  for (const day of ALL_DAYS) {
    out.push(norm.response(`mine ${day}`, await b.get(`/api/checkins/mine/${dayOf(day)}`)));
  }
  for (const [day, id] of [...world.ids.a, ...world.ids.b]) {
    out.push(norm.response(`detail ${day}`, await b.get(`/api/checkins/${id}`)));
  }
  for (const [index, id] of probes.entries()) {
    out.push(norm.response(`probe get ${index}`, await b.get(`/api/checkins/${id}`)));
    for (const path of ['share', 'share-when-both', 'private']) {
      out.push(
        norm.response(`probe ${path} ${index}`, await b.post(`/api/checkins/${id}/${path}`)),
      );
    }
  }
  return out;
}

describe('a partner learns nothing from private check-ins', () => {
  it('B sees the same answers from every route whether or not A wrote private check-ins', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 10 }),
        fc.array(extra, { minLength: 1, maxLength: 4 }),
        async (steps, extras) => {
          const plain = await newWorld();
          const busy = await newWorld();
          // Ids that exist nowhere, one for each of A's private ids in the busy world.
          const nowhere: string[] = [];
          for (const [index, s] of steps.entries()) {
            for (const [k, e] of extras.entries()) {
              if (Math.min(e.at, steps.length - 1) === index) await runExtra(busy, e, 100 + k);
            }
            const seenPlain = await run(plain, s, index);
            const seenBusy = await run(busy, s, index);
            expect(seenBusy).toEqual(seenPlain);
            // B probes A's private ids in one world, and ids that exist nowhere in the other.
            while (nowhere.length < busy.privateIds.length) nowhere.push(randomUUID());
            expect(await bView(busy, busy.privateIds)).toEqual(await bView(plain, nowhere));
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 600_000);
});
