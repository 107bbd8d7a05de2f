import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coupleViaApi, signedInPerson } from './couple-setup';
import {
  expectNoAxeViolations,
  launchBrowser,
  onPostgres,
  type RunningApp,
  startApp,
} from './harness';

/**
 * The weekly trust and safety check-in, in two browsers: Alex fills it in, reads the week in
 * words and the table, answers a safety question and sees the support panel, and shares one;
 * Sam, on a phone, sees only the shared one.
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

const CALM_WEEK: [RegExp, string][] = [
  [/felt honest/, 'Mostly true'],
  [/did what they said/, 'Mostly true'],
  [/checking up on my partner/, 'A little true'],
  [/some hope/, 'Mostly true'],
  [/how I really felt/, 'Mostly true'],
  [/stayed respectful/, 'Mostly true'],
  [/pressured or controlled/, 'Not true'],
  [/afraid of my partner/, 'Not true'],
];

async function answer(page: Page, answers: [RegExp, string][]) {
  for (const [question, label] of answers) {
    await page.getByRole('group', { name: question }).getByLabel(label, { exact: true }).check();
  }
}

async function measuresJourney(base: string) {
  const [alexAccount, samAccount] = await coupleViaApi(base, ['Alex', 'Sam']);
  const alex = await signedInPerson(browser, base, alexAccount);
  const sam = await signedInPerson(browser, base, samAccount, { width: 360 });

  // Alex finds the weekly check-ins, both ready.
  await alex.page.goto(`${base}/measures`);
  await alex.page.getByRole('heading', { name: 'Weekly check-ins', level: 1 }).waitFor();
  await alex.page.getByText('Ready whenever you are.').first().waitFor();
  expect(await alex.page.getByText('Ready whenever you are.').count()).toBe(2);
  await expectNoAxeViolations(alex.page, 'measures overview');

  await alex.page.getByRole('link', { name: 'Trust and safety' }).click();
  await alex.page.waitForURL('**/measures/trust-and-safety');
  await alex.page.getByRole('group', { name: /felt honest/ }).waitFor();
  await expectNoAxeViolations(alex.page, 'trust and safety form');

  // Saving nothing is explained, not refused silently.
  await alex.page.getByRole('button', { name: 'Save my answers' }).click();
  await alex.page.getByRole('link', { name: /Please answer at least one question/ }).waitFor();
  await expectNoAxeViolations(alex.page, 'form with nothing answered');

  // An answer can be taken back: the question is left unanswered again.
  const honest = alex.page.getByRole('group', { name: /felt honest/ });
  await honest.getByLabel('Completely true', { exact: true }).check();
  await honest.getByRole('button', { name: 'Leave question 1 unanswered' }).click();
  expect(await honest.getByRole('radio', { checked: true }).count()).toBe(0);

  // A calm week, by keyboard as well as by click: arrows move within a question.
  await answer(alex.page, CALM_WEEK);
  await honest.getByLabel('Mostly true', { exact: true }).focus();
  await alex.page.keyboard.press('ArrowLeft');
  expect(await honest.getByLabel('Partly true', { exact: true }).isChecked()).toBe(true);
  await alex.page.keyboard.press('ArrowRight');
  expect(await honest.getByLabel('Mostly true', { exact: true }).isChecked()).toBe(true);

  await alex.page.getByRole('button', { name: 'Save my answers' }).click();
  await alex.page.getByRole('heading', { name: 'Saved. Here is your week in words' }).waitFor();
  await alex.page.getByText('A steadier week', { exact: true }).first().waitFor();
  expect(
    await alex.page.getByRole('heading', { name: 'Support is here if you need it' }).count(),
  ).toBe(0);
  const myTable = alex.page.getByRole('table', { name: /Your Trust and safety check-ins/ });
  await expect.poll(() => myTable.getByRole('row').count()).toBe(2);
  await expectNoAxeViolations(alex.page, 'result in words with the table');

  // A week where Alex felt afraid: it saves, and support is offered, calmly.
  await alex.page.getByRole('button', { name: 'Answer again' }).click();
  await answer(alex.page, [...CALM_WEEK.slice(0, 7), [/afraid of my partner/, 'A little true']]);
  await alex.page.getByRole('button', { name: 'Save my answers' }).click();
  const support = alex.page.getByRole('region', { name: 'Support is here if you need it' });
  await support.waitFor();
  await support
    .getByText(/call your local emergency number/)
    .first()
    .waitFor();
  // The services for Alex's region (the browser says en-US) are listed in the panel.
  await support.getByRole('heading', { name: '988 Suicide & Crisis Lifeline' }).waitFor();
  await support.getByText(/doctor, a crisis line or a therapist/).waitFor();
  await expect.poll(() => myTable.getByRole('row').count()).toBe(3);
  await expectNoAxeViolations(alex.page, 'result with the support panel');

  // Alex shares this one with Sam, in two steps.
  const result = alex.page.getByRole('region', { name: 'Saved. Here is your week in words' });
  await result.getByRole('button', { name: 'Share with Sam…' }).click();
  await alex.page.getByRole('dialog', { name: 'Share this with Sam?' }).waitFor();
  await expectNoAxeViolations(alex.page, 'share question');
  await alex.page.getByRole('button', { name: 'Yes, share it' }).click();
  await result.getByText('Shared with Sam.').waitFor();
  await expect.poll(() => myTable.getByText('Shared with Sam.').count()).toBe(1);
  await expectNoAxeViolations(alex.page, 'after sharing');

  // Sam, on a phone, sees the one Alex shared and nothing else of Alex's.
  await sam.page.goto(`${base}/measures`);
  await sam.page.getByRole('link', { name: 'Trust and safety' }).click();
  await sam.page.getByRole('heading', { name: 'What Alex has shared' }).waitFor();
  const shared = sam.page.getByRole('table', { name: /Alex shared with you/ });
  await expect.poll(() => shared.getByRole('row').count()).toBe(2);
  await shared.getByText('A steadier week').waitFor();
  await sam.page.getByText('Nothing here yet.', { exact: false }).waitFor();
  await expectNoAxeViolations(sam.page, 'partner view, phone');

  // Alex makes it private again; Sam's next look shows nothing.
  await result.getByRole('button', { name: 'Make private again' }).click();
  await result.getByText('Private: only you can see this.').waitFor();
  await sam.page.reload();
  await sam.page.getByText(/Nothing shared yet/).waitFor();
  await expectNoAxeViolations(sam.page, 'partner view after unsharing, phone');

  for (const person of [alex, sam]) {
    expect(person.foreign).toEqual([]);
    expect(person.consoleErrors).toEqual([]);
    const stored = await person.page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(stored).toBe(0);
  }
  await alex.context.close();
  await sam.context.close();
}

describe('weekly check-ins in two browsers', () => {
  it('fill, read in words, get support, share, and the partner sees only the shared one (embedded database)', async () => {
    await measuresJourney(app.base);
  }, 120_000);

  it('does the same on PostgreSQL', async () => {
    await onPostgres(measuresJourney);
  }, 120_000);
});
