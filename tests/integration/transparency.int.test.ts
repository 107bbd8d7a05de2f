import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TOffer, TOfferList } from '#shared/schemas/transparency.ts';
import {
  createCouple,
  createTestApp,
  expectStatus,
  holdJointWork,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';

/**
 * Transparency offers on both engines: only the involved partner of a named injury offers; the
 * hurt partner answers; either pauses (only the pauser resumes); the offerer ends it by its end
 * day; review days come back to both; nobody else ever sees an offer.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const OFFER = {
  text: 'I will tell you the same day if there has been any contact.',
  reviewOn: day(14),
  endsOn: day(60),
};

/** Alex (involved) names an injury; Sam (hurt) confirms it. */
async function namedCouple(names: [string, string] = ['Alex', 'Sam']) {
  const { a, b } = await createCouple(t, names);
  const injury = await a.post('/api/injuries', {
    kind: 'affair',
    cameToLight: '2026-01',
    myRole: 'involved',
  });
  expectStatus(injury, 201);
  const id = injury.json<{ injury: { id: string } }>().injury.id;
  const read = await b.get(`/api/injuries/${id}`);
  expectStatus(
    await b.post(`/api/injuries/${id}/confirm`, {}, { 'if-match': String(read.headers.etag) }),
    200,
  );
  return { a, b };
}

async function offer(who: TestClient, body = OFFER): Promise<TOffer> {
  const response = await who.post('/api/transparency', body);
  expectStatus(response, 201);
  return response.json<{ offer: TOffer }>().offer;
}

const put = (who: TestClient, id: string, what: string, version: number, body: unknown) =>
  who.put(`/api/transparency/${id}/${what}`, body, { 'if-match': `"${version}"` });

async function list(who: TestClient): Promise<TOfferList> {
  const response = await who.get('/api/transparency');
  expectStatus(response, 200);
  return response.json<TOfferList>();
}

describe('transparency offers', () => {
  it('are offered by the involved partner and answered by the hurt partner', async () => {
    const { a, b } = await namedCouple();
    expect((await list(a)).canOffer).toBe(true);
    expect((await list(b)).canOffer).toBe(false);
    const refused = await b.post('/api/transparency', OFFER);
    expect(refused.statusCode).toBe(409);

    const made = await offer(a);
    expect(made).toMatchObject({ state: 'waiting', mine: true, version: 1, paused: null });
    const seen = (await list(b)).offers[0]!;
    expect(seen).toMatchObject({ id: made.id, mine: false, offeredBy: { name: 'Alex' } });

    // The offerer cannot answer their own offer; the partner can.
    expect((await put(a, made.id, 'answer', 1, { accept: true })).statusCode).toBe(404);
    const answered = await put(b, made.id, 'answer', 1, { accept: true });
    expectStatus(answered, 200);
    expect(answered.json<{ offer: TOffer }>().offer).toMatchObject({
      state: 'accepted',
      version: 2,
    });
    // A stale answer gets 412 with the offer as it is now.
    const stale = await put(b, made.id, 'answer', 1, { accept: false });
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ error: { current: TOffer } }>().error.current.state).toBe('accepted');
  });

  it('can be paused by either at any time, visibly, and resumed only by whoever paused it', async () => {
    const { a, b } = await namedCouple();
    const made = await offer(a);
    expectStatus(await put(b, made.id, 'answer', 1, { accept: true }), 200);
    const lift = await holdJointWork(t, a);
    // Pausing is never held.
    const paused = await put(b, made.id, 'pause', 2, { paused: true });
    expectStatus(paused, 200);
    await lift();
    const seen = (await list(a)).offers[0]!;
    expect(seen).toMatchObject({ state: 'paused', paused: { by: { name: 'Sam', mine: false } } });
    const notMine = await put(a, made.id, 'pause', 3, { paused: false });
    expect(notMine.statusCode).toBe(409);
    expect(notMine.json<{ error: { message: string } }>().error.message).toMatch(
      /Only the one who paused/,
    );
    expectStatus(await put(b, made.id, 'pause', 3, { paused: false }), 200);
    expect((await list(a)).offers[0]!.state).toBe('accepted');
    // Alex pauses it too.
    expectStatus(await put(a, made.id, 'pause', 4, { paused: true }), 200);
    expect((await list(b)).offers[0]!.paused?.by).toEqual({ name: 'Alex', mine: false });
  });

  it('ends on its end day; the offerer may end it today', async () => {
    const { a, b } = await namedCouple();
    const made = await offer(a);
    expectStatus(await put(b, made.id, 'answer', 1, { accept: true }), 200);
    expect(
      (await put(b, made.id, 'dates', 2, { reviewOn: day(0), endsOn: day(0) })).statusCode,
    ).toBe(404);
    const ended = await put(a, made.id, 'dates', 2, { reviewOn: day(0), endsOn: day(0) });
    expectStatus(ended, 200);
    expect(ended.json<{ offer: TOffer }>().offer).toMatchObject({ state: 'ended', paused: null });
    expect((await list(b)).offers[0]!.state).toBe('ended');
    expect((await put(b, made.id, 'pause', 3, { paused: true })).statusCode).toBe(409);

    // One that simply ran out of days.
    const other = await offer(a);
    await t.database.db.execute(
      sql`update transparency_offers set ends_on = current_date - 1, review_on = current_date - 2 where id = ${other.id}`,
    );
    expect((await list(b)).offers.find((o) => o.id === other.id)?.state).toBe('ended');
  });

  it('brings an accepted offer back to both on its review day', async () => {
    const { a, b } = await namedCouple();
    const made = await offer(a);
    expectStatus(await put(b, made.id, 'answer', 1, { accept: true }), 200);
    await t.database.db.execute(
      sql`update transparency_offers set review_on = ${day(0)}::date where id = ${made.id}`,
    );
    await t.database.db.execute(
      sql`update outbox set payload = jsonb_set(payload, '{reviewOn}', to_jsonb(${day(0)}::text)), run_at = now()
        where kind = 'transparency.review-due' and payload ->> 'offerId' = ${made.id}`,
    );
    await t.jobs.drain();
    expect((await list(b)).offers[0]!.reviewDue).toBe(true);
    for (const who of [a, b]) {
      const notes = (await who.get('/api/notifications')).json<{
        notifications: { kind: string; link: string }[];
      }>().notifications;
      expect(notes).toContainEqual(
        expect.objectContaining({ kind: 'review', link: '/transparency' }),
      );
    }
  });

  it('checks its input, rests with joint work, and shows nothing to anyone else', async () => {
    const { a, b } = await namedCouple();
    const bad = await a.post('/api/transparency', { ...OFFER, endsOn: OFFER.reviewOn });
    expect(bad.statusCode).toBe(400);
    expect((await a.post('/api/transparency', { ...OFFER, text: '   ' })).statusCode).toBe(400);
    expect(
      (await a.post('/api/transparency', { ...OFFER, reviewOn: '2020-01-01' })).statusCode,
    ).toBe(400);
    const made = await offer(a);
    const lift = await holdJointWork(t, b);
    expect((await a.post('/api/transparency', OFFER)).statusCode).toBe(409);
    expect((await put(b, made.id, 'answer', 1, { accept: true })).statusCode).toBe(409);
    // While joint work rests the offers are not shown at all, to either partner.
    for (const who of [a, b]) {
      expect(await list(who)).toMatchObject({ offers: [], jointWorkOpen: false });
    }
    await lift();
    expect((await list(b)).offers).toHaveLength(1);
    const other = await namedCouple(['Robin', 'Kim']);
    expect((await list(other.a)).offers).toEqual([]);
    expect((await put(other.b, made.id, 'answer', 1, { accept: true })).statusCode).toBe(404);
    expect((await put(other.a, made.id, 'pause', 1, { paused: true })).statusCode).toBe(404);
  });
});
