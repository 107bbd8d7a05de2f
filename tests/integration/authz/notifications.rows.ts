import { notify } from '#server/events/notify.ts';
import { injectStream } from '../../helpers/live-stream';
import type { TestClient } from '../../helpers/test-app';
import type { Row } from './world';

/** Everyone signed in has their own notifications, choices and stream (therapists too). */
const SIGNED_IN = { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 } as const;
const SELF_ONLY = { anonymous: 401, stranger: 404, former: 404, partner: 404, self: 200 } as const;

const PREFERENCES = {
  channels: { comment: 'in_app', reply: 'off', shared: 'in_app', therapist: 'in_app' },
  quietHours: { start: 22 * 60, end: 7 * 60 },
  timeZone: 'Europe/Berlin',
  commentDefault: 'replies',
};

export const notificationsRows: Row[] = [
  {
    route: 'GET /api/notifications',
    world: 'couple',
    call: (c) => c.get('/api/notifications'),
    expect: SIGNED_IN,
  },
  {
    route: 'POST /api/notifications/:id/read',
    world: 'couple',
    setup: async (w) => {
      const idOf = async (c: TestClient) =>
        (await c.get('/api/auth/me')).json<{ user: { id: string } }>().user.id;
      const partner = await idOf(w.clients.partner);
      const self = await idOf(w.clients.self);
      await notify(w.t.database.db, {
        kind: 'shared',
        recipients: [self],
        actorId: partner,
        spaceId: w.selfSpaceId,
        link: '/checkins',
        joint: false,
      });
      const list = (await w.clients.self.get('/api/notifications')).json<{
        notifications: { id: string }[];
      }>();
      w.fixtures.notification = list.notifications[0]!.id;
    },
    call: (c, w) => c.post(`/api/notifications/${w.fixtures.notification}/read`),
    expect: SELF_ONLY,
  },
  {
    route: 'POST /api/notifications/read-all',
    world: 'couple',
    call: (c) => c.post('/api/notifications/read-all'),
    expect: SIGNED_IN,
  },
  {
    route: 'GET /api/notifications/preferences',
    world: 'couple',
    call: (c) => c.get('/api/notifications/preferences'),
    expect: SIGNED_IN,
  },
  {
    route: 'PUT /api/notifications/preferences',
    world: 'couple',
    call: (c) => c.put('/api/notifications/preferences', PREFERENCES, { 'if-match': '"0"' }),
    expect: SIGNED_IN,
  },
  {
    route: 'GET /api/notifications/stream',
    world: 'couple',
    call: (c, w) => injectStream(w.t, c),
    expect: SIGNED_IN,
  },
];
