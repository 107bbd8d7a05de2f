import { expectStatus } from '../../helpers/test-app';
import { NO_ONE_ELSE, type Row, type World } from './world';

/**
 * Comments follow their item: `setup` has self write a check-in shared with the partner and the
 * couple's active therapist, so those three reach its comments; every other therapist, the
 * former partner and a stranger get the item's own 404. Only a comment's writer edits or
 * withdraws it.
 */
const DAY = '2026-02-02';

async function sharedCheckin(w: World): Promise<void> {
  const self = w.clients.self;
  const written = await self.put(`/api/checkins/mine/${DAY}`, { intensity: 2, pain: 3, note: 'n' });
  expectStatus(written, 201);
  const id = written.json<{ checkin: { id: string } }>().checkin.id;
  expectStatus(await self.post(`/api/checkins/${id}/share`), 200);
  expectStatus(await self.put(`/api/checkins/${id}/therapist`, { shared: true }), 200);
  w.fixtures.checkin = id;
}

async function withComment(w: World): Promise<void> {
  await sharedCheckin(w);
  const posted = await w.clients.self.post('/api/comments', {
    kind: 'checkin',
    itemId: w.fixtures.checkin,
    body: 'A first word.',
  });
  expectStatus(posted, 201);
  w.fixtures.comment = posted.json<{ comment: { id: string } }>().comment.id;
}

const WHO_SEES_IT = { ...NO_ONE_ELSE, partner: 200, self: 200, therapistActive: 200 } as const;
const WRITER_ONLY = { ...NO_ONE_ELSE, partner: 404, self: 200 } as const;

export const commentRows: Row[] = [
  {
    route: 'GET /api/comments',
    world: 'couple',
    setup: withComment,
    call: (c, w) => c.get(`/api/comments?kind=checkin&itemId=${w.fixtures.checkin}`),
    expect: WHO_SEES_IT,
  },
  {
    route: 'POST /api/comments',
    world: 'couple',
    setup: sharedCheckin,
    call: (c, w) =>
      c.post('/api/comments', { kind: 'checkin', itemId: w.fixtures.checkin, body: 'Hello.' }),
    expect: { ...NO_ONE_ELSE, partner: 201, self: 201, therapistActive: 201 },
  },
  {
    route: 'PATCH /api/comments/:id',
    world: 'couple',
    setup: withComment,
    call: (c, w) =>
      c.patch(
        `/api/comments/${w.fixtures.comment}`,
        { body: 'Other words.' },
        { 'if-match': '"1"' },
      ),
    expect: WRITER_ONLY,
  },
  {
    route: 'POST /api/comments/:id/withdraw',
    world: 'couple',
    setup: withComment,
    call: (c, w) => c.post(`/api/comments/${w.fixtures.comment}/withdraw`),
    expect: WRITER_ONLY,
  },
  {
    route: 'GET /api/comments/:id/wordings',
    world: 'couple',
    setup: withComment,
    call: (c, w) => c.get(`/api/comments/${w.fixtures.comment}/wordings`),
    expect: WHO_SEES_IT,
  },
  {
    route: 'PUT /api/comments/watch',
    world: 'couple',
    setup: sharedCheckin,
    call: (c, w) =>
      c.put('/api/comments/watch', {
        kind: 'checkin',
        itemId: w.fixtures.checkin,
        mode: 'replies',
      }),
    expect: WHO_SEES_IT,
  },
];
