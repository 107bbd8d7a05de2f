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
import { COMMENT_BODY_MAX, COMMENT_THREAD_PAGE } from '#shared/schemas/comments.ts';
import { executeErasure } from '#server/features/my-data/erasure.ts';
import { FEATURES } from '#server/manifests.ts';
import { TEST_PASSWORD } from '../helpers/test-app';
import { readZip } from '../helpers/zip';
import type { TAccessLogPage } from '#shared/schemas/access-log.ts';
import type { TComment, TCommentsResponse } from '#shared/schemas/comments.ts';

/**
 * Comments on shared items (issue 12): who reads and writes them follows the item, on both
 * engines; threads, quotes, edits, withdrawal, "Notify me of", limits, 412s and parallel posts.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Person = TestClient & { userId: string };

let dayCounter = 0;
/** A check-in by `author` with `note`, shared with the partner unless `share` is false. */
async function checkin(author: Person, note: string, share = true): Promise<string> {
  dayCounter += 1;
  const day = new Date(Date.UTC(2026, 0, 1 + dayCounter)).toISOString().slice(0, 10);
  const written = await author.put(`/api/checkins/mine/${day}`, {
    feelings: ['hurt'],
    intensity: 3,
    pain: 4,
    note,
  });
  expectStatus(written, 201);
  const id = written.json<{ checkin: { id: string } }>().checkin.id;
  if (share) expectStatus(await author.post(`/api/checkins/${id}/share`), 200);
  return id;
}

const list = (c: TestClient, itemId: string, kind = 'checkin', cursor?: string) =>
  c.get(`/api/comments?kind=${kind}&itemId=${itemId}${cursor ? `&cursor=${cursor}` : ''}`);

async function threads(c: TestClient, itemId: string, kind = 'checkin') {
  const response = await list(c, itemId, kind);
  expectStatus(response, 200);
  return response.json<TCommentsResponse>();
}

async function post(c: TestClient, body: Record<string, unknown>): Promise<TComment> {
  const response = await c.post('/api/comments', { kind: 'checkin', ...body });
  expectStatus(response, 201);
  return response.json<{ comment: TComment }>().comment;
}

