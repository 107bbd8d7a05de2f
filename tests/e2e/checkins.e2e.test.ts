import type { Browser, Page } from 'playwright-core';
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
 * The daily check-in in two browsers: Alex writes one and shares it with Sam (on a phone), then
 * edits it and Sam can still read what they saw first. Casey and Robin (on a phone) each choose
 * "share when we both have", and neither sees the other's until both have written and chosen.
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

async function fillCheckin(page: Page, note: string) {
  await page.getByLabel('Hurt', { exact: true }).check();
  await page.getByLabel('Hopeful', { exact: true }).check();
  await page.getByLabel('3 · Strong').check();
  await page.getByRole('radio', { name: '6', exact: true }).check();
  await page.getByLabel('What set things off today?').fill('The song from our first trip');
  await page.getByLabel('What do I need today?').fill('A slow walk after dinner');
  await page.getByLabel('Anything else').fill(note);
}

const sharingPanel = (page: Page) => page.getByRole('region', { name: 'Who sees it' });
const timeline = (page: Page) => page.getByRole('region', { name: 'Earlier check-ins' });

async function openCheckins(page: Page, base: string) {
  await page.goto(`${base}/checkins`);
  await page.getByRole('heading', { level: 1, name: 'Daily check-in' }).waitFor();
  await timeline(page).getByRole('heading', { name: 'Earlier check-ins' }).waitFor();
  await page.getByText('Opening your check-ins…').first().waitFor({ state: 'detached' });
}

