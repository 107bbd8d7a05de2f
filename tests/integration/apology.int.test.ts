import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TApologyOverview,
  TApologyVersion,
  TCommitment,
  TReaderApology,
  TWriterApology,
} from '#shared/schemas/apology.ts';
import type { TNotificationList } from '#shared/schemas/notifications.ts';
import { queryRows } from '#server/db/query.ts';
import { readZip } from '../helpers/zip';
import { atLocalTime } from '#server/events/local-time.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  TEST_PASSWORD,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';

type Person = TestClient & { email: string; userId: string };

const BASE = '/api/apology';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

const PARTS = {
  whatIDid: 'I hid a relationship from you for eight months and lied when you asked.',
  harm: 'You stopped trusting your own sense of what was real.',
  responsibility: 'The choice was mine alone, and so is the lying.',
  regret: "I'm sorry you feel hurt.",
  change: 'I will answer every question you ask, for as long as you need.',
  repair: 'I will go to counselling with you and pay for it.',
  forgiveness: 'Will you one day forgive me?',
  askForgiveness: false,
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const today = () => new Date().toISOString().slice(0, 10);
const dayFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function overview(person: TestClient): Promise<TApologyOverview> {
  const response = await person.get(BASE);
  expectStatus(response, 200);
  return response.json<TApologyOverview>();
}

/** A couple where `ip` named an injury as the involved partner; `hp` confirmed it. */
async function coupleWithInjury(): Promise<{ ip: Person; hp: Person; injuryId: string }> {
  const { a: ip, b: hp } = await createCouple(t, ['Robin', 'Kim']);
  const named = await ip.post('/api/injuries', {
    kind: 'affair',
    cameToLight: '2026-01',
    myRole: 'involved',
  });
  expectStatus(named, 201);
  const { injury } = named.json<{ injury: { id: string; version: number } }>();
  expectStatus(
    await hp.post(`/api/injuries/${injury.id}/confirm`, {}, ifMatch(injury.version)),
    200,
  );
  return { ip, hp, injuryId: injury.id };
}

async function start(ip: TestClient, injuryId: string): Promise<TWriterApology> {
  const response = await ip.post(BASE, { injuryId });
  expectStatus(response, 201);
  return response.json<TWriterApology>();
}

async function save(ip: TestClient, apology: TWriterApology, body = PARTS) {
  const response = await ip.put(`${BASE}/${apology.id}`, body, ifMatch(apology.version));
  expectStatus(response, 200);
  return response.json<TWriterApology>();
}

async function send(ip: TestClient, apology: TWriterApology) {
  const response = await ip.post(`${BASE}/${apology.id}/send`, {}, ifMatch(apology.version));
  expectStatus(response, 200);
  return response.json<TWriterApology>();
}

async function commit(
  ip: TestClient,
  apologyId: string,
  text: string,
  checkInOn = dayFromToday(7),
) {
  const response = await ip.post(`${BASE}/${apologyId}/commitments`, { text, checkInOn });
  expectStatus(response, 201);
  return response.json<TCommitment>();
}

async function mine(ip: TestClient, id: string): Promise<TWriterApology> {
  const response = await ip.get(`${BASE}/${id}`);
  expectStatus(response, 200);
  return response.json<TWriterApology>();
}

describe('writing and sending an apology', () => {
  it('only the involved partner starts one; the draft and its commitments stay private until sent', async () => {
    const { ip, hp, injuryId } = await coupleWithInjury();
    expect((await overview(ip)).toStart.map((i) => i.id)).toEqual([injuryId]);
    expect((await overview(hp)).toStart).toEqual([]);
    expect((await hp.post(BASE, { injuryId })).statusCode).toBe(409);
    expect((await ip.post(BASE, { injuryId: NO_SUCH_ID })).statusCode).toBe(404);

    const draft = await save(ip, await start(ip, injuryId));
    expect((await ip.post(BASE, { injuryId })).statusCode).toBe(409);
    await commit(ip, draft.id, 'No contact with that person, in any form.');
    expect((await overview(ip)).toStart).toEqual([]);

    // Nothing of the draft reaches the partner: not in the list, not by id, not a version.
    const seen = await overview(hp);
    expect(seen.apologies).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('eight months');
    expect((await hp.get(`${BASE}/${draft.id}`)).statusCode).toBe(404);
    expect((await hp.get(`${BASE}/${draft.id}/versions/1`)).statusCode).toBe(404);
  });

  it('the language check flags "I\'m sorry you feel" as a suggestion; sending still works', async () => {
    const { ip, hp, injuryId } = await coupleWithInjury();
    const saved = await save(ip, await start(ip, injuryId));
    expect(saved.findings).toEqual([
      expect.objectContaining({
        part: 'regret',
        rule: 'sorry-you-feel',
        words: "I'm sorry you feel",
      }),
    ]);
    const sent = await send(ip, saved);
    expect(sent.versions.map((v) => v.number)).toEqual([1]);
    expect(sent.hasUnsentChanges).toBe(false);
    const reader = (await overview(hp)).apologies[0] as TReaderApology;
    expect(reader.view).toBe('reader');
    expect(reader.latest.regret).toBe("I'm sorry you feel hurt.");
    // Asking for forgiveness is off, so its words stay with the writer.
    expect(reader.latest.askForgiveness).toBe(false);
    expect(reader.latest.forgiveness).toBe('');
    expect(reader.injury).toMatchObject({ id: injuryId, kind: 'affair' });
  });

  it('every sent version is kept; the partner reads each, never the draft in between', async () => {
    const { ip, hp, injuryId } = await coupleWithInjury();
    const first = await send(ip, await save(ip, await start(ip, injuryId)));
    const revised = await save(ip, first, {
      ...PARTS,
      regret: 'I am sorry that I lied to you, and for every night it cost you.',
      askForgiveness: true,
    });
    expect(revised.findings).toEqual([]);
    expect(revised.hasUnsentChanges).toBe(true);
    // The unsent revision is invisible to the partner.
    const before = await hp.get(`${BASE}/${first.id}`);
    expect(before.json<TReaderApology>().latest.number).toBe(1);
    expect(before.body).not.toContain('every night');
    expect(before.headers.etag).toBeUndefined();

    const second = await send(ip, revised);
    expect(second.versions.map((v) => v.number)).toEqual([2, 1]);
    // Sending again with no change makes no new version.
    expect((await send(ip, second)).versions).toHaveLength(2);

    const v1 = (await hp.get(`${BASE}/${first.id}/versions/1`)).json<TApologyVersion>();
    const v2 = (await hp.get(`${BASE}/${first.id}/versions/2`)).json<TApologyVersion>();
    expect(v1.regret).toBe("I'm sorry you feel hurt.");
    expect(v2.regret).toContain('every night');
    expect(v2.forgiveness).toBe('Will you one day forgive me?');
    expect((await hp.get(`${BASE}/${first.id}/versions/3`)).statusCode).toBe(404);
  });

  it('refuses to send with a part left empty (400 with fields); bad input is a clear 400', async () => {
    const { ip, injuryId } = await coupleWithInjury();
    const apology = await start(ip, injuryId);
    const empty = await ip.post(`${BASE}/${apology.id}/send`, {}, ifMatch(apology.version));
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json<{ error: { fields: object } }>().error.fields).sort()).toEqual(
      ['change', 'harm', 'regret', 'repair', 'responsibility', 'whatIDid'].sort(),
    );
    const tooLong = await ip.put(
      `${BASE}/${apology.id}`,
      { ...PARTS, harm: 'x'.repeat(4001) },
      ifMatch(apology.version),
    );
    expect(tooLong.statusCode).toBe(400);
    const why = await ip.put(
      `${BASE}/${apology.id}`,
      { ...PARTS, why: 'Because we had grown apart.' },
      ifMatch(apology.version),
    );
    expect(why.statusCode).toBe(400);
    expect(why.json<{ error: { fields: { body: string } } }>().error.fields.body).toContain(
      '"why"',
    );
    expect((await ip.put(`${BASE}/${apology.id}`, PARTS)).statusCode).toBe(428);
    for (const checkInOn of ['2026-02-30', 'tomorrow', dayFromToday(-5), dayFromToday(500)]) {
      const response = await ip.post(`${BASE}/${apology.id}/commitments`, {
        text: 'A promise',
        checkInOn,
      });
      expect(response.statusCode, checkInOn).toBe(400);
    }
    const blank = await ip.post(`${BASE}/${apology.id}/commitments`, {
      text: '   ',
      checkInOn: today(),
    });
    expect(blank.statusCode).toBe(400);
  });

  it('two devices saving from one version: one wins, the other gets 412 with the current draft', async () => {
    const { ip, injuryId } = await coupleWithInjury();
    const apology = await start(ip, injuryId);
    const [one, two] = await Promise.all([
      ip.put(
        `${BASE}/${apology.id}`,
        { ...PARTS, harm: 'from the phone' },
        ifMatch(apology.version),
      ),
      ip.put(
        `${BASE}/${apology.id}`,
        { ...PARTS, harm: 'from the laptop' },
        ifMatch(apology.version),
      ),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 412]);
    const lost = one.statusCode === 412 ? one : two;
    const won = one.statusCode === 200 ? one : two;
    const current = lost.json<{ error: { current: TWriterApology } }>().error.current;
    expect(current.draft.harm).toBe(won.json<TWriterApology>().draft.harm);
  });

  it('sending rests while joint work rests; writing the draft does not', async () => {
    const { ip, hp, injuryId } = await coupleWithInjury();
    const apology = await save(ip, await start(ip, injuryId));
    const lift = await holdJointWork(t, hp);
    const held = await ip.post(`${BASE}/${apology.id}/send`, {}, ifMatch(apology.version));
    expect(held.statusCode).toBe(409);
    expect(held.json<{ error: { code: string } }>().error.code).toBe('joint_work_paused');
    expect((await overview(ip)).jointWorkOpen).toBe(false);
    await save(ip, apology, { ...PARTS, harm: 'Still writing.' });
    await lift();
    await send(ip, await mine(ip, apology.id));
  });

  it('tells the partner when it is sent, without any of its words', async () => {
    const { ip, hp, injuryId } = await coupleWithInjury();
    const sent = await send(ip, await save(ip, await start(ip, injuryId)));
    const list = (await hp.get('/api/notifications')).json<TNotificationList>();
    expect(list.notifications[0]).toMatchObject({
      kind: 'shared',
      actorName: 'Robin',
      link: `/apology#apology-${sent.id}`,
    });
    expect(JSON.stringify(list)).not.toContain('eight months');
  });
});

