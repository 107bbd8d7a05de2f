import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_MESSAGE } from '#shared/errors.ts';
import {
  accessLog,
  checkins,
  messages,
  therapistApprovals,
  therapistLinks,
  triggerEntries,
} from '#server/db/schema/index.ts';
import { verifyAccessLog } from '#server/policy/access-log.ts';
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

type Person = TestClient & { userId: string };
type Audience = 'private' | 'partner' | 'therapist' | 'partner+therapist';

interface Couple {
  linkId: string;
  partners: { userId: string; displayName: string }[];
  newItems: number;
  newMessages: number;
  seenAt: string | null;
}
interface Summary {
  kind: string;
  id: string;
  authorName: string;
  at: string;
}
interface Overview {
  linkId: string;
  partners: { displayName: string }[];
  items: Summary[];
  nextCursor: string | null;
  suggestions: { id: string; exercise: string; note: string }[];
  exercises: { key: string; title: string }[];
}

const DAY = new Date().toISOString().slice(0, 10);

/** A trigger entry by `who`, with the given audience set straight in the database. */
async function trigger(who: Person, cue: string, audience: Audience): Promise<string> {
  const response = await who.post('/api/triggers', { cue, intensity: 6, felt: `felt ${cue}` });
  expectStatus(response, 201);
  const id = response.json<{ entry: { id: string } }>().entry.id;
  await t.database.db
    .update(triggerEntries)
    .set({
      visibility: audience,
      sharedAt: audience.startsWith('partner') ? new Date() : null,
      therapistSharedAt: audience.includes('therapist') ? new Date() : null,
    })
    .where(eq(triggerEntries.id, id));
  return id;
}

async function checkin(who: Person, note: string, audience: Audience): Promise<string> {
  const response = await who.put(`/api/checkins/mine/${DAY}`, {
    feelings: ['hurt'],
    intensity: 2,
    pain: 3,
    triggers: '',
    needs: '',
    note,
  });
  expect([200, 201]).toContain(response.statusCode);
  const id = response.json<{ checkin: { id: string } }>().checkin.id;
  await t.database.db
    .update(checkins)
    .set({
      visibility: audience,
      sharedAt: audience.startsWith('partner') ? new Date() : null,
      therapistSharedAt: audience.includes('therapist') ? new Date() : null,
    })
    .where(eq(checkins.id, id));
  return id;
}

async function couples(who: TestClient): Promise<Couple[]> {
  const response = await who.get('/api/practice/couples');
  expectStatus(response, 200);
  return response.json<{ couples: Couple[] }>().couples;
}

async function overview(who: TestClient, linkId: string, query = ''): Promise<Overview> {
  const response = await who.get(`/api/practice/couples/${linkId}${query}`);
  expectStatus(response, 200);
  return response.json<Overview>();
}

async function logEntries(): Promise<number> {
  const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(accessLog);
  return row!.n;
}

async function programSuggestions(who: TestClient): Promise<{ key: string; note: string }[]> {
  const response = await who.get('/api/program');
  expectStatus(response, 200);
  const view = response.json<{
    phases: {
      topics: {
        exercises: { key: string; therapistSuggestions: { note: string }[] }[];
      }[];
    }[];
  }>();
  return view.phases.flatMap((p) =>
    p.topics.flatMap((topic) =>
      topic.exercises.flatMap((e) =>
        e.therapistSuggestions.map((s) => ({ key: e.key, note: s.note })),
      ),
    ),
  );
}

