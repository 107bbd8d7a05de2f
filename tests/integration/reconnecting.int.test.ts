import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db/index.ts';
import type {
  TDatePlan,
  TPacing,
  TReconnectingView,
  TRitual,
} from '#shared/schemas/reconnecting.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  TEST_PASSWORD,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';
import { readZip } from '../helpers/zip';

/**
 * Reconnecting on both engines: rituals proposed and agreed, appreciations sent and taken back,
 * dates from idea to plan to each partner's own note, and the pacing agreement with its pause
 * that either partner places with one action and nobody is told about.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Person = TestClient & { userId: string };

async function view(person: TestClient): Promise<TReconnectingView> {
  const response = await person.get('/api/reconnecting');
  expectStatus(response, 200);
  return response.json<TReconnectingView>();
}

async function phaseThree(a: TestClient, b: TestClient): Promise<void> {
  for (const phase of [2, 3]) {
    for (const c of [a, b]) expectStatus(await c.post('/api/program/pace/ready', { phase }), 200);
  }
}

async function coupleInPhaseThree(): Promise<{ a: Person; b: Person }> {
  const couple = await createCouple(t);
  await phaseThree(couple.a, couple.b);
  return couple;
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

async function unread(person: TestClient): Promise<number> {
  const response = await person.get('/api/notifications');
  expectStatus(response, 200);
  return response.json<{ unread: number }>().unread;
}

describe('reconnecting: opening with the couple’s pace', () => {
  it('waits for phase 3, for both partners, and rests while joint work rests', async () => {
    const alone = await t.signUp('Robin');
    expectStatus(await alone.post('/api/space'), 201);
    const aloneView = await view(alone);
    expect(aloneView).toMatchObject({ together: false, phaseOpen: false });
    const lonely = await alone.post('/api/reconnecting/rituals', {
      title: 'A walk',
      cadence: 'daily',
    });
    expectStatus(lonely, 409);

    const { a, b } = await createCouple(t);
    expect(await view(a)).toMatchObject({ together: true, phaseOpen: false, jointWorkOpen: true });
    const early = await a.post('/api/reconnecting/appreciations', { note: 'Thank you' });
    expectStatus(early, 409);
    expect(early.json<{ error: { message: string } }>().error.message).toMatch(/third phase/);

    await phaseThree(a, b);
    expect((await view(b)).phaseOpen).toBe(true);

    const lift = await holdJointWork(t, a);
    const resting = await b.post('/api/reconnecting/dates', { idea: 'A picnic' });
    expectStatus(resting, 409);
    expect(resting.json<{ error: { code: string } }>().error.code).toBe('joint_work_paused');
    // A pause of the pacing agreement is never held, not even while joint work rests.
    expectStatus(await b.post('/api/reconnecting/pacing/pause'), 200);
    expect((await view(a)).jointWorkOpen).toBe(false);
    await lift();
    expectStatus(await b.post('/api/reconnecting/dates', { idea: 'A picnic' }), 201);
  });
});

describe('reconnecting: rituals of connection', () => {
  it('one proposes, the other agrees; a change needs agreeing again; either sets it aside', async () => {
    const { a, b } = await coupleInPhaseThree();
    const bBefore = await unread(b);
    const proposed = await a.post('/api/reconnecting/rituals', {
      title: '  Tea after work  ',
      detail: 'Ten minutes, phones in the other room',
      cadence: 'daily',
    });
    expectStatus(proposed, 201);
    const ritual = proposed.json<{ ritual: TRitual }>().ritual;
    expect(ritual).toMatchObject({
      title: 'Tea after work',
      status: 'proposed',
      proposedByMe: true,
      version: 1,
    });
    expect(proposed.headers.etag).toBe('"1"');
    expect(await unread(b)).toBe(bBefore + 1);

    const seenByB = (await view(b)).rituals;
    expect(seenByB).toEqual([{ ...ritual, proposedByMe: false }]);

    // The proposer cannot agree for both.
    const own = await a.post(`/api/reconnecting/rituals/${ritual.id}/agree`, {}, ifMatch(1));
    expectStatus(own, 409);
    // Agreeing needs the version read.
    expectStatus(await b.post(`/api/reconnecting/rituals/${ritual.id}/agree`), 428);
    const agreed = await b.post(`/api/reconnecting/rituals/${ritual.id}/agree`, {}, ifMatch(1));
    expectStatus(agreed, 200);
    expect(agreed.json<{ ritual: TRitual }>().ritual.status).toBe('active');
    expect((await view(a)).rituals[0]!.status).toBe('active');

    // Both edit from version 1: the second gets 412 with the ritual as it is now.
    const change = { title: 'Tea and a short walk', detail: '', cadence: 'weekly' };
    const first = await b.put(`/api/reconnecting/rituals/${ritual.id}`, change, ifMatch(1));
    expectStatus(first, 200);
    expect(first.json<{ ritual: TRitual }>().ritual).toMatchObject({
      version: 2,
      status: 'proposed',
      proposedByMe: true,
      cadence: 'weekly',
    });
    const stale = await a.put(
      `/api/reconnecting/rituals/${ritual.id}`,
      { title: 'Coffee instead', cadence: 'daily' },
      ifMatch(1),
    );
    expectStatus(stale, 412);
    const current = stale.json<{ error: { current: TRitual } }>().error.current;
    expect(current).toMatchObject({
      version: 2,
      title: 'Tea and a short walk',
      proposedByMe: false,
    });
    // Agreeing to a version that is no longer the latest is refused, with the latest.
    const late = await a.post(`/api/reconnecting/rituals/${ritual.id}/agree`, {}, ifMatch(1));
    expectStatus(late, 412);
    expect(late.json<{ error: { message: string } }>().error.message).toMatch(/changed before/);
    expectStatus(await a.post(`/api/reconnecting/rituals/${ritual.id}/agree`, {}, ifMatch(2)), 200);

    // Either may set it aside, with no reason; then it is gone from both lists.
    expectStatus(await a.post(`/api/reconnecting/rituals/${ritual.id}/set-aside`), 200);
    expect((await view(b)).rituals).toEqual([]);
    expectStatus(await b.post(`/api/reconnecting/rituals/${ritual.id}/set-aside`), 404);
  });

  it('refuses bad input with our own words for each field', async () => {
    const { a } = await coupleInPhaseThree();
    const bad = await a.post('/api/reconnecting/rituals', {
      title: '   ',
      cadence: 'hourly',
      detail: 'x'.repeat(601),
    });
    expectStatus(bad, 400);
    const fields = bad.json<{ error: { fields: Record<string, string> } }>().error.fields;
    expect(fields.title).toBe('Please give the ritual a short name.');
    expect(fields.cadence).toBe('Choose how often: every day, or once a week.');
    expect(fields.detail).toMatch(/600 characters/);
    const nul = await a.post('/api/reconnecting/appreciations', { note: 'thanks\u0000' });
    expectStatus(nul, 400);
    const day = await a.post('/api/reconnecting/dates', { idea: 'Picnic' });
    const id = day.json<{ date: TDatePlan }>().date.id;
    const badDay = await a.put(
      `/api/reconnecting/dates/${id}`,
      { idea: 'Picnic', plannedOn: 'next tuesday', plan: '' },
      ifMatch(1),
    );
    expectStatus(badDay, 400);
    expect(
      badDay.json<{ error: { fields: Record<string, string> } }>().error.fields,
    ).toHaveProperty('plannedOn');
    expectStatus(await a.put('/api/reconnecting/pacing', { pace: 'fast' }, ifMatch(0)), 400);
  });
});

describe('reconnecting: appreciations', () => {
  it('the partner reads them; the sender can take one back only while it is unread', async () => {
    const { a, b } = await coupleInPhaseThree();
    const one = await a.post('/api/reconnecting/appreciations', {
      note: 'Thank you for listening',
    });
    expectStatus(one, 201);
    const two = await a.post('/api/reconnecting/appreciations', { note: 'I liked our walk' });
    const [first, second] = [one, two].map(
      (r) => r.json<{ appreciation: { id: string; canWithdraw: boolean } }>().appreciation,
    );
    expect(first!.canWithdraw).toBe(true);

    // Taking one back before it is read: it is gone, for both.
    expectStatus(await a.delete(`/api/reconnecting/appreciations/${second!.id}`), 200);
    expectStatus(await b.delete(`/api/reconnecting/appreciations/${first!.id}`), 404);
    const received = (await view(b)).appreciations;
    expect(received.received.map((n) => n.note)).toEqual(['Thank you for listening']);
    expect(received.received[0]!.canWithdraw).toBe(false);
    expect(received.sent).toEqual([]);

    // Once it has been on the partner's screen, it stays with them.
    expectStatus(await b.post('/api/reconnecting/appreciations/seen'), 200);
    const sent = (await view(a)).appreciations.sent;
    expect(sent).toHaveLength(1);
    expect(sent[0]!.canWithdraw).toBe(false);
    const late = await a.delete(`/api/reconnecting/appreciations/${first!.id}`);
    expectStatus(late, 409);
    expect(late.json<{ error: { message: string } }>().error.message).toMatch(/already read/);
  });
});

describe('reconnecting: dates', () => {
  it('goes from idea to plan to each partner’s own note, shared only by choice', async () => {
    const { a, b } = await coupleInPhaseThree();
    const idea = await b.post('/api/reconnecting/dates', { idea: 'Dinner at the harbour' });
    expectStatus(idea, 201);
    const date = idea.json<{ date: TDatePlan }>().date;
    expect(date).toMatchObject({ stage: 'idea', plannedOn: null, version: 1 });

    // Notes wait for a day.
    const tooSoon = await a.put(`/api/reconnecting/dates/${date.id}/note`, { note: 'Nice' });
    expectStatus(tooSoon, 409);

    const plan = { idea: 'Dinner at the harbour', plannedOn: '2026-06-12', plan: 'Table at eight' };
    expectStatus(await a.put(`/api/reconnecting/dates/${date.id}`, plan), 428);
    const planned = await a.put(`/api/reconnecting/dates/${date.id}`, plan, ifMatch(1));
    expectStatus(planned, 200);
    expect(planned.json<{ date: TDatePlan }>().date).toMatchObject({
      stage: 'planned',
      plannedOn: '2026-06-12',
      version: 2,
      changedByMe: true,
    });
    const stale = await b.put(
      `/api/reconnecting/dates/${date.id}`,
      { ...plan, plan: 'Lunch instead' },
      ifMatch(1),
    );
    expectStatus(stale, 412);
    expect(stale.json<{ error: { current: TDatePlan } }>().error.current.plan).toBe(
      'Table at eight',
    );

    // Each writes how it went; nothing of A's private note reaches B.
    const mine = await a.put(`/api/reconnecting/dates/${date.id}/note`, {
      note: 'I felt shy at first',
    });
    expectStatus(mine, 200);
    expect(mine.json<{ date: TDatePlan }>().date.myNote).toEqual({
      note: 'I felt shy at first',
      shared: false,
    });
    const bSees = (await view(b)).dates[0]!;
    expect(bSees.partnerNote).toBeNull();
    expect(JSON.stringify(await view(b))).not.toContain('shy');

    expectStatus(await a.post(`/api/reconnecting/dates/${date.id}/note/share`), 200);
    expect((await view(b)).dates[0]!.partnerNote).toBe('I felt shy at first');
    expectStatus(await a.post(`/api/reconnecting/dates/${date.id}/note/unshare`), 200);
    expect((await view(b)).dates[0]!.partnerNote).toBeNull();
    // B has no note of their own to share yet.
    expectStatus(await b.post(`/api/reconnecting/dates/${date.id}/note/share`), 404);

    expectStatus(await b.post(`/api/reconnecting/dates/${date.id}/set-aside`), 200);
    expect((await view(a)).dates).toEqual([]);
  });
});

describe('reconnecting: intimacy pacing', () => {
  it('either pauses with one action; the other sees only that it is paused', async () => {
    const { a, b } = await coupleInPhaseThree();
    const empty = (await view(a)).pacing;
    expect(empty).toMatchObject({ version: 0, status: 'none', paused: false });

    const proposed = await a.put(
      '/api/reconnecting/pacing',
      { pace: 'gentle', words: 'Hugs and holding hands, and we talk first' },
      ifMatch(0),
    );
    expectStatus(proposed, 200);
    expect(proposed.json<{ pacing: TPacing }>().pacing).toMatchObject({
      version: 1,
      status: 'proposed',
      proposedByMe: true,
    });
    // A second first proposal from nothing loses the race.
    const race = await b.put('/api/reconnecting/pacing', { pace: 'open' }, ifMatch(0));
    expectStatus(race, 412);
    expect(race.json<{ error: { current: TPacing } }>().error.current.pace).toBe('gentle');
    expectStatus(await b.post('/api/reconnecting/pacing/agree', {}, ifMatch(1)), 200);
    expect((await view(a)).pacing.status).toBe('agreed');

    // B pauses: one request, no body, no reason. A is not notified.
    const aUnread = await unread(a);
    const bodyBefore = JSON.stringify((await view(a)).pacing);
    const paused = await b.post('/api/reconnecting/pacing/pause');
    expectStatus(paused, 200);
    expect(paused.json<{ pacing: TPacing }>().pacing).toMatchObject({
      paused: true,
      pausedByMe: true,
    });
    const aSees = (await view(a)).pacing;
    expect(aSees).toMatchObject({ paused: true, pausedByMe: false, status: 'agreed' });
    // Nothing else of A's view changed: the same agreement, the same version, no time.
    expect(JSON.stringify({ ...aSees, paused: false })).toBe(bodyBefore);
    expect(await unread(a)).toBe(aUnread);

    // Pressing again changes nothing; while paused the agreement waits.
    expectStatus(await b.post('/api/reconnecting/pacing/pause'), 200);
    const blocked = await a.put('/api/reconnecting/pacing', { pace: 'open' }, ifMatch(1));
    expectStatus(blocked, 409);
    expect(blocked.json<{ error: { message: string } }>().error.message).toMatch(/paused/);

    // A resuming lifts only A's own pause (there is none), so it stays paused.
    const aResume = await a.post('/api/reconnecting/pacing/resume');
    expect(aResume.json<{ pacing: TPacing }>().pacing).toMatchObject({
      paused: true,
      pausedByMe: false,
    });
    // Both pause; B resumes; A's pause holds it.
    expectStatus(await a.post('/api/reconnecting/pacing/pause'), 200);
    const bResume = await b.post('/api/reconnecting/pacing/resume');
    expect(bResume.json<{ pacing: TPacing }>().pacing).toMatchObject({
      paused: true,
      pausedByMe: false,
    });
    const lifted = await a.post('/api/reconnecting/pacing/resume');
    expect(lifted.json<{ pacing: TPacing }>().pacing).toMatchObject({
      paused: false,
      pausedByMe: false,
    });
    expect(await unread(a)).toBe(aUnread);
  });

  it('can still be paused after the couple steps back from phase 3, but not changed', async () => {
    const { a, b } = await coupleInPhaseThree();
    expectStatus(await a.put('/api/reconnecting/pacing', { pace: 'closeness' }, ifMatch(0)), 200);
    expectStatus(await b.post('/api/program/pace/step-back', { phase: 2 }), 200);
    expect((await view(a)).phaseOpen).toBe(false);
    expectStatus(await a.post('/api/reconnecting/pacing/agree', {}, ifMatch(1)), 409);
    const paused = await b.post('/api/reconnecting/pacing/pause');
    expectStatus(paused, 200);
    expect((await view(a)).pacing).toMatchObject({ pace: 'closeness', paused: true });
    expectStatus(await b.post('/api/reconnecting/pacing/resume'), 200);
    expect((await view(a)).pacing.paused).toBe(false);
  });

  it('stores nothing about a pause but who holds one: no reason, no time', async () => {
    const { a, b } = await coupleInPhaseThree();
    expectStatus(await a.post('/api/reconnecting/pacing/pause', { reason: 'tired' }), 200);
    // The table's columns, to keep it that way.
    const columns = await queryRows<{ column_name: string }>(
      t.database.db,
      sql`select column_name from information_schema.columns
        where table_name = 'reconnecting_pacing_pauses' order by column_name`,
    );
    expect(columns.map((r) => r.column_name)).toEqual(['couple_since', 'space_id', 'user_id']);
    expect((await view(b)).pacing.paused).toBe(true);
  });
});

describe('reconnecting: download my data', () => {
  it('holds my notes and what was shared with me, never my partner’s private note', async () => {
    const { a, b } = await coupleInPhaseThree();
    const idea = await a.post('/api/reconnecting/dates', { idea: 'EXPORT-IDEA-31a' });
    const { id } = idea.json<{ date: TDatePlan }>().date;
    const plan = { idea: 'EXPORT-IDEA-31a', plannedOn: '2026-07-01', plan: 'EXPORT-PLAN-8b2' };
    expectStatus(await a.put(`/api/reconnecting/dates/${id}`, plan, ifMatch(1)), 200);
    expectStatus(await a.put(`/api/reconnecting/dates/${id}/note`, { note: 'A-PRIVATE-5d7' }), 200);
    expectStatus(await b.put(`/api/reconnecting/dates/${id}/note`, { note: 'B-SHARED-6e1' }), 200);
    expectStatus(await b.post(`/api/reconnecting/dates/${id}/note/share`), 200);
    expectStatus(await b.put(`/api/reconnecting/dates/${id}/note`, { note: 'B-SHARED-6e1' }), 200);
    expectStatus(await b.post('/api/reconnecting/appreciations', { note: 'B-THANKS-0c4' }), 201);
    expectStatus(await b.post('/api/reconnecting/pacing/pause'), 200);

    const html = async (c: TestClient) => {
      const stepUp = await c.post('/api/auth/step-up', {
        method: 'password',
        password: TEST_PASSWORD,
      });
      expectStatus(stepUp, 200);
      const response = await c.get('/api/my-data/export');
      expectStatus(response, 200);
      return readZip(response.rawPayload).get('my-data.html')!.toString('utf8');
    };
    const mine = await html(a);
    for (const word of [
      'EXPORT-IDEA-31a',
      'EXPORT-PLAN-8b2',
      'A-PRIVATE-5d7',
      'B-SHARED-6e1',
      'B-THANKS-0c4',
    ])
      expect(mine).toContain(word);
    // Of B's pause, A's export says nothing at all.
    expect(mine).not.toContain('My pause');
    const theirs = await html(b);
    expect(theirs).toContain('B-SHARED-6e1');
    expect(theirs).toContain('I have paused it.');
    expect(theirs).not.toContain('A-PRIVATE-5d7');
  });
});
