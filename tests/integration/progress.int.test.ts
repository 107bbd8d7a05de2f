import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouple, createTestApp, expectStatus, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Progress = {
  startedAt: string;
  weeks: { week: string; checkins: number; intensity: number; pain: number }[];
  milestones: { key: string; at: string }[];
};

function daysAgo(n: number): string {
  return new Date(Date.now() - n * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

describe('my path so far', () => {
  it('averages my check-ins week by week, oldest first', async () => {
    const { a } = await createCouple(t);
    for (const [day, pain, intensity] of [
      [daysAgo(15), 8, 5],
      [daysAgo(14), 6, 3],
      [daysAgo(1), 2, 1],
    ] as const) {
      const written = await a.put(`/api/checkins/mine/${day}`, {
        feelings: [],
        intensity,
        pain,
        triggers: '',
        needs: '',
        note: '',
      });
      expectStatus(written, 201);
    }
    const body = (await a.get('/api/progress')).json<Progress>();
    const total = body.weeks.reduce((sum, w) => sum + w.checkins, 0);
    expect(total).toBe(3);
    for (const week of body.weeks) expect(week.week).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect([...body.weeks].sort((x, y) => x.week.localeCompare(y.week))).toEqual(body.weeks);
    const last = body.weeks.at(-1)!;
    expect(last).toMatchObject({ pain: 2, intensity: 1 });
    expect(body.milestones.map((m) => m.key)).toEqual(
      expect.arrayContaining(['started', 'together', 'first_checkin']),
    );
  });

  it('counts only my own check-ins, never my partner’s, shared or not', async () => {
    const { a, b } = await createCouple(t);
    const written = await b.put(`/api/checkins/mine/${daysAgo(0)}`, {
      feelings: [],
      intensity: 3,
      pain: 9,
      triggers: '',
      needs: '',
      note: '',
    });
    const id = written.json<{ checkin: { id: string } }>().checkin.id;
    expectStatus(await b.post(`/api/checkins/${id}/share`), 200);
    const body = (await a.get('/api/progress')).json<Progress>();
    expect(body.weeks).toEqual([]);
    expect(body.milestones.map((m) => m.key)).not.toContain('first_checkin');
  });

  it('has no score, percentage or streak anywhere in it', async () => {
    const { a } = await createCouple(t);
    const text = (await a.get('/api/progress')).body.toLowerCase();
    for (const word of ['score', 'percent', 'streak', 'missed']) expect(text).not.toContain(word);
  });

  it('answers anyone signed in, even before a space, and no one signed out', async () => {
    const solo = await t.signUp('Solo');
    const body = (await solo.get('/api/progress')).json<Progress>();
    expect(body.milestones.map((m) => m.key)).toEqual(['started']);
    expect((await t.client('anonymous').get('/api/progress')).statusCode).toBe(401);
  });
});
