import { readFileSync } from 'node:fs';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../helpers/zip';
import { API_PASSWORD, coupleViaApi, signedInPerson, type ApiPerson } from './couple-setup';
import {
  expectCleanExit,
  expectNoAxeViolations,
  launchBrowser,
  onPostgres,
  startApp,
} from './harness';

/**
 * Two-step sign-in and "my data", as a person does it: turn on an authenticator app (codes
 * computed here with otplib), sign out, sign in with a recovery code (a second use is refused) and
 * with the app; download the data and read the HTML page inside the zip (their own entry is in
 * it, their partner's private one is not); ask for erasure and cancel it. axe on every state.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const today = () => new Date().toISOString().slice(0, 10);
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

async function writeCheckin(base: string, person: ApiPerson, day: string, note: string) {
  const response = await fetch(`${base}/api/checkins/mine/${day}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', origin: base, cookie: person.cookie },
    body: JSON.stringify({ intensity: 3, pain: 2, note }),
  });
  const { checkin } = (await response.json()) as { checkin: { id: string } };
  return checkin.id;
}

async function share(base: string, person: ApiPerson, id: string) {
  await fetch(`${base}/api/checkins/${id}/share`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, cookie: person.cookie },
    body: '{}',
  });
}

/** The step-up form's own fields: the account page has other password fields too. */
async function confirmItIsMe(page: Page) {
  const form = page.locator('form:has([id$="-stepup-password"])');
  await form.locator('[id$="-stepup-password"]').fill(API_PASSWORD);
  await form.getByRole('button', { name: 'Confirm', exact: true }).click();
}

async function signOut(page: Page, base: string) {
  await page.goto(`${base}/account`);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/account'));
}

async function signInWithPassword(page: Page, base: string, email: string) {
  await page.goto(`${base}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(API_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'One more step' }).waitFor();
}

async function journey(base: string) {
  const [ada, ben] = await coupleViaApi(base, ['Ada', 'Ben']);
  await writeCheckin(base, ada, today(), 'ADA-OWN-ENTRY');
  await writeCheckin(base, ben, today(), 'BEN-PRIVATE-ENTRY');
  await share(base, ben, await writeCheckin(base, ben, yesterday(), 'BEN-SHARED-ENTRY'));

  const person = await signedInPerson(browser, base, ada);
  const { page } = person;
  await page.goto(`${base}/account`);
  await page.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
  await expectNoAxeViolations(page, 'account page');

  // Turn on the authenticator app: confirm it is me first.
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await page.getByRole('heading', { name: 'Confirm it is you' }).waitFor();
  await expectNoAxeViolations(page, 'step-up form');
  await confirmItIsMe(page);
  const secretText = await page.getByTestId('totp-secret').textContent();
  const secret = (secretText ?? '').replace(/\s+/g, '');
  await expectNoAxeViolations(page, 'authenticator set-up');
  const setupAt = Date.now();
  await page.getByLabel('Code from the app').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Turn on' }).click();
  const codesList = page.getByTestId('recovery-codes');
  await codesList.waitFor();
  await expectNoAxeViolations(page, 'recovery codes');
  const codes = await codesList.locator('li').allTextContents();
  expect(codes).toHaveLength(10);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await page.getByText('On. Signing in asks for a code').waitFor();

  // Sign out; sign in with a recovery code.
  await signOut(page, base);
  await signInWithPassword(page, base, ada.email);
  await expectNoAxeViolations(page, 'second step');
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill(codes[0]!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.pathname !== '/signin');

  // The same recovery code a second time is refused.
  await signOut(page, base);
  await signInWithPassword(page, base, ada.email);
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill(codes[0]!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('That code did not work').first().waitFor();
  await expect(page.getByRole('heading', { name: 'One more step' }).isVisible()).resolves.toBe(
    true,
  );
  await expectNoAxeViolations(page, 'second step refused');

  // Then with the app: a code of a later time step than the one used to turn it on.
  const nextStepAt = (Math.floor(setupAt / 30_000) + 1) * 30_000;
  if (Date.now() < nextStepAt)
    await new Promise((r) => setTimeout(r, nextStepAt - Date.now() + 200));
  await page.getByRole('button', { name: 'Use my authenticator app instead' }).click();
  await page.getByLabel('Code from your authenticator app').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.pathname !== '/signin');

  // Download my data: this new session confirms it is me, then the zip streams.
  await page.goto(`${base}/account`);
  await page.getByRole('button', { name: 'Download my data' }).click();
  await page.getByRole('heading', { name: 'Confirm it is you' }).waitFor();
  const download = page.waitForEvent('download');
  await confirmItIsMe(page);
  const file = await (await download).path();
  await page.getByText('Your data is downloaded').first().waitFor();
  await expectNoAxeViolations(page, 'export done');
  const zip = readZip(readFileSync(file));
  const html = zip.get('my-data.html')!.toString('utf8');

  // Open the HTML page from the zip, as the person would.
  const reader = await person.context.newPage();
  await reader.setContent(html);
  const text = await reader.locator('body').innerText();
  expect(text).toContain('ADA-OWN-ENTRY');
  expect(text).toContain('BEN-SHARED-ENTRY');
  expect(text).not.toContain('BEN-PRIVATE-ENTRY');
  await expectNoAxeViolations(reader, 'exported HTML page');
  await reader.close();

  // Ask for erasure, then cancel it.
  await page.getByRole('button', { name: 'Delete my account in 7 days' }).click();
  await page.getByRole('button', { name: 'Yes, delete it in 7 days' }).click();
  await page.getByText('Your account is set to be deleted on').waitFor();
  await expectNoAxeViolations(page, 'erasure scheduled');
  await page.getByRole('button', { name: 'Cancel the deletion' }).click();
  await page.getByRole('button', { name: 'Delete my account in 7 days' }).waitFor();
  await expectNoAxeViolations(page, 'erasure cancelled');

  // Chromium logs each designed 403 step_up_required answer (the page then asks to confirm);
  // those are expected here, any other console error still fails the journey.
  person.consoleErrors.splice(
    0,
    person.consoleErrors.length,
    ...person.consoleErrors.filter((e) => !/status of 403/.test(e)),
  );
  await expectCleanExit(person);
}

describe('two-step sign-in and my data', () => {
  it('on the embedded database', async () => {
    const app = await startApp();
    try {
      await journey(app.base);
    } finally {
      await app.stop();
    }
  }, 180_000);

  it('on PostgreSQL', async () => {
    await onPostgres(journey);
  }, 180_000);
});
