import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors';
import type { Config } from '../config';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isSameOrigin(request: FastifyRequest, config: Config): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  // Older browsers: fall back to the Origin header, which every browser sends on a cross-site POST.
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  if (origin === config.publicUrl.origin) return true;
  const host = request.headers.host;
  return typeof host === 'string' && (origin === `http://${host}` || origin === `https://${host}`);
}

/** CSRF defence for every state-changing request: it must come from our own pages. */
export function registerCsrfCheck(app: FastifyInstance, config: Config): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (!isSameOrigin(request, config)) {
      throw new AppError(
        'forbidden_origin',
        'This request did not come from the Healing Hearts page, so we did not act on it. Please use the app directly.',
      );
    }
  });
}
