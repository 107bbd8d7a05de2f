import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  coupleWithTherapistViaApi,
  signedInPerson,
  signUpViaApi,
  type ApiPerson,
} from './couple-setup';
import {
  expectCleanExit,
  expectNoAxeViolations,
  launchBrowser,
  NEUTRAL_PATH,
  newPerson,
  startApp,
  type RunningApp,
} from './harness';

/**
 * Quick exit on every page (issue 4, item 8): each route the web app declares is opened by the
 * person it is for — a visitor, a partner, or a therapist — and must show the quick-exit button.
 * The list below is checked against the routes in `app.tsx`, so a new page cannot slip past.
 * On the therapist's pages it is also used, by button and by Shift pressed three times.
 */

type Who = 'visitor' | 'partner' | 'therapist';

/** Every route of the web app, with who opens it; `:params` are filled in from the set-up. */
const PAGES: Record<string, Who> = {
  '/': 'visitor',
  signup: 'visitor',
  signin: 'visitor',
  'account/check-email': 'visitor',
  'account/verify': 'visitor',
  'account/forgot': 'visitor',
  'account/reset': 'visitor',
  'account/email-confirm': 'visitor',
  join: 'visitor',
  'therapist/signup': 'visitor',
  'therapist/join': 'visitor',
  'quick-exit': 'visitor',
  safety: 'visitor',
  guide: 'visitor',
  'guide/:slug': 'visitor',
  home: 'partner',
  account: 'partner',
  'access-log': 'partner',
  progress: 'partner',
  measures: 'partner',
  'measures/:measureId': 'partner',
  injuries: 'partner',
  program: 'partner',
  'impact-letter': 'partner',
  triggers: 'partner',
  checkins: 'partner',
  'safety-screen': 'partner',
  'session-prep': 'partner',
  'session-prep/print': 'partner',
  therapist: 'partner',
  messages: 'partner',
  'messages/couples/:linkId': 'therapist',
  practice: 'therapist',
  'practice/couples/:linkId': 'therapist',
  'practice/notes': 'therapist',
  notifications: 'partner',
  'notifications/settings': 'partner',
  questions: 'partner',
  apology: 'partner',
  disclosures: 'partner',
  listening: 'partner',
  agreements: 'partner',
  transparency: 'partner',
  reconnecting: 'partner',
  'contact-log': 'partner',
  forgiveness: 'partner',
  decision: 'partner',
  meaning: 'partner',
  goals: 'partner',
  '*': 'visitor',
};

function declaredRoutes(): string[] {
  const source = readFileSync(new URL('../../src/web/app/app.tsx', import.meta.url), 'utf8');
  const paths = [...source.matchAll(/\bpath="([^"]+)"/g)].map((m) => m[1]!);
  // The index route of the public frame is the landing page.
  return [...new Set(['/', ...paths])].sort();
}

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** What the server says about the old session cookie: 401 once quick exit has signed it out. */
async function statusWithOldCookie(person: ApiPerson): Promise<number> {
  const response = await fetch(`${app.base}/api/auth/me`, { headers: { cookie: person.cookie } });
  return response.status;
}

/**
 * What the browser does when it brings a page back from its back/forward cache: the document is
 * shown again as it was, with a `pageshow` event whose `persisted` is true. Our pages are served
 * `Cache-Control: no-store`, which this Chromium refuses to cache (it reports
 * MainResourceHasCacheControlNoStore), so the test sends the event itself to check the guard that
 * browsers which do cache them rely on.
 */
async function restoreFromCache(page: Page): Promise<void> {
  await page.evaluate(() =>
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })),
  );
}