describe('commitments', () => {
  it('are shared with the apology; follow-through is noted and acknowledged, never scored', async () => {
    const { ip, hp, injuryId } = await coupleWithInjury();
    const draft = await save(ip, await start(ip, injuryId));
    const kept = await commit(ip, draft.id, 'Phone open on the table in the evenings.');
    const dropped = await commit(ip, draft.id, 'A promise I thought better of.');
    // A commitment never sent can be removed; before sending, a follow-through has nowhere to go.
    expect((await ip.delete(`${BASE}/commitments/${dropped.id}`)).statusCode).toBe(204);
    const early = await ip.post(`${BASE}/commitments/${kept.id}/follow-through`, {
      note: 'Done',
      on: today(),
    });
    expect(early.statusCode).toBe(409);

    await send(ip, await mine(ip, draft.id));
    const reader = (await overview(hp)).apologies[0] as TReaderApology;
    expect(reader.commitments.map((c) => c.text)).toEqual([
      'Phone open on the table in the evenings.',
    ]);
    // The partner never learns how often a commitment was edited before it was sent.
    expect(reader.commitments[0]!.version).toBe(0);
    expect((await ip.delete(`${BASE}/commitments/${kept.id}`)).statusCode).toBe(409);

    const noted = await ip.post(`${BASE}/commitments/${kept.id}/follow-through`, {
      note: 'Every evening this week the phone stayed on the table.',
      on: today(),
    });
    expect(noted.statusCode).toBe(201);
    const note = noted.json<TCommitment>().followThroughs[0]!;
    expect(note.acknowledgement).toBeNull();
    // Only the partner it was shared with answers it; the writer cannot answer their own.
    expect(
      (
        await ip.put(
          `${BASE}/commitments/follow-through/${note.id}/acknowledgement`,
          { answer: 'seen' },
          ifMatch(0),
        )
      ).statusCode,
    ).toBe(404);
    const seen = await hp.put(
      `${BASE}/commitments/follow-through/${note.id}/acknowledgement`,
      { answer: 'seen' },
      ifMatch(0),
    );
    expect(seen.statusCode).toBe(200);
    expect(seen.json<TCommitment>().followThroughs[0]!.acknowledgement).toMatchObject({
      answer: 'seen',
      version: 1,
    });
    // A second first answer (another device) gets 412 with the answer as it is now.
    const again = await hp.put(
      `${BASE}/commitments/follow-through/${note.id}/acknowledgement`,
      { answer: 'not_yet' },
      ifMatch(0),
    );
    expect(again.statusCode).toBe(412);
    const changed = await hp.put(
      `${BASE}/commitments/follow-through/${note.id}/acknowledgement`,
      { answer: 'not_yet', note: 'I would like to talk about the weekend.' },
      ifMatch(1),
    );
    expect(changed.statusCode).toBe(200);
    const writer = await mine(ip, draft.id);
    expect(writer.commitments[0]!.followThroughs[0]!.acknowledgement).toMatchObject({
      answer: 'not_yet',
      note: 'I would like to talk about the weekend.',
    });
    // The partner hears of the note (ids only).
    const list = (await hp.get('/api/notifications')).json<TNotificationList>();
    expect(list.notifications.map((n) => n.link)).toContain(`/apology#commitment-${kept.id}`);
    expect(JSON.stringify(writer)).not.toMatch(/score|streak|count/i);
  });

  it('a stale edit of a commitment gets 412 with the commitment as it is now', async () => {
    const { ip, injuryId } = await coupleWithInjury();
    const draft = await start(ip, injuryId);
    const c = await commit(ip, draft.id, 'First words');
    const edited = await ip.put(
      `${BASE}/commitments/${c.id}`,
      { text: 'Second words', checkInOn: c.checkInOn },
      ifMatch(c.version),
    );
    expect(edited.statusCode).toBe(200);
    const stale = await ip.put(
      `${BASE}/commitments/${c.id}`,
      { text: 'Third words', checkInOn: c.checkInOn },
      ifMatch(c.version),
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ error: { current: TCommitment } }>().error.current.text).toBe(
      'Second words',
    );
    // A day that has passed may stay as it is while the words change; a new day must be ahead.
    const past = await commit(ip, draft.id, 'Yesterday', dayFromToday(-1));
    const reworded = await ip.put(
      `${BASE}/commitments/${past.id}`,
      { text: 'Reworded', checkInOn: past.checkInOn },
      ifMatch(past.version),
    );
    expect(reworded.statusCode).toBe(200);
    const backwards = await ip.put(
      `${BASE}/commitments/${past.id}`,
      { text: 'Reworded', checkInOn: dayFromToday(-3) },
      ifMatch(past.version + 1),
    );
    expect(backwards.statusCode).toBe(400);
  });

  it('on the check-in day both partners are reminded at their local time, with no content', async () => {
    const { ip, hp, injuryId } = await coupleWithInjury();
    expectStatus(
      await hp.put(
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
    const draft = await save(ip, await start(ip, injuryId));
    const due = await commit(ip, draft.id, 'Weekly walk together', dayFromToday(-1));
    const later = await commit(ip, draft.id, 'Counselling booked', dayFromToday(30));
    await send(ip, await mine(ip, draft.id));
    const jobs = await queryRows<{ dedup_key: string; run_at: Date }>(
      t.database.db,
      sql`select dedup_key, run_at from outbox where kind = 'apology.check-in' order by dedup_key`,
    );
    const runAt = (commitmentId: string, userId: string) =>
      new Date(jobs.find((j) => j.dedup_key.includes(`${commitmentId}:${userId}`))!.run_at);
    expect(runAt(later.id, hp.userId).toISOString()).toBe(
      atLocalTime(later.checkInOn, 9 * 60, 'Pacific/Auckland').toISOString(),
    );
    expect(runAt(later.id, ip.userId).toISOString()).toBe(`${later.checkInOn}T09:00:00.000Z`);

    await t.deliver();
    for (const [person, other] of [
      [ip, 'Kim'],
      [hp, 'Robin'],
    ] as const) {
      const list = (await person.get('/api/notifications')).json<TNotificationList>();
      const reminders = list.notifications.filter((n) => n.kind === 'reminder');
      expect(reminders.map((n) => n.link)).toEqual([`/apology#commitment-${due.id}`]);
      expect(reminders[0]!.actorName).toBe(other);
    }
  });
});

describe('comments on the apology', () => {
  it('the partner comments on one part with a quote; the comment survives a revision', async () => {
    const { ip, hp, injuryId } = await coupleWithInjury();
    const sent = await send(ip, await save(ip, await start(ip, injuryId)));
    const posted = await hp.post('/api/comments', {
      kind: 'apology',
      itemId: sent.id,
      body: 'This line makes it sound like the problem is my feelings.',
      quote: { text: "I'm sorry you feel hurt.", part: 'regret' },
    });
    expect(posted.statusCode).toBe(201);
    // Before it was sent, the apology has no comments anyone can reach.
    const { ip: ip2, hp: hp2, injuryId: other } = await coupleWithInjury();
    const unsent = await start(ip2, other);
    expect(
      (await hp2.post('/api/comments', { kind: 'apology', itemId: unsent.id, body: 'Hello' }))
        .statusCode,
    ).toBe(404);

    await send(ip, await save(ip, sent, { ...PARTS, regret: 'I am sorry that I lied to you.' }));
    const thread = await ip.get(`/api/comments?kind=apology&itemId=${sent.id}`);
    expect(thread.statusCode).toBe(200);
    expect(thread.body).toContain('the problem is my feelings');
    expect(thread.body).toContain('"changed":true');
  });
});

describe('download my data', () => {
  it("holds my own draft, commitments and notes, and never my partner's draft", async () => {
    const { ip, hp, injuryId } = await coupleWithInjury();
    const draft = await save(ip, await start(ip, injuryId), { ...PARTS, harm: 'IP-DRAFT-4c1' });
    await commit(ip, draft.id, 'IP-PROMISE-8d2');
    const exportOf = async (person: TestClient) => {
      expectStatus(
        await person.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD }),
        200,
      );
      const response = await person.get('/api/my-data/export');
      expectStatus(response, 200);
      return readZip(response.rawPayload).get('my-data.json')!.toString('utf8');
    };
    const mineJson = JSON.parse(await exportOf(ip)) as {
      apology: { title: string; fields: { text: string }[] }[];
    };
    const texts = mineJson.apology.flatMap((e) => e.fields.map((f) => f.text));
    expect(texts).toContain('IP-DRAFT-4c1');
    expect(texts).toContain('IP-PROMISE-8d2');
    const theirs = await exportOf(hp);
    expect(theirs).not.toContain('IP-DRAFT-4c1');
    expect(theirs).not.toContain('IP-PROMISE-8d2');
  });
});