describe('who reads and writes comments follows the item', () => {
  it('lets the partner it is shared with and its author comment, and nobody else', async () => {
    const { a, b } = await createCouple(t, ['Alex', 'Sam']);
    const stranger = await t.signUp('Stranger');
    const id = await checkin(a, 'I felt far away today.');

    const fromB = await post(b, { itemId: id, body: 'Thank you for telling me.' });
    expect(fromB).toMatchObject({ mine: true, authorName: 'Sam', authorRole: 'partner' });
    const reply = await post(a, { itemId: id, body: 'It helps to hear.', parentId: fromB.id });
    expect(reply.parentId).toBe(fromB.id);

    const seenByA = await threads(a, id);
    expect(seenByA.threads).toHaveLength(1);
    expect(seenByA.threads[0]!.mine).toBe(false);
    expect(seenByA.threads[0]!.replies.map((r) => r.body)).toEqual(['It helps to hear.']);

    // A stranger, and the same 404 for an item that does not exist.
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [who, item] of [
      [stranger, id],
      [a, missing],
    ] as const) {
      const read = await list(who, item);
      expect(read.statusCode).toBe(404);
      expect(read.json()).toEqual((await list(stranger, missing)).json());
      expect(
        (await who.post('/api/comments', { kind: 'checkin', itemId: item, body: 'x' })).statusCode,
      ).toBe(404);
    }
    // A private item: its author may write notes on it; the partner cannot reach it at all.
    const hidden = await checkin(a, 'Only for me.', false);
    expect((await list(b, hidden)).statusCode).toBe(404);
    await post(a, { itemId: hidden, body: 'A note to myself.' });
    expect((await list(b, hidden)).statusCode).toBe(404);
  });

  it('hides the thread from the partner when the item is narrowed, and brings it back', async () => {
    const { a, b } = await createCouple(t);
    const id = await checkin(a, 'A hard morning.');
    await post(b, { itemId: id, body: 'I am here.' });
    expectStatus(await a.post(`/api/checkins/${id}/private`), 200);
    expect((await list(b, id)).statusCode).toBe(404);
    expect(
      (await b.post('/api/comments', { kind: 'checkin', itemId: id, body: 'x' })).statusCode,
    ).toBe(404);
    // The author still reads what was said.
    expect((await threads(a, id)).threads.map((c) => c.body)).toEqual(['I am here.']);
    // A note written while private never reaches the partner, even after sharing again.
    await post(a, { itemId: id, body: 'Private thought.' });
    expectStatus(await a.post(`/api/checkins/${id}/share`), 200);
    const back = await threads(b, id);
    expect(back.threads.map((c) => c.body)).toEqual(['I am here.']);
  });

  it('lets a therapist the item is shared with comment, with written-for audiences kept', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const id = await checkin(a, 'Therapist only for now.', false);
    expect((await list(therapist, id)).statusCode).toBe(404);
    expectStatus(await a.put(`/api/checkins/${id}/therapist`, { shared: true }), 200);
    const fromT = await post(therapist, { itemId: id, body: 'Shall we talk about this?' });
    expect(fromT.authorRole).toBe('therapist');
    // Now the partner is told as well; the earlier exchange was not written for them.
    expectStatus(await a.post(`/api/checkins/${id}/share`), 200);
    expect((await threads(b, id)).threads).toEqual([]);
    // Separate conversations: the partner's words stay with the couple, the therapist's with the
    // author, so the partner never learns the item is shared with the therapist.
    await post(b, { itemId: id, body: 'Between the two of us.' });
    const fromA = await post(a, { itemId: id, body: 'To both of you.' });
    expect((await threads(therapist, id)).threads.map((c) => c.body)).toEqual([
      'To both of you.',
      'Shall we talk about this?',
    ]);
    expect((await threads(b, id)).threads.map((c) => c.body)).toEqual([
      'To both of you.',
      'Between the two of us.',
    ]);
    expect((await threads(a, id)).threads).toHaveLength(3);
    // A therapist's reply under the author's comment stays out of the partner's view.
    await post(therapist, { itemId: id, body: 'Thank you.', parentId: fromA.id });
    expect((await threads(b, id)).threads[0]!.replies).toEqual([]);
    expect((await threads(a, id)).threads[0]!.replies.map((r) => r.body)).toEqual(['Thank you.']);
    // The therapist read the thread once, and the author's access log says they opened the item.
    const log = (await a.get('/api/access-log')).json<TAccessLogPage>().entries;
    expect(log.map((e) => e.itemKind)).toEqual(['checkin']);
    // The therapist share ends: the therapist reaches nothing.
    expectStatus(await a.put(`/api/checkins/${id}/therapist`, { shared: false }), 200);
    expect((await list(therapist, id)).statusCode).toBe(404);
  });

  it('carries comments on the co-authored trigger plan for both members only', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const saved = await a.put(
      '/api/triggers/plan',
      {
        sections: {
          signs: 'Going quiet',
          signal: 'Pause',
          response: '',
          timeOut: '',
          afterwards: '',
        },
      },
      { 'if-match': '"0"' },
    );
    expectStatus(saved, 200);
    const planId = saved.json<{ plan: { id: string } }>().plan.id;
    const c = await b.post('/api/comments', {
      kind: 'trigger-plan',
      itemId: planId,
      body: 'Good first step.',
      quote: { text: 'Going quiet' },
    });
    expectStatus(c, 201);
    expect(c.json<{ comment: TComment }>().comment.quote).toMatchObject({
      part: 'signs',
      start: 0,
      end: 11,
      changed: false,
    });
    expect((await threads(a, planId, 'trigger-plan')).threads).toHaveLength(1);
    expect((await list(therapist, planId, 'trigger-plan')).statusCode).toBe(404);
  });
});

