import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPhaseOpen, phaseOpenings } from '#server/features/program/pace.ts';
import type { SpaceMemberActor } from '#server/policy/actor.ts';
import type { TProgramView } from '#shared/schemas/program.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';

/** Any message at all: the tests care that a field is named, not its words. */
const SOME_TEXT: unknown = expect.any(String);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Person = TestClient & { userId: string; email: string };

async function view(person: TestClient): Promise<TProgramView> {
  const response = await person.get('/api/program');
  expectStatus(response, 200);
  return response.json<TProgramView>();
}

async function ready(person: TestClient, phase: number): Promise<TProgramView> {
  const response = await person.post('/api/program/pace/ready', { phase });
  expectStatus(response, 200);
  return response.json<TProgramView>();
}

async function stepBack(person: TestClient, phase: number): Promise<TProgramView> {
  const response = await person.post('/api/program/pace/step-back', { phase });
  expectStatus(response, 200);
  return response.json<TProgramView>();
}

async function mark(person: TestClient, key: string, value: string | null) {
  return person.put(`/api/program/marks/${key}`, { mark: value });
}

const exercise = (v: TProgramView, key: string) =>
  v.phases.flatMap((p) => p.topics.flatMap((topic) => topic.exercises)).find((e) => e.key === key)!;

/** The actor the server would build for `person`, for calling the exported pace functions. */
async function actorOf(person: Person, partner: Person | null): Promise<SpaceMemberActor> {
  const { space } = (await person.get('/api/space')).json<{
    space: {
      id: string;
      createdAt: string;
      joinedAt: string;
      partner: { joinedAt: string } | null;
    };
  }>();
  return {
    kind: 'user',
    userId: person.userId,
    displayName: person.name,
    email: person.email,
    sessionId: 'unused',
    sessionLastSeenAt: new Date(),
    space: {
      id: space.id,
      createdAt: new Date(space.createdAt),
      joinedAt: new Date(space.joinedAt),
      partner:
        partner && space.partner
          ? {
              userId: partner.userId,
              displayName: partner.name,
              joinedAt: new Date(space.partner.joinedAt),
            }
          : null,
    },
    therapist: null,
  };
}

describe('the map', () => {
  it('shows three phases of topics and exercises, phase 1 open, and suggests naming the injury first', async () => {
    const { a } = await createCouple(t);
    const v = await view(a);
    expect(v.phases.map((p) => [p.number, p.key, p.open])).toEqual([
      [1, 'impact', true],
      [2, 'meaning', false],
      [3, 'moving-on', false],
    ]);
    expect(v.pace).toEqual({
      currentPhase: 1,
      partnerPresent: true,
      nextPhase: 2,
      iAmReady: false,
      history: [],
      jointWorkOpen: true,
    });
    expect(v.myRoles).toEqual([]);
    expect(v.suggestions[0]).toEqual({ exerciseKey: 'name-the-injury', reason: 'name_injury' });
    expect(exercise(v, 'daily-check-in')).toMatchObject({
      mode: 'individual',
      for: 'both',
      form: 'screen',
      path: '/checkins',
      mark: null,
      waitsForPace: false,
    });
    // Nothing that counts anyone's progress: no such field anywhere in the answer.
    const keys = new Set<string>();
    JSON.stringify(v, (key, value: unknown) => (keys.add(key), value));
    expect(
      [...keys].filter((key) => /percent|streak|score|progress|count|total/i.test(key)),
    ).toEqual([]);
  });

  it('suggests by role, once I have named or confirmed an injury', async () => {
    const { a, b } = await createCouple(t);
    const named = await a.post('/api/injuries', {
      kind: 'affair',
      cameToLight: '2026-01',
      myRole: 'hurt',
    });
    expectStatus(named, 201);
    const forA = await view(a);
    expect(forA.myRoles).toEqual(['hurt']);
    expect(forA.suggestions.map((s) => s.exerciseKey)).toContain('impact-letter');
    // Sam has not confirmed yet, so holds no role; the suggestions still start with the injuries page.
    expect((await view(b)).myRoles).toEqual([]);
    const { injury } = named.json<{ injury: { id: string } }>();
    expectStatus(
      await b.post(`/api/injuries/${injury.id}/confirm`, {}, { 'if-match': '"1"' }),
      200,
    );
    const forB = await view(b);
    expect(forB.myRoles).toEqual(['involved']);
    expect(forB.suggestions[0]).toEqual({
      exerciseKey: 'impact-reflection',
      reason: 'for_your_role',
    });
  });

  it('costs two queries: the session, and one for the whole state', async () => {
    const { a } = await createCouple(t);
    await mark(a, 'daily-check-in', 'spent_time');
    t.queries.length = 0;
    await view(a);
    expect(t.queries).toHaveLength(2);
  });

  it('works for someone without a space: marks and reading, phase 1', async () => {
    const alone = await t.signUp('Alone');
    expectStatus(await mark(alone, 'read-transparency', 'come_back'), 200);
    const v = await view(alone);
    expect(v.pace).toMatchObject({ currentPhase: 1, partnerPresent: false });
    expect(v.suggestions[1]).toEqual({ exerciseKey: 'read-transparency', reason: 'come_back' });
    expect((await alone.post('/api/program/pace/ready', { phase: 2 })).statusCode).toBe(404);
  });
});

