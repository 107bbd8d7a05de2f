import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages, therapistApprovals, therapistLinks } from '#server/db/schema/index.ts';
import { NOT_FOUND_MESSAGE } from '#shared/errors.ts';
import { MESSAGE_BODY_MAX, MESSAGE_PAGE_SIZE } from '#shared/schemas/messages.ts';
import {
  createCouple,
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

interface Message {
  id: string;
  mine: boolean;
  authorName: string;
  authorRole: 'therapist' | 'partner';
  at: string;
  body: string;
}
interface Thread {
  messages: Message[];
  olderCursor: string | null;
}
interface Conversation {
  linkId: string;
  therapistName: string;
  practiceName: string;
  state: 'active' | 'waiting' | 'ended';
  couple: Thread;
  mine: Thread;
}
interface TherapistView {
  linkId: string;
  partners: { id: string; name: string }[];
  couple: Thread;
  private: { partnerId: string; partnerName: string; thread: Thread }[];
}

async function conversations(who: TestClient): Promise<Conversation[]> {
  const response = await who.get('/api/messages');
  expectStatus(response, 200);
  return response.json<{ conversations: Conversation[] }>().conversations;
}

async function write(
  who: TestClient,
  linkId: string,
  thread: 'couple' | 'private',
  body: string,
): Promise<Message> {
  const response = await who.post('/api/messages', { linkId, thread, body });
  expectStatus(response, 201);
  return response.json<{ message: Message }>().message;
}

async function therapistWrite(
  who: TestClient,
  linkId: string,
  body: { thread: 'couple' | 'private'; partnerId?: string; body: string },
): Promise<Message> {
  const response = await who.post(`/api/messages/couples/${linkId}`, body);
  expectStatus(response, 201);
  return response.json<{ message: Message }>().message;
}

async function therapistView(who: TestClient, linkId: string): Promise<TherapistView> {
  const response = await who.get(`/api/messages/couples/${linkId}`);
  expectStatus(response, 200);
  return response.json<TherapistView>();
}

const bodies = (thread: Thread) => thread.messages.map((m) => m.body);

describe('who reads which thread', () => {
  it('the couple thread is read by all three; a private thread by its partner and the therapist only', async () => {
    const { a, b } = await createCouple(t, ['Alex', 'Sam']);
    const therapist = await linkTherapist(t, { a, b }, 'active', 'Dr Rivera');
    const { linkId } = therapist;

    await write(a, linkId, 'couple', 'Hello to you both.');
    await write(a, linkId, 'private', 'Something only for the therapist.');
    await therapistWrite(therapist, linkId, { thread: 'couple', body: 'Welcome, both of you.' });
    await therapistWrite(therapist, linkId, {
      thread: 'private',
      partnerId: a.userId,
      body: 'Thank you for telling me.',
    });
    await write(b, linkId, 'private', 'Sam’s own private note.');

    const [alexView] = await conversations(a);
    expect(alexView).toMatchObject({
      linkId,
      therapistName: 'Dr Rivera',
      practiceName: 'Harbour Counselling',
      state: 'active',
    });
    expect(bodies(alexView!.couple)).toEqual(['Hello to you both.', 'Welcome, both of you.']);
    expect(bodies(alexView!.mine)).toEqual([
      'Something only for the therapist.',
      'Thank you for telling me.',
    ]);
    expect(alexView!.mine.messages.map((m) => [m.mine, m.authorRole])).toEqual([
      [true, 'partner'],
      [false, 'therapist'],
    ]);

    const [samView] = await conversations(b);
    expect(bodies(samView!.couple)).toEqual(['Hello to you both.', 'Welcome, both of you.']);
    expect(bodies(samView!.mine)).toEqual(['Sam’s own private note.']);
    expect(JSON.stringify(samView)).not.toContain('only for the therapist');
    expect(JSON.stringify(samView)).not.toContain('Thank you for telling me');

    const view = await therapistView(therapist, linkId);
    expect(view.partners.map((p) => p.name)).toEqual(['Alex', 'Sam']);
    expect(bodies(view.couple)).toEqual(['Hello to you both.', 'Welcome, both of you.']);
    expect(view.private.map((p) => [p.partnerName, bodies(p.thread)])).toEqual([
      ['Alex', ['Something only for the therapist.', 'Thank you for telling me.']],
      ['Sam', ['Sam’s own private note.']],
    ]);
    expect(view.couple.messages.find((m) => m.body === 'Welcome, both of you.')).toMatchObject({
      mine: true,
      authorRole: 'therapist',
      authorName: 'Dr Rivera',
    });
  });

  it('the other partner cannot tell that a private thread exists: their answers are identical', async () => {
    const { a, b } = await createCouple(t, ['Alex', 'Sam']);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const { linkId } = therapist;
    await write(b, linkId, 'couple', 'A shared word.');

    const samBefore = await b.get('/api/messages');
    const olderBefore = await b.get(
      `/api/messages/older?linkId=${linkId}&thread=private&before=${cursorFor(new Date(), linkId)}`,
    );

    await write(a, linkId, 'private', 'Alex alone with the therapist.');
    await therapistWrite(therapist, linkId, {
      thread: 'private',
      partnerId: a.userId,
      body: 'Replying to Alex only.',
    });

    const samAfter = await b.get('/api/messages');
    const olderAfter = await b.get(
      `/api/messages/older?linkId=${linkId}&thread=private&before=${cursorFor(new Date(), linkId)}`,
    );
    expect(samAfter.statusCode).toBe(200);
    expect(samAfter.body).toBe(samBefore.body);
    expect(olderAfter.statusCode).toBe(200);
    expect(olderAfter.body).toBe(olderBefore.body);

    // Asking for Alex's private thread by name finds nothing, exactly like a made-up partner.
    const named = await b.get(
      `/api/messages/older?linkId=${linkId}&thread=private&partnerId=${a.userId}&before=${cursorFor(new Date(), linkId)}`,
    );
    const madeUp = await b.get(
      `/api/messages/older?linkId=${linkId}&thread=private&partnerId=${crypto.randomUUID()}&before=${cursorFor(new Date(), linkId)}`,
    );
    expect(named.statusCode).toBe(404);
    expect(named.body).toBe(madeUp.body);
  });

  it('a partner cannot write into the other partner’s private thread', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    // "private" always means my own thread; there is no way to name another.
    const written = await b.post('/api/messages', {
      linkId: therapist.linkId,
      thread: 'private',
      partnerId: a.userId,
      body: 'Trying to write into Alex’s thread.',
    });
    expectStatus(written, 201);
    const view = await therapistView(therapist, therapist.linkId);
    const alex = view.private.find((p) => p.partnerId === a.userId)!;
    const sam = view.private.find((p) => p.partnerId === b.userId)!;
    expect(alex.thread.messages).toEqual([]);
    expect(bodies(sam.thread)).toEqual(['Trying to write into Alex’s thread.']);
  });
});

