import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TGoal,
  TGoalsView,
  THardDate,
  TMilestone,
  TReviewView,
} from '#shared/schemas/goals.ts';
import { HARD_DATE_JOB } from '#server/features/goals/reminders.ts';
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

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** Both choose to go on, twice: the couple's pace reaches phase 3. */
async function reachPhaseThree(a: TestClient, b: TestClient): Promise<void> {
  for (const phase of [2, 3]) {
    for (const who of [a, b]) {
      expectStatus(await who.post('/api/program/pace/ready', { phase }), 200);
    }
  }
}

async function coupleInPhaseThree(names: [string, string] = ['Alex', 'Sam']) {
  const couple = await createCouple(t, names);
  await reachPhaseThree(couple.a, couple.b);
  return couple;
}

async function view(who: TestClient): Promise<TGoalsView> {
  const response = await who.get('/api/goals');
  expectStatus(response, 200);
  return response.json<TGoalsView>();
}

async function review(who: TestClient): Promise<TReviewView> {
  const response = await who.get('/api/goals/review');
  expectStatus(response, 200);
  return response.json<TReviewView>();
}

async function propose(who: TestClient, body: Record<string, unknown> = {}): Promise<TGoal> {
  const response = await who.post('/api/goals', {
    title: 'A weekend away, just the two of us',
    why: 'To remember that we can enjoy time together.',
    ...body,
  });
  expectStatus(response, 201);
  return response.json<{ goal: TGoal }>().goal;
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

describe('goals and milestones', () => {
  it('waits for the couple to reach phase 3 together, and for a partner', async () => {
    const { a, b } = await createCouple(t);
    const closed = await view(a);
    expect(closed).toMatchObject({ phaseOpen: false, goals: [], hardDates: [] });
    const refused = await a.post('/api/goals', { title: 'Walk on Sundays' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/third phase/);
    await reachPhaseThree(a, b);
    expect((await view(b)).phaseOpen).toBe(true);

    const alone = await t.signUp('Robin');
    expectStatus(await alone.post('/api/space'), 201);
    expect((await view(alone)).phaseOpen).toBe(false);
    expect((await alone.post('/api/goals', { title: 'Alone' })).statusCode).toBe(409);
  });

  it('one proposes, both see it, the other takes it on; the proposer cannot agree for both', async () => {
    const { a, b } = await coupleInPhaseThree();
    const goal = await propose(a, { targetOn: '2030-06-01' });
    expect(goal).toMatchObject({ agreed: false, proposedBy: { name: 'Alex', mine: true } });
    const seen = (await view(b)).goals;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id: goal.id, proposedBy: { mine: false }, lookAgain: false });

    const own = await a.put(`/api/goals/${goal.id}/agreement`, {}, ifMatch(goal.version));
    expect(own.statusCode).toBe(409);
    const agreed = await b.put(`/api/goals/${goal.id}/agreement`, {}, ifMatch(goal.version));
    expectStatus(agreed, 200);
    expect(agreed.json<{ goal: TGoal }>().goal).toMatchObject({ agreed: true, version: 2 });
    expect(agreed.headers.etag).toBe('"2"');
  });

  it('a save from an old version gets 412 with the goal as it is now; none without If-Match', async () => {
    const { a, b } = await coupleInPhaseThree();
    const goal = await propose(a);
    const first = await a.put(
      `/api/goals/${goal.id}`,
      { title: 'A weekend by the sea', why: goal.why },
      ifMatch(1),
    );
    expectStatus(first, 200);
    const stale = await b.put(
      `/api/goals/${goal.id}`,
      { title: 'A weekend in the hills', why: '' },
      ifMatch(1),
    );
    expect(stale.statusCode).toBe(412);
    const body = stale.json<{ error: { code: string; current: TGoal } }>();
    expect(body.error.code).toBe('precondition_failed');
    expect(body.error.current).toMatchObject({ title: 'A weekend by the sea', version: 2 });
    expect((await b.put(`/api/goals/${goal.id}`, { title: 'x' })).statusCode).toBe(428);
    expect((await view(b)).goals[0]!.title).toBe('A weekend by the sea');
  });

  it('milestones are added, reached and un-reached, with If-Match; a passed target is a date to look at again', async () => {
    const { a, b } = await coupleInPhaseThree();
    const goal = await propose(a, { targetOn: '2020-01-01' });
    expect(goal.lookAgain).toBe(true);
    const added = await b.post(`/api/goals/${goal.id}/milestones`, {
      title: 'Choose a place together',
      targetOn: '2020-02-01',
    });
    expectStatus(added, 201);
    const milestone = added.json<{ goal: TGoal }>().goal.milestones[0]!;
    expect(milestone).toMatchObject({ reachedOn: null, lookAgain: true, version: 1 });

    const reached = await a.put(
      `/api/goals/milestones/${milestone.id}/reached`,
      { reached: true },
      ifMatch(1),
    );
    expectStatus(reached, 200);
    const after = reached.json<{ milestone: TMilestone }>().milestone;
    expect(after).toMatchObject({ reachedBy: { name: 'Alex', mine: true }, lookAgain: false });
    expect(after.reachedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Every step reached: the goal's date is no longer one to look at again.
    expect((await view(b)).goals[0]).toMatchObject({ lookAgain: false });

    const stale = await b.put(
      `/api/goals/milestones/${milestone.id}/reached`,
      { reached: false },
      ifMatch(1),
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ error: { current: TMilestone } }>().error.current.version).toBe(2);
    const undone = await b.put(
      `/api/goals/milestones/${milestone.id}/reached`,
      { reached: false },
      ifMatch(2),
    );
    expectStatus(undone, 200);
    expect(undone.json<{ milestone: TMilestone }>().milestone).toMatchObject({
      reachedOn: null,
      reachedBy: null,
    });

    const renamed = await a.put(
      `/api/goals/milestones/${milestone.id}`,
      { title: 'Choose a place', targetOn: null },
      ifMatch(3),
    );
    expectStatus(renamed, 200);
    expect(renamed.json<{ milestone: TMilestone }>().milestone).toMatchObject({
      title: 'Choose a place',
      lookAgain: false,
    });
  });

  it('a goal set aside stays readable and can come back', async () => {
    const { a, b } = await coupleInPhaseThree();
    const goal = await propose(a);
    const aside = await b.put(`/api/goals/${goal.id}/aside`, { setAside: true }, ifMatch(1));
    expect(aside.json<{ goal: TGoal }>().goal.setAside).toBe(true);
    expect((await view(a)).goals[0]!.setAside).toBe(true);
    const back = await a.put(`/api/goals/${goal.id}/aside`, { setAside: false }, ifMatch(2));
    expect(back.json<{ goal: TGoal }>().goal.setAside).toBe(false);
  });

  it('refuses bad input with our own words, and hides other couples’ goals as not found', async () => {
    const { a } = await coupleInPhaseThree();
    const blank = await a.post('/api/goals', { title: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json<{ error: { fields: Record<string, string> } }>().error.fields.title).toMatch(
      /few words/,
    );
    const badDate = await a.post('/api/goals', { title: 'x', targetOn: '31/12/2030' });
    expect(
      badDate.json<{ error: { fields: Record<string, string> } }>().error.fields.targetOn,
    ).toMatch(/YYYY-MM-DD/);
    const goal = await propose(a);
    const other = await coupleInPhaseThree(['Kim', 'Lee']);
    expect(
      (await other.a.put(`/api/goals/${goal.id}`, { title: 'x' }, ifMatch(1))).statusCode,
    ).toBe(404);
    expect(
      (await other.a.post(`/api/goals/${goal.id}/milestones`, { title: 'x' })).statusCode,
    ).toBe(404);
    expect((await view(other.a)).goals).toEqual([]);
  });

  it('after a partner leaves, the one who stays keeps the goals to read; a new partner sees none', async () => {
    const { a, b } = await coupleInPhaseThree();
    const goal = await propose(a);
    expectStatus(await b.post('/api/space/leave'), 200);
    expect((await b.get('/api/goals')).statusCode).toBe(404);
    const kept = (await view(a)).goals;
    expect(kept).toEqual([expect.objectContaining({ id: goal.id, current: false })]);
    // Kept to read, never to change again.
    expect((await a.put(`/api/goals/${goal.id}`, { title: 'x' }, ifMatch(1))).statusCode).toBe(404);

    const c = await t.signUp('Jordan');
    const invite = await a.post('/api/invites');
    expectStatus(invite, 201);
    expectStatus(
      await c.post('/api/invites/accept', { token: invite.json<{ token: string }>().token }),
      200,
    );
    expect((await view(c)).goals).toEqual([]);
    expect((await view(a)).goals.map((g) => g.current)).toEqual([false]);
    await reachPhaseThree(a, c);
    expect((await a.put(`/api/goals/${goal.id}`, { title: 'x' }, ifMatch(1))).statusCode).toBe(404);
  });

  it('rests while joint work rests, with the same neutral words', async () => {
    const { a, b } = await coupleInPhaseThree();
    const goal = await propose(a);
    const lift = await holdJointWork(t, b);
    const held = await a.put(`/api/goals/${goal.id}`, { title: 'x' }, ifMatch(1));
    expect(held.statusCode).toBe(409);
    expect(held.json<{ error: { code: string } }>().error.code).toBe('joint_work_paused');
    expect((await view(a)).jointWorkOpen).toBe(false);
    // Reading stays possible.
    expect((await view(a)).goals).toHaveLength(1);
    await lift();
    expectStatus(await a.put(`/api/goals/${goal.id}`, { title: 'x' }, ifMatch(1)), 200);
  });
});

describe('the hard-dates plan', () => {
  it('each writes their own part and both read both; reminders wait for their day', async () => {
    const { a, b } = await coupleInPhaseThree();
    const created = await a.post('/api/goals/hard-dates', {
      title: 'The day it came to light',
      day: '2025-03-14',
      yearly: true,
      remindDays: 4,
    });
    expectStatus(created, 201);
    const date = created.json<{ hardDate: THardDate }>().hardDate;
    expect(date.nextOn).toMatch(/-03-14$/);
    expect(date.parts.map((p) => [p.name, p.plan])).toEqual([
      ['Alex', ''],
      ['Sam', ''],
    ]);

    expectStatus(
      await a.put(`/api/goals/hard-dates/${date.id}/my-part`, {
        plan: 'I will take the day off and we walk by the river.',
      }),
      200,
    );
    const bSaved = await b.put(`/api/goals/hard-dates/${date.id}/my-part`, {
      plan: 'I will check in with you at lunch, and not make you ask.',
    });
    expectStatus(bSaved, 200);
    const both = (await view(a)).hardDates[0]!;
    expect(both.parts).toEqual([
      { name: 'Alex', mine: true, plan: 'I will take the day off and we walk by the river.' },
      {
        name: 'Sam',
        mine: false,
        plan: 'I will check in with you at lunch, and not make you ask.',
      },
    ]);

    // One reminder job per partner, in the future, carrying ids only.
    const jobs = await t.database.db.execute(
      sql`select payload, run_at from outbox where kind = ${HARD_DATE_JOB}
        and payload->>'hardDateId' = ${date.id}`,
    );
    const rows = (jobs as { rows: { payload: Record<string, unknown> }[] }).rows;
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain('came to light');
  });

  it('a stale change of a hard date gets 412; a changed date leaves the old reminder silent', async () => {
    const { a, b } = await coupleInPhaseThree();
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const created = await a.post('/api/goals/hard-dates', {
      title: 'Our anniversary',
      day,
      yearly: false,
      remindDays: 3,
    });
    const date = created.json<{ hardDate: THardDate }>().hardDate;
    const changed = await b.put(
      `/api/goals/hard-dates/${date.id}`,
      { title: 'Our anniversary', day, yearly: false, remindDays: 2 },
      ifMatch(1),
    );
    expectStatus(changed, 200);
    const stale = await a.put(
      `/api/goals/hard-dates/${date.id}`,
      { title: 'x', day, yearly: false },
      ifMatch(1),
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ error: { current: THardDate } }>().error.current.remindDays).toBe(2);

    // The reminder is due today (the date is 2 days away): run due jobs and look.
    await t.deliver();
    const notesOf = async (who: TestClient) =>
      (await who.get('/api/notifications')).json<{
        notifications: { kind: string; link: string; actorName: string | null }[];
      }>().notifications;
    const aNotes = (await notesOf(a)).filter((n) => n.kind === 'hard_date');
    const bNotes = (await notesOf(b)).filter((n) => n.kind === 'hard_date');
    // One each: the job of version 1 stayed silent.
    expect(aNotes).toHaveLength(1);
    expect(bNotes).toHaveLength(1);
    expect(aNotes[0]!.link).toBe(`/goals#hard-date-${date.id}`);
    expect(JSON.stringify(aNotes)).not.toContain('anniversary');
  });

  it('a reminder waits for the person’s own morning', async () => {
    const { a } = await coupleInPhaseThree();
    expectStatus(
      await a.put(
        '/api/notifications/preferences',
        {
          channels: { comment: 'in_app', reply: 'in_app', shared: 'in_app', therapist: 'in_app' },
          quietHours: null,
          timeZone: 'Pacific/Auckland',
          commentDefault: 'all',
        },
        ifMatch(0),
      ),
      200,
    );
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const created = await a.post('/api/goals/hard-dates', {
      title: 'A holiday that used to be ours',
      day,
      yearly: false,
      remindDays: 3,
    });
    const date = created.json<{ hardDate: THardDate }>().hardDate;
    const jobs = await t.database.db.execute(
      sql`select run_at::text as run_at, payload->>'recipientId' as who from outbox
        where kind = ${HARD_DATE_JOB} and payload->>'hardDateId' = ${date.id}`,
    );
    const rows = (jobs as { rows: { run_at: string; who: string }[] }).rows;
    const mine = rows.find((r) => r.who === a.userId)!;
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Pacific/Auckland',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(mine.run_at));
    expect(local).toBe('09:00');
  });
});

