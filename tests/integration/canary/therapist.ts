import { TEST_PASSWORD } from '../../helpers/test-app';
import type { CanaryStep } from './steps';

export const therapistCanary: CanaryStep = async ({ a, b }, canary) => {
  await a.get(`/api/therapist?note=${canary}`);
  await a.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD });
  const link = (await a.post('/api/therapist/invites', { note: canary })).json<{
    id: string;
    token: string;
  }>();
  await b.post('/api/therapist/claim/preview', { token: link.token, note: canary });
  await b.post('/api/therapist/claim/preview', { token: canary });
  await b.post('/api/therapist/claim', { token: link.token, note: canary });
  await b.post(`/api/therapist/links/${canary}/approve`);
  await b.post(`/api/therapist/links/${canary}/revoke`);
  await a.delete(`/api/therapist/invites/${canary}`);

  // `b` becomes a therapist for the rest of the step: a new account whose every field is the canary.
  await b.post('/api/auth/signout');
  const therapistEmail = `${canary
    .slice(0, 40)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}@example.test`;
  const therapistPassword = `${canary} ${TEST_PASSWORD}`;
  await b.post('/api/therapist/signup', {
    displayName: canary.slice(0, 60),
    email: therapistEmail,
    password: therapistPassword,
    practiceName: canary,
    licence: canary,
  });
  // Sign-up signs nobody in (decision 0029); the web app signs in next, as here.
  await b.post('/api/auth/signin', { email: therapistEmail, password: therapistPassword });
  await b.post('/api/therapist/claim', { token: link.token, note: canary });
  await b.get(`/api/therapist/profile?note=${canary}`);
  await b.put('/api/therapist/profile', { practiceName: canary, licence: canary });
  await b.get(`/api/therapist/links?note=${canary}`);
  await b.get(`/api/therapist/links/${canary}`);
  await b.get(`/api/therapist/links/${link.id}?note=${canary}`);
  await a.post(`/api/therapist/links/${link.id}/approve`, { note: canary });
  await a.post(`/api/therapist/links/${link.id}/revoke`, { note: canary });
};
