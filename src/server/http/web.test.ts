import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#server/config/index.ts';
import { ANONYMOUS } from '#server/policy/actor.ts';
import { registerRoutePolicies } from '#server/policy/route-policy.ts';
import { registerSecurityHeaders } from './security-headers';
import { registerWebApp } from './web';

/** A build with the real index.html template, an icon and one hashed asset. */
const QUICK_EXIT = 'https://neutral.example/?a=1&b=2';
let app: FastifyInstance;
let distDir: string;

beforeAll(async () => {
  distDir = mkdtempSync(path.join(tmpdir(), 'hh-web-dist-'));
  writeFileSync(
    path.join(distDir, 'index.html'),
    '<!doctype html><html><head><meta name="hh-quick-exit" content="__QUICK_EXIT_URL__" /></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(path.join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  mkdirSync(path.join(distDir, 'assets'));
  writeFileSync(path.join(distDir, 'assets', 'main-abc123.js'), 'console.log(1)');
  const config = loadConfig({ NODE_ENV: 'test', QUICK_EXIT_URL: QUICK_EXIT });
  app = Fastify();
  registerSecurityHeaders(app, config);
  registerRoutePolicies(app, () => Promise.resolve(ANONYMOUS));
  await registerWebApp(app, config, { distDir });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  rmSync(distDir, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('serving the web app', () => {
  it('answers the app’s pages with 200 and the filled shell, never cached', async () => {
    for (const url of ['/', '/signin', '/home', '/guide', '/measures/weekly', '/home?x=1']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toContain('content="https://neutral.example/?a=1&amp;b=2"');
    }
  });

  it('never serves the raw index.html template: /index.html goes on to the landing page', async () => {
    const response = await get('/index.html');
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe('/');
    expect(response.body).not.toContain('__QUICK_EXIT_URL__');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers paths that are not pages with 404 and the app (its own not-found page)', async () => {
    for (const url of ['/account.bak', '/.env', '/wp-login.php', '/signin/extra', '/admin']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('answers a missing asset, an API path or a write with the JSON 404', async () => {
    for (const response of [
      await get('/assets/gone-123.js'),
      await get('/api/nothing-here'),
      await app.inject({ method: 'POST', url: '/signin' }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('serves a robots.txt that keeps every crawler out', async () => {
    const response = await get('/robots.txt');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toBe('User-agent: *\nDisallow: /\n');
  });

  it('caches hashed assets for long, and icons not at all', async () => {
    const asset = await get('/assets/main-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await get('/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-store');
  });
});
