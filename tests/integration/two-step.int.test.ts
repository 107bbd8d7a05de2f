import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sessions,
  twoStepPending,
  twoStepRecoveryCodes,
  twoStepTotp,
} from '#server/db/schema/index.ts';
import {
  createTestApp,
  expectStatus,
  TEST_PASSWORD,
  type TestApp,
  type TestClient,
} from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Person = TestClient & { email: string; userId: string };

/** A code for the next time step that has not been used yet (codes are single-use per step). */
async function codeAt(secret: string, offsetSteps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });
}

async function stepUp(person: TestClient) {
  expectStatus(
    await person.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD }),
    200,
  );
}

/** Turns on the authenticator app; returns its secret and the ten recovery codes. */
async function turnOnTotp(person: Person) {
  await stepUp(person);
  const setup = await person.post('/api/auth/two-step/totp');
  expectStatus(setup, 200);
  const { secret, uri } = setup.json<{ secret: string; uri: string }>();
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  const confirm = await person.post('/api/auth/two-step/totp/confirm', {
    code: await codeAt(secret, -1),
  });
  expectStatus(confirm, 200);
  return { secret, recoveryCodes: confirm.json<{ recoveryCodes: string[] }>().recoveryCodes };
}

async function signInWithPassword(person: Person) {
  const fresh = t.client(person.name) as Person;
  const response = await fresh.post('/api/auth/signin', {
    email: person.email,
    password: TEST_PASSWORD,
  });
  return { client: fresh, response };
}