describe('practice: what a therapist reads', () => {
  it('lists exactly the items shared with the therapist, with no content, and opens each with a log entry', async () => {
    const { a, b } = await createCouple(t, ['Robin', 'Kai']);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const hidden = [
      await trigger(a, 'robin private', 'private'),
      await trigger(b, 'kai partner only', 'partner'),
      await checkin(b, 'kai private check-in', 'private'),
    ];
    const shared = [
      await trigger(a, 'robin for the therapist', 'therapist'),
      await trigger(b, 'kai for both', 'partner+therapist'),
      await checkin(a, 'robin check-in for the therapist', 'therapist'),
    ];

    const [listed] = await couples(therapist);
    expect(listed).toMatchObject({ linkId: therapist.linkId, newItems: 3, newMessages: 0 });
    expect(listed!.partners.map((p) => p.displayName).sort()).toEqual(['Kai', 'Robin']);

    const view = await overview(therapist, therapist.linkId);
    expect(view.items.map((i) => i.id).sort()).toEqual([...shared].sort());
    const raw = JSON.stringify(view.items);
    for (const word of ['for the therapist', 'kai for both', 'felt', 'check-in for']) {
      expect(raw.toLowerCase()).not.toContain(word);
    }
    expect(view.items.find((i) => i.id === shared[1])).toMatchObject({
      kind: 'trigger',
      authorName: 'Kai',
    });

    const before = await logEntries();
    const opened = await therapist.get(
      `/api/practice/couples/${therapist.linkId}/items/trigger/${shared[0]}`,
    );
    expectStatus(opened, 200);
    const item = opened.json<{
      item: { authorName: string; parts: { key: string; text: string }[] };
    }>().item;
    expect(item.authorName).toBe('Robin');
    expect(item.parts).toContainEqual({ key: 'cue', label: null, text: 'robin for the therapist' });
    const openedCheckin = await therapist.get(
      `/api/practice/couples/${therapist.linkId}/items/checkin/${shared[2]}`,
    );
    expectStatus(openedCheckin, 200);
    expect(openedCheckin.body).toContain('robin check-in for the therapist');
    // Each opening is one entry, even of the same item twice.
    expectStatus(
      await therapist.get(`/api/practice/couples/${therapist.linkId}/items/trigger/${shared[0]}`),
      200,
    );
    expect(await logEntries()).toBe(before + 3);
    const [last] = await t.database.db
      .select()
      .from(accessLog)
      .orderBy(sql`${accessLog.seq} desc`)
      .limit(1);
    expect(last).toMatchObject({
      therapistId: therapist.userId,
      spaceId: therapist.spaceId,
      itemKind: 'trigger',
      itemId: shared[0],
      authorId: a.userId,
    });
    expect((await verifyAccessLog(t.database.db)).brokenAt).toBeNull();

    // Private and partner-only items, and a real id under the wrong kind, are simply not there.
    for (const [kind, id] of [
      ['trigger', hidden[0]],
      ['trigger', hidden[1]],
      ['checkin', hidden[2]],
      ['checkin', shared[0]],
    ] as const) {
      const response = await therapist.get(
        `/api/practice/couples/${therapist.linkId}/items/${kind}/${id}`,
      );
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ error: { code: 'not_found', message: NOT_FOUND_MESSAGE } });
    }
    expect(await logEntries()).toBe(before + 3);
  });

  it('keeps two couples of one therapist apart', async () => {
    const first = await createCouple(t);
    const second = await createCouple(t);
    const one = await linkTherapist(t, first, 'active');
    // The same therapist, linked with a second couple.
    const [link] = await t.database.db
      .insert(therapistLinks)
      .values({
        spaceId: (await second.a.get('/api/space')).json<{ space: { id: string } }>().space.id,
        createdBy: second.a.userId,
        tokenHash: `second-${one.userId}`,
        expiresAt: new Date(Date.now() + 86_400_000),
        therapistId: one.userId,
        claimedAt: new Date(),
      })
      .returning({ id: therapistLinks.id });
    for (const partner of [second.a, second.b]) {
      await t.database.db
        .insert(therapistApprovals)
        .values({ linkId: link!.id, userId: partner.userId });
    }
    const mine = await trigger(first.a, 'first couple', 'therapist');
    const theirs = await trigger(second.b, 'second couple', 'therapist');
    expect((await couples(one)).map((c) => c.newItems)).toEqual([1, 1]);
    expect((await overview(one, one.linkId)).items.map((i) => i.id)).toEqual([mine]);
    expect((await overview(one, link!.id)).items.map((i) => i.id)).toEqual([theirs]);
    expectStatus(await one.get(`/api/practice/couples/${one.linkId}/items/trigger/${theirs}`), 404);
    expectStatus(await one.get(`/api/practice/couples/${link!.id}/items/trigger/${theirs}`), 200);
    const [entry] = await t.database.db
      .select()
      .from(accessLog)
      .orderBy(sql`${accessLog.seq} desc`)
      .limit(1);
    expect(entry).toMatchObject({ itemId: theirs, authorId: second.b.userId });
  });

  it('shows nothing of an item once its author takes the share back', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const id = await trigger(a, 'taken back', 'therapist');
    expect((await overview(therapist, therapist.linkId)).items).toHaveLength(1);
    await t.database.db
      .update(triggerEntries)
      .set({ visibility: 'private' })
      .where(eq(triggerEntries.id, id));
    expect((await overview(therapist, therapist.linkId)).items).toHaveLength(0);
    expectStatus(
      await therapist.get(`/api/practice/couples/${therapist.linkId}/items/trigger/${id}`),
      404,
    );
  });

  it('pages the list newest first without repeats', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push(await trigger(i % 2 ? a : b, `entry ${i}`, 'therapist'));
    const first = await overview(therapist, therapist.linkId);
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const second = await overview(therapist, therapist.linkId, `?cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((i) => i.id).sort()).toEqual([...ids].sort());
    const bad = await therapist.get(`/api/practice/couples/${therapist.linkId}?cursor=nonsense`);
    expect(bad.statusCode).toBe(400);
  });

  it("counts what is new since the therapist last opened the couple: items and the partners' messages", async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    await trigger(a, 'first', 'therapist');
    expect((await couples(therapist))[0]).toMatchObject({ newItems: 1, seenAt: null });
    await overview(therapist, therapist.linkId);
    expect((await couples(therapist))[0]).toMatchObject({ newItems: 0, newMessages: 0 });

    await trigger(b, 'second', 'partner+therapist');
    await trigger(b, 'not for the therapist', 'partner');
    const later = new Date(Date.now() + 1000);
    await t.database.db.insert(messages).values([
      {
        linkId: therapist.linkId,
        authorId: a.userId,
        thread: 'couple',
        body: 'hello',
        createdAt: later,
      },
      {
        linkId: therapist.linkId,
        authorId: b.userId,
        thread: 'private',
        partnerId: b.userId,
        body: 'just me',
        createdAt: later,
      },
      // The therapist's own message is not news to them.
      {
        linkId: therapist.linkId,
        authorId: therapist.userId,
        thread: 'couple',
        body: 'welcome',
        createdAt: later,
      },
    ]);
    const [now] = await couples(therapist);
    expect(now).toMatchObject({ newItems: 1, newMessages: 2 });
    expect(JSON.stringify(now)).not.toContain('hello');
  });
});

describe('practice: who gets in', () => {
  it('answers a pending, ended or other couple’s link exactly like an unknown one', async () => {
    const { a, b } = await createCouple(t);
    const pending = await linkTherapist(t, { a, b }, 'pending');
    const revoked = await linkTherapist(t, { a, b }, 'revoked');
    const active = await linkTherapist(t, { a, b }, 'active');
    const other = await createCouple(t);
    const otherTherapist = await linkTherapist(t, other, 'active');
    const id = await trigger(a, 'shared', 'therapist');
    const unknown = '00000000-0000-4000-8000-000000000000';

    const attempts: [TestClient, string][] = [
      [pending, pending.linkId],
      [revoked, revoked.linkId],
      [otherTherapist, active.linkId],
      [active, unknown],
      [a, active.linkId],
    ];
    for (const [who, linkId] of attempts) {
      const base = `/api/practice/couples/${linkId}`;
      const responses = [
        await who.get(base),
        await who.get(`${base}/items/trigger/${id}`),
        await who.get(`${base}/notes`),
        await who.post(`${base}/notes`, { body: 'A note' }),
        await who.post(`${base}/suggestions`, { exercise: 'daily-check-in', note: '' }),
        await who.delete(`${base}/suggestions/${unknown}`),
      ];
      for (const response of responses) {
        expect(response.statusCode).toBe(404);
        expect(response.json()).toEqual({
          error: { code: 'not_found', message: NOT_FOUND_MESSAGE },
        });
      }
    }
    expect(await couples(pending)).toEqual([]);
    expect(await couples(revoked)).toEqual([]);
    expect((await couples(otherTherapist)).map((c) => c.linkId)).toEqual([otherTherapist.linkId]);
    expect((await a.get('/api/practice/couples')).statusCode).toBe(404);
    expect((await a.get('/api/practice/notes')).statusCode).toBe(404);
  });

  it('stops at once when a partner ends the link', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const id = await trigger(a, 'shared', 'therapist');
    const item = `/api/practice/couples/${therapist.linkId}/items/trigger/${id}`;
    expectStatus(await therapist.get(item), 200);
    await t.database.db
      .update(therapistLinks)
      .set({ revokedAt: new Date(), revokedBy: b.userId })
      .where(eq(therapistLinks.id, therapist.linkId));
    expectStatus(await therapist.get(item), 404);
    expect(await couples(therapist)).toEqual([]);
  });
});

describe('practice: notes', () => {
  it('keeps notes private, edits them with If-Match, and keeps them without the couple after the link ends', async () => {
    const { a, b } = await createCouple(t, ['Noor', 'Eli']);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const base = `/api/practice/couples/${therapist.linkId}`;
    const made = await therapist.post(`${base}/notes`, { body: 'They spoke kindly today.' });
    expectStatus(made, 201);
    expect(made.headers.etag).toBe('"1"');
    const note = made.json<{ note: { id: string; version: number } }>().note;
    expect(note.version).toBe(1);
    const empty = await therapist.post(`${base}/notes`, { body: '   ' });
    expect(empty.statusCode).toBe(400);

    const url = `/api/practice/notes/${note.id}`;
    expect((await therapist.put(url, { body: 'Changed' })).statusCode).toBe(428);
    const edited = await therapist.put(url, { body: 'Changed' }, { 'if-match': '"1"' });
    expectStatus(edited, 200);
    expect(edited.headers.etag).toBe('"2"');
    const stale = await therapist.put(url, { body: 'Older tab' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({
      error: { code: 'precondition_failed', current: { body: 'Changed', version: 2 } },
    });
    // Nobody else may touch it, and the partners never see it.
    const someone = await linkTherapist(t, await createCouple(t), 'active');
    expect((await someone.put(url, { body: 'x' }, { 'if-match': '"2"' })).statusCode).toBe(404);
    expect((await someone.delete(url)).statusCode).toBe(404);
    expect((await a.get(url)).statusCode).toBe(404);

    const listed = await therapist.get(`${base}/notes`);
    expectStatus(listed, 200);
    expect(listed.json<{ notes: { body: string }[] }>().notes.map((n) => n.body)).toEqual([
      'Changed',
    ]);
    const mine = (await therapist.get('/api/practice/notes')).json<{
      notes: {
        id: string;
        couple: { linkId: string; partners: { displayName: string }[] } | null;
      }[];
    }>().notes;
    expect(mine[0]!.couple?.linkId).toBe(therapist.linkId);
    expect(mine[0]!.couple?.partners.map((p) => p.displayName).sort()).toEqual(['Eli', 'Noor']);

    await t.database.db
      .update(therapistLinks)
      .set({ revokedAt: new Date(), revokedBy: a.userId })
      .where(eq(therapistLinks.id, therapist.linkId));
    expect((await therapist.get(`${base}/notes`)).statusCode).toBe(404);
    const after = await therapist.get('/api/practice/notes');
    expectStatus(after, 200);
    expect(after.json()).toMatchObject({ notes: [{ id: note.id, body: 'Changed', couple: null }] });
    for (const trace of [therapist.linkId, therapist.spaceId, 'Noor', 'Eli']) {
      expect(after.body).not.toContain(trace);
    }
    // Still mine: I can change or delete it.
    expectStatus(await therapist.put(url, { body: 'Last words' }, { 'if-match': '"2"' }), 200);
    expectStatus(await therapist.delete(url), 200);
    expect((await therapist.get('/api/practice/notes')).json()).toEqual({ notes: [] });
    expect((await therapist.delete(url)).statusCode).toBe(404);
  });
});

describe('practice: suggestions', () => {
  it('shows an open suggestion on both partners’ maps until it is withdrawn or the link ends', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const base = `/api/practice/couples/${therapist.linkId}`;
    const wrong = await therapist.post(`${base}/suggestions`, {
      exercise: 'no-such-thing',
      note: '',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      error: {
        code: 'validation_failed',
        fields: { exercise: 'Choose an exercise from the list.' },
      },
    });

    const made = await therapist.post(`${base}/suggestions`, {
      exercise: 'daily-check-in',
      note: 'A few quiet minutes each evening.',
    });
    expectStatus(made, 201);
    const id = made.json<{ suggestion: { id: string } }>().suggestion.id;
    for (const partner of [a, b]) {
      expect(await programSuggestions(partner)).toEqual([
        { key: 'daily-check-in', note: 'A few quiet minutes each evening.' },
      ]);
    }
    expect((await overview(therapist, therapist.linkId)).suggestions.map((s) => s.id)).toEqual([
      id,
    ]);
    expectStatus(await therapist.delete(`${base}/suggestions/${id}`), 200);
    expect(await programSuggestions(a)).toEqual([]);
    expect((await therapist.delete(`${base}/suggestions/${id}`)).statusCode).toBe(404);

    expectStatus(
      await therapist.post(`${base}/suggestions`, { exercise: 'daily-check-in', note: '' }),
      201,
    );
    expect(await programSuggestions(b)).toHaveLength(1);
    await t.database.db
      .update(therapistLinks)
      .set({ revokedAt: new Date(), revokedBy: b.userId })
      .where(eq(therapistLinks.id, therapist.linkId));
    expect(await programSuggestions(a)).toEqual([]);
    expect(await programSuggestions(b)).toEqual([]);
  });

  it('keeps the program map at two queries with a suggestion on it', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    expectStatus(
      await therapist.post(`/api/practice/couples/${therapist.linkId}/suggestions`, {
        exercise: 'daily-check-in',
        note: 'Gently',
      }),
      201,
    );
    t.queries.length = 0;
    expect(await programSuggestions(a)).toHaveLength(1);
    expect(t.queries).toHaveLength(2);
  });
});
