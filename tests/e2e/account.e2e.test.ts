import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestMailbox } from '../helpers/mailbox';
import {
  expectCleanExit,
  expectNoAxeViolations,
  launchBrowser,
  newPerson,
  onPostgres,
  startApp,
  type RunningApp,
} from './harness';

/**
 * Accounts by email, in a browser (issue 13): sign up, the confirmation email arrives at a real
 * SMTP server here, its link confirms the address; later the person forgets their password,
 * resets it from the emailed link, their other signed-in browser is signed out, and an email
 * tells them the password changed. axe runs on every page state visited.
 */
const PASSWORD = 'slow walks by the old harbour';
const NEW_PASSWORD = 'lanterns along the quiet canal';

let browser: Browser;
let app: RunningApp;
const mailbox = new TestMailbox();

beforeAll(async () => {
  await mailbox.start();
  [app, browser] = await Promise.all([startApp({ SMTP_URL: mailbox.url }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mailbox.close();
});

/** Waits for the email with `subject` to `address` and returns the link in it to `path`. */
async function emailedLink(address: string, subject: string, path: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const email = mailbox.to(address).find((m) => m.subject === subject);
    if (email) {
      const link = email.text.match(new RegExp(`https?://\\S+${path}\\S*`))?.[0];
      expect(link, `a ${path} link in "${subject}"`).toBeDefined();
      return link!;
    }
    if (Date.now() > deadline) throw new Error(`no "${subject}" email to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function signIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/signin`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/home');
}

async function accountJourney(base: string, email: string) {
  const robin = await newPerson(browser, base);

  // Sign up: this device is signed in, and a confirmation email is on its way.
  await robin.page.goto(`${base}/signup`);
  await robin.page.getByLabel('What should we call you?').fill('Robin');
  await robin.page.getByLabel('Email address').fill(email);
  await robin.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await robin.page.getByRole('button', { name: 'Create my account' }).click();
  await robin.page.waitForURL('**/home');
  await robin.page.goto(`${base}/account`);
  await robin.page.getByText('This address is not confirmed yet.').waitFor();
  await expectNoAxeViolations(robin.page, 'account page, address not confirmed');

  // The link in the email confirms the address; the token is taken out of the address bar.
  const verifyLink = await emailedLink(email, 'Confirm your email address', '/account/verify');
  expect(verifyLink).toContain('#');
  await robin.page.goto(verifyLink);
  await robin.page.getByText('Your email address is confirmed.').waitFor();
  expect(robin.page.url()).not.toContain('#');
  await expectNoAxeViolations(robin.page, 'verify page, confirmed');
  await robin.page.goto(`${base}/account`);
  await robin.page.getByRole('heading', { name: 'Email address' }).waitFor();
  await robin.page.getByText('Email address confirmed').first().waitFor(); // recent activity
  expect(await robin.page.getByText('This address is not confirmed yet.').count()).toBe(0);

  // A second browser (say, a laptop) is signed in too.
  const laptop = await newPerson(browser, base);
  await signIn(laptop.page, base, email, PASSWORD);

  // Forgotten password: ask for a link, then choose a new password from the email.
  const reset = await newPerson(browser, base, { width: 360 });
  await reset.page.goto(`${base}/signin`);
  await reset.page.getByRole('link', { name: 'Forgotten your password?' }).click();
  await reset.page.waitForURL('**/account/forgot');
  await expectNoAxeViolations(reset.page, 'forgot page');
  await reset.page.getByLabel('Email address').fill(email);
  await reset.page.getByRole('button', { name: 'Send the link' }).click();
  await reset.page.getByText('If that address has an account, a link is on its way.').waitFor();
  await expectNoAxeViolations(reset.page, 'forgot page, sent');

  const resetLink = await emailedLink(email, 'Choose a new password', '/account/reset');
  await reset.page.goto(resetLink);
  await reset.page.getByLabel('New password').waitFor();
  expect(reset.page.url()).not.toContain('#');
  await expectNoAxeViolations(reset.page, 'reset page');
  await reset.page.getByLabel('New password').fill(NEW_PASSWORD);
  await reset.page.getByRole('button', { name: 'Save the new password' }).click();
  await reset.page.getByText('Your new password is saved.').waitFor();
  await expectNoAxeViolations(reset.page, 'reset page, saved');

  // Every session ended: the laptop and the first browser are signed out.
  for (const device of [laptop, robin]) {
    const me = await device.context.request.get(`${base}/api/auth/me`);
    expect(me.status()).toBe(401);
  }
  await laptop.page.goto(`${base}/account`);
  await laptop.page.waitForURL('**/signin**');

  // An email says the password was changed; the new password works.
  await emailedLink(email, 'Your password was changed', '/account/forgot');
  await signIn(reset.page, base, email, NEW_PASSWORD);

  for (const person of [robin, laptop, reset]) await expectCleanExit(person);
}

describe('accounts by email in a browser', () => {
  it(
    'signs up, confirms by email, resets a forgotten password (PGlite)',
    { timeout: 180_000 },
    () => accountJourney(app.base, 'robin-pglite@example.test'),
  );
  it('does the same on PostgreSQL', { timeout: 180_000 }, () =>
    onPostgres((base) => accountJourney(base, 'robin-postgres@example.test'), {
      SMTP_URL: mailbox.url,
    }),
  );
});