describe('marks', () => {
  it('are private to the person who makes them', async () => {
    const { a, b } = await createCouple(t);
    const before = await b.get('/api/program');
    const marked = await mark(a, 'daily-check-in', 'spent_time');
    expectStatus(marked, 200);
    expect(exercise(marked.json<TProgramView>(), 'daily-check-in').mark).toBe('spent_time');
    expectStatus(await mark(a, 'read-transparency', 'come_back'), 200);
    const v = await view(a);
    expect(v.suggestions.slice(0, 2)).toEqual([
      { exerciseKey: 'name-the-injury', reason: 'name_injury' },
      { exerciseKey: 'read-transparency', reason: 'come_back' },
    ]);
    expect(v.suggestions.map((s) => s.exerciseKey)).not.toContain('daily-check-in');

    // Sam's map is exactly what it was: not a byte tells them Alex marked anything.
    const after = await b.get('/api/program');
    expect(after.body).toBe(before.body);

    expectStatus(await mark(a, 'daily-check-in', null), 200);
    expect(exercise(await view(a), 'daily-check-in').mark).toBeNull();
  });

  it('refuses an unknown exercise and a bad mark, naming the field', async () => {
    const { a } = await createCouple(t);
    const unknown = await mark(a, 'no-such-exercise', 'spent_time');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: { fields: { 'params.key': 'There is no exercise with this key in the program.' } },
    });
    const badKey = await mark(a, 'Not_A_Key', 'spent_time');
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json()).toMatchObject({
      error: { fields: { 'params.key': SOME_TEXT } },
    });
    const badMark = await mark(a, 'daily-check-in', 'done');
    expect(badMark.statusCode).toBe(400);
    expect(badMark.json()).toMatchObject({ error: { fields: { mark: SOME_TEXT } } });
    const missing = await a.put('/api/program/marks/daily-check-in', {});
    expect(missing.statusCode).toBe(400);
  });
});

