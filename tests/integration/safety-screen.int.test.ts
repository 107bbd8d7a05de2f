import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jointWorkHolds, safetyScreens } from '#server/db/schema/index.ts';
import { queryRows } from '#server/db/query.ts';
import { loadSafetyScreen, ScreenFileError } from '#server/features/safety-screen/questions.ts';
import { JOINT_WORK_PAUSED_MESSAGE } from '#server/policy/joint-work.ts';
import {
  createTestApp,
  expectStatus,
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

type Person = TestClient & { userId: string; email: string };
type View = {
  questions: { id: string; text: string }[];
  answers: { id: string; label: string }[];
  takenAt: string | null;
};
type Result = { result: 'calm' | 'care'; takenAt: string; paused: boolean };

const QUESTION_IDS = loadSafetyScreen().definition.questions.map((q) => q.id);

/** Answers that ask for no care: "No" to every question (each is worded that way round). */
function calmAnswers(): Record<string, string> {
  return Object.fromEntries(QUESTION_IDS.map((id) => [id, 'no']));
}

/** Two partners who have not taken the screen yet, in one space. */
async function unscreenedCouple(): Promise<{ a: Person; b: Person }> {
  const a = await t.signUp('Alex', undefined, { screened: false });
  const b = await t.signUp('Sam', undefined, { screened: false });
  expectStatus(await a.post('/api/space'), 201);
  const invite = await a.post('/api/invites');
  const { token } = invite.json<{ token: string }>();
  expectStatus(await b.post('/api/invites/accept', { token }), 200);
  return { a, b };
}

async function take(who: TestClient, answers: Record<string, string>): Promise<Result> {
  const response = await who.post('/api/safety-screen', { answers });
  expectStatus(response, 200);
  return response.json<Result>();
}

const jointWork = async (who: TestClient) =>
  (await who.get('/api/safety')).json<{ jointWork: 'open' | 'paused' }>().jointWork;

/** A joint action: sharing a check-in with the partner. */
async function tryShare(who: TestClient) {
  const day = new Date().toISOString().slice(0, 10);
  const written = await who.put(`/api/checkins/mine/${day}`, {
    feelings: ['hurt'],
    intensity: 2,
    pain: 3,
  });
  const { id } = written.json<{ checkin: { id: string } }>().checkin;
  return who.post(`/api/checkins/${id}/share`);
}

describe('the questions', () => {
  it('are shown to a signed-in person with only their own last time, never the care keys', async () => {
    const { a, b } = await unscreenedCouple();
    const response = await a.get('/api/safety-screen');
    expectStatus(response, 200);
    const view = response.json<View>();
    expect(view.takenAt).toBeNull();
    expect(view.questions.map((q) => q.id)).toEqual(QUESTION_IDS);
    expect(view.answers.map((x) => x.id)).toEqual(['no', 'sometimes', 'yes', 'unsaid']);
    expect(response.body).not.toContain('"care"');

    const taken = await take(b, calmAnswers());
    // B's time is B's alone: A still sees null.
    expect((await a.get('/api/safety-screen')).json<View>().takenAt).toBeNull();
    expect((await b.get('/api/safety-screen')).json<View>().takenAt).toBe(taken.takenAt);
    expect((await t.client('anonymous').get('/api/safety-screen')).statusCode).toBe(401);
  });

  it('stops the start with a clear message when the file is wrong', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hh-screen-'));
    const file = path.join(dir, 'screen.yaml');
    writeFileSync(
      file,
      `answers:
  - { id: 'no', label: 'No' }
  - { id: sometimes, label: Sometimes }
  - { id: 'yes', label: 'Yes' }
  - { id: unsaid, label: Rather not }
questions:
  - id: afraid
    text: Afraid?
    care: [sometimes, 'yes']
`,
    );
    expect(() => loadSafetyScreen(file)).toThrow(ScreenFileError);
    expect(() => loadSafetyScreen(file)).toThrow(/question 1 \(care\): .*unsaid/);
    writeFileSync(file, 'answers: [\n');
    expect(() => loadSafetyScreen(file)).toThrow(/could not be read as YAML/);
  });
});

