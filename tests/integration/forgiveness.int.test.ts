import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TForgivenessShare, TForgivenessView } from '#shared/schemas/forgiveness.ts';
import type { TNotificationList } from '#shared/schemas/notifications.ts';
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
import { nameRoles, tag, toPhase } from './reflections-setup';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const BASE = '/api/forgiveness';
const WORDS = {
  whereIAm: 'Some days closer, some days further.',
  wouldMean: 'Putting down the wish to make them pay.',
  wouldNotMean: 'Saying it was fine, or forgetting.',
  whatINeed: 'To see the honesty last.',
  toShare: 'I am not there yet, and I am still here.',
};

async function view(person: TestClient): Promise<TForgivenessView> {
  const response = await person.get(BASE);
  expectStatus(response, 200);
  return response.json<TForgivenessView>();
}

/** Alex was hurt (and is the one this reflection is for); Sam is the involved partner. */
async function couple(phase: 1 | 3 = 3) {
  const { a, b } = await createCouple(t);
  await nameRoles(a, b);
  if (phase === 3) await toPhase(a, b, 3);
  return { hp: a as TestClient & { userId: string }, ip: b };
}

describe('the forgiveness reflection', () => {
  it('is private: the hurt partner writes, the involved partner sees nothing at all', async () => {
    const { hp, ip } = await couple();
    const before = await ip.get(BASE);
    expectStatus(await hp.put(`${BASE}/reflection`, WORDS, tag(0)), 200);
    const saved = await hp.put(`${BASE}/reflection`, { ...WORDS, whatINeed: 'Time.' }, tag(1));
    expectStatus(saved, 200);
    expect(saved.headers.etag).toBe('"2"');
    expect((await view(hp)).reflection).toMatchObject({ whatINeed: 'Time.', version: 2 });
    // The partner's view is byte for byte what it was: no count, no time, no status.
    expect((await ip.get(BASE)).body).toBe(before.body);
    expect((await ip.get('/api/notifications')).json<TNotificationList>().unread).toBe(0);
    // The reflection is only for the hurt partner.
    expectStatus(await ip.put(`${BASE}/reflection`, WORDS, tag(0)), 404);
  });

  it('a save from an older version gets 412 with what is saved, and the form keeps its words', async () => {
    const { hp } = await couple();
    expectStatus(await hp.put(`${BASE}/reflection`, WORDS, tag(0)), 200);
    const stale = await hp.put(`${BASE}/reflection`, { ...WORDS, whereIAm: 'Other' }, tag(0));
    expectStatus(stale, 412);
    expect(
      stale.json<{ error: { current: { whereIAm: string; version: number } } }>().error.current,
    ).toMatchObject({ whereIAm: WORDS.whereIAm, version: 1 });
    expectStatus(await hp.put(`${BASE}/reflection`, WORDS), 428);
  });

  it('a shared written reflection reaches the partner: that text only, and a neutral notification', async () => {
    const { hp, ip } = await couple();
    expectStatus(await hp.put(`${BASE}/reflection`, WORDS, tag(0)), 200);
    const shared = await hp.post(`${BASE}/shares`, { body: WORDS.toShare });
    expectStatus(shared, 201);
    const seen = await view(ip);
    expect(seen.fromPartner.map((s) => s.body)).toEqual([WORDS.toShare]);
    expect(seen.forMe).toBe(false);
    expect(seen.reflection.version).toBe(0);
    for (const privateWords of [WORDS.whereIAm, WORDS.wouldMean, WORDS.whatINeed]) {
      expect(JSON.stringify(seen)).not.toContain(privateWords);
    }
    const list = (await ip.get('/api/notifications')).json<TNotificationList>();
    expect(list.notifications).toEqual([
      expect.objectContaining({ kind: 'shared', link: '/forgiveness' }),
    ]);
    // Taking it back ends the partner's reading of it.
    const { id } = shared.json<TForgivenessShare>();
    expectStatus(await ip.post(`${BASE}/shares/${id}/unshare`), 404);
    expectStatus(await hp.post(`${BASE}/shares/${id}/unshare`), 200);
    expect((await view(ip)).fromPartner).toEqual([]);
    expect((await view(hp)).mine).toEqual([expect.objectContaining({ id, sharedAt: null })]);
  });

  it('sharing opens with the pace and rests while joint work rests; writing never rests', async () => {
    const { hp, ip } = await couple(1);
    expect((await view(hp)).sharingOpen).toBe(false);
    expectStatus(await hp.post(`${BASE}/shares`, { body: 'Too soon' }), 409);
    await toPhase(hp, ip, 3);
    expect((await view(hp)).sharingOpen).toBe(true);
    const lift = await holdJointWork(t, hp);
    expect((await view(hp)).sharingOpen).toBe(false);
    const paused = await hp.post(`${BASE}/shares`, { body: 'Not now' });
    expect(paused.json<{ error: { code: string } }>().error.code).toBe('joint_work_paused');
    expectStatus(await hp.put(`${BASE}/reflection`, WORDS, tag(0)), 200);
    await lift();
    expectStatus(await hp.post(`${BASE}/shares`, { body: 'Now' }), 201);
  });

  it('refuses bad input: an empty share, a score-like extra field, text past the limit', async () => {
    const { hp } = await couple();
    expectStatus(await hp.post(`${BASE}/shares`, { body: '   ' }), 400);
    expectStatus(await hp.put(`${BASE}/reflection`, { ...WORDS, score: 7 }, tag(0)), 400);
    expectStatus(
      await hp.put(`${BASE}/reflection`, { ...WORDS, whereIAm: 'x'.repeat(8001) }, tag(0)),
      400,
    );
  });

  it("is in the writer's own export, and in no one else's", async () => {
    const { hp, ip } = await couple();
    expectStatus(
      await hp.put(`${BASE}/reflection`, { ...WORDS, whereIAm: 'FORGIVE-EXPORT-7q' }, tag(0)),
      200,
    );
    const exported = async (person: TestClient) => {
      const step = { method: 'password', password: TEST_PASSWORD };
      expectStatus(await person.post('/api/auth/step-up', step), 200);
      const response = await person.get('/api/my-data/export');
      expectStatus(response, 200);
      return readZip(response.rawPayload).get('my-data.json')!.toString('utf8');
    };
    expect(await exported(hp)).toContain('FORGIVE-EXPORT-7q');
    expect(await exported(ip)).not.toContain('FORGIVE-EXPORT-7q');
  });
});
