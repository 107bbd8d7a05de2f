import { TEST_PASSWORD } from '../../helpers/test-app';
import type { CanaryStep } from './steps';

/** The account routes, with the canary in every field a person types. */
export const accountCanary: CanaryStep = async ({ a, b }, canary) => {
  await a.get(`/api/account?note=${canary}`);
  await a.put('/api/account/name', { displayName: `Name ${canary}` });
  await a.post('/api/account/password', {
    currentPassword: `wrong ${canary}`,
    newPassword: `new ${canary} password`,
  });
  await a.post('/api/account/email', { newEmail: `${canary}@example.test` });
  await a.post('/api/auth/step-up', { method: 'password', password: `wrong ${canary}` });
  await a.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD });
  await a.post('/api/account/email', { newEmail: `${canary}@example.test`, note: canary });
  await a.post('/api/account/email/confirm', { token: canary });
  await a.post('/api/account/verify-email', { token: canary });
  await a.post('/api/account/verify-email/resend', { note: canary });
  await b.post('/api/account/password-reset', { email: `${canary.toLowerCase()}@example.test` });
  await b.post('/api/account/password-reset/complete', {
    token: canary,
    password: `new ${canary} password`,
    code: canary,
  });
  await a.get('/api/account/activity');
  await b.post('/api/account/sign-out-everywhere', { note: canary });
};
