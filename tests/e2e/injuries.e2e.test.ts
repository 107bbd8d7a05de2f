import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coupleViaApi, signedInPerson } from './couple-setup';
import {
  expectCleanExit,
  expectNoAxeViolations,
  launchBrowser,
  onPostgres,
  type RunningApp,
  startApp,
} from './harness';

/**
 * Naming what happened: Alex names an injury and proposes the roles; Sam, on a phone in dark
 * mode, sees the kind, month and roles (never Alex's private note) and confirms.
 */
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function namingJourney(base: string) {
  const [alexAccount, samAccount] = await coupleViaApi(base, ['Alex', 'Sam']);
  const alex = await signedInPerson(browser, base, alexAccount);
  const sam = await signedInPerson(browser, base, samAccount, { width: 360, colorScheme: 'dark' });

  // Alex opens the page: nothing named yet.
  await alex.page.goto(`${base}/injuries`);
  await alex.page.getByRole('heading', { name: 'What happened', level: 1 }).waitFor();
  await alex.page.getByText('Nothing is named yet.', { exact: false }).waitFor();
  await expectNoAxeViolations(alex.page, 'injuries, nothing named');

  // Sending the form empty names each field kindly, and moves focus to the summary.
  await alex.page.getByRole('button', { name: 'Name it' }).click();
  await alex.page.getByRole('heading', { name: 'Please check the following' }).waitFor();
  await alex.page
    .getByText('Choose what kind of betrayal this was', { exact: false })
    .first()
    .waitFor();
  await expectNoAxeViolations(alex.page, 'injuries, form with errors');

  await alex.page.getByLabel('An affair').check();
  await alex.page.getByLabel('Month').selectOption('01');
  await alex.page.getByLabel('Year').fill('2026');
  await alex.page.getByLabel('I am the one who was hurt').check();
  await alex.page.getByLabel('A private note (optional)').fill('Words only Alex may read');
  await alex.page.getByRole('button', { name: 'Name it' }).click();
  await alex.page.getByRole('heading', { name: 'An affair', level: 3 }).waitFor();
  await alex.page.getByText('Waiting for both of you to confirm.').waitFor();
  expect(await alex.page.getByLabel('Your private note').inputValue()).toBe(
    'Words only Alex may read',
  );
  await expectNoAxeViolations(alex.page, 'injuries, named, waiting');

  // Sam, on a phone: the same neutral words, the question, and none of Alex's note.
  await sam.page.goto(`${base}/injuries`);
  await sam.page.getByRole('heading', { name: 'An affair', level: 3 }).waitFor();
  await sam.page.getByText('Came to light in January 2026').waitFor();
  await sam.page.getByText('Waiting for both of you to confirm.').waitFor();
  await sam.page.getByText('Do these roles look right to you?').waitFor();
  expect(await sam.page.locator('body').innerText()).not.toContain('only Alex');
  expect(await sam.page.getByLabel('Your private note').inputValue()).toBe('');
  await expectNoAxeViolations(sam.page, 'injuries, partner asked to confirm, phone, dark');

  await sam.page.getByRole('button', { name: 'Yes, that is right' }).click();
  await sam.page.getByText('You have both confirmed these roles.').waitFor();
  await expectNoAxeViolations(sam.page, 'injuries, confirmed, phone, dark');

  await alex.page.reload();
  await alex.page.getByText('You have both confirmed these roles.').waitFor();
  await expectNoAxeViolations(alex.page, 'injuries, confirmed');

  for (const person of [alex, sam]) await expectCleanExit(person);
}

describe('naming what happened, in two browsers', () => {
  it('one names and proposes the roles, the other confirms (embedded database)', async () => {
    await namingJourney(app.base);
  });

  it('does the same on PostgreSQL', async () => {
    await onPostgres(namingJourney);
  });
});
