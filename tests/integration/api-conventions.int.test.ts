import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('every route declares an access policy', () => {
  it('has a policy on every registered route', () => {
    expect(t.routePolicies.routes.length).toBeGreaterThan(10);
    expect(t.routePolicies.undeclared().map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('refuses to start when a route has no policy', async () => {
    const { default: Fastify } = await import('fastify');
    const { registerRoutePolicies } = await import('#server/policy/route-policy.ts');
    const bare = Fastify();
    registerRoutePolicies(bare, async () => ({ kind: 'anonymous' }));
    bare.get('/api/forgotten', async () => ({ secret: true }));
    await expect(bare.ready()).rejects.toThrow(/GET \/api\/forgotten/);
  });
});

describe('bad input gets a clear error, never a 500', () => {
  it('answers malformed JSON with 400 invalid_json', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: { 'content-type': 'application/json', origin: t.config.publicUrl.origin },
      payload: '{"email": "a@b.test", "password": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('answers a wrong type with 400 and names the field', async () => {
    const response = await t.client('x').post('/api/auth/signup', {
      displayName: 42,
      email: 'not-an-email',
      password: 'long enough pass',
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{
      error: { code: string; message: string; fields: Record<string, string> };
    }>();
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.fields).sort()).toEqual(['displayName', 'email']);
    expect(body.error.fields.email).toMatch(/email address/);
  });

  it('answers an oversize body with 413', async () => {
    const response = await t.client('x').post('/api/auth/signup', {
      displayName: 'x'.repeat(70_000),
      email: 'big@example.test',
      password: 'long enough pass',
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers a non-JSON body with 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: { 'content-type': 'text/plain', origin: t.config.publicUrl.origin },
      payload: 'hello',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });

  it('answers a malformed id with 400 and an unknown /api path with a JSON 404', async () => {
    const person = await t.signUp('Nia');
    const badId = await person.delete('/api/auth/sessions/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    const unknown = await person.get('/api/nothing-here');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('headers and privacy', () => {
  it('sends a strict CSP and the privacy headers, and no-store on API responses', async () => {
    const response = await t.client('x').get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, database: t.database.engine });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['permissions-policy']).toContain('geolocation=()');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS and the __Host- cookie prefix when served over HTTPS', async () => {
    const secure = await createTestApp({ PUBLIC_URL: 'https://hearts.example.org' });
    try {
      const c = secure.client('x');
      const response = await c.post('/api/auth/signup', {
        displayName: 'Secure',
        email: 'secure@example.test',
        password: 'long enough pass here',
      });
      expect(response.statusCode).toBe(202);
      expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      const signIn = await c.post('/api/auth/signin', {
        email: 'secure@example.test',
        password: 'long enough pass here',
      });
      expect(signIn.statusCode).toBe(200);
      const cookie = signIn.cookies.find((k) => k.name === '__Host-hh_session');
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, path: '/' });
    } finally {
      await secure.close();
    }
  });

  it('serves OpenAPI generated from the shared schemas, and readable docs', async () => {
    const spec = await t.client('x').get('/api/openapi.json');
    expect(spec.statusCode).toBe(200);
    const doc = spec.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/signup', '/api/space', '/api/invites/accept']),
    );
    const docs = await t.client('x').get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });
});

describe('when the database fails', () => {
  it('answers health with 503 and other routes with a 500 that reveals nothing', async () => {
    const broken = await createTestApp();
    try {
      const person = await broken.signUp('Pat');
      await broken.database.close();
      const health = await person.get('/api/health');
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ error: { code: 'unavailable' } });
      const me = await person.get('/api/auth/me');
      expect(me.statusCode).toBe(500);
      expect(me.json()).toEqual({
        error: {
          code: 'internal',
          message:
            'Something went wrong on our side. Nothing you did caused it; please try again in a moment.',
        },
      });
      // Fail closed: nothing signed-in is served while the database is down.
      expect((await person.get('/api/space')).statusCode).toBe(500);
      expect(broken.logs.text()).toContain('unexpected error');
      expect(broken.logs.text()).not.toContain(person.email);
    } finally {
      await broken.app.close();
    }
  });
});
