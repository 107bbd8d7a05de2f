import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
