import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouple, createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app';
import { FEATURE_CANARY_STEPS } from './canary/steps';

/**
 * No email ever carries what someone wrote: names, entries, anything typed. A couple whose names
 * are the canary writes it through every feature's routes, runs every account flow, and then
 * every queued email is sent; none may contain the canary, in its subject or its body.
 */
const CANARY = 'Qv9MailCanaryWj';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('email canary', () => {
  it('no email subject or body holds anything a person wrote', { timeout: 180_000 }, async () => {
    const a = await t.signUp(`Alex ${CANARY}`);
    const b = await t.signUp(`Sam ${CANARY}`);
    // Each feature's step expects a couple of its own, as in the log canary test.
    for (const step of Object.values(FEATURE_CANARY_STEPS))
      await step(await createCouple(t, [`Kim ${CANARY}`, `Lee ${CANARY}`]), CANARY, t);
    // Every account flow that sends email, with the canary wherever a person can type.
    await a.put('/api/account/name', { displayName: `Renamed ${CANARY}` });
    await a.post('/api/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: `new ${CANARY} password`,
    });
    await a.post('/api/auth/step-up', { method: 'password', password: `new ${CANARY} password` });
    await a.post('/api/account/email', { newEmail: `moved-${Date.now()}@example.test` });
    await b.post('/api/account/password-reset', { email: b.email });
    await t
      .client('phone')
      .post(
        '/api/auth/signin',
        { email: b.email, password: TEST_PASSWORD },
        { 'user-agent': `${CANARY} (iPhone) Safari/604.1` },
      );
    await t.client('x').post('/api/auth/signup', {
      displayName: `Again ${CANARY}`,
      email: b.email,
      password: `again ${CANARY} pass`,
    });
    await b.post('/api/account/sign-out-everywhere');
    await t.deliver();

    const subjects = new Set(t.mailbox.messages.map((m) => m.subject));
    // The flows above really sent the emails this test is about.
    for (const subject of [
      'Confirm your email address',
      'Your password was changed',
      'Confirm your new email address',
      'Choose a new password',
      'New sign-in to your account',
      'You already have an account',
      'You were signed out everywhere',
    ])
      expect(subjects).toContain(subject);
    for (const email of t.mailbox.messages) {
      expect(email.subject).not.toContain(CANARY);
      expect(email.text.toLowerCase()).not.toContain(CANARY.toLowerCase());
      // Neither subject nor body says what the app is for.
      expect(`${email.subject} ${email.text}`).not.toMatch(/affair|betray|infidel|cheat|trust/i);
    }
  });
});
