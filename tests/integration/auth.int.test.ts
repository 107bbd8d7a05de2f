import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '#server/auth/tokens.ts';
import { sessions } from '#server/db/schema/index.ts';
import { createTestApp, expectStatus, TEST_PASSWORD, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('sign up', () => {
  it('creates an account without signing in; sign-in then sets an HttpOnly SameSite=Strict cookie', async () => {
    const c = t.client('Robin');
    const response = await c.post('/api/auth/signup', {
      displayName: '  Robin  ',
      email: 'Robin.Example@Example.test',
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ ok: true });
    expect(response.cookies).toHaveLength(0);
    const signIn = await c.post('/api/auth/signin', {
      email: 'robin.example@example.test',
      password: TEST_PASSWORD,
    });
    expect(signIn.json()).toMatchObject({
      user: { displayName: 'Robin', email: 'robin.example@example.test' },
    });
    const cookie = signIn.cookies.find((k) => k.name === 'hh_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await c.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { displayName: 'Robin' } });
  });

  it('refuses a short password with a message that names the field', async () => {
    const response = await t.client('x').post('/api/auth/signup', {
      displayName: 'Short',
      email: 'short@example.test',
      password: 'abc',
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: { code: string; fields: Record<string, string> } }>();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields.password).toMatch(/at least 8/);
  });

  it('accepts a 64-character password and refuses a very common one', async () => {
    const long = 'a'.repeat(30) + ' quiet river ' + 'b'.repeat(21);
    expect(long.length).toBe(64);
    const ok = await t.client('x').post('/api/auth/signup', {
      displayName: 'Long',
      email: 'long@example.test',
      password: long,
    });
    expect(ok.statusCode).toBe(202);
    const common = await t.client('x').post('/api/auth/signup', {
      displayName: 'Common',
      email: 'common@example.test',
      password: 'Password123',
    });
    expect(common.statusCode).toBe(400);
    expect(
      common.json<{ error: { fields: Record<string, string> } }>().error.fields.password,
    ).toMatch(/easy to guess/);
  });

  it('answers an address with an account exactly as a new one, and tells its owner by email', async () => {
    const owner = await t.signUp('Dana');
    await t.deliver();
    const before = t.mailbox.to(owner.email).length;
    const fresh = await t.client('x').post('/api/auth/signup', {
      displayName: 'A',
      email: 'dup-new@example.test',
      password: TEST_PASSWORD,
    });
    const taken = await t.client('x').post('/api/auth/signup', {
      displayName: 'B',
      email: owner.email.toUpperCase(),
      password: 'another long password here',
    });
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.body).toBe(fresh.body);
    expect(Object.keys(taken.headers).sort()).toEqual(Object.keys(fresh.headers).sort());
    expect(taken.cookies).toHaveLength(0);
    await t.deliver();
    const [told] = t.mailbox.to(owner.email).slice(before);
    expect(told?.subject).toBe('You already have an account');
    expect(told?.text).toContain('http://localhost/account/forgot');
    expect(t.mailbox.to('dup-new@example.test')[0]?.subject).toBe('Confirm your email address');
    // The owner's password and name are untouched.
    const me = await owner.get('/api/auth/me');
    expect(me.json()).toMatchObject({ user: { displayName: 'Dana' } });
    const wrong = await t.client('y').post('/api/auth/signin', {
      email: owner.email,
      password: 'another long password here',
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('takes about the same time for an address with an account as for a new one', async () => {
    const owner = await t.signUp('Timing');
    const time = async (email: string) => {
      const started = performance.now();
      await t
        .client('x')
        .post('/api/auth/signup', { displayName: 'T', email, password: TEST_PASSWORD });
      return performance.now() - started;
    };
    await time(owner.email);
    await time(`warm-${Date.now()}@example.test`);
    const taken: number[] = [];
    const fresh: number[] = [];
    for (let i = 0; i < 7; i++) {
      taken.push(await time(owner.email));
      fresh.push(await time(`fresh-${i}-${Date.now()}@example.test`));
    }
    const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
    // Both hash the password (argon2id, ~8 ms); skipping it for a taken address would take ~1 ms.
    expect(median(taken)).toBeGreaterThan(median(fresh) * 0.5);
    expect(median(fresh)).toBeGreaterThan(median(taken) * 0.5);
  });
});

describe('sign in', () => {
  it('answers a wrong password and an unknown email with the same status and body', async () => {
    const person = await t.signUp('Kim');
    const wrongPassword = await t
      .client('x')
      .post('/api/auth/signin', { email: person.email, password: 'not the password at all' });
    const unknownEmail = await t.client('x').post('/api/auth/signin', {
      email: 'nobody-here@example.test',
      password: 'not the password at all',
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.body).toBe(unknownEmail.body);
    expect(wrongPassword.cookies).toHaveLength(0);
  });

  it('takes about the same time for an unknown email as for a wrong password', async () => {
    const person = await t.signUp('Lee');
    const time = async (email: string) => {
      const started = performance.now();
      await t.client('x').post('/api/auth/signin', { email, password: 'wrong password entirely' });
      return performance.now() - started;
    };
    // Warm up both paths, then compare medians of a few tries.
    await time(person.email);
    await time('warm-up@example.test');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await time(person.email));
      unknown.push(await time(`unknown-${i}@example.test`));
    }
    const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
    // Both verify an argon2id hash (about 8 ms); without the dummy hash the unknown path takes ~1 ms,
    // about a tenth. The margin leaves room for a busy machine without letting that case pass.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });

  it('signs in with the right password, any email case, and gives a new session each time', async () => {
    const person = await t.signUp('Morgan');
    const c = t.client('second device');
    const response = await c.post('/api/auth/signin', {
      email: person.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    expect(c.cookie).toBeDefined();
    expect(c.cookie).not.toBe(person.cookie);
    const sessions = await person.get('/api/auth/sessions');
    expect(sessions.json<{ sessions: unknown[] }>().sessions).toHaveLength(2);
  });
});

describe('sessions', () => {
  it('lists my sessions with a coarse device label and marks the current one', async () => {
    const person = await t.signUp('Quinn');
    const list = (await person.get('/api/auth/sessions')).json<{
      sessions: { id: string; device: string; current: boolean }[];
    }>();
    expect(list.sessions).toHaveLength(1);
    expect(list.sessions[0]).toMatchObject({ device: 'Firefox on Linux', current: true });
  });

  it('signs out one other device, and all other devices, keeping this one', async () => {
    const person = await t.signUp('Ray');
    const phone = t.client('phone');
    const laptop = t.client('laptop');
    await phone.post('/api/auth/signin', { email: person.email, password: TEST_PASSWORD });
    await laptop.post('/api/auth/signin', { email: person.email, password: TEST_PASSWORD });
    const list = (await person.get('/api/auth/sessions')).json<{
      sessions: { id: string; current: boolean }[];
    }>();
    expect(list.sessions).toHaveLength(3);

    const phoneSession = (await phone.get('/api/auth/sessions')).json<{
      sessions: { id: string; current: boolean }[];
    }>();
    const phoneId = phoneSession.sessions.find((s) => s.current)!.id;
    expectStatus(await person.delete(`/api/auth/sessions/${phoneId}`), 200);
    expect((await phone.get('/api/auth/me')).statusCode).toBe(401);

    const others = await person.post('/api/auth/sessions/signout-others');
    expect(others.json()).toEqual({ signedOut: 1 });
    expect((await laptop.get('/api/auth/me')).statusCode).toBe(401);
    expect((await person.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('cannot end someone else’s session: it looks like it does not exist', async () => {
    const a = await t.signUp('Ana');
    const b = await t.signUp('Bo');
    const bSessions = (await b.get('/api/auth/sessions')).json<{ sessions: { id: string }[] }>();
    const attempt = await a.delete(`/api/auth/sessions/${bSessions.sessions[0]!.id}`);
    const missing = await a.delete('/api/auth/sessions/00000000-0000-4000-8000-000000000000');
    expect(attempt.statusCode).toBe(404);
    expect(attempt.body).toBe(missing.body);
    expect((await b.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('signs out, clears the cookie, and the old token stops working', async () => {
    const person = await t.signUp('Sky');
    const oldCookie = person.cookie!;
    const response = await person.post('/api/auth/signout');
    expect(response.statusCode).toBe(200);
    expect(response.headers['clear-site-data']).toContain('storage');
    const replay = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: oldCookie },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('expires a session after the idle timeout and after the absolute lifetime', async () => {
    const person = await t.signUp('Tao');
    const token = person.cookie!.split('=')[1]!;
    const store = (await import('#server/auth/sessions.ts')).SessionStore;
    const sessions = new store(t.database.db, {
      idleMs: t.config.sessionIdleMs,
      maxMs: t.config.sessionMaxMs,
    });
    const now = Date.now();
    expect((await sessions.resolveActor(token, new Date(now + 60_000))).kind).toBe('user');
    expect(
      (await sessions.resolveActor(token, new Date(now + t.config.sessionIdleMs + 120_000))).kind,
    ).toBe('anonymous');
    expect(
      (await sessions.resolveActor(token, new Date(now + t.config.sessionMaxMs + 1000))).kind,
    ).toBe('anonymous');
  });
});

describe('dead sessions', () => {
  it('lists only live sessions and sweeps dead ones at the next sign-in', async () => {
    const person = await t.signUp('Vi');
    const old = t.client('old laptop');
    await old.post('/api/auth/signin', { email: person.email, password: TEST_PASSWORD });
    // The old laptop has been idle for longer than the idle timeout.
    const idleSince = new Date(Date.now() - t.config.sessionIdleMs - 60_000);
    const oldToken = old.cookie!.split('=')[1]!;
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: idleSince })
      .where(eq(sessions.tokenHash, hashToken(oldToken)));
    const listed = await person.get('/api/auth/sessions');
    expect(listed.json<{ sessions: unknown[] }>().sessions).toHaveLength(1);

    const before = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, person.userId));
    expect(before).toHaveLength(2);
    await t
      .client('phone')
      .post('/api/auth/signin', { email: person.email, password: TEST_PASSWORD });
    const after = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, person.userId));
    expect(after).toHaveLength(2); // the dead one went, the new one came
    expect(after.map((s) => s.tokenHash)).not.toContain(hashToken(oldToken));
    expect((await person.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('CSRF and rate limits', () => {
  it('refuses a state change from another site, or with no origin information at all', async () => {
    const person = await t.signUp('Uma');
    const crossSite = await person.request(
      'POST',
      '/api/space',
      {},
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json()).toMatchObject({ error: { code: 'forbidden_origin' } });
    const noOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/space',
      headers: { cookie: person.cookie! },
    });
    expect(noOrigin.statusCode).toBe(403);
    expect((await person.get('/api/space')).json()).toEqual({ space: null });
  });

  it('slows down repeated sign-in attempts with a 429 and a clear message', async () => {
    const limited = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const c = limited.client('guesser');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await c.post('/api/auth/signin', { email: 'x@example.test', password: `guess ${i}` }))
            .statusCode,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const last = await c.post('/api/auth/signin', { email: 'x@example.test', password: 'guess' });
      expect(last.json()).toMatchObject({ error: { code: 'rate_limited' } });
      expect(last.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
