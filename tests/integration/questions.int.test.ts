import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TPace,
  TQuestion,
  TQuestionDetail,
  TQuestionList,
  TQuestionsOverview,
} from '#shared/schemas/questions.ts';
import type { TNotificationList } from '#shared/schemas/notifications.ts';
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

/** A couple with one injury both confirmed: `hp` was hurt, `ip` broke the trust. */
async function coupleWithInjury() {
  const { a: hp, b: ip } = await createCouple(t, ['Robin', 'Kai']);
  const named = await hp.post('/api/injuries', {
    kind: 'affair',
    cameToLight: '2026-01',
    myRole: 'hurt',
  });
  expectStatus(named, 201);
  const injuryId = named.json<{ injury: { id: string } }>().injury.id;
  expectStatus(await ip.post(`/api/injuries/${injuryId}/confirm`, {}, { 'if-match': '"1"' }), 200);
  return { hp, ip, injuryId };
}

async function ask(hp: TestClient, injuryId: string, body: string): Promise<TQuestionDetail> {
  const created = await hp.post('/api/questions', { injuryId, body });
  expectStatus(created, 201);
  return created.json<{ question: TQuestionDetail }>().question;
}

async function setPace(hp: TestClient, injuryId: string, cap: number, window = 'day') {
  const saved = await hp.put(`/api/questions/pace/${injuryId}`, { cap, window, selfCheck: true });
  expectStatus(saved, 200);
  return saved.json<{ pace: TPace }>().pace;
}

async function list(who: TestClient, injuryId: string, state = 'released', cursor?: string) {
  const query = `injuryId=${injuryId}&state=${state}${cursor ? `&cursor=${cursor}` : ''}`;
  const response = await who.get(`/api/questions/list?${query}`);
  expectStatus(response, 200);
  return response.json<TQuestionList>();
}

async function notificationCount(who: TestClient): Promise<number> {
  const response = await who.get('/api/notifications');
  expectStatus(response, 200);
  return response.json<TNotificationList>().notifications.length;
}

