import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCheckin, TCheckinDetail, TTimeline } from '#shared/schemas/checkins.ts';
import { queryRows } from '#server/db/index.ts';
import { createSeedPeople, seedCheckinDays } from '../../scripts/seed-checkins';
import { SessionStore } from '#server/auth/sessions.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { timelineCursor, timelineQuery } from '#server/features/checkins/service.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const DAY_MS = 86_400_000;
/** A date `offset` days from today (UTC), as a device would send its local date. */
const day = (offset = 0) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

const entry = (overrides: Record<string, unknown> = {}) => ({
  feelings: ['hurt', 'hopeful'],
  intensity: 3,
  pain: 6,
  triggers: 'A song in the car',
  needs: 'A quiet evening together',
  note: 'Hard morning, softer afternoon.',
  ...overrides,
});

const checkinOf = (response: { json: <T>() => T }) =>
  response.json<{ checkin: TCheckin }>().checkin;

async function write(
  client: TestClient,
  d: string,
  body: unknown = entry(),
  headers?: Record<string, string>,
) {
  return client.put(`/api/checkins/mine/${d}`, body, headers);
}

async function writeOk(client: TestClient, d: string, body = entry()): Promise<TCheckin> {
  const response = await write(client, d, body);
  if (response.statusCode !== 201 && response.statusCode !== 200) {
    throw new Error(`write failed: ${response.statusCode} ${response.body}`);
  }
  return checkinOf(response);
}

async function timeline(client: TestClient, query = '') {
  const response = await client.get(`/api/checkins${query}`);
  expectStatus(response, 200);
  return response.json<TTimeline>();
}

