import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  linkTherapist,
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

type Today = {
  day: string;
  myCheckin: { id: string; shared: boolean } | null;
  news: { kind: string; count: number; latestAt: string }[];
  lookedAt: string | null;
  next: { key: string; title: string; path: string; why: string } | null;
  jointWork: 'open' | 'paused';
};

const DAY = new Date().toISOString().slice(0, 10);

async function today(client: TestClient): Promise<Today> {
  const response = await client.get(`/api/today?day=${DAY}`);
  expectStatus(response, 200);
  return response.json<Today>();
}

async function writeCheckin(client: TestClient, note = 'a quiet day') {
  const response = await client.put(`/api/checkins/mine/${DAY}`, {
    feelings: ['hurt'],
    intensity: 2,
    pain: 3,
    triggers: '',
    needs: '',
    note,
  });
  expect([200, 201]).toContain(response.statusCode);
  return response.json<{ checkin: { id: string } }>().checkin.id;
}

async function seen(client: TestClient) {
  expectStatus(await client.post('/api/today/seen', { at: new Date().toISOString() }), 200);
}

describe('the today screen', () => {
  it('works for someone alone: no check-in yet, no news, a next step', async () => {
    const solo = await t.signUp('Solo');
    const body = await today(solo);
    expect(body).toMatchObject({ day: DAY, myCheckin: null, news: [], jointWork: 'open' });
    expect(body.next).not.toBeNull();
    expect(body.next!.path).toMatch(/^\//);
  });

  it('shows my own check-in for the day, and whether I shared it', async () => {
    const { a } = await createCouple(t);
    const id = await writeCheckin(a);
    expect((await today(a)).myCheckin).toEqual({ id, shared: false });
    expectStatus(await a.post(`/api/checkins/${id}/share`), 200);
    expect((await today(a)).myCheckin).toEqual({ id, shared: true });
  });

  it('counts what my partner shared since I last looked, and starts again after I look', async () => {
    const { a, b } = await createCouple(t);
    expect((await today(a)).news).toEqual([]);
    const id = await writeCheckin(b);
    expectStatus(await b.post(`/api/checkins/${id}/share`), 200);
    const news = (await today(a)).news;
    expect(news).toEqual([{ kind: 'checkin', count: 1, latestAt: expect.any(String) as string }]);
    await seen(a);
    expect((await today(a)).news).toEqual([]);
    // My partner's view of their own day is unchanged by my looking.
    expect((await today(b)).myCheckin).toEqual({ id, shared: true });
  });

  it('never counts, or hints at, what my partner keeps private', async () => {
    const { a, b } = await createCouple(t);
    await seen(a);
    const before = await a.get(`/api/today?day=${DAY}`);
    await writeCheckin(b, 'just for me');
    const after = await a.get(`/api/today?day=${DAY}`);
    expect(after.body).toBe(before.body);
  });

  it('says joint work is paused, to both, with nothing about who paused it', async () => {
    const { a, b } = await createCouple(t);
    const lift = await holdJointWork(t, b);
    expect((await today(a)).jointWork).toBe('paused');
    expect((await today(b)).jointWork).toBe('paused');
    await lift();
    expect((await today(a)).jointWork).toBe('open');
  });

  it('costs at most three queries, the session included', async () => {
    const { a, b } = await createCouple(t);
    const id = await writeCheckin(b);
    expectStatus(await b.post(`/api/checkins/${id}/share`), 200);
    t.queries.length = 0;
    await today(a);
    expect(t.queries.length).toBeLessThanOrEqual(3);
  });

  it('costs at most three queries with a therapist and a letter too', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b });
    expectStatus(
      await therapist.post(`/api/messages/couples/${therapist.linkId}`, {
        thread: 'couple',
        body: 'Hello to you both.',
      }),
      201,
    );
    await namedInjury(a, b);
    await shareImpactLetter(a);
    t.queries.length = 0;
    await today(b);
    expect(t.queries.length).toBeLessThanOrEqual(3);
  });

  it('refuses a day that is not a date, naming the field', async () => {
    const a = await t.signUp('Dates');
    const response = await a.get('/api/today?day=tomorrow');
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: { fields: Record<string, string> } }>();
    expect(Object.keys(body.error.fields)).toEqual(['querystring.day']);
  });

  it('never moves "last looked" backwards, or into the future', async () => {
    const a = await t.signUp('Looker');
    await seen(a);
    const first = (await today(a)).lookedAt!;
    expectStatus(await a.post('/api/today/seen', { at: '2020-01-01T00:00:00Z' }), 200);
    expect((await today(a)).lookedAt).toBe(first);
    expectStatus(await a.post('/api/today/seen', { at: '2999-01-01T00:00:00Z' }), 200);
    expect(Date.parse((await today(a)).lookedAt!)).toBeLessThanOrEqual(Date.now());
  });
});