describe('the slower partner sets the pace', () => {
  it('one ready is not open; both ready opens; stepping back closes and clears both choices', async () => {
    const { a, b } = await createCouple(t);
    const samBefore = await b.get('/api/program');

    const alexReady = await ready(a, 2);
    expect(alexReady.pace).toMatchObject({ currentPhase: 1, iAmReady: true, nextPhase: 2 });
    expect(alexReady.phases[1]!.open).toBe(false);
    // Sam sees nothing of Alex's choice: the same bytes as before.
    expect((await b.get('/api/program')).body).toBe(samBefore.body);
    expect(await isPhaseOpen(t.database.db, await actorOf(a, b), 2)).toBe(false);

    const opened = await ready(b, 2);
    expect(opened.pace).toMatchObject({ currentPhase: 2, iAmReady: false, nextPhase: 3 });
    expect(opened.phases.map((p) => p.open)).toEqual([true, true, false]);
    const forA = await view(a);
    expect(forA.pace).toMatchObject({ currentPhase: 2, iAmReady: false });
    expect(forA.pace.history).toEqual([{ at: SOME_TEXT, phase: 2, change: 'opened' }]);
    expect(await isPhaseOpen(t.database.db, await actorOf(a, b), 2)).toBe(true);
    expect(await isPhaseOpen(t.database.db, await actorOf(b, a), 3)).toBe(false);
    expect((await phaseOpenings(t.database.db, await actorOf(b, a))).map((o) => o.phase)).toEqual([
      2,
    ]);

    // Alex says they are ready for phase 3; Sam steps the couple back to 1 without a reason.
    await ready(a, 3);
    const back = await stepBack(b, 1);
    expect(back.pace).toMatchObject({ currentPhase: 1, iAmReady: false, nextPhase: 2 });
    const alexAfter = await view(a);
    expect(alexAfter.pace).toMatchObject({ currentPhase: 1, iAmReady: false });
    expect(alexAfter.pace.history.map((h) => [h.phase, h.change])).toEqual([
      [2, 'opened'],
      [1, 'stepped_back'],
    ]);
    // The history never says who: no ids, no names.
    for (const person of [a, b]) {
      const body = (await person.get('/api/program')).body;
      expect(body).not.toContain(a.userId);
      expect(body).not.toContain(b.userId);
    }
    expect(await isPhaseOpen(t.database.db, await actorOf(a, b), 2)).toBe(false);

    // Choices were cleared: Alex alone choosing 2 again does not open it.
    expect((await ready(a, 2)).pace.currentPhase).toBe(1);
    // Alex may take their own choice back.
    const withdrawn = await a.delete('/api/program/pace/ready');
    expectStatus(withdrawn, 200);
    expect(withdrawn.json<TProgramView>().pace.iAmReady).toBe(false);
    expect((await ready(b, 2)).pace.currentPhase).toBe(1);
  });

  it('refuses a phase that is not next, a step forward, and going on alone', async () => {
    const { a } = await createCouple(t);
    const skip = await a.post('/api/program/pace/ready', { phase: 3 });
    expect(skip.statusCode).toBe(409);
    expect(skip.json()).toMatchObject({ error: { code: 'conflict' } });
    expect((await a.post('/api/program/pace/step-back', { phase: 2 })).statusCode).toBe(409);
    // Stepping back to where we are already changes nothing (both pressed it at once).
    expect((await stepBack(a, 1)).pace.history).toEqual([]);
    for (const phase of [0, 4, 1.5, '2', null]) {
      const response = await a.post('/api/program/pace/ready', { phase });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { fields: { phase: SOME_TEXT } } });
    }

    const alone = await t.signUp('Alone');
    expectStatus(await alone.post('/api/space'), 201);
    const solo = await alone.post('/api/program/pace/ready', { phase: 2 });
    expect(solo.statusCode).toBe(409);
    expect((await view(alone)).pace).toMatchObject({ partnerPresent: false, currentPhase: 1 });
  });

  it('while joint work is paused, going on waits; stepping back and taking back never do', async () => {
    const { a, b } = await createCouple(t);
    await ready(a, 2);
    await ready(b, 2);
    await ready(a, 3);
    const lift = await holdJointWork(t, a);
    const paused = await b.post('/api/program/pace/ready', { phase: 3 });
    expect(paused.statusCode).toBe(409);
    expect(paused.json()).toMatchObject({ error: { code: 'joint_work_paused' } });
    expect((await view(b)).pace.jointWorkOpen).toBe(false);
    expectStatus(await a.delete('/api/program/pace/ready'), 200);
    expect((await stepBack(b, 1)).pace.currentPhase).toBe(1);
    await lift();
    expect((await view(b)).pace.jointWorkOpen).toBe(true);
  });

  it('belongs to the couple: a former partner sees none of it, and a new couple starts at phase 1', async () => {
    const { a, b } = await createCouple(t);
    await ready(a, 2);
    await ready(b, 2);
    expectStatus(await b.post('/api/space/leave'), 200);

    const former = await view(b);
    expect(former.pace).toMatchObject({ currentPhase: 1, partnerPresent: false, history: [] });
    for (const response of [
      await b.post('/api/program/pace/ready', { phase: 2 }),
      await b.delete('/api/program/pace/ready'),
      await b.post('/api/program/pace/step-back', { phase: 1 }),
    ]) {
      expect(response.statusCode).toBe(404);
    }
    // Alone again, Alex's joint exercises of phase 2 are closed.
    expect((await view(a)).pace).toMatchObject({ currentPhase: 1, partnerPresent: false });

    const c = await t.signUp('Casey');
    const { token } = (await a.post('/api/invites')).json<{ token: string }>();
    expectStatus(await c.post('/api/invites/accept', { token }), 200);
    for (const person of [a, c]) {
      expect((await view(person)).pace).toMatchObject({
        currentPhase: 1,
        history: [],
        iAmReady: false,
      });
    }
    expect(await isPhaseOpen(t.database.db, await actorOf(a, c), 2)).toBe(false);
    expect(await phaseOpenings(t.database.db, await actorOf(a, c))).toEqual([]);
    // The new couple sets its own pace.
    await ready(c, 2);
    expect((await ready(a, 2)).pace.currentPhase).toBe(2);
  });
});
