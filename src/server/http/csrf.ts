import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '#shared/errors.ts';
import type { Config } from '#server/config/index.ts';
import { allowedOrigins } from './host-check';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Origin is compared with the public URL only, never with the request's own Host: a page on a
 * rebinding domain would otherwise match itself (decision 0026).
 */
function isSameOrigin(request: FastifyRequest, origins: Set<string>): boolean {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && !origins.has(origin)) return false;
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  // Older browsers: fall back to the Origin header, which every browser sends on a cross-site POST.
  return typeof origin === 'string';
}

/** CSRF defence for every state-changing request: it must come from our own pages. */
export function registerCsrfCheck(app: FastifyInstance, config: Config): void {
  const origins = allowedOrigins(config);
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (!isSameOrigin(request, origins)) {
      throw new AppError(
        'forbidden_origin',
        'This request did not come from the Healing Hearts page, so we did not act on it. Please use the app directly.',
      );
    }
  });
}