/** A page position just after `at`, as the server writes them (for reading the newest page). */
function cursorFor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

describe('therapists who are not active with the couple', () => {
  it('pending, ended and other-couple therapists get 404 on every route, with nothing inside', async () => {
    const { a, b } = await createCouple(t);
    const active = await linkTherapist(t, { a, b }, 'active', 'Active');
    await write(a, active.linkId, 'couple', 'Our thread.');
    const pending = await linkTherapist(t, { a, b }, 'pending', 'Pending');
    const revoked = await linkTherapist(t, { a, b }, 'revoked', 'Revoked');
    const other = await createCouple(t, ['Other', 'Couple']);
    const elsewhere = await linkTherapist(t, other, 'active', 'Elsewhere');

    const cases: [TestClient, string][] = [
      [pending, pending.linkId],
      [revoked, revoked.linkId],
      [elsewhere, active.linkId],
      [pending, active.linkId],
    ];
    for (const [who, linkId] of cases) {
      const read = await who.get(`/api/messages/couples/${linkId}`);
      const wrote = await who.post(`/api/messages/couples/${linkId}`, {
        thread: 'couple',
        body: 'Hello?',
      });
      const older = await who.get(
        `/api/messages/older?linkId=${linkId}&thread=couple&before=${cursorFor(new Date(), linkId)}`,
      );
      for (const response of [read, wrote, older]) {
        expect(response.statusCode).toBe(404);
        expect(response.json()).toEqual({
          error: { code: 'not_found', message: NOT_FOUND_MESSAGE },
        });
      }
    }
    // A therapist has no space: the partner routes answer 404 too.
    expect((await active.get('/api/messages')).statusCode).toBe(404);
    // Nothing was written by any of them.
    const rows = await t.database.db
      .select({ id: messages.id })
      .from(messages)
      .where(eq(messages.linkId, active.linkId));
    expect(rows).toHaveLength(1);
  });

  it('a therapist’s private message must go to a current partner of that couple', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const stranger = await t.signUp('Stranger');
    const wrong = await therapist.post(`/api/messages/couples/${therapist.linkId}`, {
      thread: 'private',
      partnerId: stranger.userId,
      body: 'For someone else.',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      error: { code: 'validation_failed', fields: { partnerId: expect.any(String) as string } },
    });
    const missing = await therapist.post(`/api/messages/couples/${therapist.linkId}`, {
      thread: 'private',
      body: 'For whom?',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      error: { fields: { partnerId: 'Choose which partner this private message is for.' } },
    });
  });
});