describe('the progress review', () => {
  it('stays private until both have finished, then both read both; a draft leaves no trace', async () => {
    const { a, b } = await coupleInPhaseThree();
    const before = await review(b);
    expectStatus(
      await a.put('/api/goals/review/mine', {
        grown: 'We talk at night again.',
        hurts: 'Certain songs.',
        next: 'A trip in spring.',
      }),
      200,
    );
    expect(await review(b)).toEqual(before);
    const finished = await a.post('/api/goals/review/mine/finish');
    expectStatus(finished, 200);
    expect(finished.json<TReviewView>()).toMatchObject({
      round: 1,
      mine: { finished: true },
      together: [],
    });
    expect(await review(b)).toEqual(before);
    // Finished answers are not changed without opening them again.
    expect((await a.put('/api/goals/review/mine', { grown: 'x' })).statusCode).toBe(409);

    expectStatus(await b.put('/api/goals/review/mine', { grown: 'I trust your word more.' }), 200);
    const bothDone = await b.post('/api/goals/review/mine/finish');
    expectStatus(bothDone, 200);
    const bView = bothDone.json<TReviewView>();
    expect(bView.round).toBe(2);
    expect(bView.together).toHaveLength(1);
    expect(bView.together[0]).toMatchObject({
      round: 1,
      mine: { grown: 'I trust your word more.', hurts: '', next: '' },
      partner: { name: 'Alex', grown: 'We talk at night again.', hurts: 'Certain songs.' },
    });
    const aView = await review(a);
    expect(aView.round).toBe(2);
    expect(aView.together[0]!.partner).toMatchObject({
      name: 'Sam',
      grown: 'I trust your word more.',
    });
    expect(aView.mine).toMatchObject({ grown: '', finished: false });

    // The one who finished first is told, with no words of either's answers.
    const notes = (await a.get('/api/notifications')).json<{
      notifications: { kind: string; link: string }[];
    }>().notifications;
    expect(notes.filter((n) => n.link === '/goals#review')).toHaveLength(1);
  });

  it('can be opened again before the partner finishes, and refuses an empty finish', async () => {
    const { a } = await coupleInPhaseThree();
    expect((await a.post('/api/goals/review/mine/finish')).statusCode).toBe(409);
    expectStatus(await a.put('/api/goals/review/mine', { next: 'More walks.' }), 200);
    expectStatus(await a.post('/api/goals/review/mine/finish'), 200);
    const reopened = await a.post('/api/goals/review/mine/reopen');
    expectStatus(reopened, 200);
    expect(reopened.json<TReviewView>().mine).toMatchObject({
      finished: false,
      next: 'More walks.',
    });
    expect((await a.post('/api/goals/review/mine/reopen')).statusCode).toBe(409);
  });

  it('two finishes at once tell exactly one person', async () => {
    const { a, b } = await coupleInPhaseThree();
    expectStatus(await a.put('/api/goals/review/mine', { grown: 'one' }), 200);
    expectStatus(await b.put('/api/goals/review/mine', { grown: 'two' }), 200);
    const [ra, rb] = await Promise.all([
      a.post('/api/goals/review/mine/finish'),
      b.post('/api/goals/review/mine/finish'),
    ]);
    expectStatus(ra, 200);
    expectStatus(rb, 200);
    const told = async (who: TestClient) =>
      (await who.get('/api/notifications'))
        .json<{ notifications: { link: string }[] }>()
        .notifications.filter((n) => n.link === '/goals#review').length;
    expect((await told(a)) + (await told(b))).toBe(1);
    expect((await review(a)).together).toHaveLength(1);
  });

  it('Today counts my partner’s changes to goals and dates, never the review', async () => {
    const { a, b } = await coupleInPhaseThree();
    const newsOf = async () =>
      (await b.get(`/api/today?day=${new Date().toISOString().slice(0, 10)}`)).json<{
        news: { kind: string; count: number }[];
      }>().news;
    expectStatus(await a.put('/api/goals/review/mine', { grown: 'private words' }), 200);
    expect((await newsOf()).find((n) => n.kind === 'goals')).toBeUndefined();
    await propose(a);
    expect((await newsOf()).find((n) => n.kind === 'goals')).toMatchObject({ count: 1 });
  });

  it('my export holds our goals and dates and my own answers, never my partner’s unfinished ones', async () => {
    const { a, b } = await coupleInPhaseThree();
    await propose(a, { title: 'EXPORT-GOAL-1c4' });
    expectStatus(await a.put('/api/goals/review/mine', { next: 'EXPORT-MINE-7d1' }), 200);
    expectStatus(await b.put('/api/goals/review/mine', { next: 'EXPORT-THEIRS-2e9' }), 200);
    expectStatus(
      await a.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD }),
      200,
    );
    const response = await a.get('/api/my-data/export');
    expectStatus(response, 200);
    const json = readZip(response.rawPayload).get('my-data.json')!.toString('utf8');
    expect(json).toContain('EXPORT-GOAL-1c4');
    expect(json).toContain('EXPORT-MINE-7d1');
    expect(json).not.toContain('EXPORT-THEIRS-2e9');
  });
});
