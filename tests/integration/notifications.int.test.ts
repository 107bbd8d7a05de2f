import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queryRows } from '#server/db/index.ts';
import { liveEvents, safetyScreens } from '#server/db/schema/index.ts';
import { loadSafetyScreen } from '#server/features/safety-screen/questions.ts';
import { MAX_STREAMS_PER_SESSION } from '#server/events/live.ts';
import { notify, publishChange, commentWatchDefaults } from '#server/events/notify.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TNotificationList, TNotificationPreferences } from '#shared/schemas/notifications.ts';
import { openStream, type SseEvent } from '../helpers/live-stream';
import {
  createCouple,
  expectStatus,
  holdJointWork,
  linkTherapist,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Person = TestClient & { userId: string; email?: string };

const DAY = new Date().toISOString().slice(0, 10);
const CANARY = 'lighthouse-canary-7Q';

async function spaceIdOf(client: TestClient): Promise<string> {
  return (await client.get('/api/space')).json<{ space: { id: string } }>().space.id;
}

async function list(client: TestClient, cursor?: string): Promise<TNotificationList> {
  const response = await client.get(`/api/notifications${cursor ? `?cursor=${cursor}` : ''}`);
  expectStatus(response, 200);
  return response.json<TNotificationList>();
}

async function tell(to: Person, from: Person, spaceId: string | null, joint = false) {
  await notify(t.database.db, {
    kind: 'shared',
    recipients: [to.userId, from.userId],
    actorId: from.userId,
    spaceId,
    link: '/checkins',
    joint,
  });
}

const counts = (events: SseEvent[]) =>
  events.filter((e) => e.event === 'count').map((e) => JSON.parse(e.data) as { unread: number });
const ids = (events: SseEvent[]) => events.filter((e) => e.id !== undefined).map((e) => e.id);

async function eventsFor(userId: string): Promise<number> {
  const rows = await t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(liveEvents)
    .where(eq(liveEvents.userId, userId));
  return rows[0]!.n;
}

describe('the list', () => {
  it('pages newest first, counts unread, marks one and all read; nobody reaches another’s', async () => {
    const { a, b } = await createCouple(t);
    const space = await spaceIdOf(a);
    for (let i = 0; i < 25; i++) await tell(b, a, space);

    const first = await list(b);
    expect(first.unread).toBe(25);
    expect(first.notifications).toHaveLength(20);
    expect(first.notifications[0]).toMatchObject({
      kind: 'shared',
      actorName: 'Alex',
      link: '/checkins',
      read: false,
    });
    const times = first.notifications.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await list(b, first.next!);
    expect(second.notifications).toHaveLength(5);
    expect(second.next).toBeNull();
    const all = [...first.notifications, ...second.notifications].map((n) => n.id);
    expect(new Set(all).size).toBe(25);
    // The actor never notifies themself.
    expect((await list(a)).notifications).toHaveLength(0);

    const one = first.notifications[3]!.id;
    expect((await a.post(`/api/notifications/${one}/read`)).statusCode).toBe(404);
    expect((await b.post(`/api/notifications/${one}/read`)).json()).toEqual({ unread: 24 });
    expect((await b.post(`/api/notifications/${one}/read`)).json()).toEqual({ unread: 24 });
    expect((await list(b)).notifications[3]!.read).toBe(true);
    expect((await b.post('/api/notifications/read-all')).json()).toEqual({ unread: 0 });
    expect((await list(b)).unread).toBe(0);

    expect((await b.get('/api/notifications?cursor=not*a*cursor')).statusCode).toBe(400);
    expect((await b.post('/api/notifications/not-an-id/read')).statusCode).toBe(400);
  });

  it('a partner sharing a check-in and the therapist writing notify, without their words', async () => {
    const { a, b } = await createCouple(t);
    const therapist = await linkTherapist(t, { a, b }, 'active');
    const stream = await openStream(t, b);
    await stream.waitFor((e) => counts(e).length === 1);
    const written = await a.put(`/api/checkins/mine/${DAY}`, {
      feelings: ['hurt'],
      intensity: 2,
      pain: 3,
      note: CANARY,
    });
    const { id } = written.json<{ checkin: { id: string } }>().checkin;
    expectStatus(await a.post(`/api/checkins/${id}/share`), 200);
    expectStatus(
      await therapist.post(`/api/messages/couples/${therapist.linkId}`, {
        thread: 'couple',
        body: CANARY,
      }),
      201,
    );
    expectStatus(
      await therapist.post(`/api/practice/couples/${therapist.linkId}/suggestions`, {
        exercise: 'daily-check-in',
        note: CANARY,
      }),
      201,
    );
    const mine = await b.get('/api/notifications');
    expect(mine.json<TNotificationList>().notifications.map((n) => n.kind)).toEqual([
      'therapist',
      'therapist',
      'shared',
    ]);
    expect(mine.body).not.toContain(CANARY);
    // The stream says only the kind; the canary is in neither its events nor its counts.
    await stream.waitFor((e) => e.filter((x) => x.event === 'notification').length === 3);
    expect(stream.text()).not.toContain(CANARY);
    expect(stream.text()).not.toContain('Alex');
    stream.close();
    expect((await list(a)).notifications.map((n) => n.kind)).toEqual(['therapist', 'therapist']);
  });
});

describe('preferences', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    channels: { comment: 'in_app', reply: 'in_app', shared: 'off', therapist: 'in_app' },
    quietHours: { start: 22 * 60, end: 7 * 60 },
    timeZone: 'Europe/Berlin',
    commentDefault: 'replies',
    ...over,
  });

  it('saves with the version they started from; a stale one gets 412 with what is saved', async () => {
    const { a, b } = await createCouple(t);
    const initial = await a.get('/api/notifications/preferences');
    expect(initial.headers.etag).toBe('"0"');
    expect(initial.json<TNotificationPreferences>().preferences.channels.shared).toBe('in_app');

    expect((await a.put('/api/notifications/preferences', body())).statusCode).toBe(428);
    const saved = await a.put('/api/notifications/preferences', body(), { 'if-match': '"0"' });
    expectStatus(saved, 200);
    expect(saved.json<TNotificationPreferences>().version).toBe(1);
    const stale = await a.put('/api/notifications/preferences', body({ timeZone: null }), {
      'if-match': '"0"',
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({
      error: { code: 'precondition_failed', current: { version: 1 } },
    });
    const next = await a.put('/api/notifications/preferences', body({ timeZone: 'UTC' }), {
      'if-match': '"1"',
    });
    expect(next.json<TNotificationPreferences>()).toMatchObject({
      version: 2,
      preferences: { timeZone: 'UTC', commentDefault: 'replies' },
    });

    const bad = await a.put(
      '/api/notifications/preferences',
      body({ timeZone: 'Mars/Olympus', quietHours: { start: 60, end: 60 } }),
      { 'if-match': '"2"' },
    );
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await a.put('/api/notifications/preferences', body({ timeZone: 'Mars/Olympus' }), {
          'if-match': '"2"',
        })
      ).statusCode,
    ).toBe(400);

    // A kind turned off is not stored at all; the comments default is what they chose.
    await tell(a, b, await spaceIdOf(a));
    expect((await list(a)).notifications).toHaveLength(0);
    const defaults = await commentWatchDefaults(t.database.db, [a.userId, b.userId]);
    expect(defaults.get(a.userId)).toBe('replies');
    expect(defaults.get(b.userId)).toBe('all');
  });
});