describe('when the link is not active', () => {
  it('after a partner ends it: partners keep reading, nobody writes, the therapist reads nothing', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const { linkId } = therapist;
    await write(a, linkId, 'couple', 'Before the end.');
    await write(a, linkId, 'private', 'My private history.');
    await t.database.db
      .update(therapistLinks)
      .set({ revokedAt: new Date(), revokedBy: b.userId })
      .where(eq(therapistLinks.id, linkId));

    for (const who of [a, b]) {
      const refused = await who.post('/api/messages', {
        linkId,
        thread: 'couple',
        body: 'After the end.',
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toEqual({
        error: {
          code: 'messages_closed',
          message: expect.stringContaining('has ended') as string,
        },
      });
    }
    const [alexView] = await conversations(a);
    expect(alexView).toMatchObject({ linkId, state: 'ended' });
    expect(bodies(alexView!.couple)).toEqual(['Before the end.']);
    expect(bodies(alexView!.mine)).toEqual(['My private history.']);
    expect((await therapist.get(`/api/messages/couples/${linkId}`)).statusCode).toBe(404);
    const late = await therapist.post(`/api/messages/couples/${linkId}`, {
      thread: 'couple',
      body: 'Are you there?',
    });
    expect(late.statusCode).toBe(404);
  });

  it('while waiting for approval: a clear 409 for the couple, and a 404 for a link not theirs', async () => {
    const { a, b } = await createCouple(t);
    const pending = await linkTherapist(t, { a, b }, 'pending');
    const refused = await a.post('/api/messages', {
      linkId: pending.linkId,
      thread: 'private',
      body: 'Hello early.',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(
      /both of you have approved/,
    );
    const [view] = await conversations(a);
    expect(view).toMatchObject({ linkId: pending.linkId, state: 'waiting' });

    const other = await createCouple(t, ['Other', 'Couple']);
    const theirs = await linkTherapist(t, other, 'active');
    const notMine = await a.post('/api/messages', {
      linkId: theirs.linkId,
      thread: 'couple',
      body: 'Wrong door.',
    });
    const unknown = await a.post('/api/messages', {
      linkId: crypto.randomUUID(),
      thread: 'couple',
      body: 'No door.',
    });
    expect(notMine.statusCode).toBe(404);
    expect(notMine.body).toBe(unknown.body);
    expect(JSON.stringify(await conversations(a))).not.toContain(theirs.linkId);
  });

  it('a partner who joins later does not read the couple thread from before they joined', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    await write(a, therapist.linkId, 'couple', 'Said with the earlier partner.');
    await write(b, therapist.linkId, 'private', 'The earlier partner’s private words.');
    expectStatus(await b.post('/api/space/leave'), 200);
    const newcomer = await t.signUp('Newcomer');
    const { token } = (await a.post('/api/invites')).json<{ token: string }>();
    expectStatus(await newcomer.post('/api/invites/accept', { token }), 200);
    const [view] = await conversations(newcomer);
    expect(view).toMatchObject({ state: 'waiting' });
    expect(view!.couple.messages).toEqual([]);
    expect(view!.mine.messages).toEqual([]);
    // The one who left reads nothing of the space any more.
    expect((await b.get('/api/messages')).statusCode).toBe(404);
  });
});

describe('when a partner leaves and a new one joins', () => {
  it('the therapist no longer reads the former partner’s private thread, even once the link is active again', async () => {
    const { a, b } = await createCouple(t, ['Alex', 'Sam']);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    await write(b, therapist.linkId, 'private', 'Sam’s words for the therapist.');
    expectStatus(await b.post('/api/space/leave'), 200);
    // Not active while the new partner has not approved: the therapist reads nothing.
    expect((await therapist.get(`/api/messages/couples/${therapist.linkId}`)).statusCode).toBe(404);
    const newcomer = await t.signUp('Robin');
    const { token } = (await a.post('/api/invites')).json<{ token: string }>();
    expectStatus(await newcomer.post('/api/invites/accept', { token }), 200);
    await t.database.db
      .insert(therapistApprovals)
      .values({ linkId: therapist.linkId, userId: newcomer.userId });

    const view = await therapistView(therapist, therapist.linkId);
    expect(view.partners.map((p) => p.name)).toEqual(['Alex', 'Robin']);
    expect(view.private.map((p) => p.partnerName)).toEqual(['Alex', 'Robin']);
    expect(JSON.stringify(view)).not.toContain('Sam’s words for the therapist.');
    const older = await therapist.get(
      `/api/messages/older?linkId=${therapist.linkId}&thread=private&partnerId=${b.userId}&before=${cursorFor(new Date(Date.now() + 60_000), therapist.linkId)}`,
    );
    expectStatus(older, 200);
    expect(older.json<Thread>().messages).toEqual([]);
  });
});

describe('writing', () => {
  it('trims a message and refuses an empty or too long one with a message a person can act on', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const trimmed = await write(a, therapist.linkId, 'couple', '   Hello there.  \n');
    expect(trimmed.body).toBe('Hello there.');

    const empty = await a.post('/api/messages', {
      linkId: therapist.linkId,
      thread: 'couple',
      body: '   ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({
      error: {
        code: 'validation_failed',
        fields: { body: 'Please write something before sending.' },
      },
    });
    const long = await a.post('/api/messages', {
      linkId: therapist.linkId,
      thread: 'couple',
      body: 'x'.repeat(MESSAGE_BODY_MAX + 1),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json<{ error: { fields: { body: string } } }>().error.fields.body).toMatch(
      /4,000 characters or fewer/,
    );
    expectStatus(
      await a.post('/api/messages', {
        linkId: therapist.linkId,
        thread: 'couple',
        body: 'x'.repeat(MESSAGE_BODY_MAX),
      }),
      201,
    );
    const badThread = await a.post('/api/messages', {
      linkId: therapist.linkId,
      thread: 'everyone',
      body: 'Hi',
    });
    expect(badThread.statusCode).toBe(400);
    expect(badThread.json()).toMatchObject({
      error: { fields: { thread: expect.any(String) as string } },
    });
    const badLink = await a.post('/api/messages', { linkId: 'nope', thread: 'couple', body: 'Hi' });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json()).toMatchObject({
      error: { fields: { linkId: expect.any(String) as string } },
    });
    const badCursor = await a.get(
      `/api/messages/older?linkId=${therapist.linkId}&thread=couple&before=nonsense`,
    );
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json()).toMatchObject({
      error: { fields: { 'querystring.before': expect.any(String) as string } },
    });
  });

  it('a crisis phrase in a message offers support; the message is still sent', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const heavy = await a.post('/api/messages', {
      linkId: therapist.linkId,
      thread: 'private',
      body: 'Some nights I think about killing myself.',
    });
    expect(heavy.statusCode).toBe(201);
    expect(heavy.headers['x-support-suggested']).toBe('1');
    const fromTherapist = await therapist.post(`/api/messages/couples/${therapist.linkId}`, {
      thread: 'private',
      partnerId: a.userId,
      body: 'I hear you. Are you safe right now?',
    });
    expect(fromTherapist.headers['x-support-suggested']).toBeUndefined();
    // The partner's reads never carry the signal.
    expect((await b.get('/api/messages')).headers['x-support-suggested']).toBeUndefined();
  });

  it('a message is never edited: there is no route to change or delete one', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const sent = await write(a, therapist.linkId, 'couple', 'As I wrote it.');
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const response = await a.request(
        method,
        `/api/messages/${sent.id}`,
        method === 'DELETE' ? undefined : { body: 'Changed.' },
      );
      expect(response.statusCode).toBe(404);
    }
    expect(bodies((await conversations(a))[0]!.couple)).toEqual(['As I wrote it.']);
  });
});

