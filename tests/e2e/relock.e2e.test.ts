import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PASSWORD, signedInPerson, signUpViaApi, type ApiPerson } from './couple-setup';
import {
  expectCleanExit,
  expectNoAxeViolations,
  launchBrowser,
  onPostgres,
  startApp,
} from './harness';

/**
 * The re-lock after a pause, as a person meets it (and, first, the email change's step-up on
 * the same account page): they choose "2 minutes idle" on the account
 * page, read their check-ins, and step away (the page's clock is moved on). The page locks: the
 * entry is gone from the screen, from memory and from storage, a reload shows only the lock
 * screen (the server holds the lock), and their password opens it again. axe on each state.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SECRET = 'RELOCK-PRIVATE-ENTRY-5c8';
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

async function writeCheckin(base: string, person: ApiPerson, note: string) {
  const response = await fetch(`${base}/api/checkins/mine/${yesterday()}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', origin: base, cookie: person.cookie },
    body: JSON.stringify({ intensity: 3, pain: 2, note }),
  });
  expect(response.ok).toBe(true);
}

/** Everything of the page a person or a script could read: text, field values, storage. */
async function everythingOnThePage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')].map(
      (field) => (field as HTMLInputElement).value,
    );
    const stored = [localStorage, sessionStorage].flatMap((store) =>
      Object.keys(store).map((key) => `${key}=${store.getItem(key)}`),
    );
    return [document.documentElement.outerHTML, ...values, ...stored].join('\n');
  });
}

async function lockStateOf(base: string, person: ApiPerson) {
  const response = await fetch(`${base}/api/auth/lock`, { headers: { cookie: person.cookie } });
  return ((await response.json()) as { locked: boolean }).locked;
}

async function journey(base: string) {
  const account = await signUpViaApi(base, 'Robin');
  await writeCheckin(base, account, SECRET);
  const person = await signedInPerson(browser, base, account);
  const { page } = person;
  // The page's clock is ours to move on, so "two idle minutes" takes no real two minutes.
  await page.clock.install();

  await page.goto(`${base}/account`);
  // Moving the account to another address asks to confirm it is them first, then sends the link.
  await page.getByLabel('New email address').fill(`robin-new-${Date.now()}@example.test`);
  await page.getByRole('button', { name: 'Change my email' }).click();
  await page.getByRole('heading', { name: 'Confirm it is you' }).waitFor();
  await expectNoAxeViolations(page, 'email change, confirm it is you');
  const confirm = page.locator('form:has([id="account-email-stepup-password"])');
  await confirm.locator('[id="account-email-stepup-password"]').fill(API_PASSWORD);
  await confirm.getByRole('button', { name: 'Confirm', exact: true }).click();
  await page.getByText('We sent a link to the new address').first().waitFor();
  expect(await page.getByRole('heading', { name: 'Confirm it is you' }).count()).toBe(0);

  await page.getByRole('heading', { name: 'Lock after a pause' }).waitFor();
  const choice = page.getByLabel('Lock after', { exact: true });
  expect(await choice.inputValue()).toBe('');
  await choice.selectOption({ label: '2 minutes idle' });
  await page.getByText('Saved.').first().waitFor();
  await expectNoAxeViolations(page, 'account page with the re-lock setting');

  await page.goto(`${base}/checkins`);
  await page.getByText(SECRET).first().waitFor();
  // A minute and a half of no activity is not enough.
  await page.clock.fastForward('01:30');
  await page.getByText(SECRET).first().waitFor();
  // Activity starts the count again; then two quiet minutes lock the page.
  await page.mouse.move(40, 300);
  await page.clock.fastForward('01:00');
  await page.getByText(SECRET).first().waitFor();
  await page.clock.fastForward('02:10');
  await page.getByRole('heading', { name: 'Locked after a pause' }).waitFor();
  expect(await everythingOnThePage(page)).not.toContain(SECRET);
  await expectNoAxeViolations(page, 'lock screen');
  // Quick exit stays in the safety bar.
  expect(await page.getByRole('button', { name: /Quick exit/i }).count()).toBe(1);

  // The server holds the lock: a reload, or the same cookie from elsewhere, gets nothing.
  await expect.poll(() => lockStateOf(base, account)).toBe(true);
  const outside = await fetch(`${base}/api/checkins`, { headers: { cookie: account.cookie } });
  expect(outside.status).toBe(403);
  expect(await outside.text()).not.toContain(SECRET);
  await page.reload();
  await page.getByRole('heading', { name: 'Locked after a pause' }).waitFor();
  expect(await everythingOnThePage(page)).not.toContain(SECRET);

  // A wrong password keeps it locked; the right one opens the page where the person was.
  const form = page.locator('form:has([id$="-stepup-password"])');
  await form.locator('[id$="-stepup-password"]').fill('not my password at all');
  await form.getByRole('button', { name: 'Confirm', exact: true }).click();
  await page.getByText('That did not match').first().waitFor();
  await expectNoAxeViolations(page, 'lock screen, wrong password');
  await form.locator('[id$="-stepup-password"]').fill(API_PASSWORD);
  await form.getByRole('button', { name: 'Confirm', exact: true }).click();
  await page.getByText(SECRET).first().waitFor();
  expect(new URL(page.url()).pathname).toBe('/checkins');
  expect(await lockStateOf(base, account)).toBe(false);

  // Chromium logs the designed answers while locked (403 locked, 401 for the wrong password).
  person.consoleErrors.splice(
    0,
    person.consoleErrors.length,
    ...person.consoleErrors.filter((e) => !/status of 40[13]/.test(e)),
  );
  await expectCleanExit(person);
}

describe('re-lock after a pause', () => {
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
