import type { FastifyInstance } from 'fastify';
import type { Config } from '#server/config/index.ts';

/**
 * The same strict headers on every response: no inline scripts, no framing, no referrer, nothing
 * from other origins, nothing stored by a cache (API responses and pages carry personal data;
 * hashed static assets override this with their own long cache header).
 *
 * Every value is fixed at start, so they are built once and set in one synchronous hook.
 * @fastify/helmet produced the same set but halved the rate of a bare route here (28.7k → 12.5k
 * req/s, docs/decisions/0013-static-security-headers.md).
 */
export function securityHeaders(config: Pick<Config, 'secureCookies'>): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(config.secureCookies ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    'permissions-policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
    'cache-control': 'no-store',
    ...(config.secureCookies
      ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
      : {}),
  };
}

export function registerSecurityHeaders(app: FastifyInstance, config: Config): void {
  const headers = securityHeaders(config);
  // Set before the handler runs, so a route or plugin (API docs, static assets) may override one.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
