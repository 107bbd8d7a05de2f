import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coupleViaApi, signedInPerson, type ApiPerson } from './couple-setup';
import {
  expectNoAxeViolations,
  launchBrowser,
  onPostgres,
  type RunningApp,
  startApp,
} from './harness';

/**
 * A sealed disclosure in two browsers: Alex (the involved partner) writes a private draft (a
 * save from a second device that started from an older version is shown both) and seals it; Sam, on a phone in dark mode, sees only that something waits, prepares, opens it and
 * writes back under it. Alex sees when it was opened. Axe checks every state.
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

const WORDS = 'There was one more evening, in April, that I have not told you about.';

async function nameInjury(base: string, person: ApiPerson) {
  const response = await fetch(`${base}/api/injuries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, cookie: person.cookie },
    body: JSON.stringify({ kind: 'affair', cameToLight: '2026-01', myRole: 'involved' }),
  });
  if (!response.ok) throw new Error(`naming the injury answered ${response.status}`);
}

async function disclosureJourney(base: string) {
  const [alexApi, samApi] = await coupleViaApi(base);
  await nameInjury(base, alexApi);
  const alex = await signedInPerson(browser, base, alexApi);
  const sam = await signedInPerson(browser, base, samApi, { width: 360, colorScheme: 'dark' });

  // Alex writes a private draft.
  await alex.page.goto(`${base}/disclosures`);
  await alex.page
    .getByRole('heading', { level: 1, name: 'Things that still need telling' })
    .waitFor();
  await expectNoAxeViolations(alex.page, 'disclosures, nothing written');
  await alex.page.getByRole('button', { name: 'Start writing' }).click();
  await alex.page.getByLabel('What I need to tell you').waitFor();

  // The same draft is open on Alex's phone too; the desktop saves first.
  const alexPhone = await signedInPerson(browser, base, alexApi, { width: 360 });
  await alexPhone.page.goto(`${base}/disclosures`);
  await alexPhone.page.getByLabel('What I need to tell you').waitFor();
  await alex.page.getByLabel('What I need to tell you').fill(WORDS);
  await alex.page.getByRole('button', { name: 'Save draft' }).click();
  await alex.page.getByText(/Only you can see this draft\./).waitFor();
  await expectNoAxeViolations(alex.page, 'a private draft');

  // The phone's save started from the empty draft: it is shown both, and takes the saved words.
  await alexPhone.page.getByLabel('What I need to tell you').fill('Words from the phone.');
  await alexPhone.page.getByRole('button', { name: 'Save draft' }).click();
  await alexPhone.page.getByText(/saved in another window while you were writing/).waitFor();
  await alexPhone.page.getByText(WORDS).waitFor();
  await expectNoAxeViolations(alexPhone.page, 'draft saved elsewhere, phone');
  await alexPhone.page.getByRole('button', { name: 'Use the saved version' }).click();
  expect(await alexPhone.page.getByLabel('What I need to tell you').inputValue()).toBe(WORDS);
  expect(alexPhone.consoleErrors.filter((line) => !/status of 412/.test(line))).toEqual([]);
  await alexPhone.context.close();

  // Sam sees no trace of it.
  await sam.page.goto(`${base}/disclosures`);
  await sam.page.getByRole('heading', { name: 'Nothing here for you' }).waitFor();
  expect(await sam.page.getByText('April').count()).toBe(0);

  // Alex seals it, in two steps.
  await alex.page.getByRole('button', { name: 'Seal it for my partner…' }).click();
  const dialog = alex.page.getByRole('dialog');
  await dialog.getByText('Seal this for Sam?').waitFor();
  await expectNoAxeViolations(alex.page, 'seal question');
  await dialog.getByRole('button', { name: 'Seal it' }).click();
  const sealed = alex.page.getByRole('region', { name: 'What you have sealed' });
  await sealed.getByText('Sam has not opened it yet.').waitFor();
  await sealed.getByText(WORDS).waitFor();
  expect(await alex.page.getByLabel('What I need to tell you').count()).toBe(0);
  await expectNoAxeViolations(alex.page, 'sealed, not opened');

  // Sam, on a phone: something waits, without a word of it.
  await sam.page.reload();
  const waiting = sam.page.getByRole('region', { name: 'Waiting for you' });
  await waiting.getByText(/From Alex, sealed on/).waitFor();
  expect(await sam.page.getByText('April').count()).toBe(0);
  await expectNoAxeViolations(sam.page, 'a disclosure waiting, phone, dark');

  // Sam prepares, then opens it.
  await waiting.getByRole('button', { name: 'Open it when I am ready…' }).click();
  await waiting.getByRole('heading', { name: 'Before you open it' }).waitFor();
  await expectNoAxeViolations(sam.page, 'before opening, phone, dark');
  await waiting.getByRole('button', { name: 'I am ready: open it' }).click();
  await waiting.getByText(WORDS).waitFor();
  await waiting.getByText(/Opened on/).waitFor();

  // Sam writes back under it.
  const comments = waiting.getByRole('region', { name: 'Comments' });
  await comments.getByLabel('Add a comment').fill('Thank you for telling me. Give me a day.');
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await comments.getByText('Thank you for telling me. Give me a day.').waitFor();
  await expectNoAxeViolations(sam.page, 'opened, with a comment, phone, dark');
  const width = await sam.page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);

  // Alex sees when it was opened, and Sam's words under it.
  await alex.page.reload();
  await sealed.getByText(/Opened on/).waitFor();
  await sealed.getByText('Thank you for telling me. Give me a day.').waitFor();
  await expectNoAxeViolations(alex.page, 'sealed and opened');

  for (const person of [alex, sam]) {
    expect(person.foreign).toEqual([]);
    const stored = await person.page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(stored).toBe(0);
    expect(person.consoleErrors).toEqual([]);
  }
  await alex.context.close();
  await sam.context.close();
}

describe('sealed disclosures, in two browsers', () => {
  it('written, sealed, and opened by the partner (embedded database)', async () => {
    await disclosureJourney(app.base);
  });

  it('does the same on PostgreSQL', async () => {
    await onPostgres(disclosureJourney);
  });
});