describe('every kind that carries comments', () => {
  it('takes comments on a shared letter, a sent reflection and a shared weekly result', async () => {
    const { a, b } = await createCouple(t, ['Lee', 'Max']);
    const started = await a.post('/api/impact-letter/letters', { replacing: null });
    expectStatus(started, 201);
    let letter = started.json<{ id: string; version: number }>();
    const saved = await a.put(
      `/api/impact-letter/letters/${letter.id}`,
      { whatHappened: 'The evening I found out.', howItAffectedMe: 'Sleep.', whatINeedNow: '' },
      { 'if-match': `"${letter.version}"` },
    );
    expectStatus(saved, 200);
    letter = saved.json<{ id: string; version: number }>();
    // Before it is shared the partner cannot reach it, nor its comments.
    const early = await b.post('/api/comments', { kind: 'letter', itemId: letter.id, body: 'x' });
    expect(early.statusCode).toBe(404);
    expectStatus(
      await a.post(
        `/api/impact-letter/letters/${letter.id}/share`,
        {},
        { 'if-match': `"${letter.version}"` },
      ),
      200,
    );
    const onLetter = await b.post('/api/comments', {
      kind: 'letter',
      itemId: letter.id,
      body: 'I read every word.',
      quote: { text: 'The evening I found out.' },
    });
    expectStatus(onLetter, 201);
    expect(onLetter.json<{ comment: TComment }>().comment.quote?.part).toBe('whatHappened');

    const drafted = await b.post(`/api/impact-letter/letters/${letter.id}/reflections`, {
      paraphrase: 'You found out one evening.',
      acknowledgement: 'And you have not slept since.',
    });
    expectStatus(drafted, 201);
    const reflection = drafted.json<{ id: string; version: number }>();
    // A draft reflection is its writer's alone: the letter's author cannot reach it yet.
    const draftComment = await a.post('/api/comments', {
      kind: 'letter_reflection',
      itemId: reflection.id,
      body: 'x',
    });
    expect(draftComment.statusCode).toBe(404);
    expectStatus(
      await b.post(
        `/api/impact-letter/reflections/${reflection.id}/send`,
        {},
        { 'if-match': `"${reflection.version}"` },
      ),
      200,
    );
    expectStatus(
      await a.post('/api/comments', {
        kind: 'letter_reflection',
        itemId: reflection.id,
        body: 'Yes, that is it.',
      }),
      201,
    );
    expect((await threads(b, reflection.id, 'letter_reflection')).threads).toHaveLength(1);

    const measured = await a.post('/api/measures/responses', {
      measureId: 'trust-and-safety',
      measureVersion: 1,
      answers: { honest: 3, hope: 2 },
    });
    expectStatus(measured, 201);
    const measureId = measured.json<{ response: { id: string } }>().response.id;
    expect((await list(b, measureId, 'measure')).statusCode).toBe(404);
    expectStatus(
      await a.post(`/api/measures/responses/${measureId}/visibility`, { visibility: 'partner' }),
      200,
    );
    expectStatus(
      await b.post('/api/comments', { kind: 'measure', itemId: measureId, body: 'Thank you.' }),
      201,
    );
    expect((await threads(a, measureId, 'measure')).threads).toHaveLength(1);
  });
});

