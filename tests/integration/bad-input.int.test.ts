import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSTORABLE_TEXT_MESSAGE } from '#shared/schemas/common.ts';
import { toAppError } from '#server/http/errors.ts';
import { createCouple, createTestApp, expectStatus, type TestApp } from '../helpers/test-app';

/**
 * Requests that once reached the database or the stack and came back as 500s: NUL and lone
 * surrogates in text, JSON nested thousands deep, a body left out. Each now gets a 400 in our
 * error shape with a message of ours, and nothing is saved.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

const today = () => new Date().toISOString().slice(0, 10);

function expectOurError(response: { statusCode: number; json: <T>() => T }, status: number) {
  expect(response.statusCode).toBe(status);
  const body = response.json<{ error: { code: string; message: string } }>();
  expect(body.error.message).not.toMatch(/Invalid input|expected|received|Too (big|small)/);
  return body.error;
}

describe('text the database cannot hold', () => {
  it('refuses NUL and lone surrogates in a check-in, a trigger and a sign-up, and saves nothing', async () => {
    const person = await t.signUp('Nova');
    for (const bad of ['Hard \u0000 morning', 'Broken \ud83d half']) {
      const checkin = await person.put(`/api/checkins/mine/${today()}`, {
        feelings: ['hurt'],
        intensity: 3,
        pain: 2,
        triggers: '',
        needs: '',
        note: bad,
      });
      const error = expectOurError(checkin, 400);
      expect(error.code).toBe('validation_failed');
      expect(Object.values((error as { fields?: object }).fields ?? {})).toContain(
        UNSTORABLE_TEXT_MESSAGE,
      );

      expectOurError(await person.post('/api/triggers', { cue: bad, intensity: 4 }), 400);
      const signup = await t.client('x').post('/api/auth/signup', {
        displayName: bad,
        email: `nul-${Math.random()}@example.test`,
        password: 'blue kettle under autumn rain',
      });
      expectOurError(signup, 400);
    }
    expect((await person.get(`/api/checkins/mine/${today()}`)).json()).toEqual({ checkin: null });
    expect((await person.get('/api/triggers')).json()).toMatchObject({ entries: [] });
  });

  it('maps the database’s own encoding errors to a 400 as a second line of defence', async () => {
    const attempts = [
      () => t.database.db.execute(sql`select ${'a\u0000b'}::text as v`),
      () => t.database.db.execute(sql`select ${'{"a":"\\u0000"}'}::jsonb as v`),
    ];
    for (const attempt of attempts) {
      const error = await attempt().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeDefined();
      const mapped = toAppError(error);
      expect(mapped?.status).toBe(400);
      expect(mapped?.message).toBe(UNSTORABLE_TEXT_MESSAGE);
    }
    const outOfRange = await t.database.db.execute(sql`select ${'99999999999'}::int4 as v`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(toAppError(outOfRange)?.status).toBe(400);
  });
});

describe('deeply nested JSON', () => {
  const deep = '['.repeat(5_000) + ']'.repeat(5_000);

  it('is refused with a 400 on any route, known or not, signed in or not', async () => {
    const stranger = t.client('stranger');
    const { a: person } = await createCouple(t, ['Deep', 'Er']);
    for (const [client, method, url] of [
      [stranger, 'POST', '/api/nothing-here'],
      [stranger, 'POST', '/api/auth/signup'],
      [person, 'PUT', '/api/triggers/plan'],
      [person, 'POST', '/api/triggers'],
      [person, 'PATCH', '/api/nothing/else'],
    ] as const) {
      const response = await t.app.inject({
        method,
        url,
        headers: {
          'content-type': 'application/json',
          origin: t.config.publicUrl.origin,
          ...(client.cookie ? { cookie: client.cookie } : {}),
        },
        payload: `{"note":${deep}}`,
      });
      expect(expectOurError(response, 400).code, url).toBe('invalid_json');
    }
  });
});

describe('every validation message is ours', () => {
  it('answers PUT /api/triggers/plan with no body in words a person can act on', async () => {
    const { a: person } = await createCouple(t, ['Plan', 'Ner']);
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/triggers/plan',
      headers: { origin: t.config.publicUrl.origin, cookie: person.cookie!, 'if-match': '"1"' },
    });
    const error = expectOurError(response, 400);
    expect(error.code).toBe('validation_failed');
    expect(JSON.stringify(error)).not.toContain('undefined');
  });

  it('words zod’s own messages ours: wrong types, sizes and unknown options', async () => {
    const person = await t.signUp('Types');
    for (const body of [
      { cue: 42, intensity: 'high' },
      { cue: 'x', intensity: 1e308 },
      { cue: ['a'], intensity: -1 },
    ]) {
      const error = expectOurError(await person.post('/api/triggers', body), 400);
      for (const message of Object.values(
        (error as { fields?: Record<string, string> }).fields ?? {},
      )) {
        expect(message).not.toMatch(/Invalid input|expected|received/);
      }
    }
    expectStatus(await person.get('/api/triggers'), 200);
  });
});
