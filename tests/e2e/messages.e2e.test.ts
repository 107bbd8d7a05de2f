import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coupleViaApi, linkTherapistViaApi, signedInPerson, therapistViaApi } from './couple-setup';
import {
  expectCleanExit,
  expectNoAxeViolations,
  launchBrowser,
  onPostgres,
  startApp,
} from './harness';

/**
 * Messages with a therapist, as the three people use them: a partner writes to all three and
 * privately; the therapist reads both and answers privately; the other partner sees the
 * conversation of three and nothing of the private one. The couple and their therapist are set
 * up through the real routes (the test cannot write the database).
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The section of the page whose heading is `name`. */
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function send(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).fill(text);
  // The send button of the form that holds this box.
  const form = page.locator('form', { has: page.getByLabel(label, { exact: true }) });
  await form.getByRole('button', { name: 'Send' }).click();
  await page.getByText('Your message was sent.').waitFor();
}

async function journey(base: string) {
  const [alexAccount, samAccount] = await coupleViaApi(base);
  const therapistAccount = await therapistViaApi(base, 'Dr Rivera');
  const linkId = await linkTherapistViaApi(base, [alexAccount, samAccount], therapistAccount);

  // Alex writes to all three, then privately, on a phone-sized screen.
  const alex = await signedInPerson(browser, base, alexAccount, { width: 390 });
  await alex.page.goto(`${base}/messages`);
  await alex.page
    .getByRole('heading', { level: 1, name: 'Messages with your therapist' })
    .waitFor();
  await alex.page.getByRole('heading', { level: 2, name: 'Dr Rivera' }).waitFor();
  await alex.page
    .getByText('You, your partner and Dr Rivera all read this conversation.')
    .waitFor();
  await alex.page.getByText(/^Only you and Dr Rivera read this\./).waitFor();
  await expectNoAxeViolations(alex.page, 'messages, partner, empty, phone');

  await send(alex.page, 'Your message to all three of you', 'Thank you for making time for us.');
  await section(alex.page, 'All three of us')
    .getByText('Thank you for making time for us.')
    .waitFor();
  await send(alex.page, 'Your message to Dr Rivera only', 'There is something I find hard to say.');
  await section(alex.page, 'Just me and Dr Rivera')
    .getByText('There is something I find hard to say.')
    .waitFor();
  await expectNoAxeViolations(alex.page, 'messages, partner, after sending');

  // The therapist reads both and answers Alex privately.
  const therapist = await signedInPerson(browser, base, therapistAccount);
  await therapist.page.goto(`${base}/messages/couples/${linkId}`);
  await therapist.page
    .getByRole('heading', { level: 1, name: 'Messages with Alex and Sam' })
    .waitFor();
  await section(therapist.page, 'All three of you')
    .getByText('Thank you for making time for us.')
    .waitFor();
  await section(therapist.page, 'Just you and Alex')
    .getByText('There is something I find hard to say.')
    .waitFor();
  await section(therapist.page, 'Just you and Sam')
    .getByText('Nothing written here yet.')
    .waitFor();
  await expectNoAxeViolations(therapist.page, 'messages, therapist');
  await therapist.page.getByLabel('Only Alex, privately').check();
  await send(therapist.page, 'Your message to Alex, privately', 'Take your time. I am listening.');
  await section(therapist.page, 'Just you and Alex')
    .getByText('Take your time. I am listening.')
    .waitFor();
  await expectNoAxeViolations(therapist.page, 'messages, therapist, after replying');

  // Sam sees the conversation of three only: nothing of Alex's private one, not even a hint.
  const sam = await signedInPerson(browser, base, samAccount);
  await sam.page.goto(`${base}/messages`);
  await section(sam.page, 'All three of us')
    .getByText('Thank you for making time for us.')
    .waitFor();
  await section(sam.page, 'Just me and Dr Rivera').getByText('Nothing written here yet.').waitFor();
  expect(await sam.page.getByText('There is something I find hard to say.').count()).toBe(0);
  expect(await sam.page.getByText('Take your time. I am listening.').count()).toBe(0);
  await expectNoAxeViolations(sam.page, 'messages, other partner');

  // Alex finds the reply in the private conversation; a heavy message offers support.
  await alex.page.reload();
  await section(alex.page, 'Just me and Dr Rivera')
    .getByText('Take your time. I am listening.')
    .waitFor();
  expect(
    await section(alex.page, 'Just me and Dr Rivera').getByText('Dr Rivera (therapist)').count(),
  ).toBe(1);
  await alex.page
    .getByLabel('Your message to Dr Rivera only', { exact: true })
    .fill('Some nights I want to kill myself.');
  await alex.page
    .locator('form', {
      has: alex.page.getByLabel('Your message to Dr Rivera only', { exact: true }),
    })
    .getByRole('button', { name: 'Send' })
    .click();
  await alex.page.getByRole('heading', { name: 'You don’t have to carry this alone' }).waitFor();
  await expectNoAxeViolations(alex.page, 'messages, support offered');

  for (const person of [alex, therapist, sam]) await expectCleanExit(person);
}

describe('messages with a therapist', () => {
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