describe('paging', () => {
  it('shows the newest page oldest first, and older pages through the cursor', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const total = MESSAGE_PAGE_SIZE + 7;
    // After both joined (a partner reads the couple thread from when they joined).
    const base = Date.now() + 1000;
    await t.database.db.insert(messages).values(
      Array.from({ length: total }, (_, i) => ({
        linkId: therapist.linkId,
        authorId: i % 2 === 0 ? a.userId : therapist.userId,
        thread: 'couple',
        body: `Message ${i + 1}`,
        createdAt: new Date(base + i * 1000),
      })),
    );
    const [view] = await conversations(b);
    expect(view!.couple.messages).toHaveLength(MESSAGE_PAGE_SIZE);
    expect(view!.couple.messages[0]!.body).toBe('Message 8');
    expect(view!.couple.messages.at(-1)!.body).toBe(`Message ${total}`);
    expect(view!.couple.olderCursor).not.toBeNull();
    expect(view!.mine.olderCursor).toBeNull();

    const older = await b.get(
      `/api/messages/older?linkId=${therapist.linkId}&thread=couple&before=${view!.couple.olderCursor}`,
    );
    expectStatus(older, 200);
    const page = older.json<Thread>();
    expect(bodies(page)).toEqual(Array.from({ length: 7 }, (_, i) => `Message ${i + 1}`));
    expect(page.olderCursor).toBeNull();

    const tView = await therapistView(therapist, therapist.linkId);
    const tOlder = await therapist.get(
      `/api/messages/older?linkId=${therapist.linkId}&thread=couple&before=${tView.couple.olderCursor}`,
    );
    expect(bodies(tOlder.json<Thread>())).toEqual(bodies(page));
  });
});
