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
        ...precompressedFiles(),
        // Hashed file names under /assets never change, so they may be cached for long.
        setHeaders(reply, filePath) {
          if (filePath.includes(`${path.sep}assets${path.sep}`)) {
            reply.header('cache-control', 'public, max-age=31536000, immutable');
          }
        },
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
