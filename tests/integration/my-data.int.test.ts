import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeErasure } from '#server/features/my-data/erasure.ts';
import { FEATURES } from '#server/manifests.ts';
import { checkins, erasureRequests, sessions, users } from '#server/db/schema/index.ts';
import { queryRows } from '#server/db/index.ts';
import {
  createCouple,
  expectStatus,
  TEST_PASSWORD,
  type TestApp,
  type TestClient,
  createTestApp,
} from '../helpers/test-app';
import { readZip } from '../helpers/zip';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const DAY_MS = 86_400_000;
const day = (offset = 0) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

async function checkin(client: TestClient, d: string, note: string, share = false) {
  const response = await client.put(`/api/checkins/mine/${d}`, { intensity: 3, pain: 2, note });
  if (response.statusCode !== 200 && response.statusCode !== 201)
    throw new Error(`check-in failed: ${response.statusCode} ${response.body}`);
  const { id } = response.json<{ checkin: { id: string } }>().checkin;
  if (share) expectStatus(await client.post(`/api/checkins/${id}/share`), 200);
  return id;
}

async function stepUp(client: TestClient) {
  expectStatus(
    await client.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD }),
    200,
  );
}

describe('export', () => {
  it('needs a step-up, then gives a zip with my entries and only what my partner shared', async () => {
    const { a, b } = await createCouple(t, ['Ada', 'Ben']);
    await checkin(a, day(), 'ADA-PRIVATE-7c1 <b>bold</b>');
    await checkin(a, day(-1), 'ADA-SHARED-2f9', true);
    await checkin(b, day(), 'BEN-PRIVATE-91d');
    await checkin(b, day(-1), 'BEN-SHARED-4e0', true);

    const early = await a.get('/api/my-data/export');
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({ error: { code: 'step_up_required' } });

    await stepUp(a);
    const response = await a.get('/api/my-data/export');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="my-data-/);
    const estimate = Number(response.headers['x-export-estimated-bytes']);
    expect(estimate).toBeGreaterThan(0);
    const zip = readZip(response.rawPayload);
    expect([...zip.keys()].sort()).toEqual(['README.txt', 'my-data.html', 'my-data.json']);

    const html = zip.get('my-data.html')!.toString('utf8');
    expect(html).toContain('ADA-PRIVATE-7c1 &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('ADA-SHARED-2f9');
    expect(html).toContain('BEN-SHARED-4e0');
    expect(html).toContain('Shared with you by Ben');
    expect(html).not.toContain('BEN-PRIVATE-91d');

    const json = JSON.parse(zip.get('my-data.json')!.toString('utf8')) as {
      person: { email: string };
      items: { mine: boolean; content: { note: string } }[];
    };
    expect(json.person.email).toBe(a.email);
    const notes = json.items.map((i) => [i.mine, i.content.note]);
    expect(notes).toEqual(
      expect.arrayContaining([
        [true, 'ADA-PRIVATE-7c1 <b>bold</b>'],
        [true, 'ADA-SHARED-2f9'],
        [false, 'BEN-SHARED-4e0'],
      ]),
    );
    expect(JSON.stringify(json)).not.toContain('BEN-PRIVATE-91d');
    // The estimate is in the zip's order of size, so a progress bar is honest.
    expect(response.rawPayload.length).toBeLessThan(estimate * 3);
    expect(response.rawPayload.length).toBeGreaterThan(estimate / 10);
  });

  it('holds our co-authored injuries, the trigger plan and my letter drafts, never my partner’s private words', async () => {
    const { a, b } = await createCouple(t, ['Ida', 'Bo']);
    const named = await a.post('/api/injuries', {
      kind: 'hidden_money',
      cameToLight: '2026-02',
      myRole: 'hurt',
      note: 'IDA-INJURY-NOTE-5a1',
    });
    expectStatus(named, 201);
    const { injury } = named.json<{ injury: { id: string } }>();
    expectStatus(
      await b.put(`/api/injuries/${injury.id}/note`, { note: 'BO-INJURY-NOTE-PRIVATE-8c2' }),
      200,
    );
    const sections = {
      signs: 'IDA-PLAN-SIGNS-3d4',
      signal: 'A word we agreed',
      response: 'Stay close',
      timeOut: '',
      afterwards: '',
    };
    expectStatus(await a.put('/api/triggers/plan', { sections }, { 'if-match': '"0"' }), 200);
    // Bo's words in the co-authored plan are ours, so they are in Ida's copy too.
    expectStatus(
      await b.put(
        '/api/triggers/plan',
        { sections: { ...sections, afterwards: 'BO-PLAN-AFTER-6e7' } },
        { 'if-match': '"1"' },
      ),
      200,
    );
    const letterOf = async (who: TestClient, whatHappened: string) => {
      const started = await who.post('/api/impact-letter/letters', { replacing: null });
      expectStatus(started, 201);
      const letter = started.json<{ id: string; version: number }>();
      expectStatus(
        await who.put(
          `/api/impact-letter/letters/${letter.id}`,
          { whatHappened, howItAffectedMe: '', whatINeedNow: '' },
          { 'if-match': `"${letter.version}"` },
        ),
        200,
      );
    };
    await letterOf(a, 'IDA-LETTER-DRAFT-1b2');
    await letterOf(b, 'BO-LETTER-DRAFT-PRIVATE-9f3');

    await stepUp(a);
    const response = await a.get('/api/my-data/export');
    expect(response.statusCode).toBe(200);
    const zip = readZip(response.rawPayload);
    const html = zip.get('my-data.html')!.toString('utf8');
    for (const text of [
      'Hidden money or debts, came to light 2026-02',
      'I am the one who was hurt',
      'IDA-INJURY-NOTE-5a1',
      'Our trigger plan',
      'IDA-PLAN-SIGNS-3d4',
      'BO-PLAN-AFTER-6e7',
      'Last changed by Bo',
      'My impact letter drafts',
      'IDA-LETTER-DRAFT-1b2',
    ])
      expect(html).toContain(text);
    const jsonText = zip.get('my-data.json')!.toString('utf8');
    const json = JSON.parse(jsonText) as {
      injuries: { title: string; fields: { label: string; text: string }[] }[];
      triggerPlans: { fields: { text: string }[] }[];
      impactLetterDrafts: { fields: { text: string }[] }[];
    };
    expect(json.injuries).toHaveLength(1);
    expect(json.injuries[0]!.fields).toContainEqual({
      label: 'My own note',
      text: 'IDA-INJURY-NOTE-5a1',
    });
    expect(json.triggerPlans[0]!.fields.map((f) => f.text)).toContain('BO-PLAN-AFTER-6e7');
    expect(json.impactLetterDrafts[0]!.fields.map((f) => f.text)).toEqual(['IDA-LETTER-DRAFT-1b2']);
    // Bo's private note and private draft are in neither file.
    for (const text of ['BO-INJURY-NOTE-PRIVATE-8c2', 'BO-LETTER-DRAFT-PRIVATE-9f3']) {
      expect(html).not.toContain(text);
      expect(jsonText).not.toContain(text);
    }
  });

  it('pages through an account larger than one page', async () => {
    const solo = await t.signUp('Many');
    for (let i = 0; i < 230; i += 1) await checkin(solo, day(-i - 1), `entry-${i}`);
    await stepUp(solo);
    const response = await solo.get('/api/my-data/export');
    const json = JSON.parse(readZip(response.rawPayload).get('my-data.json')!.toString('utf8')) as {
      items: { id: string }[];
    };
    expect(json.items).toHaveLength(230);
    expect(new Set(json.items.map((i) => i.id)).size).toBe(230);
  });
});

describe('erasure', () => {
  it('needs a step-up, waits seven days, can be cancelled, and tells the person by email', async () => {
    const person = await t.signUp('Eve');
    expect((await person.get('/api/my-data/erasure')).json()).toEqual({ scheduled: null });
    expect((await person.post('/api/my-data/erasure')).statusCode).toBe(403);
    await stepUp(person);
    const scheduled = await person.post('/api/my-data/erasure');
    expectStatus(scheduled, 201);
    const { executeAt, requestedAt } = scheduled.json<{
      scheduled: { executeAt: string; requestedAt: string };
    }>().scheduled;
    expect(Date.parse(executeAt) - Date.parse(requestedAt)).toBe(7 * DAY_MS);
    await t.deliver();
    const mail = t.mailbox.to(person.email).find((m) => /set to be deleted/.test(m.subject));
    expect(mail?.text).toContain('/account');

    expectStatus(await person.delete('/api/my-data/erasure'), 200);
    expect((await person.get('/api/my-data/erasure')).json()).toEqual({ scheduled: null });
    expect((await person.delete('/api/my-data/erasure')).statusCode).toBe(404);
    // A cancelled erasure's job, run late, does nothing.
    expect(
      await executeErasure(
        t.database.db,
        person.userId,
        FEATURES,
        new Date(Date.now() + 8 * DAY_MS),
      ),
    ).toBeNull();
    expectStatus(await person.get('/api/auth/me'), 200);
  });

  it('is not carried out before its day', async () => {
    const person = await t.signUp('Early');
    await stepUp(person);
    expectStatus(await person.post('/api/my-data/erasure'), 201);
    const sixDays = new Date(Date.now() + 6 * DAY_MS);
    expect(await executeErasure(t.database.db, person.userId, FEATURES, sixDays)).toBeNull();
    expectStatus(await person.get('/api/auth/me'), 200);
  });

  it('carried out, removes my items and sessions, keeps my partner’s own items, and sends a last email', async () => {
    const { a, b } = await createCouple(t, ['Gone', 'Stays']);
    await checkin(a, day(), 'GONE-PRIVATE');
    await checkin(a, day(-1), 'GONE-SHARED', true);
    await checkin(b, day(), 'STAYS-PRIVATE');
    await checkin(b, day(-1), 'STAYS-SHARED', true);
    const aSessions = t.client('Gone again');
    expectStatus(
      await aSessions.post('/api/auth/signin', { email: a.email, password: TEST_PASSWORD }),
      200,
    );

    await stepUp(a);
    expectStatus(await a.post('/api/my-data/erasure'), 201);
    // The clock we control: eight days on.
    const later = new Date(Date.now() + 8 * DAY_MS);
    const done = await executeErasure(t.database.db, a.userId, FEATURES, later);
    expect(done).toEqual({ email: a.email });
    // Running the job again is harmless.
    expect(await executeErasure(t.database.db, a.userId, FEATURES, later)).toBeNull();

    const left = await t.database.db
      .select({ note: checkins.note })
      .from(checkins)
      .where(eq(checkins.authorId, a.userId));
    expect(left).toEqual([]);
    const kept = await t.database.db
      .select({ note: checkins.note })
      .from(checkins)
      .where(eq(checkins.authorId, b.userId));
    expect(kept.map((k) => k.note).sort()).toEqual(['STAYS-PRIVATE', 'STAYS-SHARED']);
    expect(
      await t.database.db.select().from(sessions).where(eq(sessions.userId, a.userId)),
    ).toEqual([]);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await aSessions.get('/api/auth/me')).statusCode).toBe(401);
    const signIn = await t
      .client('x')
      .post('/api/auth/signin', { email: a.email, password: TEST_PASSWORD });
    expect(signIn.statusCode).toBe(401);

    // Only the id is left of the person; nothing they wrote or were called.
    const [tomb] = await t.database.db.select().from(users).where(eq(users.id, a.userId));
    expect(tomb?.email).not.toContain(a.email.split('@')[0]!);
    expect(tomb?.displayName).toBe('Former partner');
    const dump = await queryRows<{ text: string }>(
      t.database.db,
      sql`select string_agg(t::text, ' ') as text from (select * from checkins) t`,
    );
    expect(dump[0]?.text ?? '').not.toContain('GONE-');

    // The partner keeps their space and their own items, and no longer sees a partner.
    const space = (await b.get('/api/space')).json<{ space: { partner: unknown } }>();
    expect(space.space.partner).toBeNull();
    expect(await t.database.db.select().from(erasureRequests)).not.toContainEqual(
      expect.objectContaining({ userId: a.userId }),
    );

    await t.deliver();
    const last = t.mailbox.to(a.email).find((m) => /has been deleted/.test(m.subject));
    expect(last?.text).not.toContain('GONE');
  });

  it('the queued job carries it out once the day has come', async () => {
    const person = await t.signUp('Queued');
    await checkin(person, day(), 'QUEUED-PRIVATE');
    await stepUp(person);
    expectStatus(await person.post('/api/my-data/erasure'), 201);
    // Move the day (the request's and the job's) into the past instead of waiting a week.
    await t.database.db
      .update(erasureRequests)
      .set({ executeAt: new Date(Date.now() - 1000) })
      .where(eq(erasureRequests.userId, person.userId));
    await t.database.db.execute(
      sql`update outbox set run_at = now() - interval '1 second' where kind = 'my-data.erase'`,
    );
    await t.deliver();
    expect((await person.get('/api/auth/me')).statusCode).toBe(401);
    const left = await t.database.db
      .select()
      .from(checkins)
      .where(eq(checkins.authorId, person.userId));
    expect(left).toEqual([]);
  });
});
