import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coupleViaApi, signedInPerson, type ApiPerson } from './couple-setup';
import {
  expectCleanExit,
  expectNoAxeViolations,
  launchBrowser,
  onPostgres,
  startApp,
} from './harness';

/**
 * Session prep, as a partner uses it: both share a check-in, one gathers both and writes notes,
 * then opens the printable page; in print, the site's header is gone and the items remain.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function api(base: string, person: ApiPerson, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: base, cookie: person.cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

const DAY = new Date().toISOString().slice(0, 10);

async function sharedCheckin(base: string, person: ApiPerson, note: string) {
  const written = await api(base, person, 'PUT', `/api/checkins/mine/${DAY}`, {
    feelings: ['hurt'],
    intensity: 3,
    pain: 5,
    triggers: '',
    needs: '',
    note,
  });
  const id = (written.checkin as { id: string }).id;
  await api(base, person, 'POST', `/api/checkins/${id}/share`, {});
  return id;
}

async function journey(base: string) {
  const [alexAccount, samAccount] = await coupleViaApi(base);
  await sharedCheckin(base, alexAccount, 'Mornings are the hardest.');
  await sharedCheckin(base, samAccount, 'I kept thinking about the trip.');
  // Sam also logs a private moment: it must never be offered.
  await api(base, samAccount, 'POST', '/api/triggers', { cue: 'A private moment', intensity: 4 });

  const alex = await signedInPerson(browser, base, alexAccount, { width: 360 });
  const page = alex.page;
  await page.goto(`${base}/session-prep`);
  await page.getByRole('heading', { level: 1, name: 'Prepare for your next session' }).waitFor();
  await page.getByText('I kept thinking about the trip.').waitFor();
  expect(await page.getByText('A private moment').count()).toBe(0);
  await expectNoAxeViolations(page, 'session prep, choosing, phone');

  await page
    .getByRole('button', { name: /^Bring this: Check-in/ })
    .first()
    .click();
  await page
    .getByRole('button', { name: /^Bring this: Check-in/ })
    .first()
    .click();
  await expect.poll(() => page.getByRole('button', { name: /^Leave out/ }).count()).toBe(2);
  await page.getByLabel('What I want to talk about').fill('How we spend the evenings.');
  await page.getByLabel('Questions for the therapist').fill('Is it normal to feel numb?');
  await page.getByRole('button', { name: 'Save my notes' }).click();
  await page.getByText('Your notes are saved.').waitFor();

  await page.getByRole('link', { name: 'Open the printable page' }).click();
  await page.waitForURL('**/session-prep/print');
  await page.getByRole('heading', { level: 1, name: 'Notes for our next session' }).waitFor();
  await page.getByText('How we spend the evenings.').waitFor();
  await page.getByText('Mornings are the hardest.').waitFor();
  await page.getByText('I kept thinking about the trip.').waitFor();
  await page.getByRole('heading', { name: /Check-in · Sam · / }).waitFor();
  await page.getByRole('heading', { name: /Check-in · You · / }).waitFor();
  await page.getByRole('button', { name: 'Print or save as PDF' }).waitFor();
  await expectNoAxeViolations(page, 'session prep, printable page');

  // In print: no header, navigation, quick exit or footer; the notes and items remain.
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('header').isVisible()).toBe(false);
  expect(await page.locator('footer').isVisible()).toBe(false);
  expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
  expect(await page.getByText('I kept thinking about the trip.').isVisible()).toBe(true);
  expect(await page.getByText('Is it normal to feel numb?').isVisible()).toBe(true);
  await page.emulateMedia({ media: 'screen' });
  expect(await page.locator('header').isVisible()).toBe(true);

  // Sam's own prep is empty: Alex's notes are Alex's alone.
  const sam = await signedInPerson(browser, base, samAccount);
  await sam.page.goto(`${base}/session-prep/print`);
  await sam.page.getByRole('heading', { level: 1, name: 'Notes for our next session' }).waitFor();
  await sam.page.getByText('No shared items chosen.').waitFor();
  expect(await sam.page.getByText('How we spend the evenings.').count()).toBe(0);

  for (const person of [alex, sam]) await expectCleanExit(person);
}

describe('session prep', () => {
  it('on the embedded database', async () => {
    const app = await startApp();
    try {
      await journey(app.base);
    } finally {
      await app.stop();
    }
  }, 120_000);

  it('on PostgreSQL', async () => {
    await onPostgres(journey);
  }, 120_000);
});
