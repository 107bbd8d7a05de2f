import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, NEUTRAL_PATH, newPerson, startApp, type RunningApp } from './harness';

/**
 * Issue 10 in a real browser: no page trips our CSP (zod's `new Function` probe is off), a path
 * that is not a page gets the app's own not-found page with a real 404, `/index.html` carries the
 * operator's quick-exit address, and crawlers are told to stay out.
 */
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('hardening, as a browser sees it', () => {
  it('opens pages without a single CSP violation, and answers a non-page with 404 and our page', async () => {
    const person = await newPerson(browser, app.base);
    await person.context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const violations = () =>
      person.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

    for (const [path, heading] of [
      ['/signin', 'Welcome back'],
      ['/guide', undefined],
      ['/signup', undefined],
    ] as const) {
      const response = await person.page.goto(`${app.base}${path}`);
      expect(response?.status(), path).toBe(200);
      await person.page.locator('main h1').first().waitFor();
      if (heading) await person.page.getByRole('heading', { name: heading }).first().waitFor();
      expect(await violations(), path).toEqual([]);
    }

    const missing = await person.page.goto(`${app.base}/account.bak`);
    expect(missing?.status()).toBe(404);
    await person.page.getByRole('heading', { name: 'We could not find that page' }).waitFor();
    expect(await violations()).toEqual([]);
    expect(person.foreign).toEqual([]);
    await person.context.close();
  });

  it('sends /index.html on to the filled landing page, and serves a robots.txt', async () => {
    const index = await fetch(`${app.base}/index.html`);
    expect(index.status).toBe(200);
    expect(index.url).toBe(`${app.base}/`);
    expect(index.headers.get('cache-control')).toBe('no-store');
    const html = await index.text();
    expect(html).not.toContain('__QUICK_EXIT_URL__');
    expect(html).toContain(`${app.base}${NEUTRAL_PATH}`);

    const robots = await fetch(`${app.base}/robots.txt`);
    expect(await robots.text()).toBe('User-agent: *\nDisallow: /\n');

    const icon = await fetch(`${app.base}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-store');
  });
});
