import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TDisclosureOverview,
  TReceivedDisclosure,
  TWrittenDisclosure,
} from '#shared/schemas/disclosures.ts';
import { DISCLOSURE_TEXT_MAX } from '#shared/schemas/disclosures.ts';
import type { TNotificationList } from '#shared/schemas/notifications.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  type TestApp,
  type TestClient,
  TEST_PASSWORD,
} from '../helpers/test-app';
import { readZip } from '../helpers/zip';

type Person = TestClient & { email: string; userId: string };

const BASE = '/api/disclosures';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const WORDS = 'There was a second time, in March, that I have never told you about.';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const tag = (version: number) => ({ 'if-match': `"${version}"` });

/** A couple where `ip` named an injury as its involved partner and `hp` confirmed it. */
async function coupleWithInjury(): Promise<{ ip: Person; hp: Person }> {
  const { a: ip, b: hp } = await createCouple(t, ['Alex', 'Sam']);
  const named = await ip.post('/api/injuries', {
    kind: 'affair',
    cameToLight: '2026-01',
    myRole: 'involved',
  });
  expectStatus(named, 201);
  return { ip, hp };
}

async function overview(c: TestClient): Promise<TDisclosureOverview> {
  const response = await c.get(BASE);
  expectStatus(response, 200);
  return response.json<TDisclosureOverview>();
}

async function draft(c: TestClient, body = WORDS): Promise<TWrittenDisclosure> {
  const response = await c.post(BASE, { body });
  expectStatus(response, 201);
  return response.json<TWrittenDisclosure>();
}

async function seal(
  c: TestClient,
  d: Pick<TWrittenDisclosure, 'id' | 'version'>,
): Promise<TWrittenDisclosure> {
  const response = await c.post(`${BASE}/${d.id}/seal`, {}, tag(d.version));
  expectStatus(response, 200);
  return response.json<TWrittenDisclosure>();
}

async function notificationsOf(c: TestClient): Promise<TNotificationList> {
  const response = await c.get('/api/notifications');
  expectStatus(response, 200);
  return response.json<TNotificationList>();
}