describe('the stream', () => {
  it('sends the count, then each event once; a resume from Last-Event-ID loses and repeats nothing', async () => {
    const { a, b } = await createCouple(t);
    const space = await spaceIdOf(a);
    const first = await openStream(t, b);
    expect(first.statusCode).toBe(200);
    await first.waitFor((e) => counts(e).length === 1);
    expect(counts(first.events())).toEqual([{ unread: 0 }]);

    await tell(b, a, space);
    await tell(b, a, space);
    await publishChange(t.database.db, [b.userId], {
      topic: 'comments',
      kind: 'checkin',
      itemId: '00000000-0000-4000-8000-000000000001',
    });
    const seen = await first.waitFor((e) => ids(e).length === 3 && counts(e).at(-1)?.unread === 2);
    expect(seen.filter((e) => e.event === 'notification').map((e) => e.data)).toEqual([
      '{"kind":"shared"}',
      '{"kind":"shared"}',
    ]);
    expect(JSON.parse(seen.find((e) => e.event === 'change')!.data)).toEqual({
      topic: 'comments',
      kind: 'checkin',
      itemId: '00000000-0000-4000-8000-000000000001',
    });
    const lastSeen = ids(seen).at(-1)!;
    first.close();

    // While away: two more, and one read elsewhere.
    await tell(b, a, space);
    await tell(b, a, space);
    const resumed = await openStream(t, b, { 'last-event-id': lastSeen });
    const got = await resumed.waitFor((e) => ids(e).length === 2 && counts(e).at(-1)?.unread === 4);
    expect(ids(got)).toEqual([String(Number(lastSeen) + 1), String(Number(lastSeen) + 2)]);

    // A fresh stream starts from now: nothing replayed.
    const fresh = await openStream(t, b);
    await fresh.waitFor((e) => counts(e).length === 1);
    expect(counts(fresh.events())).toEqual([{ unread: 4 }]);
    expect(ids(fresh.events())).toEqual([]);

    // Reading in one tab updates the count in the others.
    await b.post('/api/notifications/read-all');
    await resumed.waitFor((e) => counts(e).at(-1)?.unread === 0);
    await fresh.waitFor((e) => counts(e).at(-1)?.unread === 0);
    resumed.close();
    fresh.close();
  });

  it('says "reset" when the log no longer reaches back that far; a number from the future is now', async () => {
    const { a, b } = await createCouple(t);
    const space = await spaceIdOf(a);
    for (let i = 0; i < 3; i++) await tell(b, a, space);
    // The log kept only the last event (as if the older ones were pruned).
    await t.database.db
      .delete(liveEvents)
      .where(sql`${liveEvents.userId} = ${b.userId} and ${liveEvents.seq} < 3`);
    const old = await openStream(t, b, { 'last-event-id': '0' });
    const got = await old.waitFor((e) => ids(e).includes('3') && counts(e).length === 2);
    expect(got.map((e) => e.event)).toEqual(['count', 'reset', 'notification', 'count']);
    old.close();

    const future = await openStream(t, b, { 'last-event-id': '999999' });
    await future.waitFor((e) => counts(e).length === 1);
    await tell(b, a, space);
    const next = await future.waitFor((e) => ids(e).length === 1);
    expect(ids(next)).toEqual(['4']);
    future.close();
  });

  it('ends when its session ends (sign-out, as quick exit does) and refuses the signed-out', async () => {
    const { b } = await createCouple(t);
    const stream = await openStream(t, b);
    await stream.waitFor((e) => counts(e).length === 1);
    const cookie = b.cookie;
    expectStatus(await b.post('/api/auth/signout'), 200);
    await stream.ended;
    expect(stream.events().at(-1)?.event).toBe('end');
    const again = await openStream(t, Object.assign(t.client('old'), { cookie }));
    expect(again.statusCode).toBe(401);
  });

  it('ends when its session locks after a pause, and a locked session cannot open another', async () => {
    const { b } = await createCouple(t);
    expectStatus(await b.put('/api/auth/two-step/relock', { minutes: 2 }), 200);
    const stream = await openStream(t, b);
    await stream.waitFor((e) => counts(e).length === 1);
    expectStatus(await b.post('/api/auth/lock'), 200);
    await stream.ended;
    expect(stream.events().at(-1)?.event).toBe('end');
    const again = await openStream(t, b);
    expect(again.statusCode).toBe(403);
  });

  it('holds at most a few streams per session: one more closes the oldest', async () => {
    const { b } = await createCouple(t);
    const streams = [];
    for (let i = 0; i < MAX_STREAMS_PER_SESSION; i++) {
      const stream = await openStream(t, b);
      await stream.waitFor((e) => counts(e).length === 1);
      streams.push(stream);
    }
    const extra = await openStream(t, b);
    await extra.waitFor((e) => counts(e).length === 1);
    await streams[0]!.ended;
    // Closed without "end": the browser would reconnect, as after a server restart.
    expect(streams[0]!.events().some((e) => e.event === 'end')).toBe(false);
    const second = await Promise.race([
      streams[1]!.ended.then(() => 'ended'),
      sleep(200).then(() => 'open'),
    ]);
    expect(second).toBe('open');
    for (const stream of [...streams, extra]) stream.close();
  });

  it('catches up after the LISTEN connection is lost (PostgreSQL; one engine in-process otherwise)', async () => {
    const { a, b } = await createCouple(t);
    const space = await spaceIdOf(a);
    const stream = await openStream(t, b);
    await stream.waitFor((e) => counts(e).length === 1);
    if (inject('dbEngine') === 'postgres') {
      // The server drops the listening connection; NOTIFYs sent until it is back are lost.
      const killed = await queryRows<{ done: boolean }>(
        t.database.db,
        sql`select pg_terminate_backend(pid) as done from pg_stat_activity
          where application_name = 'healing-hearts-listen' and datname = current_database()`,
      );
      expect(killed).toEqual([{ done: true }]);
    }
    await tell(b, a, space);
    await stream.waitFor((e) => e.some((x) => x.event === 'notification'), 10_000);
    await tell(b, a, space);
    await stream.waitFor((e) => counts(e).at(-1)?.unread === 2, 10_000);
    expect(ids(stream.events())).toHaveLength(2);
    stream.close();
  });

  it('a rolled-back write tells nothing', async () => {
    const { a, b } = await createCouple(t);
    const space = await spaceIdOf(a);
    await t.database.db
      .transaction(async (tx) => {
        await notify(tx, {
          kind: 'shared',
          recipients: [b.userId],
          actorId: a.userId,
          spaceId: space,
          link: '/checkins',
          joint: false,
        });
        throw new Error('changed my mind');
      })
      .catch(() => {});
    expect((await list(b)).unread).toBe(0);
    expect(await eventsFor(b.userId)).toBe(0);
  });
});

