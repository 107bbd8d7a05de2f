import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LISTENING_PHASE,
  LISTENING_TEXT_MAX,
  type TConversation,
  type TListeningOverview,
} from '#shared/schemas/listening.ts';
import type { TNotificationList } from '#shared/schemas/notifications.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  type TestApp,
  type TestClient,
  TEST_PASSWORD,
} from '../helpers/test-app';
import { readZip } from '../helpers/zip';

type Person = TestClient & { email: string; userId: string };

const BASE = '/api/listening';
const SHARE = {
  feeling: 'I feel invisible when plans change without a word.',
  need: 'I need a message when you are late.',
};
const REFLECT = {
  heard: 'You feel forgotten when I change plans and say nothing.',
  validation: 'It makes sense you feel that way, because it happened so often.',
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const tag = (version: number) => ({ 'if-match': `"${version}"` });

/** Two partners who have both chosen to go on to phase 2. */
async function coupleAtPhaseTwo(): Promise<{ a: Person; b: Person }> {
  const couple = await createCouple(t, ['Alex', 'Sam']);
  for (const c of [couple.a, couple.b]) {
    expectStatus(await c.post('/api/program/pace/ready', { phase: 2 }), 200);
  }
  return couple;
}

async function start(c: TestClient, body = SHARE): Promise<TConversation> {
  const response = await c.post(`${BASE}/conversations`, body);
  expectStatus(response, 201);
  return response.json<TConversation>();
}

async function step(
  c: TestClient,
  conversation: TConversation,
  path: 'reflections' | 'answers' | 'turns',
  body: object,
): Promise<TConversation> {
  const response = await c.post(
    `${BASE}/conversations/${conversation.id}/${path}`,
    body,
    tag(conversation.version),
  );
  expectStatus(response, 200);
  return response.json<TConversation>();
}

async function unread(c: TestClient): Promise<TNotificationList> {
  return (await c.get('/api/notifications')).json<TNotificationList>();
}

describe('listening turns', () => {
  it('goes "partly" → clarified → reflected again → "yes", and the roles swap', async () => {
    const { a, b } = await coupleAtPhaseTwo();
    let c = await start(a);
    expect(c.next).toBe('reflect');
    expect(c.myMove).toBe(false);
    expect(c.turns[0]).toMatchObject({
      number: 1,
      speaker: { name: 'Alex', mine: true },
      listener: { name: 'Sam', mine: false },
      ...SHARE,
      heardAt: null,
    });
    // The listener is told it is their move, with no words in it.
    const told = await unread(b);
    expect(told.notifications[0]).toMatchObject({
      kind: 'shared',
      link: `/listening#conversation-${c.id}`,
    });
    expect(JSON.stringify(told)).not.toContain('invisible');

    // Only the listener may reflect; only the speaker may answer.
    const wrong = await a.post(
      `${BASE}/conversations/${c.id}/reflections`,
      REFLECT,
      tag(c.version),
    );
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json<{ error: { message: string } }>().error.message).toMatch(
      /listener’s step now/,
    );
    c = await step(b, c, 'reflections', REFLECT);
    expect(c.next).toBe('answer');
    const early = await b.post(
      `${BASE}/conversations/${c.id}/answers`,
      { understood: 'yes' },
      tag(c.version),
    );
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { message: string } }>().error.message).toMatch(
      /speaker’s step now/,
    );
    c = await step(a, c, 'answers', {
      understood: 'partly',
      clarification: 'It is less about being late and more about not being thought of.',
    });
    expect(c.next).toBe('reflect');
    expect(c.turns[0]!.heardAt).toBeNull();

    // A new turn cannot start while this one goes on.
    const tooSoon = await b.post(`${BASE}/conversations/${c.id}/turns`, SHARE, tag(c.version));
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json<{ error: { message: string } }>().error.message).toMatch(/still going/);

    c = await step(b, c, 'reflections', {
      heard: 'What hurts is feeling that you are not on my mind.',
      validation: 'Of course that hurts, after everything that happened.',
    });
    c = await step(a, c, 'answers', { understood: 'yes' });
    expect(c.next).toBe('new_turn');
    expect(c.turns[0]!.heardAt).not.toBeNull();
    expect(c.turns[0]!.rounds.map((r) => r.understood)).toEqual(['partly', 'yes']);

    // The roles swap: Sam speaks, Alex listens. Both read the whole history.
    c = await step(b, c, 'turns', {
      feeling: 'I feel scared that nothing I do will be enough.',
      need: 'I need to hear when something helped.',
    });
    expect(c.turns[1]).toMatchObject({
      number: 2,
      speaker: { name: 'Sam', mine: true },
      listener: { name: 'Alex', mine: false },
    });
    const forAlex = (await a.get(`${BASE}/conversations/${c.id}`)).json<TConversation>();
    expect(forAlex.turns).toHaveLength(2);
    expect(forAlex.myMove).toBe(true);
    expect(forAlex.turns[0]!.rounds[0]!.clarification).toMatch(/not being thought of/);

    const list = (await b.get(BASE)).json<TListeningOverview>();
    expect(list).toMatchObject({ paceOpen: true, jointWorkOpen: true, together: true });
    expect(list.conversations).toEqual([
      expect.objectContaining({ id: c.id, turns: 2, next: 'reflect', myMove: false }),
    ]);
    // No score of anyone anywhere: the answers stay words in the history.
    expect(JSON.stringify(list)).not.toMatch(/score|rating|percent/i);
  });

  it('is the program map’s listening-turns exercise, in the phase the server gates on', async () => {
    const { a } = await coupleAtPhaseTwo();
    const view = (await a.get('/api/program')).json<{
      phases: {
        number: number;
        topics: { exercises: { key: string; form: string; path: string }[] }[];
      }[];
    }>();
    const found = view.phases.flatMap((phase) =>
      phase.topics.flatMap((topic) =>
        topic.exercises
          .filter((e) => e.key === 'listening-turns')
          .map((e) => ({ ...e, phase: phase.number })),
      ),
    );
    expect(found).toEqual([
      expect.objectContaining({ form: 'screen', path: '/listening', phase: LISTENING_PHASE }),
    ]);
  });

  it('two writes to one step: one wins, the other gets 412 with the conversation now', async () => {
    const { a, b } = await coupleAtPhaseTwo();
    const c = await start(a);
    const [one, two] = await Promise.all([
      b.post(`${BASE}/conversations/${c.id}/reflections`, REFLECT, tag(c.version)),
      b.post(
        `${BASE}/conversations/${c.id}/reflections`,
        { heard: 'Other words', validation: 'Other line' },
        tag(c.version),
      ),
    ]);
    const statuses = [one.statusCode, two.statusCode].sort();
    expect(statuses).toEqual([200, 412]);
    const lost = one.statusCode === 412 ? one : two;
    const current = lost.json<{ error: { current: TConversation } }>().error.current;
    expect(current.turns[0]!.rounds).toHaveLength(1);
    expect(current.version).toBe(c.version + 1);
    expect((await b.post(`${BASE}/conversations/${c.id}/reflections`, REFLECT)).statusCode).toBe(
      428,
    );
  });

  it('opens with the couple’s pace and rests while joint work rests', async () => {
    const { a, b } = await createCouple(t, ['Alex', 'Sam']);
    expectStatus(await a.post('/api/program/pace/ready', { phase: 2 }), 200);
    const early = await a.post(`${BASE}/conversations`, SHARE);
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { message: string } }>().error.message).toMatch(/both chosen/);
    expect((await a.get(BASE)).json<TListeningOverview>().paceOpen).toBe(false);

    expectStatus(await b.post('/api/program/pace/ready', { phase: 2 }), 200);
    const c = await start(a);
    const lift = await holdJointWork(t, a);
    const paused = await b.post(
      `${BASE}/conversations/${c.id}/reflections`,
      REFLECT,
      tag(c.version),
    );
    expect(paused.json<{ error: { code: string } }>().error.code).toBe('joint_work_paused');
    // Reading the history is never held.
    expectStatus(await b.get(`${BASE}/conversations/${c.id}`), 200);
    expect((await b.get(BASE)).json<TListeningOverview>().jointWorkOpen).toBe(false);
    await lift();
    await step(b, c, 'reflections', REFLECT);

    // Either stepping back closes the steps again, and keeps the history readable.
    expectStatus(await a.post('/api/program/pace/step-back', { phase: 1 }), 200);
    const back = (await a.get(`${BASE}/conversations/${c.id}`)).json<TConversation>();
    expect(
      (
        await a.post(
          `${BASE}/conversations/${c.id}/answers`,
          { understood: 'yes' },
          tag(back.version),
        )
      ).statusCode,
    ).toBe(409);
  });

  it('belongs to the couple: a stranger, a former and a later partner reach nothing', async () => {
    const { a, b } = await coupleAtPhaseTwo();
    const c = await start(a);
    const stranger = await t.signUp('Robin');
    expect((await stranger.get(`${BASE}/conversations/${c.id}`)).statusCode).toBe(404);
    expect(
      (await stranger.post(`${BASE}/conversations/${c.id}/reflections`, REFLECT, tag(1)))
        .statusCode,
    ).toBe(404);
    expectStatus(await b.post('/api/space/leave'), 200);
    expect((await b.get(`${BASE}/conversations/${c.id}`)).statusCode).toBe(404);
    expect((await a.get(`${BASE}/conversations/${c.id}`)).statusCode).toBe(404);
    const later = await t.signUp('Jordan');
    const invite = (await a.post('/api/invites')).json<{ token: string }>();
    expectStatus(await later.post('/api/invites/accept', { token: invite.token }), 200);
    expect((await later.get(`${BASE}/conversations/${c.id}`)).statusCode).toBe(404);
    expect((await later.get(BASE)).json<TListeningOverview>().conversations).toEqual([]);
  });

  it('"download my data" holds only my own words', async () => {
    const { a, b } = await coupleAtPhaseTwo();
    let c = await start(a, { feeling: 'A-FEEL-1a', need: 'A-NEED-2b' });
    c = await step(b, c, 'reflections', { heard: 'B-HEARD-3c', validation: 'B-VALID-4d' });
    await step(a, c, 'answers', { understood: 'not_yet', clarification: 'A-MORE-5e' });
    expectStatus(
      await a.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD }),
      200,
    );
    const json = readZip((await a.get('/api/my-data/export')).rawPayload)
      .get('my-data.json')!
      .toString('utf8');
    for (const mine of ['A-FEEL-1a', 'A-NEED-2b', 'A-MORE-5e', 'I felt understood: not yet'])
      expect(json).toContain(mine);
    expect(json).not.toContain('B-HEARD-3c');
    expect(json).not.toContain('B-VALID-4d');
  });

  it('refuses bad input with our own words', async () => {
    const { a } = await coupleAtPhaseTwo();
    const empty = await a.post(`${BASE}/conversations`, { feeling: '  ', need: 'x' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ error: { fields: Record<string, string> } }>().error.fields.feeling).toBe(
      'Please write what you feel before sending.',
    );
    const long = await a.post(`${BASE}/conversations`, {
      feeling: 'x'.repeat(LISTENING_TEXT_MAX + 1),
      need: 'x',
    });
    expect(long.json<{ error: { fields: Record<string, string> } }>().error.fields.feeling).toMatch(
      /4,000 characters or fewer/,
    );
    const c = await start(a);
    const score = await a.post(
      `${BASE}/conversations/${c.id}/answers`,
      { understood: 7 },
      tag(c.version),
    );
    expect(score.statusCode).toBe(400);
    expect(
      score.json<{ error: { fields: Record<string, string> } }>().error.fields.understood,
    ).toBe('Please choose yes, partly or not yet.');
    const extra = await a.post(`${BASE}/conversations`, { ...SHARE, rating: 3 });
    expect(extra.statusCode).toBe(400);
  });
});
