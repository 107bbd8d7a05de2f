import type { Browser } from 'playwright-core';
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
 * Alex drafts a ground rule; Sam, on a phone in dark mode, accepts it, then Alex does: it holds.
 * Both propose a change at once: Sam's save comes second, so Sam sees Alex's words beside their
 * own in the conflict panel, takes Alex's for one part and saves. Alex compares the versions word
 * by word, both accept the newest, Alex sets the review date to today, both confirm it still works
 * for them, and Sam withdraws: Alex sees it. Axe checks every state.
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

const BODY = 'Either of us may call a time-out. We come back within an hour and say so.';
const ALEX_CHANGE =
  'Either of us may call a time-out. We come back within thirty minutes and say so.';
const SAM_TITLE = 'Time-outs, kindly';

function inDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

async function agreementsJourney(base: string) {
  const [alexApi, samApi] = await coupleViaApi(base);
  const alex = await signedInPerson(browser, base, alexApi);
  const sam = await signedInPerson(browser, base, samApi, { width: 360, colorScheme: 'dark' });

  await alex.page.goto(`${base}/agreements`);
  await alex.page.getByRole('heading', { name: 'Start an agreement' }).waitFor();
  await alex.page.getByText('No agreements yet.').waitFor();
  // Walls and windows waits for Meaning.
  expect(await alex.page.getByLabel('Walls and windows').isDisabled()).toBe(true);
  await expectNoAxeViolations(alex.page, 'agreements, none yet');

  // An empty draft is refused with the problem named.
  await alex.page.getByRole('button', { name: 'Save the draft' }).click();
  await alex.page.getByRole('link', { name: 'Please give the agreement a short name.' }).waitFor();
  await expectNoAxeViolations(alex.page, 'draft with a problem');

  await alex.page.getByLabel('Ground rules').check();
  await alex.page.getByLabel('A short name').fill('Time-outs');
  await alex.page.getByLabel('The agreement, in your own words').fill(BODY);
  await alex.page.getByRole('button', { name: 'Save the draft' }).click();
  const alexCard = alex.page.getByRole('region', { name: 'Time-outs' });
  await alexCard.getByText('Neither of you has accepted this version yet.').waitFor();
  await alexCard.getByText(BODY).waitFor();
  await expectNoAxeViolations(alex.page, 'one draft');

  // Sam accepts version 1 on the phone.
  await sam.page.goto(`${base}/agreements`);
  const samCard = sam.page.getByRole('region', { name: 'Time-outs' });
  await samCard.getByText(/Last changed by Alex on/).waitFor();
  await samCard.getByRole('button', { name: 'I accept version 1' }).click();
  await samCard.getByText('You accept this version. Alex has not accepted it yet.').waitFor();
  await expectNoAxeViolations(sam.page, 'accepted by me, phone, dark');

  // Alex accepts too: it holds.
  await alex.page.reload();
  await alexCard.getByText('Sam accepts this version. You have not accepted it yet.').waitFor();
  await alexCard.getByRole('button', { name: 'I accept version 1' }).click();
  await alexCard.getByText('You both accept this version. It holds.').waitFor();
  await expectNoAxeViolations(alex.page, 'agreement holds');

  // Both propose a change at the same time.
  await sam.page.reload();
  await alexCard.getByRole('button', { name: 'Propose a change' }).click();
  await samCard.getByRole('button', { name: 'Propose a change' }).click();
  await alexCard.getByLabel('The agreement, in your own words').fill(ALEX_CHANGE);
  await alexCard.getByRole('button', { name: 'Save the change' }).click();
  await alexCard.getByText(ALEX_CHANGE).waitFor();
  await alexCard.getByText('Neither of you has accepted this version yet.').waitFor();

  await samCard.getByLabel('A short name').fill(SAM_TITLE);
  await samCard.getByRole('button', { name: 'Save the change' }).click();
  const conflict = sam.page.getByRole('region', {
    name: 'Alex changed this agreement while you were writing',
  });
  await conflict.getByText(ALEX_CHANGE).waitFor();
  expect(await samCard.getByLabel('A short name').inputValue()).toBe(SAM_TITLE);
  await expectNoAxeViolations(sam.page, 'agreement conflict, phone, dark');
  await sam.page.getByRole('button', { name: 'Use these saved words for “Agreement”' }).click();
  expect(await samCard.getByLabel('The agreement, in your own words').inputValue()).toBe(
    ALEX_CHANGE,
  );
  await samCard.getByRole('button', { name: 'Save the change' }).click();
  const samMerged = sam.page.getByRole('region', { name: SAM_TITLE });
  await samMerged.getByText(/Version 3/).waitFor();
  await samMerged.getByText(ALEX_CHANGE).waitFor();

  // Alex compares version 1 with version 3, word by word.
  await alex.page.reload();
  const merged = alex.page.getByRole('region', { name: SAM_TITLE });
  await merged.getByText(/Last changed by Sam on/).waitFor();
  await merged.getByText('Every version').click();
  await merged.getByText(/Version 3, by Sam on/).waitFor();
  await merged.getByText(/Version 2, by you on/).waitFor();
  await merged.getByLabel('From version').selectOption('1');
  await merged.getByRole('button', { name: 'Compare' }).click();
  await merged.getByText('What changed from version 1 to version 3').waitFor();
  expect(await merged.locator('ins', { hasText: 'thirty' }).count()).toBeGreaterThan(0);
  expect(await merged.locator('del', { hasText: 'hour' }).count()).toBeGreaterThan(0);
  await expectNoAxeViolations(alex.page, 'versions compared');

  // Both accept the newest version; Alex sets a review date.
  await merged.getByRole('button', { name: 'I accept version 3' }).click();
  await merged.getByText('You accept this version. Sam has not accepted it yet.').waitFor();
  await sam.page.reload();
  await samMerged.getByRole('button', { name: 'I accept version 3' }).click();
  await samMerged.getByText('You both accept this version. It holds.').waitFor();
  // The review day is today: it comes back to both, and still holds while they look again.
  await merged.getByLabel('Look at it again on').fill(inDays(0));
  await merged.getByRole('button', { name: 'Set the review date' }).click();
  await merged.getByText(/You will both be asked to look at it again on/).waitFor();
  await merged.getByText(/You set the review date to/).waitFor();
  const due = /It is time to look at this agreement again/;
  await merged.getByText(due).waitFor();
  await expectNoAxeViolations(alex.page, 'review due');
  await merged.getByRole('button', { name: 'It still works for me' }).click();
  await merged.getByText('You have confirmed it.').waitFor();

  await sam.page.reload();
  await samMerged.getByText(/Alex set the review date to/).waitFor();
  await samMerged.getByText('Alex has confirmed it.').waitFor();
  await expectNoAxeViolations(sam.page, 'review due, confirmed by Alex, phone, dark');
  await samMerged.getByRole('button', { name: 'It still works for me' }).click();
  await samMerged.getByText(due).waitFor({ state: 'detached' });
  await samMerged.getByText('You both accept this version. It holds.').waitFor();

  // Sam withdraws; Alex sees that Sam stepped back.
  await samMerged.getByRole('button', { name: 'Withdraw my acceptance' }).click();
  await samMerged.getByText('Alex accepts this version. You have not accepted it yet.').waitFor();
  // Read from the top, as Sam comes back to it (the click left the page scrolled so far down that
  // the sticky safety bar lay over a button, which axe counts as a small target).
  await sam.page.reload();
  await samMerged.getByText(/You withdrew acceptance of version 3 on/).waitFor();
  await expectNoAxeViolations(sam.page, 'acceptance withdrawn, phone, dark');
  await alex.page.reload();
  await merged.getByText(/Sam withdrew acceptance of version 3 on/).waitFor();
  await merged.getByText('You accept this version. Sam has not accepted it yet.').waitFor();

  for (const person of [alex, sam]) {
    expect(person.foreign).toEqual([]);
    const stored = await person.page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(stored).toBe(0);
  }
  expect(alex.consoleErrors).toEqual([]);
  // Sam's browser logs the one expected 412 (the stale save); nothing else.
  expect(sam.consoleErrors.filter((line) => !/status of 412/.test(line))).toEqual([]);
  await alex.context.close();
  await sam.context.close();
}

describe('agreements: draft, accept, change together, compare, review, withdraw', () => {
  it('in two browsers (embedded database)', async () => {
    await agreementsJourney(app.base);
  });

  it('does the same on PostgreSQL', async () => {
    await onPostgres(agreementsJourney);
  });
});
