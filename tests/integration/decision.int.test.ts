import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDecisionRecord, TDecisionView } from '#shared/schemas/decision.ts';
import type { TNotificationList } from '#shared/schemas/notifications.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';
import { tag, toPhase } from './reflections-setup';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const BASE = '/api/decision';
const ALEX = {
  leaning: 'recommit',
  needs: 'Honesty without being asked.',
  limits: 'Any more secrets.',
  ownWords: 'I want to try, carefully.',
};
const SAM = { leaning: 'not_sure', needs: 'Time.', limits: '', ownWords: 'I am afraid of hoping.' };
const RECORD = { outcome: 'recommit', note: 'We try, with our therapist.', reviewOn: '2027-03-01' };

async function view(person: TestClient): Promise<TDecisionView> {
  const response = await person.get(BASE);
  expectStatus(response, 200);
  return response.json<TDecisionView>();
}

async function reflect(person: TestClient, words: object, share = true): Promise<number> {
  const saved = await person.put(`${BASE}/reflection`, words, tag(0));
  expectStatus(saved, 200);
  const { version } = saved.json<{ version: number }>();
  if (!share) return version;
  const shared = await person.post(`${BASE}/reflection/share`, {}, tag(version));
  expectStatus(shared, 200);
  return shared.json<{ version: number }>().version;
}

async function couple(phase: 1 | 3 = 3) {
  const { a, b } = await createCouple(t);
  if (phase === 3) await toPhase(a, b, 3);
  return { a: a as TestClient & { userId: string }, b };
}

describe('the decision reflection', () => {
  it('is private until shared: the partner sees nothing of the draft, then only the shared copy', async () => {
    const { a, b } = await couple();
    const before = (await b.get(BASE)).body;
    const version = await reflect(a, ALEX, false);
    expect((await b.get(BASE)).body).toBe(before);
    expect((await b.get('/api/notifications')).json<TNotificationList>().unread).toBe(0);

    expectStatus(await a.post(`${BASE}/reflection/share`, {}, tag(version)), 200);
    expect((await view(b)).partner).toMatchObject({ leaning: 'recommit', ownWords: ALEX.ownWords });
    // A later private edit does not reach the partner until shared again.
    expectStatus(
      await a.put(
        `${BASE}/reflection`,
        { ...ALEX, ownWords: 'Second thoughts.' },
        tag(version + 1),
      ),
      200,
    );
    const seen = await view(b);
    expect(seen.partner?.ownWords).toBe(ALEX.ownWords);
    expect(JSON.stringify(seen)).not.toContain('Second thoughts.');
    const mine = await view(a);
    expect(mine.mine.ownWords).toBe('Second thoughts.');
    expect(mine.mine.shared?.ownWords).toBe(ALEX.ownWords);

    expectStatus(await a.post(`${BASE}/reflection/unshare`), 200);
    expect((await view(b)).partner).toBeNull();
  });

  it('once both shared, one writes the decision with a review date and the other agrees to that version', async () => {
    const { a, b } = await couple();
    await reflect(a, ALEX);
    expect((await view(a)).canRecord).toBe(false);
    expectStatus(await a.put(`${BASE}/record`, RECORD, tag(0)), 409);
    await reflect(b, SAM);
    expect((await view(a)).canRecord).toBe(true);

    const made = await a.put(`${BASE}/record`, RECORD, tag(0));
    expectStatus(made, 200);
    expect(made.json<TDecisionRecord>()).toMatchObject({
      outcome: 'recommit',
      reviewOn: '2027-03-01',
      version: 1,
      proposedByMe: true,
      agreedAt: null,
    });
    // Alex cannot agree to their own version; Sam can, to this exact version only.
    expectStatus(await a.post(`${BASE}/record/agree`, {}, tag(1)), 409);
    expectStatus(await b.post(`${BASE}/record/agree`, {}, tag(2)), 412);
    const agreed = await b.post(`${BASE}/record/agree`, {}, tag(1));
    expectStatus(agreed, 200);
    expect(agreed.json<TDecisionRecord>().agreedAt).not.toBeNull();

    // A change is a new version, kept in the history, and asks for agreement again.
    const changed = await b.put(`${BASE}/record`, { ...RECORD, outcome: 'not_sure' }, tag(1));
    expectStatus(changed, 200);
    const record = (await view(a)).record!;
    expect(record).toMatchObject({ outcome: 'not_sure', version: 2, agreedAt: null });
    expect(record.history.map((h) => [h.number, h.outcome, h.byMe])).toEqual([
      [2, 'not_sure', false],
      [1, 'recommit', true],
    ]);
  });

  it('two saves of the decision from one version: exactly one wins, the other gets 412 with it', async () => {
    const { a, b } = await couple();
    await reflect(a, ALEX);
    await reflect(b, SAM);
    expectStatus(await a.put(`${BASE}/record`, RECORD, tag(0)), 200);
    const [first, second] = await Promise.all([
      a.put(`${BASE}/record`, { ...RECORD, note: 'Alex says' }, tag(1)),
      b.put(`${BASE}/record`, { ...RECORD, note: 'Sam says' }, tag(1)),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 412]);
    const loser = first.statusCode === 412 ? first : second;
    expect(loser.json<{ error: { current: TDecisionRecord } }>().error.current.version).toBe(2);
    expect((await view(a)).record!.history).toHaveLength(2);
  });

  it('separating is a decision like any other', async () => {
    const { a, b } = await couple();
    await reflect(a, { ...ALEX, leaning: 'separate' });
    await reflect(b, { ...SAM, leaning: 'separate' });
    const made = await a.put(
      `${BASE}/record`,
      { ...RECORD, outcome: 'separate', reviewOn: null },
      tag(0),
    );
    expectStatus(made, 200);
    expect((await view(b)).record).toMatchObject({ outcome: 'separate', reviewOn: null });
  });

  it('sharing opens with the pace and rests while joint work rests; private writing never rests', async () => {
    const { a, b } = await couple(1);
    const version = await reflect(a, ALEX, false);
    expect((await view(a)).jointOpen).toBe(false);
    expectStatus(await a.post(`${BASE}/reflection/share`, {}, tag(version)), 409);
    await toPhase(a, b, 3);
    const lift = await holdJointWork(t, a);
    const paused = await a.post(`${BASE}/reflection/share`, {}, tag(version));
    expect(paused.json<{ error: { code: string } }>().error.code).toBe('joint_work_paused');
    expectStatus(await a.put(`${BASE}/reflection`, ALEX, tag(version)), 200);
    await lift();
    expectStatus(await a.post(`${BASE}/reflection/share`, {}, tag(version + 1)), 200);
  });

  it('refuses bad input in our own words', async () => {
    const { a } = await couple();
    expectStatus(await a.put(`${BASE}/reflection`, { ...ALEX, leaning: 'maybe' }, tag(0)), 400);
    expectStatus(await a.put(`${BASE}/reflection`, { ...ALEX, score: 3 }, tag(0)), 400);
    const empty = { leaning: null, needs: '', limits: '', ownWords: '' };
    const saved = await a.put(`${BASE}/reflection`, empty, tag(0));
    expectStatus(saved, 200);
    expectStatus(await a.post(`${BASE}/reflection/share`, {}, tag(1)), 400);
    expectStatus(await a.put(`${BASE}/record`, { ...RECORD, reviewOn: '2027-02-30' }, tag(0)), 400);
  });
});