describe('two-step sign-in with an authenticator app', () => {
  it('needs a step-up to start, keeps the secret sealed, and gives ten different recovery codes', async () => {
    const person = await t.signUp('Totp');
    const early = await person.post('/api/auth/two-step/totp');
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({ error: { code: 'step_up_required' } });

    const { secret, recoveryCodes } = await turnOnTotp(person);
    expect(new Set(recoveryCodes).size).toBe(10);
    const [row] = await t.database.db
      .select()
      .from(twoStepTotp)
      .where(eq(twoStepTotp.userId, person.userId));
    expect(row?.secretSealed).not.toContain(secret);
    expect(row?.confirmedAt).not.toBeNull();
    const hashes = await t.database.db
      .select({ hash: twoStepRecoveryCodes.codeHash })
      .from(twoStepRecoveryCodes)
      .where(eq(twoStepRecoveryCodes.userId, person.userId));
    expect(hashes).toHaveLength(10);
    for (const code of recoveryCodes) {
      expect(hashes.map((h) => h.hash).join()).not.toContain(code.replace(/-/g, ''));
    }
    expect(t.logs.text()).not.toContain(secret);
    expect(t.logs.text()).not.toContain(recoveryCodes[0]);

    const status = (await person.get('/api/auth/two-step')).json<unknown>();
    expect(status).toMatchObject({ totp: true, recoveryCodesLeft: 10, relockMinutes: null });
  });

  it('the password alone opens no session; the right code does, and the same code never twice', async () => {
    const person = await t.signUp('Signin');
    const { secret } = await turnOnTotp(person);

    const { client, response } = await signInWithPassword(person);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ secondStep: { totp: true, passkey: false } });
    expect(client.cookie).toBeUndefined();
    expect(client.pendingCookie).toBeDefined();
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);

    const wrong = await client.post('/api/auth/signin/second-step', {
      method: 'totp',
      code: '000000',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<{ error: { fields: { code: string } } }>().error.fields.code).toMatch(
      /did not work/,
    );

    const code = await codeAt(secret);
    const ok = await client.post('/api/auth/signin/second-step', { method: 'totp', code });
    expectStatus(ok, 200);
    expect(ok.json()).toMatchObject({ user: { id: person.userId } });
    expectStatus(await client.get('/api/auth/me'), 200);
    // The pending sign-in is used up with it.
    expect(client.pendingCookie).toBeUndefined();

    const again = await signInWithPassword(person);
    expect(again.response.statusCode).toBe(202);
    const replay = await again.client.post('/api/auth/signin/second-step', {
      method: 'totp',
      code,
    });
    expect(replay.statusCode).toBe(401);
  });

  it('a recovery code works once; the second use is refused', async () => {
    const person = await t.signUp('Recovery');
    const { recoveryCodes } = await turnOnTotp(person);
    const code = recoveryCodes[3]!;

    const first = await signInWithPassword(person);
    const used = await first.client.post('/api/auth/signin/second-step', {
      method: 'recovery',
      code: code.toLowerCase(),
    });
    expectStatus(used, 200);

    const second = await signInWithPassword(person);
    const refused = await second.client.post('/api/auth/signin/second-step', {
      method: 'recovery',
      code,
    });
    expect(refused.statusCode).toBe(401);
    expect((await person.get('/api/auth/two-step')).json()).toMatchObject({
      recoveryCodesLeft: 9,
    });
  });

  it('a pending sign-in allows five wrong codes, then asks for the password again', async () => {
    const person = await t.signUp('Guess');
    const { secret } = await turnOnTotp(person);
    const { client } = await signInWithPassword(person);
    for (let i = 0; i < 5; i += 1) {
      const r = await client.post('/api/auth/signin/second-step', {
        method: 'totp',
        code: '123456',
      });
      expect(r.statusCode).toBe(401);
    }
    const late = await client.post('/api/auth/signin/second-step', {
      method: 'totp',
      code: await codeAt(secret),
    });
    expect(late.statusCode).toBe(401);
    expect(late.json<{ error: { message: string } }>().error.message).toMatch(/sign in again/);
  });

  it('across pending sign-ins, ten wrong codes in a quarter hour pause the second step', async () => {
    const person = await t.signUp('Pause');
    const { secret } = await turnOnTotp(person);
    for (let round = 0; round < 2; round += 1) {
      const { client } = await signInWithPassword(person);
      for (let i = 0; i < 5; i += 1) {
        await client.post('/api/auth/signin/second-step', { method: 'totp', code: '123456' });
      }
    }
    const { client } = await signInWithPassword(person);
    const paused = await client.post('/api/auth/signin/second-step', {
      method: 'totp',
      code: await codeAt(secret),
    });
    expect(paused.statusCode).toBe(429);
    // Old attempts stop counting once the window has passed (here: moved back in time).
    await t.database.db
      .update(twoStepPending)
      .set({ createdAt: new Date(Date.now() - 16 * 60_000) })
      .where(eq(twoStepPending.userId, person.userId));
    const fresh = await signInWithPassword(person);
    const ok = await fresh.client.post('/api/auth/signin/second-step', {
      method: 'totp',
      code: await codeAt(secret),
    });
    expectStatus(ok, 200);
  });

  it('a pending sign-in runs out after five minutes', async () => {
    const person = await t.signUp('Late');
    const { secret } = await turnOnTotp(person);
    const { client } = await signInWithPassword(person);
    await t.database.db
      .update(twoStepPending)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(twoStepPending.userId, person.userId));
    const late = await client.post('/api/auth/signin/second-step', {
      method: 'totp',
      code: await codeAt(secret),
    });
    expect(late.statusCode).toBe(401);
  });

  it('turning the app off needs a step-up, and then the password alone signs in again', async () => {
    const person = await t.signUp('Off');
    const { recoveryCodes } = await turnOnTotp(person);
    // Another session, signed in with both steps but not stepped up, cannot turn it off.
    const { client } = await signInWithPassword(person);
    expectStatus(
      await client.post('/api/auth/signin/second-step', {
        method: 'recovery',
        code: recoveryCodes[0],
      }),
      200,
    );
    const refused = await client.delete('/api/auth/two-step/totp');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'step_up_required' } });
    const off = await person.delete('/api/auth/two-step/totp');
    expectStatus(off, 200);
    // Turning it off used the step-up up.
    const again = await person.delete('/api/auth/two-step/totp');
    expect(again.statusCode).toBe(403);
    const plain = await signInWithPassword(person);
    expect(plain.response.statusCode).toBe(200);
    expect((await person.get('/api/auth/two-step')).json()).toMatchObject({
      totp: false,
      recoveryCodesLeft: 0,
    });
  });

  it('regenerating recovery codes replaces the old ones', async () => {
    const person = await t.signUp('Regen');
    const { recoveryCodes } = await turnOnTotp(person);
    const fresh = await person.post('/api/auth/two-step/recovery-codes');
    expectStatus(fresh, 200);
    const next = fresh.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(next).not.toContain(recoveryCodes[0]);
    const { client } = await signInWithPassword(person);
    const old = await client.post('/api/auth/signin/second-step', {
      method: 'recovery',
      code: recoveryCodes[0],
    });
    expect(old.statusCode).toBe(401);
    const ok = await client.post('/api/auth/signin/second-step', {
      method: 'recovery',
      code: next[0],
    });
    expectStatus(ok, 200);
  });
});