describe('writing my daily check-in', () => {
  it('creates it, reads it back with its version, and writing again that day edits it', async () => {
    const a = await t.signUp('Alex');
    const created = await write(a, day());
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const checkin = checkinOf(created);
    expect(checkin).toMatchObject({
      day: day(),
      mine: true,
      feelings: ['hurt', 'hopeful'],
      intensity: 3,
      pain: 6,
      triggers: 'A song in the car',
      needs: 'A quiet evening together',
      note: 'Hard morning, softer afternoon.',
      sharing: 'private',
      sharedAt: null,
      version: 1,
      hasEarlierVersions: false,
    });

    const read = await a.get(`/api/checkins/mine/${day()}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual({ checkin });

    const edited = await write(a, day(), entry({ pain: 2, feelings: ['calm'], note: '' }));
    expect(edited.statusCode).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    expect(checkinOf(edited)).toMatchObject({
      id: checkin.id,
      pain: 2,
      feelings: ['calm'],
      note: '',
      version: 2,
    });

    const other = await a.get(`/api/checkins/mine/${day(-1)}`);
    expect(other.json()).toEqual({ checkin: null });
    expect(other.headers.etag).toBeUndefined();
    const list = await timeline(a);
    expect(list.items.map((c) => c.id)).toEqual([checkin.id]);
  });

  it('works alone, with no space and no partner, and trims text', async () => {
    const solo = await t.signUp('Solo');
    const created = checkinOf(
      await write(solo, day(-3), entry({ feelings: [], triggers: '  nothing much  ' })),
    );
    expect(created).toMatchObject({ feelings: [], triggers: 'nothing much', sharing: 'private' });
    expect((await timeline(solo)).items).toHaveLength(1);
    expect((await timeline(solo, '?who=partner')).items).toEqual([]);
    // Sharing needs a space: the route answers as if there were nothing to share.
    expect((await solo.post(`/api/checkins/${created.id}/share`)).statusCode).toBe(404);
    // With a space but nobody in it yet, there is no one to share with.
    expectStatus(await solo.post('/api/space'), 201);
    const noPartner = await solo.post(`/api/checkins/${created.id}/share`);
    expect(noPartner.statusCode).toBe(409);
    expect(noPartner.json()).toMatchObject({ error: { code: 'conflict' } });
    expect((await solo.post(`/api/checkins/${created.id}/private`)).statusCode).toBe(200);
  });

  it('accepts tomorrow (somewhere it already is) and refuses the day after', async () => {
    const a = await t.signUp('Alex');
    expect((await write(a, day(1))).statusCode).toBe(201);
    const later = await write(a, day(2));
    expect(later.statusCode).toBe(400);
    expect(later.json()).toMatchObject({
      error: { code: 'validation_failed', fields: { 'params.day': expect.any(String) as string } },
    });
  });

  it('edits of a private check-in need no If-Match, but a stale one is still refused', async () => {
    const a = await t.signUp('Alex');
    await writeOk(a, day());
    const stale = await write(a, day(), entry({ pain: 1 }), { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({
      error: { code: 'precondition_failed', current: { version: 1, pain: 6 } },
    });
    const fine = await write(a, day(), entry({ pain: 1 }), { 'if-match': '"1"' });
    expect(fine.statusCode).toBe(200);
    const garbled = await write(a, day(), entry(), { 'if-match': 'yesterday' });
    expect(garbled.statusCode).toBe(428);
  });
});

describe('bad input is refused with the field named, and nothing is stored', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['pain 11', entry({ pain: 11 }), 'pain'],
    ['pain -1', entry({ pain: -1 }), 'pain'],
    ['pain 3.5', entry({ pain: 3.5 }), 'pain'],
    ['pain as text', entry({ pain: '5' }), 'pain'],
    ['pain missing', { ...entry(), pain: undefined }, 'pain'],
    ['intensity 0', entry({ intensity: 0 }), 'intensity'],
    ['intensity 6', entry({ intensity: 6 }), 'intensity'],
    ['intensity null', entry({ intensity: null }), 'intensity'],
    ['a feeling not in the list', entry({ feelings: ['hurt', 'furious-ish'] }), 'feelings'],
    ['a feeling twice', entry({ feelings: ['hurt', 'hurt'] }), 'feelings'],
    [
      'too many feelings',
      entry({
        feelings: [
          'hurt',
          'betrayed',
          'angry',
          'sad',
          'grieving',
          'anxious',
          'afraid',
          'on-edge',
          'numb',
          'confused',
          'lonely',
        ],
      }),
      'feelings',
    ],
    ['feelings as text', entry({ feelings: 'hurt' }), 'feelings'],
    ['a feeling as a number', entry({ feelings: [3] }), 'feelings'],
    ['triggers too long', entry({ triggers: 'x'.repeat(501) }), 'triggers'],
    ['needs too long', entry({ needs: 'x'.repeat(1001) }), 'needs'],
    ['note too long', entry({ note: 'x'.repeat(4001) }), 'note'],
    ['note as a number', entry({ note: 42 }), 'note'],
  ];
  for (const [name, body, field] of cases) {
    it(`refuses ${name}`, async () => {
      const a = await t.signUp('Alex');
      const response = await write(a, day(), body);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'validation_failed' } });
      expect(Object.keys(response.json<{ error: { fields: object } }>().error.fields)).toContain(
        field,
      );
      expect((await a.get(`/api/checkins/mine/${day()}`)).json()).toEqual({ checkin: null });
    });
  }

  it('takes the longest allowed text and the ends of each scale', async () => {
    const a = await t.signUp('Alex');
    const longest = entry({
      pain: 10,
      intensity: 5,
      triggers: 'x'.repeat(500),
      needs: 'y'.repeat(1000),
      note: 'z'.repeat(4000),
    });
    expect((await write(a, day(), longest)).statusCode).toBe(201);
    expect((await write(a, day(-1), entry({ pain: 0, intensity: 1 }))).statusCode).toBe(201);
  });

  const badDays = ['2026-02-30', '2025-13-01', 'yesterday', '1999-12-31', '20260101', '2026-1-01'];
  for (const bad of badDays) {
    it(`refuses the day ${bad}`, async () => {
      const a = await t.signUp('Alex');
      for (const response of [await write(a, bad), await a.get(`/api/checkins/mine/${bad}`)]) {
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({
          error: { fields: { 'params.day': expect.any(String) as string } },
        });
      }
    });
  }

  it('refuses bad JSON, a bad id, a bad page position, page size and filter', async () => {
    const { a } = await createCouple(t);
    const json = await a.request('PUT', `/api/checkins/mine/${day()}`, undefined, {
      'content-type': 'application/json',
    });
    expect(json.statusCode).toBe(400);
    const badJson = await t.app.inject({
      method: 'PUT',
      url: `/api/checkins/mine/${day()}`,
      headers: {
        'content-type': 'application/json',
        origin: t.config.publicUrl.origin,
        cookie: a.cookie!,
      },
      payload: '{"pain": 3',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toMatchObject({ error: { code: 'invalid_json' } });
    for (const [url, field] of [
      ['/api/checkins/not-an-id', 'params.id'],
      ['/api/checkins?cursor=%27%3B--', 'querystring.cursor'],
      [
        `/api/checkins?cursor=${Buffer.from('["2026-01-01","nope-nope-nope-nope"]').toString('base64url')}`,
        'querystring.cursor',
      ],
      ['/api/checkins?limit=0', 'querystring.limit'],
      ['/api/checkins?limit=51', 'querystring.limit'],
      ['/api/checkins?limit=ten', 'querystring.limit'],
      ['/api/checkins?who=everyone', 'querystring.who'],
    ] as const) {
      const response = await a.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(
        Object.keys(response.json<{ error: { fields: object } }>().error.fields),
        url,
      ).toContain(field);
    }
    for (const path of ['share', 'share-when-both', 'private']) {
      expect((await a.post(`/api/checkins/not-an-id/${path}`)).statusCode).toBe(400);
    }
  });
});

describe('private by default', () => {
  it('hides a private check-in from the partner, a stranger and the signed-out', async () => {
    const { a, b } = await createCouple(t);
    const stranger = await t.signUp('Stranger');
    const mine = await writeOk(a, day());
    for (const other of [b, stranger]) {
      const read = await other.get(`/api/checkins/${mine.id}`);
      expect(read.statusCode).toBe(404);
      expect(read.json()).toEqual((await other.get(`/api/checkins/${randomUUID()}`)).json());
      expect((await timeline(other)).items).toEqual([]);
      for (const path of ['share', 'share-when-both', 'private']) {
        expect((await other.post(`/api/checkins/${mine.id}/${path}`)).statusCode).toBe(404);
      }
    }
    expect((await t.client('anon').get(`/api/checkins/${mine.id}`)).statusCode).toBe(401);
    expect((await t.client('anon').get('/api/checkins')).statusCode).toBe(401);
    // My partner writing the same day is their own check-in, not an edit of mine.
    const theirs = await writeOk(b, day());
    expect(theirs.id).not.toBe(mine.id);
  });
});

describe('sharing one check-in', () => {
  it('shares it, and making it private again takes effect on the next request', async () => {
    const { a, b } = await createCouple(t);
    const mine = await writeOk(a, day());
    const shared = await a.post(`/api/checkins/${mine.id}/share`);
    expect(shared.statusCode).toBe(200);
    expect(checkinOf(shared)).toMatchObject({
      sharing: 'shared',
      sharedAt: expect.any(String) as string,
    });

    const seen = await b.get(`/api/checkins/${mine.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers.etag).toBeUndefined();
    const detail = seen.json<TCheckinDetail>();
    expect(detail.checkin).toMatchObject({
      id: mine.id,
      mine: false,
      sharing: 'shared',
      version: null,
      pain: 6,
      note: 'Hard morning, softer afternoon.',
    });
    expect(detail.earlier).toEqual([]);
    expect((await timeline(b)).items.map((c) => c.id)).toEqual([mine.id]);
    expect((await timeline(b, '?who=partner')).items.map((c) => c.id)).toEqual([mine.id]);
    expect((await timeline(b, '?who=me')).items).toEqual([]);

    // Sharing twice changes nothing.
    expect(checkinOf(await a.post(`/api/checkins/${mine.id}/share`)).sharedAt).toBe(
      checkinOf(shared).sharedAt,
    );

    const narrowed = await a.post(`/api/checkins/${mine.id}/private`);
    expect(checkinOf(narrowed)).toMatchObject({ sharing: 'private', sharedAt: null });
    expect((await b.get(`/api/checkins/${mine.id}`)).statusCode).toBe(404);
    expect((await timeline(b)).items).toEqual([]);
  });

  it('waits while joint work is paused; making private is never paused', async () => {
    const { a, b } = await createCouple(t);
    const first = await writeOk(a, day(-1));
    expectStatus(await a.post(`/api/checkins/${first.id}/share`), 200);
    const second = await writeOk(a, day());
    const lift = await holdJointWork(t, b);
    for (const path of ['share', 'share-when-both']) {
      const paused = await a.post(`/api/checkins/${second.id}/${path}`);
      expect(paused.statusCode).toBe(409);
      expect(paused.json()).toMatchObject({ error: { code: 'joint_work_paused' } });
    }
    // Writing and reading my own is private work, and goes on.
    expect((await write(a, day(), entry({ pain: 4 }))).statusCode).toBe(200);
    expect((await a.post(`/api/checkins/${first.id}/private`)).statusCode).toBe(200);
    expect((await b.get(`/api/checkins/${first.id}`)).statusCode).toBe(404);
    await lift();
    expect((await a.post(`/api/checkins/${second.id}/share`)).statusCode).toBe(200);
  });

  it('ends with the space for a former partner, and does not come back when they rejoin', async () => {
    const { a, b } = await createCouple(t);
    const mine = await writeOk(a, day(-1));
    expectStatus(await a.post(`/api/checkins/${mine.id}/share`), 200);
    const theirs = await writeOk(b, day(-1));
    expectStatus(await b.post(`/api/checkins/${theirs.id}/share`), 200);
    expectStatus(await b.post('/api/space/leave'), 200);

    expect((await b.get(`/api/checkins/${mine.id}`)).statusCode).toBe(404);
    expect((await timeline(b)).items.map((c) => c.id)).toEqual([theirs.id]);
    expect(checkinOf((await b.get(`/api/checkins/mine/${day(-1)}`)) as never)).toMatchObject({
      id: theirs.id,
      sharing: 'private',
    });
    expect((await a.get(`/api/checkins/${theirs.id}`)).statusCode).toBe(404);
    expect((await timeline(a)).items.map((c) => c.id)).toEqual([mine.id]);
    expect(checkinOf((await a.get(`/api/checkins/mine/${day(-1)}`)) as never).sharing).toBe(
      'private',
    );
    // Making private after the partner left still works.
    expect((await b.post(`/api/checkins/${theirs.id}/private`)).statusCode).toBe(200);

    const { token } = (await a.post('/api/invites')).json<{ token: string }>();
    expectStatus(await b.post('/api/invites/accept', { token }), 200);
    expect((await b.get(`/api/checkins/${mine.id}`)).statusCode).toBe(404);
    expect((await timeline(b, '?who=partner')).items).toEqual([]);
    // Sharing again is a new choice, and works.
    expectStatus(await a.post(`/api/checkins/${mine.id}/share`), 200);
    expect((await b.get(`/api/checkins/${mine.id}`)).statusCode).toBe(200);
  });
});

describe('share when we both have (mutual reveal)', () => {
  it('reveals both at the same moment once both have written and chosen it', async () => {
    const { a, b } = await createCouple(t);
    const mine = await writeOk(a, day());
    const waiting = await a.post(`/api/checkins/${mine.id}/share-when-both`);
    expect(waiting.statusCode).toBe(200);
    expect(checkinOf(waiting)).toMatchObject({ sharing: 'waiting', sharedAt: null });
    expect((await b.get(`/api/checkins/${mine.id}`)).statusCode).toBe(404);
    expect((await timeline(b)).items).toEqual([]);

    const theirs = await writeOk(b, day());
    // Writing is not choosing: still nothing until B chooses too.
    expect((await b.get(`/api/checkins/${mine.id}`)).statusCode).toBe(404);
    const revealed = await b.post(`/api/checkins/${theirs.id}/share-when-both`);
    expect(checkinOf(revealed).sharing).toBe('shared');

    const aSees = (await timeline(a)).items;
    const bSees = (await timeline(b)).items;
    expect(aSees.map((c) => c.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(bSees.map((c) => c.id).sort()).toEqual([mine.id, theirs.id].sort());
    const times = new Set(aSees.map((c) => c.sharedAt));
    expect(times.size).toBe(1);
    expect([...times][0]).not.toBeNull();
  });

  it('shares mine at once if my partner already shared theirs that day', async () => {
    const { a, b } = await createCouple(t);
    const theirs = await writeOk(b, day());
    expectStatus(await b.post(`/api/checkins/${theirs.id}/share`), 200);
    const mine = await writeOk(a, day());
    expect(checkinOf(await a.post(`/api/checkins/${mine.id}/share-when-both`)).sharing).toBe(
      'shared',
    );
    expect((await b.get(`/api/checkins/${mine.id}`)).statusCode).toBe(200);
  });

  it('reveals a waiting one when the partner shares theirs directly', async () => {
    const { a, b } = await createCouple(t);
    const mine = await writeOk(a, day());
    expectStatus(await a.post(`/api/checkins/${mine.id}/share-when-both`), 200);
    const theirs = await writeOk(b, day());
    expectStatus(await b.post(`/api/checkins/${theirs.id}/share`), 200);
    expect((await b.get(`/api/checkins/${mine.id}`)).statusCode).toBe(200);
    expect(checkinOf((await a.get(`/api/checkins/mine/${day()}`)) as never).sharing).toBe('shared');
  });

  it('pairs only the same day, and never reveals a check-in whose author did not choose it', async () => {
    const { a, b } = await createCouple(t);
    const mine = await writeOk(a, day());
    await writeOk(b, day()); // private, never chosen
    const yesterday = await writeOk(b, day(-1));
    expectStatus(await b.post(`/api/checkins/${yesterday.id}/share-when-both`), 200);
    expect(checkinOf(await a.post(`/api/checkins/${mine.id}/share-when-both`)).sharing).toBe(
      'waiting',
    );
    expect((await timeline(a, '?who=partner')).items).toEqual([]);
    expect((await timeline(b, '?who=partner')).items).toEqual([]);
  });

  it('tells the partner nothing about a private check-in: the same answer as when there is none', async () => {
    const withPrivate = await createCouple(t);
    const without = await createCouple(t);
    await writeOk(withPrivate.a, day());
    const answers = [];
    for (const couple of [withPrivate, without]) {
      const theirs = await writeOk(couple.b, day());
      const response = await couple.b.post(`/api/checkins/${theirs.id}/share-when-both`);
      const body = checkinOf(response);
      answers.push({
        status: response.statusCode,
        sharing: body.sharing,
        sharedAt: body.sharedAt,
        earlier: body.hasEarlierVersions,
      });
      expect((await timeline(couple.b)).items).toHaveLength(1);
    }
    expect(answers[0]).toEqual(answers[1]);
  });

  it('withdrawing ("private") before the partner chooses means nothing is revealed', async () => {
    const { a, b } = await createCouple(t);
    const mine = await writeOk(a, day());
    expectStatus(await a.post(`/api/checkins/${mine.id}/share-when-both`), 200);
    expect(checkinOf(await a.post(`/api/checkins/${mine.id}/private`)).sharing).toBe('private');
    const theirs = await writeOk(b, day());
    expect(checkinOf(await b.post(`/api/checkins/${theirs.id}/share-when-both`)).sharing).toBe(
      'waiting',
    );
    expect((await b.get(`/api/checkins/${mine.id}`)).statusCode).toBe(404);
  });

  it('a waiting choice does not carry over to a partner who joins later', async () => {
    const { a, b } = await createCouple(t);
    const mine = await writeOk(a, day());
    expectStatus(await a.post(`/api/checkins/${mine.id}/share-when-both`), 200);
    expectStatus(await b.post('/api/space/leave'), 200);
    const c = await t.signUp('Casey');
    const { token } = (await a.post('/api/invites')).json<{ token: string }>();
    expectStatus(await c.post('/api/invites/accept', { token }), 200);
    const cs = await writeOk(c, day());
    expect(checkinOf(await c.post(`/api/checkins/${cs.id}/share-when-both`)).sharing).toBe(
      'waiting',
    );
    expect((await c.get(`/api/checkins/${mine.id}`)).statusCode).toBe(404);
  });

  it('is paused with joint work: a waiting one stays hidden while the hold lasts', async () => {
    const { a, b } = await createCouple(t);
    const mine = await writeOk(a, day());
    expectStatus(await a.post(`/api/checkins/${mine.id}/share-when-both`), 200);
    const theirs = await writeOk(b, day());
    const lift = await holdJointWork(t, a);
    expect((await b.post(`/api/checkins/${theirs.id}/share-when-both`)).statusCode).toBe(409);
    expect((await b.post(`/api/checkins/${theirs.id}/share`)).statusCode).toBe(409);
    expect((await b.get(`/api/checkins/${mine.id}`)).statusCode).toBe(404);
    await lift();
    expect(checkinOf(await b.post(`/api/checkins/${theirs.id}/share-when-both`)).sharing).toBe(
      'shared',
    );
  });

  it('two partners choosing at the same moment never miss each other', async () => {
    for (let round = 0; round < 5; round++) {
      const { a, b } = await createCouple(t);
      const [mine, theirs] = await Promise.all([writeOk(a, day()), writeOk(b, day())]);
      const [ra, rb] = await Promise.all([
        a.post(`/api/checkins/${mine.id}/share-when-both`),
        b.post(`/api/checkins/${theirs.id}/share-when-both`),
      ]);
      expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
      expect(checkinOf((await a.get(`/api/checkins/mine/${day()}`)) as never).sharing).toBe(
        'shared',
      );
      expect(checkinOf((await b.get(`/api/checkins/mine/${day()}`)) as never).sharing).toBe(
        'shared',
      );
      expect((await b.get(`/api/checkins/${mine.id}`)).statusCode).toBe(200);
      expect((await a.get(`/api/checkins/${theirs.id}`)).statusCode).toBe(200);
    }
  });
});

describe('editing after sharing keeps what the partner saw', () => {
  it('needs If-Match, refuses a stale one with the current version, and keeps the seen version', async () => {
    const { a, b } = await createCouple(t);
    // Edits before sharing are drafts the partner never saw: they leave no trace.
    await writeOk(a, day(), entry({ note: 'first draft' }));
    const mine = await writeOk(a, day(), entry({ note: 'what I shared' }));
    expect(mine.version).toBe(2);
    expectStatus(await a.post(`/api/checkins/${mine.id}/share`), 200);
    expect((await b.get(`/api/checkins/${mine.id}`)).json<TCheckinDetail>().earlier).toEqual([]);

    const missing = await write(a, day(), entry({ note: 'changed' }));
    expect(missing.statusCode).toBe(428);
    expect(missing.json()).toMatchObject({ error: { code: 'precondition_required' } });
    const stale = await write(a, day(), entry({ note: 'changed' }), { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({
      error: {
        code: 'precondition_failed',
        current: { id: mine.id, version: 2, note: 'what I shared' },
      },
    });

    const edited = await write(a, day(), entry({ note: 'what I meant' }), { 'if-match': '"2"' });
    expect(edited.statusCode).toBe(200);
    expect(checkinOf(edited)).toMatchObject({
      version: 3,
      note: 'what I meant',
      hasEarlierVersions: true,
    });

    const detail = (await b.get(`/api/checkins/${mine.id}`)).json<TCheckinDetail>();
    expect(detail.checkin).toMatchObject({
      note: 'what I meant',
      hasEarlierVersions: true,
      version: null,
    });
    expect(detail.earlier).toHaveLength(1);
    expect(detail.earlier[0]).toMatchObject({
      note: 'what I shared',
      replacedAt: expect.any(String) as string,
    });
    expect(JSON.stringify(detail)).not.toContain('first draft');
    expect((await timeline(b)).items[0]).toMatchObject({
      note: 'what I meant',
      hasEarlierVersions: true,
    });
    expect(Date.parse(detail.checkin.updatedAt)).toBeGreaterThanOrEqual(
      Date.parse(detail.checkin.sharedAt!),
    );
  });

  it('after narrowing, private edits are not shown later; only versions the partner saw are', async () => {
    const { a, b } = await createCouple(t);
    const mine = await writeOk(a, day(), entry({ note: 'seen once' }));
    expectStatus(await a.post(`/api/checkins/${mine.id}/share`), 200);
    expectStatus(await a.post(`/api/checkins/${mine.id}/private`), 200);
    // The current version was seen, so edits still name the version they started from.
    expect((await write(a, day(), entry({ note: 'private one' }))).statusCode).toBe(428);
    expectStatus(await write(a, day(), entry({ note: 'private one' }), { 'if-match': '"1"' }), 200);
    expectStatus(await write(a, day(), entry({ note: 'private two' })), 200);
    expectStatus(await a.post(`/api/checkins/${mine.id}/share`), 200);
    const detail = (await b.get(`/api/checkins/${mine.id}`)).json<TCheckinDetail>();
    expect(detail.checkin.note).toBe('private two');
    expect(detail.earlier.map((r) => r.note)).toEqual(['seen once']);
    // The author sees their own earlier versions too.
    const own = (await a.get(`/api/checkins/${mine.id}`)).json<TCheckinDetail>();
    expect(own.earlier.map((r) => r.note)).toEqual(['seen once']);
    expect(own.checkin.version).toBe(3);
  });

  it('shows a new partner in a new space none of the versions an earlier partner saw', async () => {
    const { a, b } = await createCouple(t);
    const mine = await writeOk(a, day(-2), entry({ note: 'seen by Sam' }));
    expectStatus(await a.post(`/api/checkins/${mine.id}/share`), 200);
    const headers = { 'if-match': '"1"' };
    expectStatus(await write(a, day(-2), entry({ note: 'edited for Sam' }), headers), 200);
    expectStatus(await a.post('/api/space/leave'), 200);
    expectStatus(await a.post('/api/space'), 201);
    const c = await t.signUp('Casey');
    const { token } = (await a.post('/api/invites')).json<{ token: string }>();
    expectStatus(await c.post('/api/invites/accept', { token }), 200);

    expectStatus(await a.post(`/api/checkins/${mine.id}/share`), 200);
    expect((await b.get(`/api/checkins/${mine.id}`)).statusCode).toBe(404);
    const first = (await c.get(`/api/checkins/${mine.id}`)).json<TCheckinDetail>();
    expect(first.checkin).toMatchObject({ note: 'edited for Sam', hasEarlierVersions: false });
    expect(first.earlier).toEqual([]);
    expect((await timeline(c)).items[0]).toMatchObject({ hasEarlierVersions: false });

    const again = await write(a, day(-2), entry({ note: 'for Casey now' }), { 'if-match': '"2"' });
    expectStatus(again, 200);
    const second = (await c.get(`/api/checkins/${mine.id}`)).json<TCheckinDetail>();
    expect(second.checkin).toMatchObject({ note: 'for Casey now', hasEarlierVersions: true });
    expect(second.earlier.map((r) => r.note)).toEqual(['edited for Sam']);
    // The author keeps every version.
    const own = (await a.get(`/api/checkins/${mine.id}`)).json<TCheckinDetail>();
    expect(own.earlier.map((r) => r.note)).toEqual(['edited for Sam', 'seen by Sam']);
    expect(own.checkin.hasEarlierVersions).toBe(true);
  });

  it('detects two edits made from the same version at the same time', async () => {
    const { a, b } = await createCouple(t);
    const mine = await writeOk(a, day());
    expectStatus(await a.post(`/api/checkins/${mine.id}/share`), 200);
    const [one, two] = await Promise.all([
      write(a, day(), entry({ note: 'from the phone' }), { 'if-match': '"1"' }),
      write(a, day(), entry({ note: 'from the laptop' }), { 'if-match': '"1"' }),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 412]);
    const detail = (await b.get(`/api/checkins/${mine.id}`)).json<TCheckinDetail>();
    expect(detail.earlier).toHaveLength(1);
    expect(detail.checkin.hasEarlierVersions).toBe(true);
  });
});

describe('the timeline', () => {
  it('pages newest first through mine and my partner’s shared ones, with no gaps or repeats', async () => {
    const { a, b } = await createCouple(t);
    const expected: { id: string; day: string }[] = [];
    for (let i = 0; i < 7; i++) {
      const c = await writeOk(a, day(-i));
      if (i % 2 === 0) {
        expectStatus(await a.post(`/api/checkins/${c.id}/share`), 200);
        expected.push({ id: c.id, day: c.day });
      }
    }
    const bOwn: { id: string; day: string }[] = [];
    for (const offset of [0, -2, -5, -9]) {
      const c = await writeOk(b, day(offset));
      bOwn.push({ id: c.id, day: c.day });
    }
    const order = (list: { id: string; day: string }[]) =>
      [...list]
        .sort((x, y) => (x.day === y.day ? (x.id < y.id ? 1 : -1) : x.day < y.day ? 1 : -1))
        .map((c) => c.id);

    async function all(query: string) {
      const ids: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await timeline(b, `?limit=3${query}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(3);
        ids.push(...page.items.map((c) => c.id));
        cursor = page.next;
        pages += 1;
      } while (cursor && pages < 20);
      return ids;
    }
    expect(await all('')).toEqual(order([...expected, ...bOwn]));
    expect(await all('&who=me')).toEqual(order(bOwn));
    expect(await all('&who=partner')).toEqual(order(expected));
    // A page that ends exactly at the end says there is nothing earlier.
    const exact = await timeline(b, '?who=me&limit=4');
    expect(exact.items).toHaveLength(4);
    expect(exact.next).toBeNull();
  });

  it('costs one query after the session check', async () => {
    const { a, b } = await createCouple(t);
    for (let i = 0; i < 3; i++) {
      const c = await writeOk(a, day(-i));
      await a.post(`/api/checkins/${c.id}/share`);
      await writeOk(b, day(-i));
    }
    await b.get('/api/checkins?limit=2'); // warm: the session's last-seen time is fresh
    for (const query of ['?limit=2', '?who=me&limit=2', '?who=partner&limit=2']) {
      const first = await timeline(b, query);
      t.queries.length = 0;
      const page = await timeline(b, `${query}&cursor=${first.next}`);
      expect(page.items.length).toBeGreaterThan(0);
      expect(t.queries, query).toHaveLength(2);
      expect(t.queries[0]).toMatch(/from "sessions"/);
      expect(t.queries[1]).toMatch(/from "checkins"/);
    }
  });

  it('reads through its indexes, never a scan of the table (EXPLAIN, both engines)', async () => {
    const { a, b } = await createCouple(t);
    const c = await writeOk(a, day());
    await a.post(`/api/checkins/${c.id}/share`);
    await writeOk(b, day());
    const store = new SessionStore(t.database.db, {
      idleMs: t.config.sessionIdleMs,
      maxMs: t.config.sessionMaxMs,
    });
    const actor = (await store.resolveActor(b.cookie!.split('=')[1])) as SignedInActor;
    expect(actor.space?.partner).not.toBeNull();
    const expected = {
      all: ['checkins_author_day_key', 'checkins_shared_by_space_author_day'],
      me: ['checkins_author_day_key'],
      partner: ['checkins_shared_by_space_author_day'],
    } as const;
    for (const who of ['all', 'me', 'partner'] as const) {
      for (const cursor of [undefined, timelineCursor.encode({ day: day(1), id: randomUUID() })]) {
        const query = timelineQuery(t.database.db, actor, { who, limit: 20, cursor });
        // A table this small is cheaper to read whole; the plan we want is the one for a big one.
        const plan = await t.database.db.transaction(async (tx) => {
          await tx.execute(sql`set local enable_seqscan = off`);
          return queryRows<{ 'QUERY PLAN': string }>(tx, sql`explain ${query!}`);
        });
        const text = plan.map((row) => row['QUERY PLAN']).join('\n');
        expect(text, who).not.toMatch(/Seq Scan on checkins/);
        expect(text, who).not.toMatch(/Bitmap/);
        for (const index of expected[who]) expect(text, who).toContain(index);
      }
    }
  });
});

describe('the seeding command', () => {
  it('writes exactly the rows asked for, one per person and day, with progress', async () => {
    const people = await createSeedPeople(t.database.db, 3, 40);
    expect(people).toHaveLength(4); // rounded up to whole couples
    expect(new Set(people.map((p) => p.spaceId)).size).toBe(2);
    const seen: number[] = [];
    const written = await seedCheckinDays(
      t.database.db,
      people,
      { fromDay: 0, toDay: 30, limit: 100 },
      ({ done }) => seen.push(done),
    );
    expect(written).toBe(100);
    expect(seen.at(0)).toBe(0);
    expect(seen.at(-1)).toBe(100);
    const counts = await queryRows<{ n: number; days: number; shared: number }>(
      t.database.db,
      sql`select count(*)::int as n, count(distinct (author_id, day))::int as days,
                 count(*) filter (where visibility = 'partner')::int as shared
          from checkins where author_id in (${sql.join(
            people.map((p) => sql`${p.userId}::uuid`),
            sql`, `,
          )})`,
    );
    expect(counts[0]).toMatchObject({ n: 100, days: 100 });
    expect(counts[0]!.shared).toBeGreaterThan(0);
  });
});