/** A new session for an existing account, as signing in on the page would give. */
async function signInViaApi(person: ApiPerson, password: string): Promise<ApiPerson> {
  const response = await fetch(`${app.base}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: app.base },
    body: JSON.stringify({ email: person.email, password }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().find((c) => c.includes('hh_session='));
  return { ...person, cookie: cookie!.split(';')[0]! };
}

/** After Back: the page settles signed out, with nothing of the account on it. */
async function expectSignedOutAfterBack(page: Page, person: ApiPerson): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor();
  expect(await page.getByRole('link', { name: 'Account', exact: true }).count()).toBe(0);
  expect(await page.locator('body').innerText()).not.toContain(person.name);
}

describe('quick exit on every page', () => {
  it('the list of pages is every route the web app declares', () => {
    expect(Object.keys(PAGES).sort()).toEqual(declaredRoutes());
  });

  it('shows the quick-exit button on every page, for the person each page is for', async () => {
    const { alex, therapist, linkId } = await coupleWithTherapistViaApi(app.base);
    const fill = (route: string) =>
      `/${route}`
        .replace(/^\/\//, '/')
        .replace(':slug', 'acknowledging-feelings')
        .replace(':measureId', 'wellbeing')
        .replace(':linkId', linkId)
        .replace('*', 'no-such-page');
    const people = {
      visitor: await newPerson(browser, app.base, { width: 390 }),
      partner: await signedInPerson(browser, app.base, alex, { width: 390 }),
      therapist: await signedInPerson(browser, app.base, therapist, { width: 390 }),
    };
    for (const [route, who] of Object.entries(PAGES)) {
      const { page } = people[who];
      await page.goto(`${app.base}${fill(route)}`);
      const button = page.getByRole('button', { name: 'Quick exit' });
      await button.waitFor({ state: 'visible' }).catch(() => {
        throw new Error(`no visible quick exit on ${route} (as ${who})`);
      });
    }
    for (const person of Object.values(people)) await expectCleanExit(person);
  });

  it("leaves a therapist's couple page by button, and the notes page by Shift three times", async () => {
    const { therapist, linkId } = await coupleWithTherapistViaApi(app.base);
    const person = await signedInPerson(browser, app.base, therapist, { width: 390 });
    await person.page.goto(`${app.base}/practice/couples/${linkId}`);
    await person.page.getByRole('heading', { level: 1 }).waitFor();
    await person.page.getByRole('button', { name: 'Quick exit' }).click();
    await person.page.waitForURL(`${app.base}${NEUTRAL_PATH}`);
    await expect.poll(() => statusWithOldCookie(therapist)).toBe(401);
    await expectCleanExit(person);

    // Quick exit signed that session out: the therapist signs in again for the notes page.
    const again = await signInViaApi(therapist, 'quiet rooms and open windows');
    const second = await signedInPerson(browser, app.base, again, { width: 390 });
    await second.page.goto(`${app.base}/practice/notes`);
    await second.page.getByRole('heading', { level: 1, name: /notes/i }).waitFor();
    for (let i = 0; i < 3; i += 1) await second.page.keyboard.press('Shift');
    await second.page.waitForURL(`${app.base}${NEUTRAL_PATH}`);
    await expect.poll(() => statusWithOldCookie(again)).toBe(401);
    await expectCleanExit(second);
  });
});

describe('after quick exit, Back does not open the signed-in app', () => {
  it('signs out on the server as it leaves, so Back shows a signed-out page', async () => {
    const alex = await signUpViaApi(app.base, 'Quinby');
    const person = await signedInPerson(browser, app.base, alex, { width: 360 });
    const { page } = person;
    // Two documents in the tab's history: Back from the neutral site lands on the first.
    await page.goto(`${app.base}/program`);
    // The program is a signed-in page: its heading shows only to a signed-in person.
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goto(`${app.base}/checkins`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Quick exit' }).click();
    await page.waitForURL(`${app.base}${NEUTRAL_PATH}`);
    await expect.poll(() => statusWithOldCookie(alex)).toBe(401);

    await page.goBack();
    expect(page.url()).toBe(`${app.base}/program`);
    await expectSignedOutAfterBack(page, alex);
    await expectNoAxeViolations(page, 'signed out after quick exit and Back, phone');
    await expectCleanExit(person);
  }, 120_000);

  it('Shift three times signs out the same way', async () => {
    const sam = await signUpViaApi(app.base, 'Samwise');
    const person = await signedInPerson(browser, app.base, sam);
    const { page } = person;
    await page.goto(`${app.base}/program`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goto(`${app.base}/checkins`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift');
    await page.waitForURL(`${app.base}${NEUTRAL_PATH}`);
    await expect.poll(() => statusWithOldCookie(sam)).toBe(401);
    await page.goBack();
    await expectSignedOutAfterBack(page, sam);
    await expectCleanExit(person);
  }, 120_000);

  it('a page restored from the back/forward cache checks the session: shown if alive, else blanked and signed out', async () => {
    const riley = await signUpViaApi(app.base, 'Rillington');
    const person = await signedInPerson(browser, app.base, riley);
    const { page } = person;
    await page.goto(`${app.base}/program`);
    await page.getByRole('link', { name: 'Account', exact: true }).waitFor();

    // The same session is still there: the page shows itself again, unchanged.
    await restoreFromCache(page);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.classList.contains('hh-leaving')))
      .toBe(false);
    await page.getByRole('link', { name: 'Account', exact: true }).waitFor({ state: 'visible' });
    expect(page.url()).toBe(`${app.base}/program`);

    // The session ends elsewhere (a quick exit in another tab, a sign-out on another device).
    const signOut = await fetch(`${app.base}/api/auth/signout`, {
      method: 'POST',
      headers: { cookie: riley.cookie, origin: app.base },
    });
    expect(signOut.status).toBe(200);
    // Hidden at once, before the server has answered: nothing of the account stays on screen.
    const hiddenAtOnce = await page.evaluate(() => {
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      return getComputedStyle(document.body).display;
    });
    expect(hiddenAtOnce).toBe('none');
    await expectSignedOutAfterBack(page, riley);
    await expectCleanExit(person);
  }, 120_000);
});
