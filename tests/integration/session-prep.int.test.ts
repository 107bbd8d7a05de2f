import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_MESSAGE } from '#shared/errors.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
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

interface Item {
  kind: string;
  id: string;
  mine: boolean;
  authorName: string;
  parts: { key: string; label: string | null; text: string }[];
}
interface Prep {
  topics: string;
  questions: string;
  version: number;
  items: Item[];
}

const DAY = new Date().toISOString().slice(0, 10);

async function checkin(who: TestClient, note: string, share = true): Promise<string> {
  const response = await who.put(`/api/checkins/mine/${DAY}`, {
    feelings: ['hurt'],
    intensity: 2,
    pain: 3,
    triggers: '',
    needs: '',
    note,
  });
  expect([200, 201]).toContain(response.statusCode);
  const id = response.json<{ checkin: { id: string } }>().checkin.id;
  if (share) expectStatus(await who.post(`/api/checkins/${id}/share`), 200);
  return id;
}

async function trigger(who: TestClient, cue: string, share = true): Promise<string> {
  const response = await who.post('/api/triggers', { cue, intensity: 5 });
  expectStatus(response, 201);
  const id = response.json<{ entry: { id: string } }>().entry.id;
  if (share) expectStatus(await who.post(`/api/triggers/${id}/share`), 200);
  return id;
}

async function prep(who: TestClient): Promise<Prep> {
  const response = await who.get('/api/session-prep');
  expectStatus(response, 200);
  const body = response.json<{ prep: Prep }>().prep;
  expect(response.headers.etag).toBe(`"${body.version}"`);
  return body;
}

async function candidates(
  who: TestClient,
  query = '',
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const response = await who.get(`/api/session-prep/candidates${query}`);
  expectStatus(response, 200);
  return response.json();
}

function save(
  who: TestClient,
  version: number,
  body: Partial<{ topics: string; questions: string; picks: { kind: string; id: string }[] }>,
) {
  return who.put(
    '/api/session-prep',
    { topics: '', questions: '', picks: [], ...body },
    { 'if-match': `"${version}"` },
  );
}

function expectNotFound(response: { statusCode: number; json: <T>() => T }) {
  expect(response.statusCode).toBe(404);
  expect(response.json()).toEqual({ error: { code: 'not_found', message: NOT_FOUND_MESSAGE } });
}

