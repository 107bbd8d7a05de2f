import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../shared/errors';
import type { Config } from '../config';
import { policy, stampPolicyOnPluginRoutes } from '../policy/route-policy';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../../dist/web');

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Healing Hearts</title></head>
<body><main><h1>Almost there</h1><p>The web app has not been built yet. Run <code>npm start</code> (it builds when needed) or <code>npm run build</code>.</p></main></body></html>`;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Serves the built React app; every page path gets index.html, the app routes on the client. */
export async function registerWebApp(
  app: FastifyInstance,
  config: Config,
  distDir = WEB_DIST,
): Promise<void> {
  const indexPath = path.join(distDir, 'index.html');
  const indexHtml = existsSync(indexPath)
    ? readFileSync(indexPath, 'utf8').replaceAll(
        '__QUICK_EXIT_URL__',
        escapeAttribute(config.quickExitUrl),
      )
    : NOT_BUILT_PAGE;

  if (existsSync(distDir)) {
    await app.register(async (scope) => {
      stampPolicyOnPluginRoutes(scope, policy('public', 'web-asset', 'read'));
      await scope.register(fastifyStatic, {
        root: distDir,
        index: false,
        wildcard: false,
        // Hashed file names under /assets never change, so they may be cached for long.
        setHeaders(reply, filePath) {
          if (filePath.includes(`${path.sep}assets${path.sep}`)) {
            reply.header('cache-control', 'public, max-age=31536000, immutable');
          }
        },
      });
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    // A missing hashed asset (an old tab after a redeploy) must be a 404, not index.html served as a script.
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api') &&
      !request.url.startsWith('/assets/');
    if (!isPage) return reply.status(404).send(notFound().toBody());
    return reply.status(200).type('text/html; charset=utf-8').send(indexHtml);
  });
}
