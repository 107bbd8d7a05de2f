import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouple, createTestApp, type TestApp } from '../helpers/test-app';
import { FEATURE_CANARY_STEPS } from './canary/steps';

/**
 * A canary string goes through every route — in bodies, query strings, cookies and headers —
 * and must never reach the log. Real secrets (session and invite tokens, emails) must not either.
 */
const CANARY = 'Zq7CanaryWordXk';
const CANARY_TOKEN = `${CANARY}${'A'.repeat(43 - CANARY.length)}`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: 'trace' });
});
afterAll(async () => {
  await t?.close();
});

describe('logs carry ids and statuses, never content', () => {
  it('never logs the canary, a token, an email or a name, whatever route it goes through', async () => {
    const canaryEmail = `${CANARY.toLowerCase()}@example.test`;
    const a = t.client('canary');
    const signUp = await a.post(`/api/auth/signup?note=${CANARY}`, {
      displayName: `Name ${CANARY}`,
      email: canaryEmail,
      password: `password ${CANARY}`,
    });
    expect(signUp.statusCode).toBe(202);
    await a.post('/api/auth/signin', { email: canaryEmail, password: `wrong ${CANARY}` });
    await a.post('/api/auth/signin', { email: canaryEmail, password: `password ${CANARY}` });
    const sessionCookie = a.cookie!;
    await a.request('GET', `/api/auth/me?q=${CANARY}`, undefined, { 'x-note': CANARY });
    await a.get('/api/auth/sessions');
    await a.post('/api/auth/sessions/signout-others', { note: CANARY });
    await a.delete(`/api/auth/sessions/${CANARY}`);
    await a.post('/api/space', { name: CANARY });
    await a.get('/api/space');
    const invite = await a.post('/api/invites');
    const { token } = invite.json<{ token: string }>();
    await a.get('/api/invites');
    await a.delete(`/api/invites/${CANARY}`);
    const b = t.client('b');
    await b.post('/api/invites/preview', { token: CANARY_TOKEN });
    await b.post('/api/invites/preview', { token });
    await b.post('/api/auth/signup', {
      displayName: 'Other',
      email: `other-${CANARY.toLowerCase()}@example.test`,
      password: `long ${CANARY} pass`,
    });
    await b.post('/api/invites/accept', { token });
    await b.post('/api/invites/accept', { token: CANARY_TOKEN });
    await b.post('/api/space/leave', { why: CANARY });
    await b.request('GET', `/api/unknown/${CANARY}`);
    await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `hh_session=${CANARY_TOKEN}` },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: { 'content-type': 'application/json', origin: t.config.publicUrl.origin },
      payload: `{"email":"${CANARY}`,
    });
    await a.post('/api/auth/signout', { note: CANARY });

    const log = t.logs.text();
    expect(log.length).toBeGreaterThan(1000); // request logs were written at all
    expect(log).toContain('"statusCode":201');
    expect(log.toLowerCase()).not.toContain(CANARY.toLowerCase());
    expect(log).not.toContain(token);
    expect(log).not.toContain(sessionCookie.split('=')[1]!);
    expect(log).not.toContain('example.test');
    expect(log).not.toContain('Other');
  });

  for (const [feature, step] of Object.entries(FEATURE_CANARY_STEPS)) {
    it(`never logs what is written through the ${feature} routes`, async () => {
      const before = t.logs.lines.length;
      const couple = await createCouple(t);
      await step(couple, CANARY, t);
      const log = t.logs.lines.slice(before).join('');
      expect(log).toContain('"statusCode":');
      expect(log.toLowerCase()).not.toContain(CANARY.toLowerCase());
    });
  }
});
