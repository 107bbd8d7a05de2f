import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * DNS rebinding (decision 0026): a page on another name that re-points at this server sends its
 * own name as Host and its own origin as Origin. Both are refused; our own names pass.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://hearts.example.org' });
});

afterAll(async () => {
  await t?.close();
});

const signupBody = JSON.stringify({
  displayName: 'Rebind',
  email: 'rebind@example.test',
  password: 'blue kettle under autumn rain',
});

describe('the Host header', () => {
  it('answers a foreign host with 421 in our error shape, before anything runs', async () => {
    for (const host of [
      'evil.example',
      'evil.example:443',
      'hearts.example.org.evil.example',
      '127.0.0.1',
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        headers: {
          host,
          origin: `https://${host}`,
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/json',
        },
        payload: signupBody,
      });
      expect(response.statusCode, host).toBe(421);
      expect(response.json()).toMatchObject({ error: { code: 'misdirected_request' } });
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.body).not.toContain(host);
    }
    const signIn = await t.client('x').post('/api/auth/signin', {
      email: 'rebind@example.test',
      password: 'blue kettle under autumn rain',
    });
    expect(signIn.statusCode).toBe(401);
  });

  it('accepts our own host in any case and with the default port, and health from anywhere', async () => {
    for (const host of ['hearts.example.org', 'HEARTS.example.org', 'hearts.example.org:443']) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { host },
      });
      expect(response.statusCode, host).toBe(401);
    }
    const health = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { host: '10.0.0.7:3000' },
    });
    expect(health.statusCode).toBe(200);
  });

  it('compares Origin with the public URL only, never with the Host the request names', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: {
        host: 'hearts.example.org',
        origin: 'https://evil.example',
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      },
      payload: signupBody,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'forbidden_origin' } });
  });

  it('on a laptop, takes localhost, 127.0.0.1 and [::1] on the same port, and nothing else', async () => {
    const local = await createTestApp({ PUBLIC_URL: 'http://localhost:3000' });
    try {
      for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000']) {
        const response = await local.app.inject({
          method: 'POST',
          url: '/api/auth/signin',
          headers: { host, origin: `http://${host}`, 'content-type': 'application/json' },
          payload: JSON.stringify({ email: 'nobody@example.test', password: 'x' }),
        });
        expect(response.statusCode, host).toBe(401);
      }
      for (const host of ['localhost:3001', '127.0.0.2:3000', 'rebind.example:3000']) {
        const response = await local.app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { host },
        });
        expect(response.statusCode, host).toBe(421);
      }
    } finally {
      await local.close();
    }
  });
});

describe('answers given before any hook runs', () => {
  it('answers an over-long path parameter with 414, our headers, and without the URL', async () => {
    const long = 'x'.repeat(500);
    const response = await t.client('x').get(`/api/guide/${long}`);
    expect(response.statusCode).toBe(414);
    expect(response.json()).toMatchObject({ error: { code: 'uri_too_long' } });
    expect(response.body).not.toContain(long);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers headers past the limit with 431, our headers and shape, over a real socket', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString('utf8')));
      socket.on('close', () => resolve(received));
      socket.on('error', (error) => (received ? resolve(received) : reject(error)));
      socket.write(
        `GET /api/auth/me HTTP/1.1\r\nHost: hearts.example.org\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`,
      );
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toMatch(/content-security-policy: default-src 'self'/i);
    expect(head).toMatch(/cache-control: no-store/i);
    expect(JSON.parse(body!)).toMatchObject({ error: { code: 'headers_too_large' } });
  });
});

describe('the API docs page', () => {
  it('is off by default in production, while /api/openapi.json stays', async () => {
    const production = await createTestApp({
      NODE_ENV: 'production',
      PUBLIC_URL: 'http://localhost',
    });
    try {
      expect((await production.client('x').get('/api/docs/')).statusCode).toBe(404);
      expect((await production.client('x').get('/api/openapi.json')).statusCode).toBe(200);
    } finally {
      await production.close();
    }
    const opted = await createTestApp({ NODE_ENV: 'production', API_DOCS: 'true' });
    try {
      expect((await opted.client('x').get('/api/docs/')).statusCode).toBe(200);
    } finally {
      await opted.close();
    }
  });
});