describe('session prep', () => {
  it('starts empty, and saves notes and picks of shared items from both partners', async () => {
    const { a, b } = await createCouple(t);
    expect(await prep(a)).toEqual({
      topics: '',
      questions: '',
      version: 0,
      updatedAt: null,
      items: [],
    });
    const mine = await checkin(a, 'I slept badly');
    const theirs = await checkin(b, 'A hard evening');
    const offered = await candidates(a);
    expect(offered.items.map((i) => i.id).sort()).toEqual([mine, theirs].sort());
    const response = await save(a, 0, {
      topics: 'How evenings go',
      questions: 'Is this normal?',
      picks: [
        { kind: 'checkin', id: theirs },
        { kind: 'checkin', id: mine },
      ],
    });
    expectStatus(response, 200);
    expect(response.headers.etag).toBe('"1"');
    const saved = await prep(a);
    expect(saved).toMatchObject({
      topics: 'How evenings go',
      questions: 'Is this normal?',
      version: 1,
    });
    expect(saved.items.map((i) => [i.id, i.mine, i.authorName])).toEqual([
      [theirs, false, 'Sam'],
      [mine, true, 'Alex'],
    ]);
    expect(saved.items[0]!.parts).toContainEqual({
      key: 'note',
      label: null,
      text: 'A hard evening',
    });
    // Private to its author: the partner's own prep is untouched.
    expect((await prep(b)).version).toBe(0);
  });

  it('never offers or accepts a private item, not even my own', async () => {
    const { a, b } = await createCouple(t);
    const myPrivate = await trigger(a, 'my private moment', false);
    const theirPrivate = await trigger(b, 'their private moment', false);
    const shared = await trigger(b, 'a shared moment');
    expect((await candidates(a, '?kind=trigger')).items.map((i) => i.id)).toEqual([shared]);
    expect((await candidates(a, '?kind=checkin')).items).toEqual([]);
    for (const id of [myPrivate, theirPrivate]) {
      expectNotFound(await save(a, 0, { picks: [{ kind: 'trigger', id }] }));
    }
    // A real id under the wrong kind, and an id that never existed: the same answer.
    expectNotFound(await save(a, 0, { picks: [{ kind: 'checkin', id: shared }] }));
    expectNotFound(
      await save(a, 0, {
        picks: [{ kind: 'trigger', id: '00000000-0000-4000-8000-000000000000' }],
      }),
    );
    expect((await prep(a)).version).toBe(0);
  });

  it("refuses another couple's shared items with the same 404", async () => {
    const one = await createCouple(t);
    const two = await createCouple(t, ['Robin', 'Kai']);
    const other = await trigger(two.b, 'theirs to share');
    expect((await candidates(one.a)).items).toEqual([]);
    expectNotFound(await save(one.a, 0, { picks: [{ kind: 'trigger', id: other }] }));
  });

  it('drops an item quietly once its author makes it private again', async () => {
    const { a, b } = await createCouple(t);
    const theirs = await trigger(b, 'shared then taken back');
    const kept = await trigger(b, 'still shared');
    expectStatus(
      await save(a, 0, {
        picks: [
          { kind: 'trigger', id: theirs },
          { kind: 'trigger', id: kept },
        ],
      }),
      200,
    );
    expect((await prep(a)).items).toHaveLength(2);
    expectStatus(await b.post(`/api/triggers/${theirs}/unshare`), 200);
    const after = await prep(a);
    expect(after.items.map((i) => i.id)).toEqual([kept]);
    expect(JSON.stringify(after)).not.toContain(theirs);
    // Saving it again is refused like any unknown id.
    expectNotFound(await save(a, 1, { picks: [{ kind: 'trigger', id: theirs }] }));
  });

  it("a former partner's items drop out, and they no longer see mine", async () => {
    const { a, b } = await createCouple(t);
    const mine = await trigger(a, 'mine, shared');
    const theirs = await trigger(b, 'theirs, shared');
    const picks = [
      { kind: 'trigger', id: mine },
      { kind: 'trigger', id: theirs },
    ];
    expectStatus(await save(a, 0, { picks }), 200);
    expectStatus(await save(b, 0, { picks }), 200);
    expectStatus(await b.post('/api/space/leave'), 200);
    expect((await prep(a)).items.map((i) => i.id)).toEqual([mine]);
    expect((await prep(b)).items.map((i) => i.id)).toEqual([theirs]);
    expect((await candidates(b)).items.map((i) => i.id)).toEqual([theirs]);
    expectNotFound(await save(b, 1, { picks: [{ kind: 'trigger', id: mine }] }));
  });

  it('needs If-Match, and refuses an old version with the notes as they are now', async () => {
    const { a } = await createCouple(t);
    const missing = await a.put('/api/session-prep', { topics: '', questions: '', picks: [] });
    expect(missing.statusCode).toBe(428);
    expectStatus(await save(a, 0, { topics: 'first tab' }), 200);
    const stale = await save(a, 0, { topics: 'second tab' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ error: { current: Prep } }>().error.current).toMatchObject({
      topics: 'first tab',
      version: 1,
    });
    expectStatus(await save(a, 1, { topics: 'second, after reload' }), 200);
    expect(await save(a, 1, { topics: 'old again' })).toHaveProperty('statusCode', 412);
    expect((await prep(a)).topics).toBe('second, after reload');
  });

  it('starts over: clears notes and picks, and an old tab cannot write back', async () => {
    const { a } = await createCouple(t);
    const id = await trigger(a, 'to bring');
    expectStatus(await save(a, 0, { topics: 'x', picks: [{ kind: 'trigger', id }] }), 200);
    const cleared = await a.delete('/api/session-prep');
    expectStatus(cleared, 200);
    expect(cleared.json<{ prep: Prep }>().prep).toMatchObject({
      topics: '',
      items: [],
      version: 2,
    });
    expect((await save(a, 1, { topics: 'stale tab' })).statusCode).toBe(412);
  });

  it('refuses notes over the limit, bad kinds, bad ids and duplicates, naming the field', async () => {
    const { a } = await createCouple(t);
    const id = await trigger(a, 'once');
    const bad: [Record<string, unknown>, string][] = [
      [{ topics: 'x'.repeat(4001) }, 'topics'],
      [{ questions: 'x'.repeat(4001) }, 'questions'],
      [{ topics: 12 }, 'topics'],
      [{ picks: [{ kind: 'diary', id }] }, 'picks.0.kind'],
      [{ picks: [{ kind: 'trigger', id: 'nope' }] }, 'picks.0.id'],
      [
        {
          picks: [
            { kind: 'trigger', id },
            { kind: 'trigger', id },
          ],
        },
        'picks',
      ],
    ];
    for (const [body, field] of bad) {
      const response = await save(a, 0, body);
      expect(response.statusCode, field).toBe(400);
      expect(
        Object.keys(response.json<{ error: { fields: Record<string, string> } }>().error.fields),
      ).toContain(field);
    }
    // The longest notes are taken whole.
    const long = 'y'.repeat(4000);
    expectStatus(await save(a, 0, { topics: long, questions: long }), 200);
    expect((await prep(a)).topics).toHaveLength(4000);
    expect((await a.get('/api/session-prep/candidates?kind=diary')).statusCode).toBe(400);
    expect((await a.get('/api/session-prep/candidates?cursor=abc')).statusCode).toBe(400);
  });

  it('pages candidates newest first with a cursor', async () => {
    const { a } = await createCouple(t);
    const ids: string[] = [];
    for (let i = 0; i < 23; i += 1) ids.push(await trigger(a, `moment ${i}`));
    const first = await candidates(a, '?kind=trigger');
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const second = await candidates(a, `?kind=trigger&cursor=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    const seen = [...first.items, ...second.items].map((i) => i.id);
    expect(seen).toEqual([...ids].reverse());
  });

  it('brings a weekly check-in as its week, title and band words, never its answers', async () => {
    const { a, b } = await createCouple(t);
    const response = await b.post('/api/measures/responses', {
      measureId: 'trust-and-safety',
      measureVersion: 1,
      answers: {
        honest: 3,
        'follow-through': 3,
        'second-guessing': 1,
        hope: 3,
        'speak-freely': 3,
        respectful: 3,
        pressured: 0,
        afraid: 0,
      },
    });
    expectStatus(response, 201);
    const id = response.json<{ response: { id: string } }>().response.id;
    expectStatus(
      await b.post(`/api/measures/responses/${id}/visibility`, { visibility: 'partner' }),
      200,
    );
    const offered = (await candidates(a, '?kind=measure')).items;
    expect(offered.map((i) => i.id)).toEqual([id]);
    expectStatus(await save(a, 0, { picks: [{ kind: 'measure', id }] }), 200);
    const [item] = (await prep(a)).items as (Item & { title: string; day: string })[];
    expect(item).toMatchObject({ kind: 'measure', title: 'Trust and safety', mine: false });
    expect(item!.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(item!.parts[0]).toMatchObject({ key: 'scale', label: 'Trust and safety' });
    expect(item!.parts.every((p) => p.key === 'scale')).toBe(true);
    expect(JSON.stringify(item)).not.toContain('honest');
  });

  it('is for signed-in people only', async () => {
    const stranger = t.client('nobody');
    expect((await stranger.get('/api/session-prep')).statusCode).toBe(401);
  });

  it('reads my prep in at most four queries, the session included', async () => {
    const { a, b } = await createCouple(t);
    const picks = [
      { kind: 'checkin', id: await checkin(a, 'mine') },
      { kind: 'checkin', id: await checkin(b, 'theirs') },
      { kind: 'trigger', id: await trigger(b, 'a moment') },
    ];
    expectStatus(await save(a, 0, { topics: 'talk', picks }), 200);
    t.queries.length = 0;
    expect((await prep(a)).items).toHaveLength(3);
    expect(t.queries.length).toBeLessThanOrEqual(4);
  });
});

describe('how picked items read', () => {
  it('names a trigger’s strength (0–10) apart from a check-in’s (1–5)', async () => {
    const { a, b } = await createCouple(t);
    await checkin(b, 'a heavy evening');
    await trigger(b, 'the old song');
    const offered = (await candidates(a)).items;
    const keysOf = (kind: string) => offered.find((i) => i.kind === kind)!.parts.map((p) => p.key);
    expect(keysOf('checkin')).toContain('intensity');
    expect(keysOf('trigger')).toContain('triggerIntensity');
    expect(keysOf('trigger')).not.toContain('intensity');
  });
});
