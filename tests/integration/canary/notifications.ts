import { injectStream } from '../../helpers/live-stream';
import type { CanaryStep } from './steps';

/** Every notifications route, with the canary in ids, query strings, bodies and headers. */
export const notificationsCanary: CanaryStep = async ({ a, b }, canary, t) => {
  await a.get(`/api/notifications?cursor=${canary}`);
  await a.get('/api/notifications');
  await a.post(`/api/notifications/${canary}/read`);
  await a.post('/api/notifications/read-all', { note: canary });
  await b.get('/api/notifications/preferences');
  await b.put(
    '/api/notifications/preferences',
    {
      channels: { comment: canary, reply: 'off', shared: 'in_app', therapist: 'in_app' },
      quietHours: null,
      timeZone: canary,
      commentDefault: 'all',
    },
    { 'if-match': '"0"' },
  );
  await b.put(
    '/api/notifications/preferences',
    {
      channels: { comment: 'off', reply: 'off', shared: 'in_app', therapist: 'in_app' },
      quietHours: null,
      timeZone: `Mars/${canary.replace(/[^A-Za-z]/g, '')}`,
      commentDefault: 'all',
    },
    { 'if-match': `"${canary}"` },
  );
  await injectStream(t, a, { 'last-event-id': canary });
};
