import { TEST_PASSWORD } from '../../helpers/test-app';
import type { Row } from './world';

const SIGNED_IN = (status: number) =>
  ({ anonymous: 401, stranger: status, former: status, partner: status, self: status }) as const;
const ANYONE = (status: number) =>
  ({ anonymous: status, stranger: status, former: status, partner: status, self: status }) as const;
/** Well-formed, never registered. */
const PASSKEY_ANSWER = {
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'AAAA' },
};

/**
 * Two-step sign-in and "my data". Every call acts on the caller's own account; without a recent
 * step-up the sensitive ones answer 403 step_up_required to everyone signed in.
 */
export const twoStepRows: Row[] = [
  {
    route: 'POST /api/auth/signin/passkey-options',
    world: 'couple',
    call: (c) => c.post('/api/auth/signin/passkey-options'),
    expect: ANYONE(401),
  },
  {
    route: 'POST /api/auth/signin/second-step',
    world: 'couple',
    call: (c) => c.post('/api/auth/signin/second-step', { method: 'totp', code: '123456' }),
    expect: ANYONE(401),
  },
  {
    route: 'POST /api/auth/step-up/passkey-options',
    world: 'couple',
    call: (c) => c.post('/api/auth/step-up/passkey-options'),
    expect: SIGNED_IN(200),
  },
  {
    route: 'POST /api/auth/step-up',
    world: 'couple',
    call: (c) => c.post('/api/auth/step-up', { method: 'password', password: 'not the password' }),
    expect: ANYONE(401),
  },
  {
    route: 'GET /api/auth/two-step',
    world: 'couple',
    call: (c) => c.get('/api/auth/two-step'),
    expect: SIGNED_IN(200),
  },
  {
    route: 'POST /api/auth/two-step/totp',
    world: 'couple',
    call: (c) => c.post('/api/auth/two-step/totp'),
    expect: SIGNED_IN(403),
  },
  {
    route: 'POST /api/auth/two-step/totp/confirm',
    world: 'couple',
    call: (c) => c.post('/api/auth/two-step/totp/confirm', { code: '123456' }),
    expect: SIGNED_IN(403),
  },
  {
    route: 'DELETE /api/auth/two-step/totp',
    world: 'couple',
    call: (c) => c.delete('/api/auth/two-step/totp'),
    expect: SIGNED_IN(403),
  },
  {
    route: 'POST /api/auth/two-step/recovery-codes',
    world: 'couple',
    call: (c) => c.post('/api/auth/two-step/recovery-codes'),
    expect: SIGNED_IN(403),
  },
  {
    route: 'POST /api/auth/two-step/passkeys/options',
    world: 'couple',
    call: (c) => c.post('/api/auth/two-step/passkeys/options'),
    expect: SIGNED_IN(403),
  },
  {
    route: 'POST /api/auth/two-step/passkeys',
    world: 'couple',
    call: (c) => c.post('/api/auth/two-step/passkeys', { label: 'Key', response: PASSKEY_ANSWER }),
    expect: SIGNED_IN(403),
  },
  {
    route: 'DELETE /api/auth/two-step/passkeys/:id',
    world: 'couple',
    call: (c) => c.delete('/api/auth/two-step/passkeys/00000000-0000-4000-8000-000000000000'),
    expect: SIGNED_IN(403),
  },
  {
    route: 'PUT /api/auth/two-step/relock',
    world: 'couple',
    // Set, then off again: with a re-lock on, a long pause in the matrix would lock the caller.
    call: async (c) => {
      const response = await c.put('/api/auth/two-step/relock', { minutes: 5 });
      await c.put('/api/auth/two-step/relock', { minutes: null });
      return response;
    },
    expect: SIGNED_IN(200),
  },
  {
    route: 'GET /api/auth/lock',
    world: 'couple',
    call: (c) => c.get('/api/auth/lock'),
    expect: SIGNED_IN(200),
  },
  {
    route: 'POST /api/auth/lock',
    world: 'couple',
    // Locks the caller's own session; the step-up after it unlocks it for the rows that follow.
    call: async (c) => {
      const response = await c.post('/api/auth/lock');
      await c.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD });
      return response;
    },
    expect: SIGNED_IN(200),
  },
  {
    route: 'GET /api/my-data/export',
    world: 'couple',
    call: (c) => c.get('/api/my-data/export'),
    expect: SIGNED_IN(403),
  },
  {
    route: 'GET /api/my-data/erasure',
    world: 'couple',
    call: (c) => c.get('/api/my-data/erasure'),
    expect: SIGNED_IN(200),
  },
  {
    route: 'POST /api/my-data/erasure',
    world: 'couple',
    call: (c) => c.post('/api/my-data/erasure'),
    expect: SIGNED_IN(403),
  },
  {
    route: 'DELETE /api/my-data/erasure',
    world: 'couple',
    call: (c) => c.delete('/api/my-data/erasure'),
    expect: SIGNED_IN(404),
  },
];
