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
 * Alex (at a desk) and Sam (on a phone in dark mode) have both chosen to go on to phase 2. Alex
 * adds a contributing factor and shares it; Sam reads it. Alex writes an account of what it was
 * about and shares it; Sam reads it. Both write their shared story at once: Sam's save comes
 * second, so Sam sees Alex's words beside their own in the conflict panel, brings them together
 * and saves. Alex reads both parts and compares the versions. Axe checks every state.
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

const FACTOR = 'We had stopped making any time for each other';
const ACCOUNT = 'I was looking for someone who saw me as capable, and I chose to lie about it.';
const STORY = 'We drifted apart over two busy years, and then Alex chose to have an affair.';
const APART = 'We still see differently when the distance began.';

async function readyForPhaseTwo(base: string, person: ApiPerson) {
  const response = await fetch(`${base}/api/program/pace/ready`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, cookie: person.cookie },
    body: JSON.stringify({ phase: 2 }),
  });
  expect(response.status).toBe(200);
}

async function meaningJourney(base: string) {
  const [alexApi, samApi] = await coupleViaApi(base);
  await readyForPhaseTwo(base, alexApi);
  await readyForPhaseTwo(base, samApi);
  const alex = await signedInPerson(browser, base, alexApi);
  const sam = await signedInPerson(browser, base, samApi, { width: 360, colorScheme: 'dark' });

  // The page opens with its kind reminder.
  await alex.page.goto(`${base}/meaning`);
  await alex.page.getByRole('heading', { name: 'Context, never an excuse' }).waitFor();
  const factors = alex.page.getByRole('region', { name: 'What was around it' });
  await factors.getByText('Nothing here yet.').waitFor();
  await expectNoAxeViolations(alex.page, 'meaning page, nothing written');

  // An empty entry is refused with a named problem.
  await factors.getByRole('button', { name: 'Add to my list' }).click();
  await alex.page.getByRole('heading', { name: 'Please check the following' }).waitFor();
  await expectNoAxeViolations(alex.page, 'factor form with an error');

  // Alex adds an entry: private until shared.
  await factors.getByLabel('Where does it belong?').selectOption('relationship');
  await factors.getByLabel('What was it?').fill(FACTOR);
  await factors.getByRole('button', { name: 'Add to my list' }).click();
  await alex.page.getByText('Added to your list. Only you can see it for now.').waitFor();
  await factors.getByText(FACTOR).waitFor();

  await sam.page.goto(`${base}/meaning`);
  await sam.page.getByRole('heading', { name: 'Context, never an excuse' }).waitFor();
  const samFactors = sam.page.getByRole('region', { name: 'What was around it' });
  await samFactors.getByText('Nothing shared with you yet.').waitFor();
  expect(await sam.page.getByText(FACTOR).count()).toBe(0);

  // Alex shares it in two steps; Sam reads it.
  await factors.getByRole('button', { name: 'Share with Sam…' }).click();
  await alex.page.getByRole('dialog').getByText('Share this with Sam?').waitFor();
  await expectNoAxeViolations(alex.page, 'share question');
  await alex.page.getByRole('button', { name: 'Yes, share it' }).click();
  await factors.getByText('Shared with Sam.').waitFor();
  await sam.page.reload();
  await samFactors.getByText(FACTOR).waitFor();
  await expectNoAxeViolations(sam.page, 'partner’s shared factor, phone, dark');

  // Alex writes an account privately, then shares it.
  const story = alex.page.getByRole('region', { name: 'What it was about' });
  await story.getByLabel('My account').fill(ACCOUNT);
  await story.getByRole('button', { name: 'Save my draft' }).click();
  await alex.page.getByText('Your draft is saved. Only you can see it.').waitFor();
  await sam.page.reload();
  const samStory = sam.page.getByRole('region', { name: 'What it was about' });
  await samStory.getByText('Alex has not shared an account yet.').waitFor();
  await story.getByRole('button', { name: 'Share with Sam…' }).click();
  await alex.page.getByRole('button', { name: 'Yes, share it' }).click();
  await story.getByText(/Shared with Sam\. New changes stay private/).waitFor();
  await expectNoAxeViolations(alex.page, 'account shared');
  await sam.page.reload();
  await samStory.getByText(ACCOUNT).waitFor();
  await expectNoAxeViolations(sam.page, 'partner’s account, phone, dark');

  // Both open the shared story at the same time.
  const together = alex.page.getByRole('region', { name: 'Our story, written together' });
  const samTogether = sam.page.getByRole('region', { name: 'Our story, written together' });
  await together.getByRole('button', { name: 'Start writing' }).click();
  await samTogether.getByRole('button', { name: 'Start writing' }).click();
  await expectNoAxeViolations(sam.page, 'shared story editor, phone, dark');

  // Alex saves first.
  await together.getByLabel('What happened, and what it means to us').fill(STORY);
  await together.getByRole('button', { name: 'Save as a new version' }).click();
  await alex.page.getByText('Saved as a new version. Your partner can read it now.').waitFor();
  await together.getByText(/Last changed by you/).waitFor();

  // Sam's save started from nothing: both texts are shown, and Sam's words stay in the form.
  await samTogether.getByLabel('Where we still see things differently').fill(APART);
  await samTogether.getByRole('button', { name: 'Save as a new version' }).click();
  await sam.page
    .getByRole('heading', { name: 'Alex saved a change while you were writing' })
    .waitFor();
  expect(await samTogether.getByLabel('Where we still see things differently').inputValue()).toBe(
    APART,
  );
  await samTogether.getByText(STORY).first().waitFor();
  await expectNoAxeViolations(sam.page, 'shared story conflict, phone, dark');

  // Sam takes Alex's words for the first part, keeps their own for the second, and saves.
  await sam.page
    .getByRole('button', {
      name: 'Use these saved words for “What happened, and what it means to us”',
    })
    .click();
  expect(await samTogether.getByLabel('What happened, and what it means to us').inputValue()).toBe(
    STORY,
  );
  await samTogether.getByRole('button', { name: 'Save as a new version' }).click();
  await samTogether.getByText(/Last changed by you/).waitFor();

  // Alex reads both parts and compares the two versions word by word.
  await alex.page.reload();
  await together.getByText(/Last changed by Sam/).waitFor();
  await together.getByText(STORY).waitFor();
  await together.getByText(APART).waitFor();
  await together.getByText('Every version').click();
  await together.getByText(/Version 2, by Sam/).waitFor();
  await together.getByText(/Version 1, by you/).waitFor();
  await together.getByRole('button', { name: 'Show the changes' }).click();
  await together.getByText('From version 1 to version 2').waitFor();
  expect(await together.locator('ins', { hasText: 'distance began' }).count()).toBeGreaterThan(0);
  await expectNoAxeViolations(alex.page, 'shared story with versions compared');

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

describe('meaning: the factors map, the account and our shared story, in two browsers', () => {
  it('share factors and an account, and write the story together (embedded database)', async () => {
    await meaningJourney(app.base);
  });

  it('does the same on PostgreSQL', async () => {
    await onPostgres(meaningJourney);
  });
});