describe('sealed disclosures', () => {
  it('a draft leaves no trace for the partner; sealing tells them only that one waits', async () => {
    const { ip, hp } = await coupleWithInjury();
    const written = await draft(ip);
    expect(written).toMatchObject({ state: 'draft', body: WORDS, sealedAt: null });

    expect((await overview(hp)).forMe).toEqual([]);
    const missing = await hp.get(`${BASE}/${NO_SUCH_ID}`);
    const draftForHp = await hp.get(`${BASE}/${written.id}`);
    expect(draftForHp.statusCode).toBe(404);
    expect(draftForHp.body).toBe(missing.body);
    expect((await notificationsOf(hp)).notifications).toEqual([]);

    const sealed = await seal(ip, written);
    expect(sealed.state).toBe('sealed');
    expect(sealed.sealedAt).not.toBeNull();

    const hpView = await overview(hp);
    expect(hpView.forMe).toEqual([{ id: written.id, sealedAt: sealed.sealedAt, openedAt: null }]);
    const waiting = await hp.get(`${BASE}/${written.id}`);
    expectStatus(waiting, 200);
    expect(waiting.json<TReceivedDisclosure>()).toEqual({
      view: 'reader',
      id: written.id,
      sealedAt: sealed.sealedAt,
      openedAt: null,
      body: null,
    });
    // Nothing of the words, nor their length, before opening.
    expect(waiting.body).not.toContain('March');
    expect(JSON.stringify(hpView)).not.toContain(String(WORDS.length));

    const told = await notificationsOf(hp);
    expect(told.notifications).toHaveLength(1);
    expect(told.notifications[0]).toMatchObject({ kind: 'shared', link: '/disclosures' });
    expect(JSON.stringify(told)).not.toContain('March');
  });

  it('opening is recorded once, and both see when it was', async () => {
    const { ip, hp } = await coupleWithInjury();
    const sealed = await seal(ip, await draft(ip));
    expectStatus(await ip.post(`${BASE}/${sealed.id}/open`), 404);

    const opened = await hp.post(`${BASE}/${sealed.id}/open`);
    expectStatus(opened, 200);
    const first = opened.json<TReceivedDisclosure>();
    expect(first.body).toBe(WORDS);
    expect(first.openedAt).not.toBeNull();

    const again = (await hp.post(`${BASE}/${sealed.id}/open`)).json<TReceivedDisclosure>();
    expect(again.openedAt).toBe(first.openedAt);
    expect((await overview(hp)).forMe[0]!.openedAt).toBe(first.openedAt);
    const mine = (await overview(ip)).mine[0]!;
    expect(mine).toMatchObject({ state: 'opened', openedAt: first.openedAt });
  });

  it('a sealed disclosure never changes; a later addition is a new one', async () => {
    const { ip, hp } = await coupleWithInjury();
    const sealed = await seal(ip, await draft(ip));
    const save = await ip.put(`${BASE}/${sealed.id}`, { body: 'Changed' }, tag(sealed.version));
    expect(save.statusCode).toBe(409);
    expect(save.json<{ error: { message: string } }>().error.message).toMatch(/new one/);
    expect((await ip.delete(`${BASE}/${sealed.id}`)).statusCode).toBe(409);
    expect((await ip.post(`${BASE}/${sealed.id}/seal`, {}, tag(sealed.version))).statusCode).toBe(
      409,
    );
    // Even code that went around the service could not change it.
    await expect(
      t.database.db.execute(sql`update disclosures set body = 'x' where id = ${sealed.id}`),
    ).rejects.toThrow();

    const addition = await seal(ip, await draft(ip, 'And one more thing.'));
    expect((await overview(hp)).forMe.map((d) => d.id).sort()).toEqual(
      [sealed.id, addition.id].sort(),
    );
    const reread = (await ip.get(`${BASE}/${sealed.id}`)).json<TWrittenDisclosure>();
    expect(reread.body).toBe(WORDS);
  });

  it('drafts follow If-Match, and can be thrown away without a trace', async () => {
    const { ip, hp } = await coupleWithInjury();
    const written = await draft(ip, '');
    const saved = await ip.put(`${BASE}/${written.id}`, { body: WORDS }, tag(written.version));
    expectStatus(saved, 200);
    const stale = await ip.put(`${BASE}/${written.id}`, { body: 'Other' }, tag(written.version));
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ error: { current: TWrittenDisclosure } }>().error.current.body).toBe(WORDS);
    expect((await ip.put(`${BASE}/${written.id}`, { body: 'x' })).statusCode).toBe(428);
    expect((await ip.post(`${BASE}/${written.id}/seal`, {}, tag(written.version))).statusCode).toBe(
      412,
    );
    // The partner can neither change nor throw away what is not theirs.
    expect((await hp.put(`${BASE}/${written.id}`, { body: 'x' }, tag(2))).statusCode).toBe(404);
    expect((await hp.delete(`${BASE}/${written.id}`)).statusCode).toBe(404);

    expectStatus(await ip.delete(`${BASE}/${written.id}`), 200);
    expect((await ip.get(`${BASE}/${written.id}`)).statusCode).toBe(404);
    expect((await overview(ip)).mine).toEqual([]);
  });

  it('an empty draft cannot be sealed; only the involved partner writes', async () => {
    const { ip, hp } = await coupleWithInjury();
    const empty = await draft(ip, '   ');
    const refused = await ip.post(`${BASE}/${empty.id}/seal`, {}, tag(empty.version));
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { fields: Record<string, string> } }>().error.fields.body).toBe(
      'Please write what you want to tell before sealing.',
    );
    expect((await overview(hp)).canWrite).toBe(false);
    expect((await overview(ip)).canWrite).toBe(true);
    expect((await hp.post(BASE, { body: WORDS })).statusCode).toBe(409);
  });

  it('refuses bad input with our own words', async () => {
    const { ip } = await coupleWithInjury();
    const long = await ip.post(BASE, { body: 'x'.repeat(DISCLOSURE_TEXT_MAX + 1) });
    expect(long.statusCode).toBe(400);
    expect(long.json<{ error: { fields: Record<string, string> } }>().error.fields.body).toMatch(
      /12,000 characters or fewer/,
    );
    const extra = await ip.post(BASE, { body: 'x', recipient: 'someone' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json<{ error: { fields: Record<string, string> } }>().error.fields.body).toBe(
      'A disclosure has no field called "recipient".',
    );
    expect((await ip.post(BASE, { body: 'a\u0000b' })).statusCode).toBe(400);
    expect((await ip.get(`${BASE}/not-an-id`)).statusCode).toBe(400);
  });

  it('sealing and opening rest while joint work rests; drafting does not', async () => {
    const { ip, hp } = await coupleWithInjury();
    const written = await draft(ip);
    const lift = await holdJointWork(t, hp);
    const paused = await ip.post(`${BASE}/${written.id}/seal`, {}, tag(written.version));
    expect(paused.statusCode).toBe(409);
    expect(paused.json<{ error: { code: string } }>().error.code).toBe('joint_work_paused');
    expectStatus(await ip.put(`${BASE}/${written.id}`, { body: WORDS }, tag(written.version)), 200);
    expect((await overview(ip)).jointWorkOpen).toBe(false);
    await lift();
    const sealed = await seal(ip, { ...written, version: written.version + 1 });
    const liftAgain = await holdJointWork(t, ip);
    const held = await hp.post(`${BASE}/${sealed.id}/open`);
    expect(held.json<{ error: { code: string } }>().error.code).toBe('joint_work_paused');
    await liftAgain();
    expectStatus(await hp.post(`${BASE}/${sealed.id}/open`), 200);
  });

  it('carries comments only once opened', async () => {
    const { ip, hp } = await coupleWithInjury();
    const sealed = await seal(ip, await draft(ip));
    const thread = `/api/comments?kind=disclosure&itemId=${sealed.id}`;
    expect((await hp.get(thread)).statusCode).toBe(404);
    expect(
      (await hp.post('/api/comments', { kind: 'disclosure', itemId: sealed.id, body: 'Hm' }))
        .statusCode,
    ).toBe(404);
    expectStatus(await hp.post(`${BASE}/${sealed.id}/open`), 200);
    const posted = await hp.post('/api/comments', {
      kind: 'disclosure',
      itemId: sealed.id,
      body: 'Thank you for telling me. I need a day before we talk.',
      quote: { text: 'in March' },
    });
    expectStatus(posted, 201);
    expectStatus(await ip.get(thread), 200);
    const told = await notificationsOf(ip);
    expect(told.notifications[0]).toMatchObject({ kind: 'comment' });
    expect(told.notifications[0]!.link).toBe(`/disclosures#comments-${sealed.id}`);
  });

  it('"download my data" holds what I wrote, and never what was sealed for me', async () => {
    const { ip, hp } = await coupleWithInjury();
    await seal(ip, await draft(ip, 'IP-SEALED-4c1'));
    await draft(ip, 'IP-DRAFT-8e2');
    for (const c of [ip, hp]) {
      expectStatus(
        await c.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD }),
        200,
      );
    }
    const mine = readZip((await ip.get('/api/my-data/export')).rawPayload)
      .get('my-data.json')!
      .toString('utf8');
    const parsed = JSON.parse(mine) as { disclosures: { title: string }[] };
    expect(parsed.disclosures.map((d) => d.title).sort()).toEqual([
      'A private draft',
      expect.stringMatching(/^Sealed .*, not opened yet$/),
    ]);
    expect(mine).toContain('IP-SEALED-4c1');
    expect(mine).toContain('IP-DRAFT-8e2');
    const theirs = readZip((await hp.get('/api/my-data/export')).rawPayload)
      .get('my-data.json')!
      .toString('utf8');
    expect(theirs).not.toContain('IP-SEALED-4c1');
    expect(theirs).not.toContain('IP-DRAFT-8e2');
  });

  it('a stranger and a former partner reach nothing', async () => {
    const { ip, hp } = await coupleWithInjury();
    const sealed = await seal(ip, await draft(ip));
    const stranger = await t.signUp('Robin');
    expect((await stranger.get(`${BASE}/${sealed.id}`)).statusCode).toBe(404);
    expect((await stranger.post(`${BASE}/${sealed.id}/open`)).statusCode).toBe(404);
    expectStatus(await hp.post('/api/space/leave'), 200);
    expect((await hp.get(`${BASE}/${sealed.id}`)).statusCode).toBe(404);
    expect((await overview(hp)).forMe).toEqual([]);
  });
});

