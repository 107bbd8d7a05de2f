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
 * Alex and Sam, in two browsers (Sam on a phone in dark mode), once their pace reaches phase 3:
 * Alex suggests a goal and Sam takes it on; both change it at once and Sam, second, merges in the
 * conflict panel; a step is added and marked reached. Alex adds a hard date and each writes their
 * own part, which the other reads. Each fills in the progress review privately; Sam sees nothing
 * of Alex's until both have finished, and then both read both. Axe checks every state.
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

const GOAL = 'A weekend away, just the two of us';
const ALEX_PART = 'I will take the day off, and we walk by the river.';
const SAM_PART = 'I will check in at lunch, without being asked.';
const ALEX_GROWN = 'We talk in the evenings again.';
const SAM_GROWN = 'I believe your word more often.';

async function ready(base: string, person: ApiPerson, phase: number) {
  const response = await fetch(`${base}/api/program/pace/ready`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, cookie: person.cookie },
    body: JSON.stringify({ phase }),
  });
  expect(response.status).toBe(200);
}

async function goalsJourney(base: string) {
  const [alexApi, samApi] = await coupleViaApi(base);
  const alex = await signedInPerson(browser, base, alexApi);
  const sam = await signedInPerson(browser, base, samApi, { width: 360, colorScheme: 'dark' });

  // Before phase 3 the page says so, gently, and offers no forms.
  await alex.page.goto(`${base}/goals`);
  await alex.page.getByText(/These exercises belong to the third phase/).waitFor();
  expect(await alex.page.getByRole('button', { name: 'Suggest this goal' }).count()).toBe(0);
  await expectNoAxeViolations(alex.page, 'goals before phase 3');
  for (const phase of [2, 3]) {
    await ready(base, alexApi, phase);
    await ready(base, samApi, phase);
  }

  // Alex suggests a goal; an empty title is named first.
  await alex.page.reload();
  await alex.page.getByRole('heading', { name: 'Suggest a goal' }).waitFor();
  await alex.page.getByRole('button', { name: 'Suggest this goal' }).click();
  await alex.page.getByRole('link', { name: 'Please give the goal a few words.' }).waitFor();
  await expectNoAxeViolations(alex.page, 'goal form with an error');
  await alex.page.locator('#new-goal-title').fill(GOAL);
  await alex.page.locator('#new-goal-why').fill('To remember that we enjoy each other.');
  await alex.page.getByRole('button', { name: 'Suggest this goal' }).click();
  const alexGoal = alex.page.locator('li', { has: alex.page.getByRole('heading', { name: GOAL }) });
  await alexGoal.getByText('You suggested this.').waitFor();
  await expectNoAxeViolations(alex.page, 'one goal suggested');

  // Sam takes it on.
  await sam.page.goto(`${base}/goals`);
  const samGoal = sam.page.locator('li', { has: sam.page.getByRole('heading', { name: GOAL }) });
  await samGoal.getByText('Alex suggested this.').waitFor();
  await samGoal.getByRole('button', { name: 'Yes, let’s work on this together' }).click();
  await samGoal.getByText('You are both working on it.').waitFor();

  // Both open the goal to change it; Alex saves first, so Sam meets Alex's version.
  await alex.page.reload();
  await alexGoal.getByRole('button', { name: 'Change this goal' }).click();
  await samGoal.getByRole('button', { name: 'Change this goal' }).click();
  await alexGoal.getByLabel('Why it matters to us (optional)').fill('To rest, and to laugh.');
  await alexGoal.getByRole('button', { name: 'Save the goal' }).click();
  await alexGoal.getByRole('button', { name: 'Change this goal' }).waitFor();
  await samGoal.getByLabel('Why it matters to us (optional)').fill('To be close without hurry.');
  await samGoal.getByRole('button', { name: 'Save the goal' }).click();
  const conflict = sam.page.getByRole('region', {
    name: 'Alex saved a newer version while you were writing',
  });
  await conflict.getByText('To rest, and to laugh.').waitFor();
  await expectNoAxeViolations(sam.page, 'goal conflict, phone, dark');
  // Sam keeps both sets of words in one, and saves over the newer version on purpose.
  await samGoal
    .getByLabel('Why it matters to us (optional)')
    .fill('To rest, to laugh, and to be close without hurry.');
  await samGoal.getByRole('button', { name: 'Save my version' }).click();
  await samGoal.getByText('To rest, to laugh, and to be close without hurry.').waitFor();

  // A step, marked reached by Sam.
  await samGoal.getByRole('button', { name: 'Add a step' }).click();
  await samGoal.getByLabel('The step, in a few words').fill('Choose a place together');
  await samGoal.getByRole('button', { name: 'Add the step' }).click();
  await samGoal.getByRole('button', { name: 'Mark “Choose a place together” as reached' }).click();
  await samGoal.getByText(/You marked this on/).waitFor();
  await alex.page.reload();
  await alexGoal.getByText(/Sam marked this on/).waitFor();
  await alexGoal.getByText('1 of 1 steps reached so far.').waitFor();
  await expectNoAxeViolations(alex.page, 'a step reached');

  // Alex adds a hard date; each writes their part, and reads the other's.
  await alex.page.getByLabel('What the date is').fill('The day it came to light');
  await alex.page.getByLabel('The date', { exact: true }).fill('2025-03-14');
  await alex.page.getByRole('button', { name: 'Add the date' }).click();
  const alexDate = alex.page.locator('li', {
    has: alex.page.getByRole('heading', { name: 'The day it came to light' }),
  });
  await alexDate.getByText(/Comes back every year on/).waitFor();
  await alexDate.getByRole('button', { name: 'Write my part' }).click();
  await alexDate.getByLabel('What I will do on this day').fill(ALEX_PART);
  await alexDate.getByRole('button', { name: 'Save my part' }).click();
  await alexDate.getByText(ALEX_PART).waitFor();
  await expectNoAxeViolations(alex.page, 'a hard date with one part');

  await sam.page.reload();
  const samDate = sam.page.locator('li', {
    has: sam.page.getByRole('heading', { name: 'The day it came to light' }),
  });
  await samDate.getByText(ALEX_PART).waitFor();
  await samDate.getByRole('button', { name: 'Write my part' }).click();
  await samDate.getByLabel('What I will do on this day').fill(SAM_PART);
  await samDate.getByRole('button', { name: 'Save my part' }).click();
  await samDate.getByText(SAM_PART).waitFor();
  await alex.page.reload();
  await alexDate.getByRole('region', { name: 'What Sam will do' }).getByText(SAM_PART).waitFor();

  // The progress review: Alex answers and finishes; Sam sees nothing of it.
  const alexReview = alex.page.getByRole('region', { name: 'Looking back together' });
  await alexReview.getByLabel('What has grown between us?').fill(ALEX_GROWN);
  await alexReview.getByRole('button', { name: 'Save and finish' }).click();
  await alexReview.getByText(/You have finished. Your answers wait here/).waitFor();
  await expectNoAxeViolations(alex.page, 'review finished, waiting');

  await sam.page.reload();
  const samReview = sam.page.getByRole('region', { name: 'Looking back together' });
  await samReview.getByLabel('What has grown between us?').waitFor();
  expect(await sam.page.getByText(ALEX_GROWN).count()).toBe(0);
  expect(await samReview.getByText(/You have finished/).count()).toBe(0);
  await samReview.getByLabel('What has grown between us?').fill(SAM_GROWN);
  await samReview.getByLabel('What still hurts?').fill('Some songs, still.');
  await samReview.getByRole('button', { name: 'Save and finish' }).click();
  await samReview.getByRole('heading', { name: 'Read together' }).waitFor();
  await samReview.getByText(ALEX_GROWN).waitFor();
  await samReview.getByText(SAM_GROWN).waitFor();
  await expectNoAxeViolations(sam.page, 'review read together, phone, dark');

  await alex.page.reload();
  await alexReview.getByRole('heading', { name: 'Read together' }).waitFor();
  await alexReview.getByText(SAM_GROWN).waitFor();
  await alexReview.getByText('Some songs, still.').waitFor();
  await expectNoAxeViolations(alex.page, 'review read together');

  for (const person of [alex, sam]) {
    expect(person.foreign).toEqual([]);
    const stored = await person.page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(stored).toBe(0);
  }
  expect(alex.consoleErrors).toEqual([]);
  // Sam's browser logs the one expected 412 (the stale save of the goal); nothing else.
  expect(sam.consoleErrors.filter((line) => !/status of 412/.test(line))).toEqual([]);
  await alex.context.close();
  await sam.context.close();
}

describe('goals: goals, hard dates and the progress review, in two browsers', () => {
  it('plan a goal and a hard date, and read the review together (embedded database)', async () => {
    await goalsJourney(app.base);
  });

  it('does the same on PostgreSQL', async () => {
    await onPostgres(goalsJourney);
  });
});
