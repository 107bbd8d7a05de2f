import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic, { type FastifyStaticOptions } from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '#shared/errors.ts';
import { isAppPage } from '#shared/pages.ts';
import type { Config } from '#server/config/index.ts';
import { policy, stampPolicyOnPluginRoutes } from '#server/policy/route-policy.ts';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../../dist/web');

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Healing Hearts</title></head>
<body><main><h1>Almost there</h1><p>The web app has not been built yet. Run <code>npm start</code> (it builds when needed) or <code>npm run build</code>.</p></main></body></html>`;

/** Escapes text for an HTML attribute or element content. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const escapeAttribute = escapeHtml;

/**
 * A page the server fills in before the app loads, so that it can be read with JavaScript off,
 * loads fast and can be indexed. The app takes over the same page when it starts.
 */
export interface PrerenderedPage {
  status: 200 | 404;
  /** The whole text of `<title>`. */
  title: string;
  description: string;
  /** Markup placed inside the root element (our own, already escaped); the app replaces it. */
  body: string;
  /** Replaces the "needs JavaScript" note, for a page that mostly works without it. */
  noscript?: string;
}

/** A page route a feature renders on the server (`url` is a Fastify route pattern). */
export interface ServerRenderedPage {
  url: string;
  render(params: Record<string, string>, shell: { quickExitUrl: string }): PrerenderedPage;
}

export interface WebAppOptions {
  distDir?: string;
  pages?: readonly ServerRenderedPage[];
}

/** Puts a pre-rendered page into the app's index.html; a template without a root is left alone. */
export function fillShell(template: string, page: PrerenderedPage): string {
  if (!template.includes('<div id="root"></div>')) return template;
  let html = template
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.title)}</title>`)
    .replace(
      /(<meta name="description" content=")[^"]*(")/,
      (_whole, start: string, end: string) => `${start}${escapeAttribute(page.description)}${end}`,
    )
    .replace('<div id="root"></div>', () => `<div id="root">${page.body}</div>`);
  if (page.noscript !== undefined) {
    const note = page.noscript;
    html = html.replace(
      /<noscript>[\s\S]*?<\/noscript>/,
      () => `<noscript>\n      <p>${escapeHtml(note)}</p>\n    </noscript>`,
    );
  }
  return html;
}

/**
 * The build writes `x.js.br` and `x.js.gz` beside each file under /assets/ (src/web/precompress.ts):
 * send the smallest one the browser accepts, with `Vary: Accept-Encoding`, and the plain file to
 * one that accepts neither. The compressed copies get no routes of their own.
 */
function precompressedFiles(): { preCompressed: boolean; globIgnore: string[] } {
  return { preCompressed: true, globIgnore: ['**/*.br', '**/*.gz'] };
}

/**
 * Serves the built React app; every page path gets index.html, the app routes on the client.
 * `pages` are filled in on the server first (the guide, readable without an account).
 */
export async function registerWebApp(
  app: FastifyInstance,
  config: Config,
  { distDir = WEB_DIST, pages = [] }: WebAppOptions = {},
): Promise<void> {
  const indexHtml = loadShell(distDir, config);
  registerRobotsTxt(app);

  if (existsSync(distDir)) {
    await app.register(async (scope) => {
      stampPolicyOnPluginRoutes(scope, policy('public', 'web-asset', 'read'));
      await scope.register(fastifyStatic, {
        root: distDir,
        index: false,
        wildcard: false,
        ...staticCaching(),
        ...precompressedFiles(),
      });
    });
  }

  // A page that renders the same object each time (a lesson) is filled in once.
  const filled = new WeakMap<PrerenderedPage, string>();
  const fill = (page: PrerenderedPage): string => {
    let html = filled.get(page);
    if (html === undefined) filled.set(page, (html = fillShell(indexHtml, page)));
    return html;
  };
  for (const page of pages) {
    app.get(
      page.url,
      { schema: { hide: true }, config: { policy: policy('public', 'web-page', 'read') } },
      async (request, reply) => {
        const rendered = page.render(request.params as Record<string, string>, {
          quickExitUrl: config.quickExitUrl,
        });
        return reply.status(rendered.status).type('text/html; charset=utf-8').send(fill(rendered));
      },
    );
  }

  app.setNotFoundHandler(notFoundHandler(indexHtml));
}

/** The app's index.html with the operator's settings filled in, or a note that it is not built. */
function loadShell(distDir: string, config: Config): string {
  const indexPath = path.join(distDir, 'index.html');
  if (!existsSync(indexPath)) return NOT_BUILT_PAGE;
  return readFileSync(indexPath, 'utf8').replaceAll(
    '__QUICK_EXIT_URL__',
    escapeAttribute(config.quickExitUrl),
  );
}

/**
 * Cache headers for files from the build. Hashed names under /assets never change, so they are
 * cached for a year. Everything else keeps the app-wide `no-store` (fastify-static would add its
 * own `max-age=0`), and the raw index.html is never served as a file: it holds the unfilled
 * quick-exit placeholder, so `/index.html` is sent on to `/` by the not-found handler.
 */
function staticCaching(): Pick<
  FastifyStaticOptions,
  'cacheControl' | 'allowedPath' | 'setHeaders'
> {
  return {
    cacheControl: false,
    allowedPath: (pathName) => pathName !== '/index.html',
    setHeaders(reply, filePath) {
      if (filePath.includes(`${path.sep}assets${path.sep}`)) {
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      }
    },
  };
}

/** A private app: no crawler has any business here. */
const ROBOTS_TXT = 'User-agent: *\nDisallow: /\n';

function registerRobotsTxt(app: FastifyInstance): void {
  app.get(
    '/robots.txt',
    { schema: { hide: true }, config: { policy: policy('public', 'web-asset', 'read') } },
    async (_request, reply) => reply.type('text/plain; charset=utf-8').send(ROBOTS_TXT),
  );
}

/**
 * Pages of the app (src/shared/pages.ts) get the app with 200; any other path a browser asks for
 * gets the app with 404, and the app shows its own "not found" page. API paths and hashed assets
 * get the JSON 404: a missing asset (an old tab after a redeploy) must never be index.html
 * served as a script.
 */
function notFoundHandler(indexHtml: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const pathname = request.url.split('?', 1)[0]!;
    const isBrowserPath =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !pathname.startsWith('/api/') &&
      pathname !== '/api' &&
      !pathname.startsWith('/assets/');
    if (!isBrowserPath) return reply.status(404).send(notFound().toBody());
    // The router has no page called index.html; the landing page is what was meant.
    if (pathname === '/index.html') return reply.redirect('/', 301);
    const status = isAppPage(pathname) ? 200 : 404;
    return reply.status(status).type('text/html; charset=utf-8').send(indexHtml);
  };
}
