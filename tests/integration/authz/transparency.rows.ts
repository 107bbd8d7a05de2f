import { expectStatus, type TestClient } from '../../helpers/test-app';
import { NO_ONE_ELSE, type Row, type World, THERAPISTS_HAVE_NO_SPACE } from './world';

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const OFFER = { text: 'I will share my plans for the day.', reviewOn: day(7), endsOn: day(30) };

/**
 * Self names an injury as the involved partner, partner confirms it, and self makes an offer
 * (which partner accepts when `accepted`).
 */
async function selfOffers(w: World, accepted: boolean): Promise<void> {
  const { self, partner } = w.clients;
  const injury = await self.post('/api/injuries', {
    kind: 'affair',
    cameToLight: '2026-01',
    myRole: 'involved',
  });
  expectStatus(injury, 201);
  const injuryId = injury.json<{ injury: { id: string } }>().injury.id;
  const read = await partner.get(`/api/injuries/${injuryId}`);
  expectStatus(
    await partner.post(
      `/api/injuries/${injuryId}/confirm`,
      {},
      { 'if-match': String(read.headers.etag) },
    ),
    200,
  );
  const offer = await self.post('/api/transparency', OFFER);
  expectStatus(offer, 201);
  w.fixtures.offerId = offer.json<{ offer: { id: string } }>().offer.id;
  if (accepted) {
    expectStatus(
      await partner.put(
        `/api/transparency/${w.fixtures.offerId}/answer`,
        { accept: true },
        { 'if-match': '"1"' },
      ),
      200,
    );
  }
}

/** Calls with the offer's version as the caller can read it (or "1"). */
async function withVersion(c: TestClient, w: World, what: string, body: unknown) {
  const list = await c.get('/api/transparency');
  const offers =
    list.statusCode === 200
      ? list.json<{ offers: { id: string; version: number }[] }>().offers
      : [];
  const version = offers.find((o) => o.id === w.fixtures.offerId)?.version ?? 1;
  return c.put(`/api/transparency/${w.fixtures.offerId}/${what}`, body, {
    'if-match': `"${version}"`,
  });
}

const OWN_SPACE = { ...THERAPISTS_HAVE_NO_SPACE, anonymous: 401, former: 404 } as const;

export const transparencyRows: Row[] = [
  {
    route: 'GET /api/transparency',
    world: 'couple',
    setup: (w) => selfOffers(w, false),
    call: (c) => c.get('/api/transparency'),
    expect: { ...OWN_SPACE, stranger: 200, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/transparency',
    world: 'couple',
    setup: (w) => selfOffers(w, false),
    call: (c) => c.post('/api/transparency', OFFER),
    // Only the involved partner of a named injury offers; the stranger is alone (409 both).
    expect: { ...OWN_SPACE, stranger: 409, partner: 409, self: 201 },
  },
  {
    route: 'PUT /api/transparency/:id/answer',
    world: 'couple',
    setup: (w) => selfOffers(w, false),
    call: (c, w) => withVersion(c, w, 'answer', { accept: true }),
    // Only the partner it was offered to answers; the one offering finds nothing to answer.
    expect: { ...NO_ONE_ELSE, partner: 200, self: 404 },
  },
  {
    route: 'PUT /api/transparency/:id/pause',
    world: 'couple',
    setup: (w) => selfOffers(w, true),
    call: (c, w) => withVersion(c, w, 'pause', { paused: true }),
    // The partner pauses it first; self then finds it already paused.
    expect: { ...NO_ONE_ELSE, partner: 200, self: 409 },
  },
  {
    route: 'PUT /api/transparency/:id/dates',
    world: 'couple',
    setup: (w) => selfOffers(w, true),
    call: (c, w) => withVersion(c, w, 'dates', { reviewOn: day(10), endsOn: day(40) }),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
];
