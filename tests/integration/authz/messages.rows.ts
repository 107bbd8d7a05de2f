import type { World } from './world';
import { NO_ONE_ELSE, THERAPISTS_HAVE_NO_SPACE, type Row } from './world';

/** A page position a moment from now, so "older than this" reads the whole thread. */
const cursor = (w: World) =>
  Buffer.from(
    JSON.stringify([new Date(Date.now() + 60_000).toISOString(), w.therapistLinks.therapistActive]),
  ).toString('base64url');

/** Only the couple's active therapist reaches a couple; partners and other therapists get 404. */
const ACTIVE_THERAPIST_ONLY = {
  ...NO_ONE_ELSE,
  partner: 404,
  self: 404,
  therapistActive: 200,
  therapistPending: 404,
  therapistRevoked: 404,
  therapistOther: 404,
} as const;

/**
 * Messages: partners reach the threads of their own space's links; the therapist only the couple
 * they are active with. Which thread each may read is in messages.int.test.ts.
 */
export const messagesRows: Row[] = [
  {
    route: 'GET /api/messages',
    world: 'couple',
    call: (c) => c.get('/api/messages'),
    expect: { ...NO_ONE_ELSE, stranger: 200, partner: 200, self: 200, ...THERAPISTS_HAVE_NO_SPACE },
  },
  {
    route: 'POST /api/messages',
    world: 'couple',
    call: (c, w) =>
      c.post('/api/messages', {
        linkId: w.therapistLinks.therapistActive,
        thread: 'couple',
        body: 'A word for all three of us.',
      }),
    expect: { ...NO_ONE_ELSE, partner: 201, self: 201, ...THERAPISTS_HAVE_NO_SPACE },
  },
  {
    route: 'GET /api/messages/older',
    world: 'couple',
    call: (c, w) =>
      c.get(
        `/api/messages/older?linkId=${w.therapistLinks.therapistActive}&thread=couple&before=${cursor(w)}`,
      ),
    expect: { ...ACTIVE_THERAPIST_ONLY, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/messages/couples/:linkId',
    world: 'couple',
    call: (c, w) => c.get(`/api/messages/couples/${w.therapistLinks.therapistActive}`),
    expect: ACTIVE_THERAPIST_ONLY,
  },
  {
    route: 'POST /api/messages/couples/:linkId',
    world: 'couple',
    call: (c, w) =>
      c.post(`/api/messages/couples/${w.therapistLinks.therapistActive}`, {
        thread: 'couple',
        body: 'A word for both of you.',
      }),
    expect: { ...ACTIVE_THERAPIST_ONLY, therapistActive: 201 },
  },
];
