import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coupleWithTherapistViaApi, signedInPerson } from './couple-setup';
import {
  expectCleanExit,
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

    await person.page.goto(`${app.base}/practice/notes`);
    await person.page.getByRole('heading', { level: 1 }).waitFor();
    for (let i = 0; i < 3; i += 1) await person.page.keyboard.press('Shift');
    await person.page.waitForURL(`${app.base}${NEUTRAL_PATH}`);
    await expectCleanExit(person);
  });
});