async function checkinJourney(base: string) {
  // --- Alex writes and shares one check-in; Sam reads it on a phone ---
  const [alexApi, samApi] = await coupleViaApi(base, ['Alex', 'Sam']);
  const alex = await signedInPerson(browser, base, alexApi);
  const sam = await signedInPerson(browser, base, samApi, { width: 360 });

  await openCheckins(alex.page, base);
  await timeline(alex.page).getByText('Nothing here yet.', { exact: false }).waitFor();
  await expectNoAxeViolations(alex.page, 'check-in, empty');

  await fillCheckin(alex.page, 'Hard morning, softer evening.');
  await alex.page.getByRole('button', { name: 'Save my check-in' }).click();
  await alex.page.getByRole('button', { name: 'Save changes' }).waitFor();
  await sharingPanel(alex.page).getByText('Private: only you can see this.').waitFor();
  // Today's own check-in is the form above, not an earlier one.
  expect(await timeline(alex.page).getByText('Hard morning, softer evening.').count()).toBe(0);
  await expectNoAxeViolations(alex.page, 'check-in, written and private');

  // Before Alex shares, Sam sees nothing of it.
  await openCheckins(sam.page, base);
  await timeline(sam.page).getByText('Nothing here yet.', { exact: false }).waitFor();
  await expectNoAxeViolations(sam.page, 'check-in, partner, nothing shared, phone');

  // Two explicit steps: the button, then the question that names who will read it.
  await sharingPanel(alex.page).getByRole('button', { name: 'Share with Sam…' }).click();
  const dialog = alex.page.getByRole('dialog', { name: 'Share this with Sam?' });
  await dialog.waitFor();
  await expectNoAxeViolations(alex.page, 'check-in, share dialog');
  await dialog.getByRole('button', { name: 'Yes, share it' }).click();
  await sharingPanel(alex.page).getByText('Shared with Sam.').waitFor();
  await expectNoAxeViolations(alex.page, 'check-in, shared');

  await sam.page.reload();
  const alexCard = timeline(sam.page).getByRole('article');
  await alexCard.getByText('Hard morning, softer evening.').waitFor();
  await alexCard.getByText('Shared with you').waitFor();
  expect(await alexCard.getByRole('heading', { level: 3 }).textContent()).toContain('Alex');
  await expectNoAxeViolations(sam.page, 'check-in, partner sees the shared one, phone');

  // Alex edits it after sharing; Sam sees the new words and can still read what they saw.
  await alex.page
    .getByLabel('Anything else')
    .fill('Hard morning; we talked, and the evening was kinder.');
  await alex.page.getByText('Your partner will see your changes', { exact: false }).waitFor();
  await alex.page.getByRole('button', { name: 'Save changes' }).click();

  await sam.page.reload();
  await timeline(sam.page)
    .getByText('we talked, and the evening was kinder', { exact: false })
    .waitFor();
  await timeline(sam.page)
    .getByText(/^Edited on /)
    .waitFor();
  const earlierButton = timeline(sam.page).getByRole('button', {
    name: 'Show what it said before',
  });
  await earlierButton.click();
  await timeline(sam.page)
    .getByRole('heading', { name: /^As it read until / })
    .waitFor();
  await timeline(sam.page).getByText('Hard morning, softer evening.').waitFor();
  const hideButton = timeline(sam.page).getByRole('button', { name: 'Hide what it said before' });
  expect(await hideButton.getAttribute('aria-expanded')).toBe('true');
  await expectNoAxeViolations(sam.page, 'check-in, partner sees the earlier version, phone');

  // --- Casey and Robin choose "share when we both have" ---
  const [caseyApi, robinApi] = await coupleViaApi(base, ['Casey', 'Robin']);
  const casey = await signedInPerson(browser, base, caseyApi);
  const robin = await signedInPerson(browser, base, robinApi, { width: 360, colorScheme: 'dark' });

  await openCheckins(casey.page, base);
  await fillCheckin(casey.page, 'Casey’s words for today.');
  await casey.page.getByRole('button', { name: 'Save my check-in' }).click();
  await sharingPanel(casey.page).getByRole('button', { name: 'Share when we both have…' }).click();
  const bothDialog = casey.page.getByRole('dialog', {
    name: 'Share when you have both checked in?',
  });
  await bothDialog.waitFor();
  await expectNoAxeViolations(casey.page, 'check-in, share-when-both dialog');
  await bothDialog.getByRole('button', { name: 'Yes, share when we both have' }).click();
  await sharingPanel(casey.page)
    .getByText(/^Waiting: this will be shared with Robin/)
    .waitFor();
  await expectNoAxeViolations(casey.page, 'check-in, waiting for both');

  // Robin sees nothing: not the check-in, not that it exists.
  await openCheckins(robin.page, base);
  await timeline(robin.page).getByText('Nothing here yet.', { exact: false }).waitFor();
  expect(await robin.page.getByText('Casey’s words for today.').count()).toBe(0);

  // A save with nothing chosen names what is missing.
  await robin.page.getByRole('button', { name: 'Save my check-in' }).click();
  await robin.page.getByRole('group', { name: 'Please check the following' }).waitFor();
  await expectNoAxeViolations(robin.page, 'check-in, errors, phone, dark');

  await fillCheckin(robin.page, 'Robin’s words for today.');
  await robin.page.getByRole('button', { name: 'Save my check-in' }).click();
  await robin.page.getByRole('button', { name: 'Save changes' }).waitFor();
  // Written, but not yet chosen: still only Robin's own, in the form (not an earlier one).
  await robin.page.reload();
  await robin.page.getByRole('button', { name: 'Save changes' }).waitFor();
  expect(await robin.page.getByText('Casey’s words for today.').count()).toBe(0);
  await casey.page.reload();
  await sharingPanel(casey.page)
    .getByText(/^Waiting: /)
    .waitFor();
  expect(await casey.page.getByText('Robin’s words for today.').count()).toBe(0);

  await sharingPanel(robin.page).getByRole('button', { name: 'Share when we both have…' }).click();
  await robin.page
    .getByRole('dialog', { name: 'Share when you have both checked in?' })
    .getByRole('button', { name: 'Yes, share when we both have' })
    .click();
  await sharingPanel(robin.page).getByText('Shared with Casey.').waitFor();
  await timeline(robin.page).getByText('Casey’s words for today.').waitFor();
  await expectNoAxeViolations(robin.page, 'check-in, both revealed, phone, dark');

  await casey.page.reload();
  await timeline(casey.page).getByText('Robin’s words for today.').waitFor();
  await sharingPanel(casey.page).getByText('Shared with Robin.').waitFor();
  await expectNoAxeViolations(casey.page, 'check-in, both revealed');

  for (const person of [alex, sam, casey, robin]) await expectCleanExit(person);
}

describe('the daily check-in in the browser', () => {
  it('writes, shares, edits and reveals together (embedded database)', async () => {
    await checkinJourney(app.base);
  }, 180_000);

  it('does the same on PostgreSQL', async () => {
    await onPostgres(checkinJourney);
  }, 180_000);
});