function answer(ip: TestClient, id: string, body: string, version: number) {
  return ip.put(`/api/questions/${id}/answer`, { body }, { 'if-match': `"${version}"` });
}

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('the question queue', () => {
  it('keeps drafts to the hurt partner: the involved partner gets the 404 of a question that does not exist', async () => {
    const { hp, ip, injuryId } = await coupleWithInjury();
    const q = await ask(hp, injuryId, 'Did you meet them on our anniversary?');
    expect(q).toMatchObject({ state: 'draft', mine: true, draftVersion: 1, releasedAt: null });

    expect((await list(hp, injuryId, 'draft')).questions.map((x) => x.id)).toEqual([q.id]);
    expect((await list(ip, injuryId, 'draft')).questions).toEqual([]);
    expect((await list(ip, injuryId)).questions).toEqual([]);

    const missing = '00000000-0000-4000-8000-000000000000';
    const asDraft = await ip.get(`/api/questions/${q.id}`);
    const asMissing = await ip.get(`/api/questions/${missing}`);
    expect(asDraft.statusCode).toBe(404);
    expect(asDraft.body).toBe(asMissing.body);
    const answerDraft = await answer(ip, q.id, 'Yes.', 0);
    const answerMissing = await answer(ip, missing, 'Yes.', 0);
    expect(answerDraft.statusCode).toBe(404);
    expect(answerDraft.body).toBe(answerMissing.body);
    const timeDraft = await ip.put(`/api/questions/${q.id}/time`, { until: inDays(2) });
    expect(timeDraft.statusCode).toBe(404);
    expect(timeDraft.body).toBe(answerMissing.body);

    // Writing a draft tells nobody anything.
    expect(await notificationCount(ip)).toBe(0);
    // The involved partner cannot write, release or set a pace on this injury.
    expectStatus(await ip.post('/api/questions', { injuryId, body: 'Mine?' }), 404);
    expectStatus(await ip.post('/api/questions/release', { ids: [q.id] }), 404);
    expectStatus(await ip.get(`/api/questions/pace/${injuryId}`), 404);
    const overview = (await ip.get('/api/questions')).json<TQuestionsOverview>();
    expect(overview.injuries).toEqual([
      expect.objectContaining({ id: injuryId, role: 'involved' }),
    ]);
    expect(overview.pace).toEqual([]);
  });

  it('releases within the pace, refuses the next with when it can go, and tells the partner', async () => {
    const { hp, ip, injuryId } = await coupleWithInjury();
    const pace = await setPace(hp, injuryId, 2);
    expect(pace).toMatchObject({ cap: 2, window: 'day', chosen: true, releasedInWindow: 0 });
    const [one, two, three] = [
      await ask(hp, injuryId, 'When did it start?'),
      await ask(hp, injuryId, 'Is it over?'),
      await ask(hp, injuryId, 'Where did you go?'),
    ];

    const tooMany = await hp.post('/api/questions/release', { ids: [one.id, two.id, three.id] });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json<{ error: { message: string } }>().error.message).toMatch(/2 or fewer/);

    const released = await hp.post('/api/questions/release', { ids: [one.id, two.id] });
    expectStatus(released, 200);
    const body = released.json<{ questions: TQuestion[]; pace: TPace }>();
    expect(body.questions.map((q) => q.state)).toEqual(['released', 'released']);
    expect(body.pace.releasedInWindow).toBe(2);
    expect(Date.parse(body.pace.nextReleaseAt!)).toBeGreaterThan(Date.now() + 23 * 3_600_000);

    const refused = await hp.post('/api/questions/release', { ids: [three.id] });
    expect(refused.statusCode).toBe(409);
    const error = refused.json<{ error: { code: string; message: string; current: TPace } }>()
      .error;
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/The next one can go in about (23|24) hours\./);
    expect(error.current.nextReleaseAt).toBe(body.pace.nextReleaseAt);

    // Released twice is refused; the draft stays a draft.
    expectStatus(await hp.post('/api/questions/release', { ids: [one.id] }), 409);
    expect((await list(hp, injuryId, 'draft')).questions.map((q) => q.id)).toEqual([three.id]);

    // The partner sees exactly the two, from their release: nothing of their life as drafts.
    const seen = (await list(ip, injuryId)).questions;
    expect(seen.map((q) => q.id).sort()).toEqual([one.id, two.id].sort());
    for (const q of seen) {
      expect(q).toMatchObject({ mine: false, createdAt: null, draftVersion: null });
      expect(q.releasedAt).toBe(body.questions[0]!.releasedAt);
    }
    // One release, one notification; the link carries ids only.
    const notes = (await ip.get('/api/notifications')).json<TNotificationList>().notifications;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'shared', link: `/questions?injury=${injuryId}` });

    // A wider pace lets the third go now.
    await setPace(hp, injuryId, 3);
    expectStatus(await hp.post('/api/questions/release', { ids: [three.id] }), 200);
  });

  it('rests with joint work: drafts can still be written, releasing and answering wait', async () => {
    const { hp, ip, injuryId } = await coupleWithInjury();
    const first = await ask(hp, injuryId, 'Who knew?');
    expectStatus(await hp.post('/api/questions/release', { ids: [first.id] }), 200);
    const lift = await holdJointWork(t, ip);
    const second = await ask(hp, injuryId, 'Did your sister know?');
    const held = await hp.post('/api/questions/release', { ids: [second.id] });
    expect(held.statusCode).toBe(409);
    expect(held.json<{ error: { code: string } }>().error.code).toBe('joint_work_paused');
    expect((await answer(ip, first.id, 'Only me.', 0)).statusCode).toBe(409);
    expect((await hp.get('/api/questions')).json<TQuestionsOverview>().jointWorkOpen).toBe(false);
    await lift();
    expectStatus(await answer(ip, first.id, 'Only me.', 0), 200);
  });

  it('keeps every answer version; of two answers from one version, one wins and the other gets 412 with it', async () => {
    const { hp, ip, injuryId } = await coupleWithInjury();
    const q = await ask(hp, injuryId, 'How long did it last?');
    expectStatus(await hp.post('/api/questions/release', { ids: [q.id] }), 200);
    const read = await ip.get(`/api/questions/${q.id}`);
    expect(read.headers.etag).toBe('"0"');

    const [x, y] = await Promise.all([
      answer(ip, q.id, 'About four months.', 0),
      answer(ip, q.id, 'Since the spring.', 0),
    ]);
    const statuses = [x.statusCode, y.statusCode].sort();
    expect(statuses).toEqual([200, 412]);
    const lost = x.statusCode === 412 ? x : y;
    const won = x.statusCode === 200 ? x : y;
    const conflict = lost.json<{ error: { code: string; current: TQuestionDetail } }>().error;
    expect(conflict.code).toBe('precondition_failed');
    expect(conflict.current.answers).toHaveLength(1);
    expect(conflict.current.answers[0]!.body).toBe(
      won.json<{ question: TQuestionDetail }>().question.latestAnswer!.body,
    );
    expect(won.headers.etag).toBe('"1"');

    // A correction is a new version with its own time.
    const corrected = await answer(ip, q.id, 'Four months, from March to June.', 1);
    expectStatus(corrected, 200);
    expect(await answer(ip, q.id, 'Stale', 1).then((r) => r.statusCode)).toBe(412);
    expectStatus(await ip.put(`/api/questions/${q.id}/answer`, { body: 'No tag' }), 428);

    const seen = (await hp.get(`/api/questions/${q.id}`)).json<{ question: TQuestionDetail }>()
      .question;
    expect(seen.answers.map((a) => a.version)).toEqual([1, 2]);
    expect(seen.answers[1]!.body).toBe('Four months, from March to June.');
    expect(seen.latestAnswer!.version).toBe(2);
    expect(Date.parse(seen.answers[1]!.createdAt)).toBeGreaterThanOrEqual(
      Date.parse(seen.answers[0]!.createdAt),
    );
    // The hurt partner is told of each answer that went in (the refused one told nobody).
    expect(await notificationCount(hp)).toBe(2);
    // Only the involved partner answers.
    expectStatus(await answer(hp, q.id, 'Me?', 2), 404);
  });

  it('lets the involved partner ask for time with a day, and the hurt partner mark an answer', async () => {
    const { hp, ip, injuryId } = await coupleWithInjury();
    const q = await ask(hp, injuryId, 'Why did you lie in May?');
    expectStatus(await hp.post('/api/questions/release', { ids: [q.id] }), 200);

    const past = await ip.put(`/api/questions/${q.id}/time`, { until: '2020-01-01' });
    expect(past.statusCode).toBe(400);
    const time = await ip.put(`/api/questions/${q.id}/time`, { until: inDays(3) });
    expectStatus(time, 200);
    const seen = (await hp.get(`/api/questions/${q.id}`)).json<{ question: TQuestionDetail }>()
      .question;
    expect(seen.needsTime?.until).toBe(inDays(3));

    // Nothing to mark before an answer.
    expect((await hp.put(`/api/questions/${q.id}/mark`, { mark: 'helped' })).statusCode).toBe(409);
    expectStatus(await answer(ip, q.id, 'I was afraid of losing you.', 0), 200);
    expectStatus(await ip.put(`/api/questions/${q.id}/mark`, { mark: 'helped' }), 404);
    const bad = await hp.put(`/api/questions/${q.id}/mark`, { mark: 'great' });
    expect(bad.statusCode).toBe(400);

    // Not on the session-prep list until marked for the therapist.
    const candidates = async (who: TestClient) =>
      (await who.get('/api/session-prep/candidates?kind=question')).json<{
        items: { id: string; parts: { key: string; text: string }[] }[];
      }>().items;
    await hp.put(`/api/questions/${q.id}/mark`, { mark: 'more' });
    expect(await candidates(hp)).toEqual([]);
    const marked = await hp.put(`/api/questions/${q.id}/mark`, { mark: 'therapist' });
    expectStatus(marked, 200);
    expect(marked.json<{ question: TQuestionDetail }>().question.mark).toMatchObject({
      mark: 'therapist',
      version: 1,
    });
    for (const who of [hp, ip]) {
      const items = await candidates(who);
      expect(items.map((i) => i.id)).toEqual([q.id]);
      expect(items[0]!.parts).toEqual([
        expect.objectContaining({ key: 'question', text: 'Why did you lie in May?' }),
        expect.objectContaining({ key: 'answer', text: 'I was afraid of losing you.' }),
      ]);
    }
  });

  it('pages an injury’s questions newest first without repeats, and refuses bad input with 400', async () => {
    const { hp, ip, injuryId } = await coupleWithInjury();
    await setPace(hp, injuryId, 20);
    const ids: string[] = [];
    for (let i = 0; i < 23; i += 1) ids.push((await ask(hp, injuryId, `Question ${i}`)).id);
    expectStatus(await hp.post('/api/questions/release', { ids: ids.slice(0, 20) }), 200);
    const first = await list(ip, injuryId);
    expect(first.questions).toHaveLength(20);
    expect(first.nextCursor).toBeNull();
    const drafts = await list(hp, injuryId, 'draft');
    expect(drafts.questions).toHaveLength(3);

    // 23 drafts, two pages of 20 and 3.
    const { hp: hp2, injuryId: other } = await coupleWithInjury();
    for (let i = 0; i < 23; i += 1) await ask(hp2, other, `Draft ${i}`);
    const page1 = await list(hp2, other, 'draft');
    const page2 = await list(hp2, other, 'draft', page1.nextCursor!);
    expect(page1.questions).toHaveLength(20);
    expect(page2.questions).toHaveLength(3);
    expect(page2.nextCursor).toBeNull();
    const all = [...page1.questions, ...page2.questions].map((q) => q.body);
    expect(new Set(all).size).toBe(23);
    expect(all[0]).toBe('Draft 22');

    const field = async (response: Promise<{ statusCode: number; body: string }>) => {
      const r = await response;
      expect(r.statusCode, r.body).toBe(400);
      return JSON.parse(r.body) as { error: { fields?: Record<string, string> } };
    };
    await field(hp.post('/api/questions', { injuryId, body: '   ' }));
    await field(hp.post('/api/questions', { injuryId, body: 'x'.repeat(1001) }));
    await field(hp.post('/api/questions', { injuryId: 'nope', body: 'Fine' }));
    await field(
      hp.put(`/api/questions/pace/${injuryId}`, { cap: 0, window: 'day', selfCheck: true }),
    );
    await field(
      hp.put(`/api/questions/pace/${injuryId}`, { cap: 2, window: 'month', selfCheck: true }),
    );
    await field(hp.post('/api/questions/release', { ids: [] }));
    await field(hp.post('/api/questions/release', { ids: [ids[20], ids[20]] }));
    await field(hp.get(`/api/questions/list?injuryId=${injuryId}&cursor=abc`));
    await field(ip.put(`/api/questions/${ids[0]}/time`, { until: inDays(90) }));
    await field(ip.put(`/api/questions/${ids[0]}/answer`, { body: '' }, { 'if-match': '"0"' }));
  });

  it('keeps a released question as it was, and drafts editable with If-Match', async () => {
    const { hp, injuryId } = await coupleWithInjury();
    const q = await ask(hp, injuryId, 'First words');
    const edited = await hp.put(
      `/api/questions/${q.id}`,
      { body: 'Better words' },
      { 'if-match': '"1"' },
    );
    expectStatus(edited, 200);
    expect(edited.headers.etag).toBe('"2"');
    const stale = await hp.put(
      `/api/questions/${q.id}`,
      { body: 'Old tab' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ error: { current: TQuestionDetail } }>().error.current.body).toBe(
      'Better words',
    );
    expectStatus(await hp.post('/api/questions/release', { ids: [q.id] }), 200);
    const late = await hp.put(`/api/questions/${q.id}`, { body: 'Changed' }, { 'if-match': '"2"' });
    expect(late.statusCode).toBe(409);
    expect((await hp.delete(`/api/questions/${q.id}`)).statusCode).toBe(409);
    const gone = await ask(hp, injuryId, 'Never mind');
    expectStatus(await hp.delete(`/api/questions/${gone.id}`), 200);
    expectStatus(await hp.get(`/api/questions/${gone.id}`), 404);
  });

  it('releases only when the partner has confirmed the injury', async () => {
    const { a: hp } = await createCouple(t, ['Lee', 'Jo']);
    const named = await hp.post('/api/injuries', {
      kind: 'lies',
      cameToLight: '2026-02',
      myRole: 'hurt',
    });
    const injuryId = named.json<{ injury: { id: string } }>().injury.id;
    const q = await ask(hp, injuryId, 'Waiting for you to confirm');
    const refused = await hp.post('/api/questions/release', { ids: [q.id] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/confirmed/);
  });
});
