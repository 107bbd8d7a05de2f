import type { Row } from './world';

/**
 * The access log: anyone signed in may ask, and sees only entries about their own items (the
 * integration tests check whose entries come back; here, who may call at all).
 */
export const accessLogRows: Row[] = [
  {
    route: 'GET /api/access-log',
    world: 'couple',
    call: (c) => c.get('/api/access-log'),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
];
