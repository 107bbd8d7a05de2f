import type { Row } from './world';

const SIGNED_IN = { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 } as const;

/** Safety: resources are public; everything else is about the caller only. */
export const safetyRows: Row[] = [
  {
    route: 'GET /api/safety/resources',
    world: 'couple',
    call: (c) => c.get('/api/safety/resources?region=GB'),
    expect: { anonymous: 200, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/safety',
    world: 'couple',
    call: (c) => c.get('/api/safety'),
    expect: SIGNED_IN,
  },
  {
    route: 'POST /api/safety/pause',
    world: 'couple',
    call: (c) => c.post('/api/safety/pause'),
    expect: SIGNED_IN,
  },
  {
    route: 'POST /api/safety/resume',
    world: 'couple',
    call: (c) => c.post('/api/safety/resume'),
    expect: SIGNED_IN,
  },
  {
    route: 'PUT /api/safety/region',
    world: 'couple',
    call: (c) => c.put('/api/safety/region', { region: 'GB' }),
    expect: SIGNED_IN,
  },
  {
    route: 'PUT /api/safety/tab',
    world: 'couple',
    call: (c) => c.put('/api/safety/tab', { neutral: true }),
    expect: SIGNED_IN,
  },
];
