import { TEST_PASSWORD } from '../../helpers/test-app';
import { NO_ONE_ELSE, type Row, THERAPISTS_HAVE_NO_SPACE, THERAPISTS_CANNOT_JOIN } from './world';

/** Health, accounts and sessions, the space and invites. */
export const coreRows: Row[] = [
  {
    route: 'GET /api/ping',
    world: 'couple',
    call: (c) => c.get('/api/ping'),
    expect: { anonymous: 200, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/health',
    world: 'couple',
    call: (c) => c.get('/api/health'),
    expect: { anonymous: 200, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/auth/signup',
    world: 'couple',
    call: (c) =>
      c.post('/api/auth/signup', {
        displayName: 'New',
        email: `new-${Math.random()}@example.test`,
        password: TEST_PASSWORD,
      }),
    expect: { anonymous: 202, stranger: 202, former: 202, partner: 202, self: 202 },
  },
  {
    route: 'POST /api/auth/signin',
    world: 'couple',
    call: (c, w) =>
      c.post('/api/auth/signin', { email: w.selfEmail, password: 'a wrong password' }),
    expect: { anonymous: 401, stranger: 401, former: 401, partner: 401, self: 401 },
  },
  {
    route: 'POST /api/auth/signout',
    world: 'couple',
    call: (c) => c.post('/api/auth/signout'),
    expect: { anonymous: 200, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/auth/me',
    world: 'couple',
    call: (c) => c.get('/api/auth/me'),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/auth/sessions',
    world: 'couple',
    call: (c) => c.get('/api/auth/sessions'),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'DELETE /api/auth/sessions/:id',
    world: 'couple',
    call: (c, w) => c.delete(`/api/auth/sessions/${w.selfSessionId}`),
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: 'POST /api/auth/sessions/signout-others',
    world: 'couple',
    call: (c) => c.post('/api/auth/sessions/signout-others'),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/space',
    world: 'couple',
    call: (c) => c.get('/api/space'),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'GET /api/space/therapist',
    world: 'couple',
    call: (c) => c.get('/api/space/therapist'),
    expect: { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/space',
    world: 'couple',
    call: (c) => c.post('/api/space'),
    expect: {
      ...THERAPISTS_CANNOT_JOIN,
      anonymous: 401,
      stranger: 409,
      former: 201,
      partner: 409,
      self: 409,
    },
  },
  {
    route: 'POST /api/space/leave',
    world: 'couple',
    call: (c) => c.post('/api/space/leave'),
    expect: {
      ...THERAPISTS_HAVE_NO_SPACE,
      anonymous: 401,
      stranger: 200,
      former: 404,
      partner: 200,
      self: 200,
    },
  },
  {
    route: 'GET /api/invites',
    world: 'open-invite',
    call: (c) => c.get('/api/invites'),
    expect: {
      ...THERAPISTS_HAVE_NO_SPACE,
      anonymous: 401,
      stranger: 200,
      former: 404,
      partner: 404,
      self: 200,
    },
  },
  {
    route: 'POST /api/invites',
    world: 'couple',
    call: (c) => c.post('/api/invites'),
    expect: {
      ...THERAPISTS_HAVE_NO_SPACE,
      anonymous: 401,
      stranger: 201,
      former: 404,
      partner: 409,
      self: 409,
    },
  },
  {
    route: 'DELETE /api/invites/:id',
    world: 'open-invite',
    call: (c, w) => c.delete(`/api/invites/${w.invite!.id}`),
    // In this world "partner" has no space: an open invite means nobody has joined yet.
    expect: { ...NO_ONE_ELSE, partner: 404, self: 200 },
  },
  {
    route: 'POST /api/invites/preview',
    world: 'open-invite',
    call: (c, w) => c.post('/api/invites/preview', { token: w.invite!.token }),
    expect: { anonymous: 200, stranger: 200, former: 200, partner: 200, self: 200 },
  },
  {
    route: 'POST /api/invites/accept',
    world: 'open-invite',
    call: (c, w) => c.post('/api/invites/accept', { token: w.invite!.token }),
    // partner (no space in this world) accepts before self tries; stranger and self already have a space.
    expect: { anonymous: 401, stranger: 409, former: 200, partner: 404, self: 409 },
    joins: ['former'],
  },
];
