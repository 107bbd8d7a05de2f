import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTestEnvironment } from '#server/config/index.ts';
import { createScratchPostgresDatabase } from '#server/db/scratch.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  NEUTRAL_PATH,
  newPerson,
  startApp,
  type RunningApp,
} from './harness';

/**
 * Two people, two browsers: sign up, create the space, invite by link, join, see each other,
 * look at the account page, and leave through quick exit — with axe checks on every page.
 */
const PASSWORD = 'slow walks by the old harbour';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signUp(page: Page, name: string, email: string) {
  await page.getByLabel('What should we call you?').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create my account' }).click();
}

async function coupleJourney(base: string, emailTag: string) {
  const alex = await newPerson(browser, base);
  const sam = await newPerson(browser, base, { width: 360, colorScheme: 'dark' });

  // Alex finds the front page, reads it, and creates an account.
  await alex.page.goto(`${base}/`);
  await expect
    .poll(() => alex.page.getByRole('heading', { level: 1 }).textContent())
    .toContain('rebuild trust');
  await expectNoAxeViolations(alex.page, 'front page');
  await alex.page.getByRole('link', { name: 'Create your account' }).first().click();
  await alex.page.waitForURL('**/signup');
  await expectNoAxeViolations(alex.page, 'sign-up page');
  await signUp(alex.page, 'Alex', `alex-${emailTag}@example.test`);
  await alex.page.waitForURL('**/home');
  await alex.page.getByText('Hello, Alex.').waitFor();
  await expectNoAxeViolations(alex.page, 'home without a space');

  await alex.page.getByRole('button', { name: 'Create our private space' }).click();
  await alex.page.getByRole('heading', { name: 'Invite your partner' }).waitFor();
  await alex.page.getByRole('button', { name: 'Create an invite link' }).click();
  const linkField = alex.page.getByLabel('Invite link');
  await linkField.waitFor();
  const link = await linkField.inputValue();
  expect(link).toMatch(new RegExp(`^${base}/join#[A-Za-z0-9_-]{43}$`));
  await expectNoAxeViolations(alex.page, 'home with a new invite link');

  // Sam opens the link on a phone, signed out, and is told who invited them.
  await sam.page.goto(link);
  await sam.page.getByText('Alex invited you to a private space.').waitFor();
  expect(new URL(sam.page.url()).hash).toBe(''); // the token left the address bar at once
  await expectNoAxeViolations(sam.page, 'join page, signed out, phone, dark');
  await sam.page.getByRole('link', { name: 'Create my account' }).click();
  await sam.page.waitForURL('**/signup');
  await signUp(sam.page, 'Sam', `sam-${emailTag}@example.test`);
  await sam.page.waitForURL('**/join');
  await sam.page.getByText('You are signed in as Sam.').waitFor();
  await sam.page.getByRole('button', { name: 'Join', exact: true }).click();
  await sam.page.waitForURL('**/home');
  await sam.page.getByText(/You and Alex have shared this space since/).waitFor();
  await expectNoAxeViolations(sam.page, 'home together, phone, dark');

  // Alex sees Sam by name.
  await alex.page.reload();
  await alex.page.getByText(/You and Sam have shared this space since/).waitFor();
  await expectNoAxeViolations(alex.page, 'home together');

  // The account page lists this device.
  await alex.page.goto(`${base}/account`);
  await alex.page.getByText('This device', { exact: true }).waitFor();
  await expectNoAxeViolations(alex.page, 'account page');

  // The page never asked another origin for anything, and nothing was written to browser storage.
  for (const person of [alex, sam]) {
    expect(person.foreign).toEqual([]);
    expect(person.consoleErrors).toEqual([]);
    const stored = await person.page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(stored).toBe(0);
  }
  await alex.context.close();
  await sam.context.close();
}

describe('two partners in two browsers', () => {
  it('sign up, create a space, invite, join, and see each other by name (embedded database)', async () => {
    await coupleJourney(app.base, 'pglite');
  });

  it('does the same on PostgreSQL', async () => {
    const scratch = await createScratchPostgresDatabase(readTestEnvironment().postgresUrl);
    const onPostgres = await startApp({ DATABASE_URL: scratch.url });
    try {
      await coupleJourney(onPostgres.base, 'postgres');
    } finally {
      await onPostgres.stop();
      await scratch.drop();
    }
  });

  it('quick exit by button and by Shift pressed three times leaves for the neutral page', async () => {
    const person = await newPerson(browser, app.base);
    await person.page.goto(`${app.base}/signin`);
    await person.page.getByLabel('Email address').fill('alex-pglite@example.test');
    await person.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await person.page.getByRole('button', { name: 'Sign in' }).click();
    await person.page.waitForURL('**/home');
    await expectNoAxeViolations(person.page, 'home after sign-in');

    await person.page.getByRole('button', { name: 'Quick exit' }).click();
    await person.page.waitForURL(`${app.base}${NEUTRAL_PATH}`);

    // Quick exit signed this session out (decision 0021): sign in again to try the keys.
    await person.page.goto(`${app.base}/signin`);
    await person.page.getByLabel('Email address').fill('alex-pglite@example.test');
    await person.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await person.page.getByRole('button', { name: 'Sign in' }).click();
    await person.page.waitForURL('**/home');

    // Typing capitals must not trigger it; three bare Shift presses must.
    await person.page.goto(`${app.base}/account`);
    await person.page.getByText('This device', { exact: true }).waitFor();
    await person.page.keyboard.press('Shift');
    await person.page.keyboard.press('Shift+A');
    await person.page.keyboard.press('Shift');
    expect(new URL(person.page.url()).pathname).toBe('/account');
    await person.page.keyboard.press('Shift');
    await person.page.keyboard.press('Shift');
    await person.page.keyboard.press('Shift');
    await person.page.waitForURL(`${app.base}${NEUTRAL_PATH}`);
    // location.replace: Back does not return to the account page.
    await person.page.goBack();
    expect(new URL(person.page.url()).pathname).not.toBe('/account');

    await person.page.goto(`${app.base}/quick-exit`);
    await person.page
      .getByText('It does not erase your browser history', { exact: false })
      .waitFor();
    await expectNoAxeViolations(person.page, 'quick exit help');
    expect(person.foreign).toEqual([]);
    await person.context.close();
  });

  it('explains a wrong password and a used link kindly, without losing what was typed', async () => {
    const person = await newPerson(browser, app.base);
    await person.page.goto(`${app.base}/signin`);
    await person.page.getByLabel('Email address').fill('alex-pglite@example.test');
    await person.page.getByLabel('Password', { exact: true }).fill('not the right one');
    await person.page.getByRole('button', { name: 'Sign in' }).click();
    await person.page
      .getByText('That email and password do not match an account', { exact: false })
      .first()
      .waitFor();
    expect(await person.page.getByLabel('Email address').inputValue()).toBe(
      'alex-pglite@example.test',
    );
    await expectNoAxeViolations(person.page, 'sign-in with an error');

    await person.page.goto(`${app.base}/join#${'B'.repeat(43)}`);
    await person.page.getByRole('heading', { name: 'This link does not work any more' }).waitFor();
    await expectNoAxeViolations(person.page, 'join with a dead link');

    await person.page.goto(`${app.base}/no-such-page`);
    await person.page.getByRole('heading', { name: 'We could not find that page' }).waitFor();
    await expectNoAxeViolations(person.page, 'not found');
    expect(person.foreign).toEqual([]);
    await person.context.close();
  });
});