/* ---------- What is done, and what rests: the next step moves on ---------- */

const LETTERS = '/api/impact-letter';
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** A names an injury in which they were hurt; B confirms it (B is the involved partner). */
async function namedInjury(a: TestClient, b: TestClient) {
  const named = await a.post('/api/injuries', {
    kind: 'affair',
    cameToLight: '2026-01',
    myRole: 'hurt',
  });
  expectStatus(named, 201);
  const { injury } = named.json<{ injury: { id: string } }>();
  expectStatus(await b.post(`/api/injuries/${injury.id}/confirm`, {}, ifMatch(1)), 200);
}

async function shareImpactLetter(writer: TestClient): Promise<string> {
  const started = await writer.post(`${LETTERS}/letters`, { replacing: null });
  expectStatus(started, 201);
  const draft = started.json<{ id: string; version: number }>();
  const saved = await writer.put(
    `${LETTERS}/letters/${draft.id}`,
    {
      whatHappened: 'I learned of it on a quiet evening.',
      howItAffectedMe: 'I have not slept well since.',
      whatINeedNow: 'Patience, and honest answers.',
    },
    ifMatch(draft.version),
  );
  expectStatus(saved, 200);
  const letter = saved.json<{ id: string; version: number }>();
  expectStatus(
    await writer.post(`${LETTERS}/letters/${letter.id}/share`, {}, ifMatch(letter.version)),
    200,
  );
  return letter.id;
}

async function sendReflection(reader: TestClient, letterId: string) {
  const started = await reader.post(`${LETTERS}/letters/${letterId}/reflections`, {
    paraphrase: 'You found out alone and have not slept since.',
    acknowledgement: 'It shook your trust in your own memory.',
  });
  expectStatus(started, 201);
  const reflection = started.json<{ id: string; version: number }>();
  expectStatus(
    await reader.post(
      `${LETTERS}/reflections/${reflection.id}/send`,
      {},
      ifMatch(reflection.version),
    ),
    200,
  );
}

describe('the next step knows what is done', () => {
  it('moves on from the impact letter once the hurt partner has shared it', async () => {
    const { a, b } = await createCouple(t);
    await namedInjury(a, b);
    expect((await today(a)).next?.key).toBe('impact-letter');
    await shareImpactLetter(a);
    const next = (await today(a)).next;
    expect(next).not.toBeNull();
    expect(next!.key).not.toBe('impact-letter');
  });

  it('moves on from the reflection once the involved partner has sent it', async () => {
    const { a, b } = await createCouple(t);
    await namedInjury(a, b);
    const letter = await shareImpactLetter(a);
    expect((await today(b)).next?.key).toBe('impact-reflection');
    await sendReflection(b, letter);
    expect((await today(b)).next?.key).not.toBe('impact-reflection');
  });

  it('offers the reflection again when the letter it answered has been replaced', async () => {
    const { a, b } = await createCouple(t);
    await namedInjury(a, b);
    const first = await shareImpactLetter(a);
    await sendReflection(b, first);
    expect((await today(b)).next?.key).not.toBe('impact-reflection');
    const replaced = await a.post(`${LETTERS}/letters`, { replacing: first });
    expectStatus(replaced, 201);
    expect((await today(b)).next?.key).toBe('impact-reflection');
  });

  it('does not offer a shared exercise while shared exercises rest', async () => {
    const { a, b } = await createCouple(t);
    await namedInjury(a, b);
    await shareImpactLetter(a);
    expect((await today(b)).next?.key).toBe('impact-reflection');
    const lift = await holdJointWork(t, a);
    const resting = (await today(b)).next;
    expect(resting).not.toBeNull();
    expect(resting!.key).not.toBe('impact-reflection');
    await lift();
    expect((await today(b)).next?.key).toBe('impact-reflection');
  });

  it('does not offer naming the injury while shared exercises rest', async () => {
    const { a } = await createCouple(t);
    expect((await today(a)).next?.key).toBe('name-the-injury');
    await holdJointWork(t, a);
    expect((await today(a)).next?.key).not.toBe('name-the-injury');
  });

  it('does not offer today’s check-in once it is written', async () => {
    const { a, b } = await createCouple(t);
    await namedInjury(a, b);
    await shareImpactLetter(a);
    const keys = new Set<string>();
    // Mark what comes before the check-in as time spent, until the check-in is the next step.
    for (let step = 0; step < 6 && (await today(a)).next?.key !== 'daily-check-in'; step++) {
      const key = (await today(a)).next!.key;
      keys.add(key);
      expectStatus(await a.put(`/api/program/marks/${key}`, { mark: 'spent_time' }), 200);
    }
    expect((await today(a)).next?.key).toBe('daily-check-in');
    await writeCheckin(a);
    expect((await today(a)).next?.key).not.toBe('daily-check-in');
  });
});

