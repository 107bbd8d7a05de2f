import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import { accountTokens } from '#server/db/schema/index.ts';
import { createLogger } from '#server/log.ts';
import {
  createTestApp,
  expectStatus,
  LogCapture,
  TEST_PASSWORD,
  type TestApp,
} from '../helpers/test-app';
import { linkIn, type ReceivedEmail } from '../helpers/mailbox';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const BASE = 'http://localhost';
/** The token in an email's link: after the `#`, never in the path or query. */
function tokenIn(email: ReceivedEmail | undefined): string {
  if (!email) throw new Error('no email');
  const link = linkIn(email, BASE);
  expect(link.search).toBe('');
  return link.hash.slice(1);
}
async function lastEmailTo(address: string): Promise<ReceivedEmail | undefined> {
  await t.deliver();
  return t.mailbox.to(address).at(-1);
}
/** The latest email with this subject (jobs run side by side, so arrival order is not fixed). */
async function emailTo(address: string, subject: string): Promise<ReceivedEmail | undefined> {
  await t.deliver();
  return t.mailbox.to(address).findLast((m) => m.subject === subject);
}

describe('email verification', () => {
  it('sends a link at sign-up that confirms the address once', async () => {
    const person = await t.signUp('Vera');
    expect((await person.get('/api/account')).json()).toMatchObject({ emailVerified: false });
    const email = await lastEmailTo(person.email);
    expect(email?.subject).toBe('Confirm your email address');
    const token = tokenIn(email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Any device may open the link; it needs no session.
    expectStatus(await t.client('phone').post('/api/account/verify-email', { token }), 200);
    expect((await person.get('/api/account')).json()).toMatchObject({ emailVerified: true });
    const again = await t.client('phone').post('/api/account/verify-email', { token });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ error: { code: 'link_expired' } });
  });

  it('stores only a hash of the token', async () => {
    const person = await t.signUp('Hashy');
    const token = tokenIn(await lastEmailTo(person.email));
    const rows = await t.database.db
      .select({ tokenHash: accountTokens.tokenHash })
      .from(accountTokens)
      .where(eq(accountTokens.userId, person.userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sends the link again on request, and the new link replaces the old', async () => {
    const person = await t.signUp('Resend');
    const first = tokenIn(await lastEmailTo(person.email));
    expectStatus(await person.post('/api/account/verify-email/resend'), 202);
    const second = tokenIn(await lastEmailTo(person.email));
    expect(second).not.toBe(first);
    expect(
      (await t.client('x').post('/api/account/verify-email', { token: first })).statusCode,
    ).toBe(410);
    expectStatus(await t.client('x').post('/api/account/verify-email', { token: second }), 200);
  });
});

describe('password reset', () => {
  it('emails a 15-minute single-use link; the reset ends every session and says so by email', async () => {
    const person = await t.signUp('Riley');
    const laptop = t.client('laptop');
    expectStatus(
      await laptop.post('/api/auth/signin', { email: person.email, password: TEST_PASSWORD }),
      200,
    );
    const asker = t.client('asker');
    expectStatus(
      await asker.post('/api/account/password-reset', { email: person.email.toUpperCase() }),
      202,
    );
    const email = await emailTo(person.email, 'Choose a new password');
    expect(email?.text).toContain('15 minutes');
    const token = tokenIn(email);
    const [row] = await t.database.db
      .select({ createdAt: accountTokens.createdAt, expiresAt: accountTokens.expiresAt })
      .from(accountTokens)
      .where(eq(accountTokens.purpose, 'reset-password'))
      .orderBy(accountTokens.createdAt);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeLessThanOrEqual(15 * 60_000);

    const common = await asker.post('/api/account/password-reset/complete', {
      token,
      password: 'password123',
    });
    expect(common.statusCode).toBe(400);
    const newPassword = 'a brand new evening walk';
    expectStatus(
      await asker.post('/api/account/password-reset/complete', { token, password: newPassword }),
      200,
    );
    // Every session ended, the old password is gone, the new one works.
    expect((await person.get('/api/auth/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      (
        await t
          .client('y')
          .post('/api/auth/signin', { email: person.email, password: TEST_PASSWORD })
      ).statusCode,
    ).toBe(401);
    expectStatus(
      await t.client('y').post('/api/auth/signin', { email: person.email, password: newPassword }),
      200,
    );
    const told = await emailTo(person.email, 'Your password was changed');
    expect(told?.text).toContain('reset by email');
    expect(told?.text).toContain('signed out');
    // Once only.
    const reuse = await asker.post('/api/account/password-reset/complete', {
      token,
      password: 'yet another long one',
    });
    expect(reuse.statusCode).toBe(410);
  });

  it('answers an unknown address exactly as a known one and emails nobody', async () => {
    const person = await t.signUp('Known');
    await t.deliver();
    const sentBefore = t.mailbox.messages.length;
    const known = await t.client('x').post('/api/account/password-reset', { email: person.email });
    const unknown = await t
      .client('x')
      .post('/api/account/password-reset', { email: 'nobody-at-all@example.test' });
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    await t.deliver();
    const sent = t.mailbox.messages.slice(sentBefore);
    expect(sent.map((m) => m.to[0])).toEqual([person.email]);
  });

  it('refuses an expired link', async () => {
    const person = await t.signUp('Late');
    await t.client('x').post('/api/account/password-reset', { email: person.email });
    const token = tokenIn(await emailTo(person.email, 'Choose a new password'));
    await t.database.db
      .update(accountTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accountTokens.userId, person.userId));
    const late = await t.client('x').post('/api/account/password-reset/complete', {
      token,
      password: 'a brand new evening walk',
    });
    expect(late.statusCode).toBe(410);
  });
});

describe('changing what is mine', () => {
  it('changes the password with the current one, signs out the other devices and emails', async () => {
    const person = await t.signUp('Chang');
    const other = t.client('other device');
    await other.post('/api/auth/signin', { email: person.email, password: TEST_PASSWORD });
    const wrong = await person.post('/api/account/password', {
      currentPassword: 'nope nope',
      newPassword: 'a fresh long password',
    });
    expect(wrong.statusCode).toBe(400);
    type Fields = { error: { fields: Record<string, string> } };
    expect(wrong.json<Fields>().error.fields.currentPassword).toMatch(/current password/);
    const common = await person.post('/api/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'iloveyou',
    });
    expect(common.json<Fields>().error.fields.newPassword).toMatch(/easy to guess/);
    expectStatus(
      await person.post('/api/account/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'a fresh long password',
      }),
      200,
    );
    expect((await person.get('/api/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect(await emailTo(person.email, 'Your password was changed')).toBeDefined();
  });

  it('moves to a new address only once confirmed there, and tells the old one', async () => {
    const person = await t.signUp('Mover');
    const newEmail = `moved-${Date.now()}@example.test`;
    // Moving the account needs a recent step-up: without one, nothing is sent.
    const unconfirmed = await person.post('/api/account/email', { newEmail });
    expect(unconfirmed.statusCode).toBe(403);
    expect(unconfirmed.json()).toMatchObject({ error: { code: 'step_up_required' } });
    await t.deliver();
    expect(t.mailbox.to(newEmail)).toHaveLength(0);
    expectStatus(
      await person.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD }),
      200,
    );
    expectStatus(await person.post('/api/account/email', { newEmail }), 202);
    expect((await person.get('/api/account')).json()).toMatchObject({ email: person.email });
    const token = tokenIn(await lastEmailTo(newEmail));
    expectStatus(await t.client('x').post('/api/account/email/confirm', { token }), 200);
    expect((await person.get('/api/account')).json()).toMatchObject({
      email: newEmail,
      emailVerified: true,
    });
    expect(
      await emailTo(person.email, 'Your account now uses another email address'),
    ).toBeDefined();
    expectStatus(
      await t.client('y').post('/api/auth/signin', { email: newEmail, password: TEST_PASSWORD }),
      200,
    );
  });

  it('answers the same whether or not the new address has an account', async () => {
    const person = await t.signUp('Asker');
    const owner = await t.signUp('Owner');
    expectStatus(
      await person.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD }),
      200,
    );
    const free = await person.post('/api/account/email', {
      newEmail: `free-${Date.now()}@example.test`,
    });
    // A new request replaces the last one's link, so the first is sent before the second is made.
    await t.deliver();
    const taken = await person.post('/api/account/email', { newEmail: owner.email });
    expect(taken.statusCode).toBe(free.statusCode);
    expect(taken.body).toBe(free.body);
    // The link cannot take the address from its owner.
    const token = tokenIn(await emailTo(owner.email, 'Confirm your new email address'));
    expect((await t.client('x').post('/api/account/email/confirm', { token })).statusCode).toBe(
      409,
    );
    expect((await owner.get('/api/account')).json()).toMatchObject({ email: owner.email });
  });

  it('changes the name', async () => {
    const person = await t.signUp('Before');
    expectStatus(await person.put('/api/account/name', { displayName: '  After  ' }), 200);
    expect((await person.get('/api/auth/me')).json()).toMatchObject({
      user: { displayName: 'After' },
    });
  });
});