describe('the gate on shared exercises', () => {
  it('stays closed until both have taken the screen, and opens after', async () => {
    const { a, b } = await unscreenedCouple();
    expect(await jointWork(a)).toBe('paused');
    const refused = await tryShare(a);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      error: { code: 'joint_work_paused', message: JOINT_WORK_PAUSED_MESSAGE },
    });

    expect(await take(a, calmAnswers())).toMatchObject({ result: 'calm', paused: false });
    expect(await jointWork(a)).toBe('paused');
    expect(await jointWork(b)).toBe('paused');

    expect(await take(b, calmAnswers())).toMatchObject({ result: 'calm' });
    expect(await jointWork(a)).toBe('open');
    expect(await jointWork(b)).toBe('open');
    expectStatus(await tryShare(a), 200);
  });

  it('a care answer on any question closes it; only the same person can resume', async () => {
    for (const [question, answer] of [
      ['afraid', 'sometimes'],
      ['controlled', 'yes'],
      ['hurt', 'unsaid'],
      ['holding-back', 'sometimes'],
      ['holding-back', 'yes'],
      ['holding-back', 'unsaid'],
    ] as const) {
      const { a, b } = await unscreenedCouple();
      await take(b, calmAnswers());
      const result = await take(a, { ...calmAnswers(), [question]: answer });
      expect(result, `${question}: ${answer}`).toMatchObject({ result: 'care', paused: true });
      expect(await jointWork(b)).toBe('paused');
      expect((await a.get('/api/safety')).json()).toMatchObject({
        pausedByMe: true,
        jointWork: 'paused',
      });
      // The partner's resume lifts nothing of A's; A's own does.
      expect(await jointWork(await resumed(b))).toBe('paused');
      expect(await jointWork(await resumed(a))).toBe('open');
    }
  });

  it('keeps one hold, however often and however fast a care result comes in', async () => {
    const { a, b } = await unscreenedCouple();
    await take(b, calmAnswers());
    const care = { ...calmAnswers(), afraid: 'yes' };
    await Promise.all([
      a.post('/api/safety-screen', { answers: care }),
      a.post('/api/safety-screen', { answers: care }),
      a.post('/api/safety/pause'),
    ]);
    await take(a, care);
    const holds = await t.database.db
      .select()
      .from(jointWorkHolds)
      .where(eq(jointWorkHolds.userId, a.userId));
    expect(holds.filter((h) => h.liftedAt === null)).toHaveLength(1);
  });

  it('for someone without a space: a result, and nothing to hold', async () => {
    const solo = await t.signUp('Solo', undefined, { screened: false });
    expect(await take(solo, { ...calmAnswers(), threatened: 'yes' })).toMatchObject({
      result: 'care',
      paused: false,
    });
    const holds = await t.database.db
      .select()
      .from(jointWorkHolds)
      .where(eq(jointWorkHolds.userId, solo.userId));
    expect(holds).toHaveLength(0);
  });

  it('a therapist may take it too: it records the time and holds nothing', async () => {
    const { a, b } = await unscreenedCouple();
    const therapist = await linkTherapist(t, { a, b }, 'active');
    expect(await take(therapist, { ...calmAnswers(), afraid: 'yes' })).toMatchObject({
      result: 'care',
    });
    const holds = await t.database.db
      .select()
      .from(jointWorkHolds)
      .where(eq(jointWorkHolds.userId, therapist.userId));
    expect(holds).toHaveLength(0);
  });
});

async function resumed(who: TestClient): Promise<TestClient> {
  expectStatus(await who.post('/api/safety/resume'), 200);
  return who;
}

describe('what is kept', () => {
  it('is only that the screen was taken, and when: never the answers or the result', async () => {
    const { a } = await unscreenedCouple();
    const taken = await take(a, { ...calmAnswers(), afraid: 'sometimes' });
    const columns = await queryRows<{ column_name: string }>(
      t.database.db,
      sql`select column_name from information_schema.columns
          where table_name = 'safety_screens' order by column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['taken_at', 'user_id']);
    const rows = await t.database.db
      .select()
      .from(safetyScreens)
      .where(eq(safetyScreens.userId, a.userId));
    expect(rows).toEqual([{ userId: a.userId, takenAt: new Date(taken.takenAt) }]);
    // Nor in the log: no line carries the answers or the result.
    expect(t.logs.text()).not.toMatch(/"answers"|"result"|afraid|holding-back/);
  });

  it('can be taken again any time; the time moves on, the result is the newest answers’', async () => {
    const { a } = await unscreenedCouple();
    const first = await take(a, { ...calmAnswers(), controlled: 'yes' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await take(a, calmAnswers());
    expect(first).toMatchObject({ result: 'care', paused: true });
    // A calm result says the pause is still there: it never lifts it by itself.
    expect(second).toMatchObject({ result: 'calm', paused: true });
    expect(Date.parse(second.takenAt)).toBeGreaterThan(Date.parse(first.takenAt));
    expect((await a.get('/api/safety-screen')).json<View>().takenAt).toBe(second.takenAt);
    // A calm result later does not lift the earlier hold: only "start again" does.
    expect((await a.get('/api/safety')).json()).toMatchObject({ pausedByMe: true });
  });
});

describe('answers that cannot be used', () => {
  it('are refused with a 400 naming each field, and nothing is recorded', async () => {
    const { a } = await unscreenedCouple();
    const cases: [unknown, string[]][] = [
      [{ answers: { ...calmAnswers(), afraid: 'maybe' } }, ['answers.afraid']],
      [
        { answers: { afraid: 'no' } },
        QUESTION_IDS.filter((id) => id !== 'afraid').map((id) => `answers.${id}`),
      ],
      [{ answers: { ...calmAnswers(), 'not-a-question': 'no' } }, ['answers.not-a-question']],
      [{ answers: 'no' }, ['answers']],
      [{}, ['answers']],
    ];
    for (const [body, fields] of cases) {
      const response = await a.post('/api/safety-screen', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      const error = response.json<{ error: { code: string; fields: Record<string, string> } }>()
        .error;
      expect(error.code).toBe('validation_failed');
      for (const field of fields) expect(error.fields[field], field).toMatch(/\w/);
    }
    // A missing answer names its question by number, as the page shows it.
    const missing = await a.post('/api/safety-screen', { answers: { afraid: 'no' } });
    const fields = missing.json<{ error: { fields: Record<string, string> } }>().error.fields;
    QUESTION_IDS.slice(1).forEach((id, index) =>
      expect(fields[`answers.${id}`]).toMatch(new RegExp(`question ${index + 2}\\.`)),
    );
    expect((await a.get('/api/safety-screen')).json<View>().takenAt).toBeNull();
  });
});
