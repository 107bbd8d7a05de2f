import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TContactEntry, TContactLog } from '#shared/schemas/contact-log.ts';
import type { TNotificationList } from '#shared/schemas/notifications.ts';
import type { TTodayResponse } from '#shared/schemas/today.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';
import { nameRoles, tag } from './reflections-setup';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const BASE = '/api/contact-log';
const ENDED = {
  kind: 'ended',
  occurredOn: '2026-02-01',
  how: '',
  whatWasSaid: '',
  note: 'I told them it is over and blocked the number.',
};
const CONTACT = {
  kind: 'contact',
  occurredOn: '2026-03-10',
  how: 'A message',
  whatWasSaid: 'They asked how I was; I did not answer.',
  note: '',
};

async function log(person: TestClient): Promise<TContactLog> {
  const response = await person.get(BASE);
  expectStatus(response, 200);
  return response.json<TContactLog>();
}

async function add(person: TestClient, body: object): Promise<TContactEntry> {
  const response = await person.post(BASE, body);
  expectStatus(response, 201);
  return response.json<TContactEntry>();
}

/** Alex was hurt and named it; Sam is the involved partner and writes the log. */
async function couple() {
  const { a, b } = await createCouple(t);
  await nameRoles(a, b);
  return { hp: a, ip: b };
}

describe('the no-contact confirmation and the contact log', () => {
  it('the involved partner confirms contact ended; the hurt partner reads it with its date', async () => {
    const { hp, ip } = await couple();
    expect((await log(ip)).iWrite).toBe(true);
    expect((await log(hp)).iWrite).toBe(false);
    const ended = await add(ip, ENDED);
    expect(ended).toMatchObject({ kind: 'ended', mine: true, version: 1 });
    const seen = await log(hp);
    expect(seen.entries).toHaveLength(1);
    expect(seen.entries[0]).toMatchObject({
      id: ended.id,
      kind: 'ended',
      mine: false,
      wordings: [{ number: 1, occurredOn: '2026-02-01', note: ENDED.note }],
    });
    // The hurt partner does not write here: for them the route does not exist.
    expectStatus(await hp.post(BASE, ENDED), 404);
  });

  it('a correction is a new version the hurt partner sees beside the first; a stale one gets 412', async () => {
    const { hp, ip } = await couple();
    const entry = await add(ip, CONTACT);
    const { kind: _kind, ...rest } = CONTACT;
    const correction = { ...rest, occurredOn: '2026-03-09' };
    expectStatus(await ip.put(`${BASE}/${entry.id}`, correction), 428);
    const corrected = await ip.put(`${BASE}/${entry.id}`, correction, tag(1));
    expectStatus(corrected, 200);
    expect(corrected.headers.etag).toBe('"2"');
    const stale = await ip.put(`${BASE}/${entry.id}`, { ...correction, note: 'x' }, tag(1));
    expectStatus(stale, 412);
    expect(stale.json<{ error: { current: TContactEntry } }>().error.current.version).toBe(2);

    const [seen] = (await log(hp)).entries;
    expect(seen!.wordings.map((w) => [w.number, w.occurredOn])).toEqual([
      [2, '2026-03-09'],
      [1, '2026-03-10'],
    ]);
    // The hurt partner cannot correct the involved partner's entry.
    expectStatus(await hp.put(`${BASE}/${entry.id}`, correction, tag(2)), 404);
  });

  it('tells the hurt partner without content, counts it as news, and takes comments', async () => {
    const { hp, ip } = await couple();
    const entry = await add(ip, CONTACT);
    const list = (await hp.get('/api/notifications')).json<TNotificationList>();
    expect(list.notifications).toEqual([
      expect.objectContaining({ kind: 'shared', link: '/contact-log' }),
    ]);
    expect(JSON.stringify(list)).not.toContain('A message');
    const today = (await hp.get('/api/today?day=2026-03-11')).json<TTodayResponse>();
    expect(today.news.find((n) => n.kind === 'contact_log')?.count).toBe(1);

    const comment = await hp.post('/api/comments', {
      kind: 'contact_log',
      itemId: entry.id,
      body: 'Thank you for telling me.',
    });
    expectStatus(comment, 201);
    const thread = await ip.get(`/api/comments?kind=contact_log&itemId=${entry.id}`);
    expectStatus(thread, 200);
    expect(thread.body).toContain('Thank you for telling me.');
  });

  it('refuses bad input in our own words', async () => {
    const { ip } = await couple();
    const noHow = await ip.post(BASE, { ...CONTACT, how: '' });
    expectStatus(noHow, 400);
    expect(noHow.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty(
      'how',
    );
    expectStatus(await ip.post(BASE, { ...CONTACT, occurredOn: '2999-01-01' }), 400);
    expectStatus(await ip.post(BASE, { ...CONTACT, occurredOn: '2026-02-31' }), 400);
    expectStatus(await ip.post(BASE, { ...CONTACT, location: 'anywhere' }), 400);
    expectStatus(await ip.post(BASE, { ...CONTACT, kind: 'maybe' }), 400);
    // A correction of a contact keeps saying how it happened.
    const entry = await add(ip, CONTACT);
    const { kind: _kind, ...wording } = CONTACT;
    const noHowNow = await ip.put(`${BASE}/${entry.id}`, { ...wording, how: '' }, tag(1));
    expectStatus(noHowNow, 400);
    expect(
      noHowNow.json<{ error: { fields: Record<string, string> } }>().error.fields,
    ).toHaveProperty('how');
  });

  it('rests while joint work rests; reading goes on', async () => {
    const { hp, ip } = await couple();
    const entry = await add(ip, ENDED);
    const lift = await holdJointWork(t, hp);
    const paused = await ip.post(BASE, CONTACT);
    expectStatus(paused, 409);
    expect(paused.json<{ error: { code: string } }>().error.code).toBe('joint_work_paused');
    const { kind: _kind, ...wording } = ENDED;
    expectStatus(await ip.put(`${BASE}/${entry.id}`, wording, tag(1)), 409);
    expect((await log(hp)).entries).toHaveLength(1);
    await lift();
    await add(ip, CONTACT);
  });

  it('when the hurt partner leaves, the entries are no longer theirs to read', async () => {
    const { hp, ip } = await couple();
    await add(ip, ENDED);
    expectStatus(await hp.post('/api/space/leave'), 200);
    expect((await log(hp)).entries).toEqual([]);
    expect((await log(ip)).entries).toHaveLength(1);
    // Alone in the space, there is no one to tell.
    expectStatus(await ip.post(BASE, CONTACT), 409);
  });
});
