import { TEST_PASSWORD } from '../../helpers/test-app';
import type { Row } from './world';

const SIGNED_IN_OK = (status: number) =>
  ({ anonymous: 401, stranger: status, former: status, partner: status, self: status }) as const;
const ANYONE = (status: number) =>
  ({ anonymous: status, stranger: status, former: status, partner: status, self: status }) as const;
/** A well-formed token that was never issued. */
const UNKNOWN_TOKEN = 'A'.repeat(43);

/** The person's own account; every signed-in call acts on the caller's account only. */
export const accountRows: Row[] = [
  {
    route: 'GET /api/account',
    world: 'couple',
    call: (c) => c.get('/api/account'),
    expect: SIGNED_IN_OK(200),
  },
  {
    route: 'PUT /api/account/name',
    world: 'couple',
    call: (c) => c.put('/api/account/name', { displayName: 'Renamed' }),
    expect: SIGNED_IN_OK(200),
  },
  {
    route: 'POST /api/account/password',
    world: 'couple',
    call: (c) =>
      c.post('/api/account/password', {
        currentPassword: 'not the current one',
        newPassword: `${TEST_PASSWORD} again`,
      }),
    expect: SIGNED_IN_OK(400),
  },
  {
    route: 'POST /api/account/email',
    world: 'couple',
    // Moving the account needs a recent step-up; each caller confirms it is them first.
    call: async (c) => {
      await c.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD });
      return c.post('/api/account/email', { newEmail: 'moving-here@example.test' });
    },
    expect: SIGNED_IN_OK(202),
  },
  {
    route: 'POST /api/account/email/confirm',
    world: 'couple',
    call: (c) => c.post('/api/account/email/confirm', { token: UNKNOWN_TOKEN }),
    expect: ANYONE(410),
  },
  {
    route: 'POST /api/account/verify-email',
    world: 'couple',
    call: (c) => c.post('/api/account/verify-email', { token: UNKNOWN_TOKEN }),
    expect: ANYONE(410),
  },
  {
    route: 'POST /api/account/verify-email/resend',
    world: 'couple',
    call: (c) => c.post('/api/account/verify-email/resend'),
    expect: SIGNED_IN_OK(202),
  },
  {
    route: 'POST /api/account/password-reset',
    world: 'couple',
    call: (c, w) => c.post('/api/account/password-reset', { email: w.selfEmail }),
    expect: ANYONE(202),
  },
  {
    route: 'POST /api/account/password-reset/complete',
    world: 'couple',
    call: (c) =>
      c.post('/api/account/password-reset/complete', {
        token: UNKNOWN_TOKEN,
        password: `${TEST_PASSWORD} again`,
      }),
    expect: ANYONE(410),
  },
  {
    route: 'GET /api/account/activity',
    world: 'couple',
    call: (c) => c.get('/api/account/activity'),
    expect: SIGNED_IN_OK(200),
  },
  {
    route: 'POST /api/account/sign-out-everywhere',
    world: 'couple',
    call: (c) => c.post('/api/account/sign-out-everywhere'),
    expect: SIGNED_IN_OK(200),
  },
];