describe('recent activity and signing out everywhere', () => {
  it('lists sign-ins and changes with a rough device, and emails a sign-in from a new device', async () => {
    const person = await t.signUp('Active');
    const phone = t.client('phone');
    await phone.post(
      '/api/auth/signin',
      { email: person.email, password: TEST_PASSWORD },
      { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1' },
    );
    const email = await emailTo(person.email, 'New sign-in to your account');
    expect(email?.text).toContain('Safari on iOS');
    await person.put('/api/account/name', { displayName: 'Renamed' });
    const { events } = (await person.get('/api/account/activity')).json<{
      events: { kind: string; device: string; at: string }[];
    }>();
    expect(events.map((e) => e.kind)).toEqual(['name-changed', 'sign-in', 'sign-in']);
    expect(events[1]!.device).toBe('Safari on iOS');
    expect(JSON.stringify(events)).not.toMatch(/127\.0\.0\.1|Mozilla/);
  });

  it('signs out every device, this one too, and says so by email', async () => {
    const person = await t.signUp('Everywhere');
    const other = t.client('other');
    await other.post('/api/auth/signin', { email: person.email, password: TEST_PASSWORD });
    const response = await person.post('/api/account/sign-out-everywhere');
    expectStatus(response, 200);
    expect(response.headers['clear-site-data']).toContain('storage');
    expect((await person.get('/api/auth/me')).statusCode).toBe(401);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect(await emailTo(person.email, 'You were signed out everywhere')).toBeDefined();
  });
});

describe('rate limits held in the database', () => {
  it('limits sign-in tries per address across two app instances sharing one database', async () => {
    const limited = await createTestApp({ AUTH_RATE_LIMIT_PER_ACCOUNT_HOUR: '3' });
    try {
      const person = await limited.signUp('Limited');
      const tries: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await limited
          .client('x')
          .post('/api/auth/signin', { email: person.email, password: 'wrong guess here' });
        tries.push(r.statusCode);
      }
      // signUp's own sign-in was the first try.
      expect(tries).toEqual([401, 401, 429]);
      const blocked = await limited
        .client('x')
        .post('/api/auth/signin', { email: person.email, password: TEST_PASSWORD });
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      // Another address is not affected.
      const other = await limited.client('x').post('/api/auth/signin', {
        email: 'someone-else@example.test',
        password: 'wrong guess here',
      });
      expect(other.statusCode).toBe(401);
      // The counter lives in the database: a second app (another server process) sees it.
      const second = await buildApp({
        config: limited.config,
        database: limited.database,
        logger: createLogger(limited.config, new LogCapture().stream),
        serveWeb: false,
      });
      try {
        const elsewhere = await second.app.inject({
          method: 'POST',
          url: '/api/auth/signin',
          headers: { 'content-type': 'application/json', origin: limited.config.publicUrl.origin },
          payload: JSON.stringify({ email: person.email, password: TEST_PASSWORD }),
        });
        expect(elsewhere.statusCode).toBe(429);
      } finally {
        await second.app.close();
      }
    } finally {
      await limited.close();
    }
  });
});