describe('step-up', () => {
  it('a wrong password gives no step-up; the right one holds five minutes on this session only', async () => {
    const person = await t.signUp('Step');
    const wrong = await person.post('/api/auth/step-up', {
      method: 'password',
      password: 'nope nope',
    });
    expect(wrong.statusCode).toBe(401);
    expect((await person.get('/api/auth/two-step')).json()).toMatchObject({ stepUpUntil: null });
    const ok = await person.post('/api/auth/step-up', {
      method: 'password',
      password: TEST_PASSWORD,
    });
    expectStatus(ok, 200);
    const until = Date.parse(ok.json<{ validUntil: string }>().validUntil);
    expect(until - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(5 * 60_000);

    const other = await signInWithPassword(person);
    expect((await other.client.get('/api/auth/two-step')).json()).toMatchObject({
      stepUpUntil: null,
    });
  });

  it('a step-up can also be a code from the app', async () => {
    const person = await t.signUp('StepCode');
    const { secret, recoveryCodes } = await turnOnTotp(person);
    const { client } = await signInWithPassword(person);
    expectStatus(
      await client.post('/api/auth/signin/second-step', {
        method: 'recovery',
        code: recoveryCodes[0],
      }),
      200,
    );
    const ok = await client.post('/api/auth/step-up', {
      method: 'totp',
      code: await codeAt(secret),
    });
    expectStatus(ok, 200);
  });
});

describe('re-lock setting', () => {
  it('is off by default, can be set to a listed number of minutes, and refuses others', async () => {
    const person = await t.signUp('Relock');
    expect((await person.get('/api/auth/two-step')).json()).toMatchObject({ relockMinutes: null });
    const set = await person.put('/api/auth/two-step/relock', { minutes: 5 });
    expectStatus(set, 200);
    expect(set.json()).toMatchObject({ relockMinutes: 5 });
    const bad = await person.put('/api/auth/two-step/relock', { minutes: 7 });
    expect(bad.statusCode).toBe(400);
    expectStatus(await person.put('/api/auth/two-step/relock', { minutes: null }), 200);
  });

  it('locks the session when the page says it was idle: only who-am-I, step-up and sign-out answer until a step-up', async () => {
    const person = await t.signUp('Locked');
    expectStatus(await person.put('/api/auth/two-step/relock', { minutes: 2 }), 200);
    expectStatus(await person.get('/api/checkins'), 200);
    expect((await person.get('/api/auth/lock')).json()).toEqual({
      locked: false,
      relockMinutes: 2,
    });
    expect((await person.post('/api/auth/lock')).json()).toEqual({
      locked: true,
      relockMinutes: 2,
    });
    for (const refused of [
      await person.get('/api/checkins'),
      await person.get('/api/account'),
      await person.get('/api/auth/two-step'),
      await person.put('/api/auth/two-step/relock', { minutes: null }),
    ]) {
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ error: { code: 'locked' } });
      expect(refused.body).not.toContain(person.email);
    }
    expectStatus(await person.get('/api/auth/me'), 200);
    expect((await person.get('/api/auth/lock')).json()).toMatchObject({ locked: true });
    // A wrong password keeps it locked; the right one (or a code) unlocks it.
    const wrong = await person.post('/api/auth/step-up', {
      method: 'password',
      password: 'not my password at all',
    });
    expect(wrong.statusCode).toBe(401);
    expect((await person.get('/api/checkins')).statusCode).toBe(403);
    expectStatus(
      await person.post('/api/auth/step-up', { method: 'password', password: TEST_PASSWORD }),
      200,
    );
    expectStatus(await person.get('/api/checkins'), 200);
    expect((await person.get('/api/auth/lock')).json()).toMatchObject({ locked: false });
  });

  it('locks a session the server has not seen for longer than the setting, even if the page never said so', async () => {
    const person = await t.signUp('Away');
    const other = t.client('other-device');
    expectStatus(
      await other.post('/api/auth/signin', { email: person.email, password: TEST_PASSWORD }),
      200,
    );
    // Off (the default): a pause changes nothing but the usual session idle limit.
    const lastSeen = (minutesAgo: number) =>
      t.database.db
        .update(sessions)
        .set({ lastSeenAt: new Date(Date.now() - minutesAgo * 60_000) })
        .where(eq(sessions.userId, person.userId));
    await lastSeen(20);
    expectStatus(await person.get('/api/checkins'), 200);
    expectStatus(await person.put('/api/auth/two-step/relock', { minutes: 5 }), 200);
    // Within the setting (plus the minute `last_seen_at` may lag): still open.
    await lastSeen(5);
    expectStatus(await person.get('/api/checkins'), 200);
    // Longer: locked, and it stays locked on the next request although that one was not late.
    await lastSeen(7);
    expect((await person.get('/api/checkins')).json()).toMatchObject({
      error: { code: 'locked' },
    });
    expect((await person.get('/api/checkins')).statusCode).toBe(403);
    // Each session locks on its own: the other device, seen just now, is open.
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date() })
      .where(eq(sessions.userId, person.userId));
    expectStatus(await other.get('/api/checkins'), 200);
    expect((await person.get('/api/checkins')).statusCode).toBe(403);
  });
});

describe('bad input', () => {
  it('answers 400 with a field, never a 500', async () => {
    const person = await t.signUp('Bad');
    for (const body of [
      { method: 'totp', code: 'abc' },
      { method: 'recovery', code: '!' },
      { method: 'sms', code: '123456' },
      { method: 'passkey', response: { id: 'x' } },
    ]) {
      const r = await person.post('/api/auth/signin/second-step', body);
      expect(r.statusCode).toBe(400);
    }
  });
});
