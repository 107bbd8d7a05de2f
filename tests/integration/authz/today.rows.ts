import type { Row } from './world';

const DAY = new Date().toISOString().slice(0, 10);
const SIGNED_IN = { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 } as const;

/** Today and progress are about the caller only: every signed-in person gets their own. */
export const todayRows: Row[] = [
  {
    route: 'GET /api/today',
    world: 'couple',
    call: (c) => c.get(`/api/today?day=${DAY}`),
    expect: SIGNED_IN,
  },
  {
    route: 'POST /api/today/seen',
    world: 'couple',
    call: (c) => c.post('/api/today/seen', { at: new Date().toISOString() }),
    expect: SIGNED_IN,
  },
  {
    route: 'GET /api/progress',
    world: 'couple',
    call: (c) => c.get('/api/progress'),
    expect: SIGNED_IN,
  },
];
