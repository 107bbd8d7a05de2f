import { NO_ONE_ELSE, type Row, THERAPISTS_HAVE_NO_SPACE } from './world';

const SIGNED_IN = { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 } as const;

/** The program map and the couple's pace: one row per route. */
export const programRows: Row[] = [
  {
    route: 'GET /api/program',
    world: 'couple',
    call: (c) => c.get('/api/program'),
    expect: SIGNED_IN,
  },
  {
    route: 'PUT /api/program/marks/:key',
    world: 'couple',
    // Marks belong to the person, space or none.
    call: (c) => c.put('/api/program/marks/daily-check-in', { mark: 'spent_time' }),
    expect: SIGNED_IN,
  },
  {
    route: 'POST /api/program/pace/ready',
    world: 'couple',
    // The stranger is alone in their space: a phase is chosen by two, so that waits (409).
    call: (c) => c.post('/api/program/pace/ready', { phase: 2 }),
    expect: { ...THERAPISTS_HAVE_NO_SPACE, ...NO_ONE_ELSE, stranger: 409, partner: 200, self: 200 },
  },
  {
    route: 'DELETE /api/program/pace/ready',
    world: 'couple',
    call: (c) => c.delete('/api/program/pace/ready'),
    expect: { ...THERAPISTS_HAVE_NO_SPACE, ...NO_ONE_ELSE, stranger: 200, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/program/pace/step-back',
    world: 'couple',
    call: (c) => c.post('/api/program/pace/step-back', { phase: 1 }),
    expect: { ...THERAPISTS_HAVE_NO_SPACE, ...NO_ONE_ELSE, stranger: 200, partner: 200, self: 200 },
  },
];