describe('threads, quotes, edits and withdrawal', () => {
  it('anchors a quote to the version it was made on and says when the text changed', async () => {
    const { a, b } = await createCouple(t);
    const id = await checkin(a, 'The drive home was the worst part.');
    const quoted = await post(b, {
      itemId: id,
      body: 'I did not know that.',
      quote: { text: 'drive home', part: 'note' },
    });
    expect(quoted.quote).toEqual({
      part: 'note',
      start: 4,
      end: 14,
      text: 'drive home',
      changed: false,
    });
    // Words not in the item, or not at the given place, are a clear 400.
    for (const quote of [{ text: 'not there' }, { text: 'drive home', start: 0 }]) {
      const bad = await b.post('/api/comments', { kind: 'checkin', itemId: id, body: 'x', quote });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({
        error: {
          code: 'validation_failed',
          fields: { 'body.quote.text': expect.any(String) as string },
        },
      });
    }
    // The author edits the check-in: the quote keeps its words and says the text has changed.
    const day = (await a.get(`/api/checkins/${id}`)).json<{ checkin: { day: string } }>().checkin
      .day;
    expectStatus(
      await a.put(
        `/api/checkins/mine/${day}`,
        { feelings: ['hurt'], intensity: 3, pain: 4, note: 'Changed.' },
        { 'if-match': '"1"' },
      ),
      200,
    );
    const after = await threads(b, id);
    expect(after.threads[0]!.quote).toMatchObject({ text: 'drive home', changed: true });
  });

  it('keeps earlier wordings, answers 412 to a stale edit and 404 to anyone else', async () => {
    const { a, b } = await createCouple(t);
    const id = await checkin(a, 'Tired.');
    const mine = await post(b, { itemId: id, body: 'First words.' });
    expect((await b.patch(`/api/comments/${mine.id}`, { body: 'No version' })).statusCode).toBe(
      428,
    );
    const edited = await b.patch(
      `/api/comments/${mine.id}`,
      { body: 'Second words.' },
      { 'if-match': '"1"' },
    );
    expectStatus(edited, 200);
    expect(edited.json<{ comment: TComment }>().comment).toMatchObject({
      body: 'Second words.',
      version: 2,
      editedAt: expect.any(String) as string,
    });
    const stale = await b.patch(
      `/api/comments/${mine.id}`,
      { body: 'Third words.' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({
      error: { code: 'precondition_failed', current: { comment: { body: 'Second words.' } } },
    });
    const wordings = await a.get(`/api/comments/${mine.id}/wordings`);
    expectStatus(wordings, 200);
    expect(wordings.json()).toMatchObject({ wordings: [{ version: 1, body: 'First words.' }] });

    // Someone else's comment: edit and withdraw are the same 404 as a missing one.
    const notMine = await a.patch(`/api/comments/${mine.id}`, { body: 'x' }, { 'if-match': '"2"' });
    expect(notMine.statusCode).toBe(404);
    expect((await a.post(`/api/comments/${mine.id}/withdraw`)).statusCode).toBe(404);

    const withdrawn = await b.post(`/api/comments/${mine.id}/withdraw`);
    expectStatus(withdrawn, 200);
    expect(withdrawn.json<{ comment: TComment }>().comment).toMatchObject({
      body: null,
      withdrawn: true,
    });
    expect((await a.get(`/api/comments/${mine.id}/wordings`)).json()).toEqual({ wordings: [] });
    expect(JSON.stringify(await threads(a, id))).not.toContain('words.');
    // A withdrawn comment cannot be edited or withdrawn again.
    expect(
      (await b.patch(`/api/comments/${mine.id}`, { body: 'x' }, { 'if-match': '"2"' })).statusCode,
    ).toBe(404);
  });

  it('pages threads newest first with one thread per comment and its replies', async () => {
    const { a, b } = await createCouple(t);
    const id = await checkin(a, 'Many thoughts.');
    for (let i = 0; i < COMMENT_THREAD_PAGE + 2; i += 1) {
      await post(i % 2 ? a : b, { itemId: id, body: `Thought ${i}` });
    }
    const first = await threads(b, id);
    expect(first.threads).toHaveLength(COMMENT_THREAD_PAGE);
    expect(first.threads[0]!.body).toBe(`Thought ${COMMENT_THREAD_PAGE + 1}`);
    expect(first.nextCursor).not.toBeNull();
    const second = (await list(b, id, 'checkin', first.nextCursor!)).json<TCommentsResponse>();
    expect(second.threads.map((c) => c.body)).toEqual(['Thought 1', 'Thought 0']);
    expect(second.nextCursor).toBeNull();
    expect((await list(b, id, 'checkin', 'bad-cursor')).statusCode).toBe(400);
  });
});

describe('bad input, joint work, concurrency', () => {
  it('answers limits with clear 400s in our error shape', async () => {
    const { a, b } = await createCouple(t);
    const id = await checkin(a, 'Limits.');
    const cases: Record<string, unknown>[] = [
      { itemId: id, body: '' },
      { itemId: id, body: 'x'.repeat(COMMENT_BODY_MAX + 1) },
      { itemId: id, body: 'nul \u0000 here' },
      { itemId: id, body: 'ok', quote: { text: '' } },
      { itemId: id, body: 'ok', quote: { text: 'x'.repeat(1001) } },
      { itemId: id, body: 'ok', quote: { text: 'Limits', start: -1 } },
      { itemId: 'not-an-id', body: 'ok' },
      { itemId: id, body: 'ok', kind: 'diary' },
    ];
    for (const body of cases) {
      const response = await b.post('/api/comments', { kind: 'checkin', ...body });
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.json()).toMatchObject({
        error: { code: 'validation_failed', message: expect.any(String) as string },
      });
    }
    expect(
      (await b.put('/api/comments/watch', { kind: 'checkin', itemId: id, mode: 'loud' }))
        .statusCode,
    ).toBe(400);
  });

  it('holds comments for the partner while joint work rests, never withdrawal', async () => {
    const { a, b } = await createCouple(t);
    const id = await checkin(a, 'Resting.');
    const before = await post(b, { itemId: id, body: 'Before the rest.' });
    const lift = await holdJointWork(t, a);
    const held = await b.post('/api/comments', { kind: 'checkin', itemId: id, body: 'During.' });
    expect(held.statusCode).toBe(409);
    expect(held.json()).toMatchObject({ error: { code: 'joint_work_paused' } });
    expectStatus(await b.post(`/api/comments/${before.id}/withdraw`), 200);
    await lift();
    await post(b, { itemId: id, body: 'After.' });
  });

  it('loses none of many comments posted at once by both partners', async () => {
    const { a, b } = await createCouple(t);
    const id = await checkin(a, 'Together.');
    const root = await post(a, { itemId: id, body: 'Start here.' });
    const writes = Array.from({ length: 8 }, (_, i) =>
      (i % 2 ? a : b).post('/api/comments', {
        kind: 'checkin',
        itemId: id,
        body: `Parallel ${i}`,
        ...(i % 3 === 0 ? { parentId: root.id } : {}),
      }),
    );
    const results = await Promise.all(writes);
    for (const r of results) expectStatus(r, 201);
    const seen = await threads(b, id);
    const bodies = seen.threads.flatMap((th) => [th.body, ...th.replies.map((r) => r.body)]);
    for (let i = 0; i < 8; i += 1) expect(bodies).toContain(`Parallel ${i}`);
    expect(bodies).toHaveLength(9);
  });

  it('stores "Notify me of" per item for the person who may see it', async () => {
    const { a, b } = await createCouple(t);
    const stranger = await t.signUp('Outsider');
    const id = await checkin(a, 'Notify.');
    expect((await threads(b, id)).watch).toEqual({ mode: 'all', isDefault: true });
    const set = await b.put('/api/comments/watch', {
      kind: 'checkin',
      itemId: id,
      mode: 'replies',
    });
    expectStatus(set, 200);
    expect((await threads(b, id)).watch).toEqual({ mode: 'replies', isDefault: false });
    expect((await threads(a, id)).watch.isDefault).toBe(true);
    expect(
      (await stranger.put('/api/comments/watch', { kind: 'checkin', itemId: id, mode: 'none' }))
        .statusCode,
    ).toBe(404);
  });

  it('tells people as their "Notify me of" says, with neither words nor names of others', async () => {
    const { a, b } = await createCouple(t, ['Robin', 'Kit']);
    const id = await checkin(a, 'Notify words.');
    const kinds = async (c: TestClient) =>
      (await c.get('/api/notifications'))
        .json<{ notifications: { kind: string; link: string }[] }>()
        .notifications.filter((n) => n.kind === 'comment' || n.kind === 'reply');
    // Default: every new comment.
    const fromB = await post(b, { itemId: id, body: 'Secret words one.' });
    expect((await kinds(a)).map((n) => n.kind)).toEqual(['comment']);
    expect((await kinds(a))[0]!.link).toBe(`/checkins#comments-${id}`);
    // Only replies to me: a new thread tells B nothing, a reply to B's comment does.
    expectStatus(
      await b.put('/api/comments/watch', { kind: 'checkin', itemId: id, mode: 'replies' }),
      200,
    );
    await post(a, { itemId: id, body: 'Secret words two.' });
    expect(await kinds(b)).toEqual([]);
    await post(a, { itemId: id, body: 'Secret words three.', parentId: fromB.id });
    expect((await kinds(b)).map((n) => n.kind)).toEqual(['reply']);
    // Nothing: not even a reply.
    expectStatus(
      await b.put('/api/comments/watch', { kind: 'checkin', itemId: id, mode: 'none' }),
      200,
    );
    await post(a, { itemId: id, body: 'Secret words four.', parentId: fromB.id });
    expect(await kinds(b)).toHaveLength(1);
    // A comment on a private item tells nobody.
    const hidden = await checkin(a, 'Private words.', false);
    await post(a, { itemId: hidden, body: 'Secret words five.' });
    const all = JSON.stringify((await b.get('/api/notifications')).json());
    expect(all).not.toContain('Secret words');
    expect(all).not.toContain(hidden);
  });
});

describe('my data', () => {
  it('exports my own comments and earlier wordings, never a quote or anyone else’s words', async () => {
    const { a, b } = await createCouple(t, ['Ava', 'Bea']);
    const id = await checkin(a, 'AVA-ITEM-WORDS shared.');
    const mine = await post(b, {
      itemId: id,
      body: 'BEA-FIRST-WORDING',
      quote: { text: 'AVA-ITEM-WORDS' },
    });
    expectStatus(
      await b.patch(`/api/comments/${mine.id}`, { body: 'BEA-SECOND' }, { 'if-match': '"1"' }),
      200,
    );
    await post(a, { itemId: id, body: 'AVA-COMMENT' });
    // Narrowed: the quote's words are Ava's and no longer Bea's to read, so not in her copy.
    expectStatus(await a.post(`/api/checkins/${id}/private`), 200);
    expectStatus(
      await b.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD }),
      200,
    );
    const response = await b.get('/api/my-data/export');
    expectStatus(response, 200);
    const json = readZip(response.rawPayload).get('my-data.json')!.toString('utf8');
    expect(json).toContain('BEA-SECOND');
    expect(json).toContain('BEA-FIRST-WORDING');
    expect(json).not.toContain('AVA-COMMENT');
    expect(json).not.toContain('AVA-ITEM-WORDS');
  });

  it('erasing a writer keeps the replies others wrote in their threads', async () => {
    const { a, b } = await createCouple(t, ['Leaves', 'Remains']);
    const id = await checkin(b, 'Remains shares.');
    const root = await post(a, { itemId: id, body: 'From the one who leaves.' });
    await post(b, { itemId: id, body: 'A reply that stays.', parentId: root.id });
    expectStatus(
      await a.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD }),
      200,
    );
    expectStatus(await a.post('/api/my-data/erasure'), 201);
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await executeErasure(t.database.db, a.userId, FEATURES, later)).toEqual({
      email: a.email,
    });
    const left = await threads(b, id);
    expect(left.threads.map((c) => c.body)).toEqual(['A reply that stays.']);
  });
});