describe('safety', () => {
  it('while joint work rests, joint notifications wait unseen and uncounted, then appear', async () => {
    const { a, b } = await createCouple(t);
    const space = await spaceIdOf(a);
    const stream = await openStream(t, b);
    await stream.waitFor((e) => counts(e).length === 1);
    const lift = await holdJointWork(t, a);
    await tell(b, a, space, true);
    expect((await list(b)).unread).toBe(0);
    expect((await list(b)).notifications).toHaveLength(0);
    expect(await eventsFor(b.userId)).toBe(0);
    // Not joint: arrives as usual.
    await tell(b, a, space, false);
    await stream.waitFor((e) => counts(e).at(-1)?.unread === 1);
    await lift();
    const after = await list(b);
    expect(after.unread).toBe(2);
    expect(after.notifications).toHaveLength(2);
    stream.close();

    // Lifted through the safety page: the held one arrives live, with the new count.
    const live = await openStream(t, b);
    await live.waitFor((e) => counts(e).length === 1);
    expectStatus(await a.post('/api/safety/pause'), 200);
    await tell(b, a, space, true);
    expect((await list(b)).unread).toBe(2);
    expectStatus(await a.post('/api/safety/resume'), 200);
    await live.waitFor((e) => counts(e).at(-1)?.unread === 3);
    live.close();
  });

  it('what waited for the second safety screen arrives live once it is taken', async () => {
    const { a, b } = await createCouple(t);
    const space = await spaceIdOf(a);
    // As if Sam had not taken the private safety screen yet: joint work is closed.
    await t.database.db.delete(safetyScreens).where(eq(safetyScreens.userId, b.userId));
    const stream = await openStream(t, a);
    await stream.waitFor((e) => counts(e).length === 1);
    await tell(a, b, space, true);
    expect(await eventsFor(a.userId)).toBe(0);
    const calm = Object.fromEntries(
      loadSafetyScreen().definition.questions.map((q) => [q.id, 'no']),
    );
    expectStatus(await b.post('/api/safety-screen', { answers: calm }), 200);
    await stream.waitFor((e) => counts(e).at(-1)?.unread === 1);
    stream.close();
  });

  it('private writing, the safety screen and "I don’t feel safe" tell the partner nothing', async () => {
    const { a, b } = await createCouple(t);
    const stream = await openStream(t, b);
    await stream.waitFor((e) => counts(e).length === 1);
    const before = stream.text();

    expectStatus(
      await a.put(`/api/checkins/mine/${DAY}`, { feelings: ['hurt'], intensity: 4, pain: 8 }),
      201,
    );
    const screen = (await a.get('/api/safety-screen')).json<{ questions: { id: string }[] }>();
    const answers = Object.fromEntries(screen.questions.map((q) => [q.id, 'yes']));
    expectStatus(await a.post('/api/safety-screen', { answers }), 200);
    expectStatus(await a.post('/api/safety/pause'), 200);

    expect((await list(b)).unread).toBe(0);
    expect(await eventsFor(b.userId)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stream.text()).toBe(before);
    stream.close();
  });
});

