import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#server/config/index.ts';
import { registerSecurityHeaders } from '#server/http/security-headers.ts';
import { registerWebApp } from '#server/http/web.ts';
import { ANONYMOUS } from '#server/policy/actor.ts';
import { registerRoutePolicies } from '#server/policy/route-policy.ts';
import { loadLessons } from './lessons';
import { guidePages } from './pages';

/**
 * The guide as a visitor with JavaScript off receives it: the page the server sends, with the
 * lesson already inside the app's root element. The shell is the app's own index.html.
 */
const QUICK_EXIT = 'https://neutral.example/?a=1&b=2';
const library = loadLessons();
let app: FastifyInstance;
let distDir: string;

beforeAll(async () => {
  distDir = mkdtempSync(path.join(tmpdir(), 'hh-guide-dist-'));
  copyFileSync(
    path.resolve(import.meta.dirname, '../../../web/index.html'),
    path.join(distDir, 'index.html'),
  );
  const config = loadConfig({ NODE_ENV: 'test', QUICK_EXIT_URL: QUICK_EXIT });
  app = Fastify();
  registerSecurityHeaders(app, config);
  registerRoutePolicies(app, () => Promise.resolve(ANONYMOUS));
  await registerWebApp(app, config, { distDir, pages: guidePages(library) });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  rmSync(distDir, { recursive: true, force: true });
});

/** What is inside `<div id="root">…</div>`: the page a reader without JavaScript sees. */
function rootOf(html: string): string {
  const start = html.indexOf('<div id="root">');
  const end = html.indexOf('</div>\n', start);
  expect(start).toBeGreaterThan(0);
  return html.slice(start, end);
}

function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[#\w]+;/g, ' ')
    .replace(/\s+/g, ' ');
}

async function expectSaneLinks(root: string): Promise<void> {
  for (const href of hrefs(root)) {
    if (href === QUICK_EXIT) continue;
    expect(href, 'internal links only').toMatch(/^\/(?!\/)/);
    const response = await app.inject({ method: 'GET', url: href });
    expect(response.statusCode, href).toBe(200);
  }
  // Quick exit works as a plain link too, and tells the neutral site nothing.
  expect(root).toContain(
    `href="https://neutral.example/?a=1&amp;b=2" rel="nofollow noreferrer">Quick exit</a>`,
  );
}

function expectSaneHeadings(root: string): void {
  const levels = headingLevels(root);
  expect(levels.filter((level) => level === 1)).toHaveLength(1);
  expect(levels[0]).toBe(1);
  levels.forEach((level, i) => {
    if (i > 0) expect(level, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
  });
}

describe('the guide without JavaScript', () => {
  it.each(library.all.map((lesson) => [lesson.slug, lesson] as const))(
    '/guide/%s carries the whole lesson, a real title and description, and sane headings and links',
    async (slug, lesson) => {
      const response = await app.inject({ method: 'GET', url: `/guide/${slug}` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');

      const html = response.body;
      expect(html).toContain(`<title>${lesson.title} · Healing Hearts</title>`);
      const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1];
      expect(description).toBe(lesson.summary.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));

      const root = rootOf(html);
      // Every sentence of the lesson is there, along with its sources and its question.
      const lessonText = text(lesson.html).trim();
      expect(text(root)).toContain(lessonText.slice(0, 200));
      expect(text(root)).toContain(lessonText.slice(-200));
      for (const source of lesson.drawsOn) {
        expect(root).toContain(source.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
      }
      expect(root).toContain('<h2 id="guide-draws-on">Draws on</h2>');
      expect(root).toContain('Sign in to keep a private reflection');
      // The lesson's facts for the app, as a data block that is never run (decision 0057), with
      // no "<" that could close it early.
      const facts = /<script type="application\/json" id="hh-lesson-facts">([^<]*)<\/script>/.exec(
        root,
      );
      expect(facts).not.toBeNull();
      expect(JSON.parse(facts![1]!)).toMatchObject({
        slug,
        title: lesson.title,
        reflection: lesson.reflection,
        drawsOn: lesson.drawsOn,
      });
      expect(root).toContain(`<div class="hh-static-body" data-lesson-body="${slug}">`);
      // Else no script and no inline style inside the page; the only scripts are our own files
      // (the colour choice, applied before the first paint, and the app).
      expect(root.replace(facts![0], '')).not.toMatch(/<script|style=|<img|on\w+=/);
      const scripts = html.replace(facts![0], '').match(/<script[^>]*>/g) ?? [];
      expect(scripts).toHaveLength(2);
      for (const script of scripts) expect(script).toMatch(/ src="\/[\w/.-]+"/);
      expect(html).toContain('You can read the guide without JavaScript');

      expectSaneHeadings(root);
      await expectSaneLinks(root);
      if (lesson.next) expect(root).toContain(`href="/guide/${lesson.next.slug}" rel="next"`);
      if (lesson.previous) {
        expect(root).toContain(`href="/guide/${lesson.previous.slug}" rel="prev"`);
      }
    },
  );

  it('/guide lists every lesson by phase, the FAQ first', async () => {
    const response = await app.inject({ method: 'GET', url: '/guide' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>The guide · Healing Hearts</title>');
    const root = rootOf(response.body);
    expectSaneHeadings(root);
    await expectSaneLinks(root);
    const linked = hrefs(root).filter((href) => href.startsWith('/guide/'));
    expect(linked).toEqual(library.all.map((lesson) => `/guide/${lesson.slug}`));
    expect(root.indexOf('Start here')).toBeLessThan(root.indexOf('Phase 1 · Impact'));
    expect(root.indexOf('Phase 1 · Impact')).toBeLessThan(root.indexOf('Phase 2 · Meaning'));
    expect(root.indexOf('Phase 2 · Meaning')).toBeLessThan(root.indexOf('Phase 3 · Moving on'));
  });

  it('answers 404 for a lesson that does not exist, still in the app’s frame', async () => {
    for (const url of ['/guide/no-such-lesson', '/guide/%3Cscript%3E']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('<title>Page not found · Healing Hearts</title>');
      expect(response.body).not.toContain('<script>');
      expect(rootOf(response.body)).toContain('href="/guide"');
    }
  });

  it('leaves every other page to the app, unchanged', async () => {
    const response = await app.inject({ method: 'GET', url: '/signin' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<div id="root"></div>');
    expect(response.body).toContain('<title>Healing Hearts</title>');
    expect(response.body).toContain('needs JavaScript to run');
  });
});
