import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#server/config/index.ts';
import { ANONYMOUS } from '#server/policy/actor.ts';
import { registerRoutePolicies } from '#server/policy/route-policy.ts';
import { registerSecurityHeaders } from './security-headers';
import { registerWebApp } from './web';

/**
 * The build writes brotli and gzip copies beside each asset (src/web/precompress.ts); the server
 * picks the one the browser accepts. The copies here are made the same way, with different
 * contents, so the test can tell which one was sent.
 */
const SCRIPT = `export const words = "${'a calm and quiet page '.repeat(200)}";\n`;
let app: FastifyInstance;
let distDir: string;

beforeAll(async () => {
  distDir = mkdtempSync(path.join(tmpdir(), 'hh-web-compression-'));
  mkdirSync(path.join(distDir, 'assets'));
  writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><div id="root"></div>');
  const file = path.join(distDir, 'assets', 'app-abc123.js');
  writeFileSync(file, SCRIPT);
  writeFileSync(`${file}.br`, zlib.brotliCompressSync(`${SCRIPT}// br`));
  writeFileSync(`${file}.gz`, zlib.gzipSync(`${SCRIPT}// gz`));
  const config = loadConfig({ NODE_ENV: 'test' });
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

async function getScript(acceptEncoding?: string) {
  return app.inject({
    method: 'GET',
    url: '/assets/app-abc123.js',
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });
}

describe('compressed assets', () => {
  it('sends the brotli copy to a browser that accepts it, and says the answer varies', async () => {
    const response = await getScript('gzip, deflate, br, zstd');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(String(response.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(`${SCRIPT}// br`);
  });

  it('sends the gzip copy when brotli is not accepted', async () => {
    const response = await getScript('gzip');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(String(response.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(zlib.gunzipSync(response.rawPayload).toString()).toBe(`${SCRIPT}// gz`);
  });

  it('sends the plain file to a client that accepts no compression, with the same Vary', async () => {
    for (const accept of [undefined, 'identity']) {
      const response = await getScript(accept);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(String(response.headers.vary).toLowerCase()).toContain('accept-encoding');
      expect(response.body).toBe(SCRIPT);
    }
  });

  it('gives the compressed copies no address of their own', async () => {
    for (const url of ['/assets/app-abc123.js.br', '/assets/app-abc123.js.gz']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
    }
  });
});
