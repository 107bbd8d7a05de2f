import type { FastifyInstance } from 'fastify';
import { AppError } from '#shared/errors.ts';
import type { Config } from '#server/config/index.ts';

const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]'];

function isLocal(url: URL): boolean {
  return LOCAL_NAMES.includes(url.hostname);
}

/**
 * The origins the app answers as: the public URL's, and when that is a local address the other
 * spellings of the same machine on the same port (a laptop opened at 127.0.0.1 or localhost).
 */
export function allowedOrigins(config: Pick<Config, 'publicUrl'>): Set<string> {
  const url = config.publicUrl;
  const origins = new Set([url.origin]);
  if (isLocal(url)) {
    const port = url.port ? `:${url.port}` : '';
    for (const name of LOCAL_NAMES) origins.add(`${url.protocol}//${name}${port}`);
  }
  return origins;
}

/** The Host values that match `allowedOrigins`, lower case, the default port left off. */
export function allowedHosts(config: Pick<Config, 'publicUrl'>): Set<string> {
  return new Set([...allowedOrigins(config)].map((origin) => new URL(origin).host));
}

/** `Host: localhost:80` and `Host: LOCALHOST` are `localhost` for an http:// public URL. */
export function normaliseHost(host: string, protocol: string): string {
  const lower = host.trim().toLowerCase();
  const defaultPort = protocol === 'https:' ? ':443' : ':80';
  return lower.endsWith(defaultPort) ? lower.slice(0, -defaultPort.length) : lower;
}

/** A load balancer or container health check may ask by address; the answer holds nothing. */
const ANY_HOST_PATHS = new Set(['/api/health']);

/**
 * DNS-rebinding defence: a request must name our own host. A page on another domain that
 * re-points its name at this server still sends its own name as Host, and gets a 421 before
 * anything else runs (docs/decisions/0026-host-allow-list.md). Behind a proxy that Fastify
 * trusts (TRUST_PROXY), the forwarded host is the one checked.
 */
export function registerHostCheck(app: FastifyInstance, config: Config): void {
  const hosts = allowedHosts(config);
  const protocol = config.publicUrl.protocol;
  app.addHook('onRequest', async (request) => {
    if (hosts.has(normaliseHost(request.host, protocol))) return;
    if (ANY_HOST_PATHS.has(request.url) && (request.method === 'GET' || request.method === 'HEAD'))
      return;
    throw new AppError(
      'misdirected_request',
      'This server does not answer to the address that was used. Please open Healing Hearts at its usual address.',
    );
  });
}