describe('the partner’s view does not depend on drafts (property)', () => {
  type Step =
    | { kind: 'write' }
    | { kind: 'save'; index: number }
    | { kind: 'discard'; index: number }
    | { kind: 'seal'; index: number }
    | { kind: 'open'; index: number };
  const index = fc.nat({ max: 5 });
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 3, arbitrary: fc.constant({ kind: 'write' as const }) },
    fc.record({ kind: fc.constant('save' as const), index }),
    fc.record({ kind: fc.constant('discard' as const), index }),
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('seal' as const), index }) },
    fc.record({ kind: fc.constant('open' as const), index }),
  );

  it('the hurt partner sees exactly the sealed ones, and no word of anything unopened', async () => {
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const { ip, hp } = await coupleWithInjury();
        const model: {
          id: string;
          version: number;
          token: string;
          sealed: boolean;
          opened: boolean;
        }[] = [];
        const pick = (i: number) => (model.length === 0 ? undefined : model[i % model.length]);
        for (const s of steps) {
          counter += 1;
          const token = `tok${counter}x${Math.random().toString(36).slice(2, 8)}`;
          if (s.kind === 'write') {
            const d = await draft(ip, `Secret ${token}`);
            model.push({ id: d.id, version: d.version, token, sealed: false, opened: false });
            continue;
          }
          const d = pick(s.index);
          if (!d) continue;
          if (s.kind === 'save' && !d.sealed) {
            const r = await ip.put(`${BASE}/${d.id}`, { body: `Again ${token}` }, tag(d.version));
            expectStatus(r, 200);
            d.version = r.json<TWrittenDisclosure>().version;
            d.token = token;
          } else if (s.kind === 'discard' && !d.sealed) {
            expectStatus(await ip.delete(`${BASE}/${d.id}`), 200);
            model.splice(model.indexOf(d), 1);
          } else if (s.kind === 'seal' && !d.sealed) {
            d.version = (await seal(ip, d)).version;
            d.sealed = true;
          } else if (s.kind === 'open') {
            const r = await hp.post(`${BASE}/${d.id}/open`);
            expect(r.statusCode).toBe(d.sealed ? 200 : 404);
            if (d.sealed) d.opened = true;
          }
          // The whole of what the hurt partner can read now.
          const list = await hp.get(BASE);
          const view = list.json<TDisclosureOverview>();
          const readable = [list.body, JSON.stringify(await notificationsOf(hp))];
          const missing = (await hp.get(`${BASE}/${NO_SUCH_ID}`)).body;
          for (const m of model) {
            const one = await hp.get(`${BASE}/${m.id}`);
            readable.push(one.body);
            if (!m.sealed) expect(one.body).toBe(missing);
          }
          const text = readable.join('\n');
          expect(view.forMe.map((d) => d.id).sort()).toEqual(
            model
              .filter((m) => m.sealed)
              .map((m) => m.id)
              .sort(),
          );
          for (const m of model) {
            if (m.opened) expect(text).toContain(m.token);
            else expect(text).not.toContain(m.token);
          }
          const unread = (await notificationsOf(hp)).unread;
          expect(unread).toBe(model.filter((m) => m.sealed).length);
        }
      }),
      { numRuns: 8 },
    );
  });
});