/* ---------- The therapist's messages and suggestions, with the partner's news ---------- */

describe('comments as news', () => {
  async function comment(client: TestClient, itemId: string, body: string) {
    expectStatus(await client.post('/api/comments', { kind: 'checkin', itemId, body }), 201);
  }
  const kinds = async (client: TestClient) =>
    (await today(client)).news.map((n) => [n.kind, n.count]);

  it('counts my partner’s comments on what I may see, and starts again after I look', async () => {
    const { a, b } = await createCouple(t);
    const id = await writeCheckin(a, 'a long evening');
    expectStatus(await a.post(`/api/checkins/${id}/share`), 200);
    await seen(a);
    await seen(b);
    await comment(b, id, 'I am with you.');
    await comment(b, id, 'And tomorrow too.');
    expect(await kinds(a)).toEqual([['comment', 2]]);
    // My own comment is not news to me, and my partner's are not news to them.
    await comment(a, id, 'Thank you.');
    expect(await kinds(b)).toEqual([['comment', 1]]);
    await seen(a);
    expect(await kinds(a)).toEqual([]);
  });

  it('stops counting a comment once its item is private again, and never counts a note to self', async () => {
    const { a, b } = await createCouple(t);
    const id = await writeCheckin(a, 'a quiet walk');
    expectStatus(await a.post(`/api/checkins/${id}/share`), 200);
    await seen(a);
    await seen(b);
    await comment(a, id, 'A word for you.');
    expect(await kinds(b)).toEqual([['comment', 1]]);
    expectStatus(await a.post(`/api/checkins/${id}/private`), 200);
    expect(await kinds(b)).toEqual([]);
    // A note the author writes on the private item is never news to the partner.
    await comment(a, id, 'Only for me.');
    expectStatus(await a.post(`/api/checkins/${id}/share`), 200);
    // Shared again, the check-in is news once more; of its comments, only the one written for
    // the partner counts.
    expect(await kinds(b)).toEqual([
      ['checkin', 1],
      ['comment', 1],
    ]);
  });

  it('counts the therapist’s comments for the author only, as the therapist’s', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b });
    const id = await writeCheckin(a, 'for our session');
    expectStatus(await a.put(`/api/checkins/${id}/therapist`, { shared: true }), 200);
    await seen(a);
    await seen(b);
    await comment(therapist, id, 'Let us talk about this.');
    expect(await kinds(a)).toEqual([['therapist_comment', 1]]);
    expect(await kinds(b)).toEqual([]);
  });
});

describe('news from the couple’s therapist', () => {
  it('counts new messages and suggestions, and starts again after I look', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b });
    await seen(a);
    await seen(b);
    const base = `/api/messages/couples/${therapist.linkId}`;
    expectStatus(await therapist.post(base, { thread: 'couple', body: 'Welcome, both.' }), 201);
    expectStatus(
      await therapist.post(`/api/practice/couples/${therapist.linkId}/suggestions`, {
        exercise: 'daily-check-in',
        note: 'A few quiet minutes.',
      }),
      201,
    );
    for (const partner of [a, b]) {
      const kinds = (await today(partner)).news.map((n) => [n.kind, n.count]);
      expect(kinds).toEqual(
        expect.arrayContaining([
          ['therapist_message', 1],
          ['therapist_suggestion', 1],
        ]),
      );
      expect(kinds).toHaveLength(2);
    }
    await seen(a);
    expect((await today(a)).news).toEqual([]);
  });

  it('never tells my partner about the therapist’s private message to me', async () => {
    const { a, b } = await createCouple(t);
    const a2 = a;
    const therapist = await linkTherapist(t, { a: a2, b: b });
    await seen(a);
    await seen(b);
    const before = await b.get(`/api/today?day=${DAY}`);
    expectStatus(
      await therapist.post(`/api/messages/couples/${therapist.linkId}`, {
        thread: 'private',
        partnerId: a2.userId,
        body: 'Just for you: how are you sleeping?',
      }),
      201,
    );
    expect((await today(a)).news).toEqual([
      { kind: 'therapist_message', count: 1, latestAt: expect.any(String) as string },
    ]);
    const after = await b.get(`/api/today?day=${DAY}`);
    expect(after.body).toBe(before.body);
  });

  it('does not count my partner’s own messages as the therapist’s', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a: a, b: b });
    await seen(a);
    expectStatus(
      await b.post('/api/messages', { linkId: therapist.linkId, thread: 'couple', body: 'Hi.' }),
      201,
    );
    expect((await today(a)).news).toEqual([]);
  });
});