describe('the email channel', () => {
  const prefs = (quietHours: { start: number; end: number } | null) => ({
    channels: { comment: 'in_app', reply: 'in_app', shared: 'email', therapist: 'in_app' },
    quietHours,
    timeZone: 'UTC',
    commentDefault: 'all',
  });

  it('sends a neutral email with no name or content, once, and waits for quiet hours to end', async () => {
    const { a, b } = await createCouple(t);
    const space = await spaceIdOf(a);
    expectStatus(
      await b.put('/api/notifications/preferences', prefs(null), { 'if-match': '"0"' }),
      200,
    );
    const news = () =>
      t.mailbox.to(b.email).filter((m) => m.subject === 'Something new is waiting for you');
    await t.deliver();
    await tell(b, a, space);
    await t.deliver();
    const [email, ...more] = news();
    expect(more).toEqual([]);
    expect(email!.subject).toBe('Something new is waiting for you');
    expect(email!.text).toContain('/notifications');
    for (const word of ['Alex', 'Sam', 'check-in', 'partner', CANARY]) {
      expect(`${email!.subject}\n${email!.text}`).not.toContain(word);
    }
    await t.deliver();
    expect(news()).toHaveLength(1);

    // Inside quiet hours (now ± 1 hour, UTC): it waits; read in the app meanwhile, it never goes.
    const minutes = new Date().getUTCHours() * 60 + new Date().getUTCMinutes();
    const quiet = { start: (minutes + 1380) % 1440, end: (minutes + 60) % 1440 };
    expectStatus(
      await b.put('/api/notifications/preferences', prefs(quiet), { 'if-match': '"1"' }),
      200,
    );
    await tell(b, a, space);
    expect(await t.deliver()).toBe(0);
    expect(news()).toHaveLength(1);
    expectStatus(await b.post('/api/notifications/read-all'), 200);
    await t.database.db.execute(sql`update outbox set run_at = now() where done_at is null`);
    expect(await t.deliver()).toBe(1);
    expect(news()).toHaveLength(1);
  });
});
