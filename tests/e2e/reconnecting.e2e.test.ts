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
 * Alex (desktop) and Sam (a phone at 360 px, dark) in phase 3. Alex suggests a ritual from one of
 * the starting ideas and Sam says yes. Both plan the same date at once: Sam's save comes second,
 * sees Alex's plan beside their own words, takes Alex's day and saves. Sam writes how it went,
 * privately, then shares it. Alex sends an appreciation, which Sam reads. They agree on a pace;
 * Sam pauses it with one press, and Alex sees only that it is paused. Axe checks every state.
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

const DATE_IDEA = 'Breakfast at the harbour café';
const ALEX_PLAN = 'The window table, early, before it gets busy';
const SAM_PLAN = 'We walk there along the sea';
const SAM_NOTE = 'I was nervous at first, then it felt like us again';
const THANKS = 'Thank you for listening to me last night without rushing';

async function ready(base: string, person: ApiPerson, phase: number): Promise<void> {
  const response = await fetch(`${base}/api/program/pace/ready`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, cookie: person.cookie },
    body: JSON.stringify({ phase }),
  });
  expect(response.status).toBe(200);
}

async function reconnectingJourney(base: string) {
  const [alexApi, samApi] = await coupleViaApi(base);
  for (const phase of [2, 3]) {
    await ready(base, alexApi, phase);
    await ready(base, samApi, phase);
  }
  const alex = await signedInPerson(browser, base, alexApi);
  const sam = await signedInPerson(browser, base, samApi, { width: 360, colorScheme: 'dark' });

  await alex.page.goto(`${base}/reconnecting`);
  await alex.page.getByRole('heading', { name: 'Rituals of connection' }).waitFor();
  await alex.page.getByText('No rituals yet.').waitFor();
  await expectNoAxeViolations(alex.page, 'reconnecting, nothing yet');

  // A ritual, from one of the starting ideas: suggested by Alex, agreed by Sam.
  const alexRituals = alex.page.getByRole('region', { name: 'Rituals of connection' });
  await alexRituals.getByRole('button', { name: 'Suggest this ritual' }).click();
  await alex.page.getByRole('link', { name: 'Please give the ritual a short name.' }).waitFor();
  await expectNoAxeViolations(alex.page, 'ritual form with errors');
  await alexRituals.getByRole('button', { name: 'A walk together' }).click();
  expect(await alex.page.getByLabel('What would you like to do?').inputValue()).toBe(
    'A walk together',
  );
  await alexRituals.getByLabel('Once a week').check();
  await alexRituals.getByRole('button', { name: 'Suggest this ritual' }).click();
  await alexRituals.getByText('You suggested this. It starts once Sam says yes too.').waitFor();

  await sam.page.goto(`${base}/reconnecting`);
  const samRituals = sam.page.getByRole('region', { name: 'Rituals of connection' });
  await samRituals.getByText('Alex suggested this.').waitFor();
  await expectNoAxeViolations(sam.page, 'a suggested ritual, phone, dark');
  await samRituals.getByRole('button', { name: 'Yes, let’s do this' }).click();
  await samRituals.getByText('You both chose this.').waitFor();
  await alex.page.reload();
  await alexRituals.getByText('You both chose this.').waitFor();

  // A date idea; both plan it at once.
  const alexDates = alex.page.getByRole('region', { name: 'Dates' });
  await alexDates.getByLabel('An idea for a date').fill(DATE_IDEA);
  await alexDates.getByRole('button', { name: 'Add the idea' }).click();
  await alexDates.getByText('An idea, no day yet.').waitFor();
  await sam.page.reload();
  const samDates = sam.page.getByRole('region', { name: 'Dates' });
  await samDates.getByRole('heading', { name: DATE_IDEA }).waitFor();
  await alexDates.getByRole('button', { name: /^Plan it/ }).click();
  await samDates.getByRole('button', { name: /^Plan it/ }).click();
  await alexDates.getByLabel('Which day?').fill('2026-06-13');
  await alexDates.getByLabel('What will you do?').fill(ALEX_PLAN);
  await alexDates.getByRole('button', { name: 'Save the plan' }).click();
  await alexDates.getByText(/^Planned for /).waitFor();
  await expectNoAxeViolations(alex.page, 'a planned date');

  await samDates.getByLabel('What will you do?').fill(SAM_PLAN);
  await samDates.getByRole('button', { name: 'Save the plan' }).click();
  await sam.page
    .getByRole('heading', { name: 'This date changed while you were planning' })
    .waitFor();
  await sam.page
    .getByRole('region', { name: 'This date changed while you were planning' })
    .getByText(ALEX_PLAN)
    .waitFor();
  expect(await samDates.getByLabel('What will you do?').inputValue()).toBe(SAM_PLAN);
  await expectNoAxeViolations(sam.page, 'date plan conflict, phone, dark');
  await samDates.getByRole('button', { name: 'Use these saved words for “Which day?”' }).click();
  expect(await samDates.getByLabel('Which day?').inputValue()).toBe('2026-06-13');
  await samDates.getByRole('button', { name: 'Save the plan' }).click();
  await samDates.getByText(SAM_PLAN).waitFor();
  await samDates.getByText(/^Planned for /).waitFor();

  // How it went: Sam's note is Sam's alone until Sam shares it.
  await samDates.getByLabel('How was it for you?').fill(SAM_NOTE);
  await samDates.getByRole('button', { name: 'Save my note' }).click();
  await samDates.getByText('Only you can see your note.').waitFor();
  await alex.page.reload();
  await alexDates.getByText(SAM_PLAN).waitFor();
  expect(await alex.page.getByText(SAM_NOTE).count()).toBe(0);
  await samDates.getByRole('button', { name: 'Share my note with Alex' }).click();
  await samDates.getByText('Alex can read your note.').waitFor();
  await alex.page.reload();
  await alexDates.getByText('Sam’s note').waitFor();
  await alexDates.getByText(SAM_NOTE).waitFor();
  await expectNoAxeViolations(alex.page, 'a shared note on how it went');

  // An appreciation from Alex: Sam reads it, and then it stays with Sam.
  const alexThanks = alex.page.getByRole('region', { name: 'Appreciations' });
  await alexThanks.getByLabel('What would you like to tell Sam?').fill(THANKS);
  await alexThanks.getByRole('button', { name: 'Send' }).click();
  await alexThanks.getByText(THANKS).waitFor();
  await alexThanks.getByRole('button', { name: /^Take back/ }).waitFor();
  await sam.page.reload();
  const samThanks = sam.page.getByRole('region', { name: 'Appreciations' });
  await samThanks.getByText(THANKS).waitFor();
  await expectNoAxeViolations(sam.page, 'an appreciation received, phone, dark');
  await expect
    .poll(async () => {
      await alex.page.reload();
      await alexThanks.getByText(THANKS).waitFor();
      return alexThanks.getByRole('button', { name: /^Take back/ }).count();
    })
    .toBe(0);

  // The pace: Alex suggests, Sam agrees; then Sam pauses, with one press.
  const alexPacing = alex.page.getByRole('region', { name: 'Our pace with intimacy' });
  await alexPacing.getByRole('button', { name: 'Suggest a pace' }).click();
  await alexPacing
    .getByLabel('Gentle touch and affection, and we talk before anything more.')
    .check();
  await alexPacing.getByRole('button', { name: 'Suggest this pace' }).click();
  await alexPacing.getByText('You suggested this. Sam has not agreed yet.').waitFor();
  await sam.page.reload();
  const samPacing = sam.page.getByRole('region', { name: 'Our pace with intimacy' });
  await samPacing.getByRole('button', { name: 'I agree to this pace' }).click();
  await samPacing.getByText('You both agreed to this pace.').waitFor();
  await samPacing.getByRole('button', { name: 'Pause', exact: true }).click();
  await samPacing.getByText('You paused this.', { exact: false }).waitFor();
  await expectNoAxeViolations(sam.page, 'pacing paused by me, phone, dark');

  await alex.page.reload();
  await alexPacing.getByText('Paused for now.', { exact: true }).waitFor();
  await alexPacing
    .getByText('Intimacy is paused for now. Nothing is asked of you; a pause is simply respected.')
    .waitFor();
  const alexSees = await alexPacing.innerText();
  expect(alexSees).not.toMatch(/Sam paused|because|reason:/i);
  expect(await alexPacing.getByRole('button', { name: 'Lift my pause' }).count()).toBe(0);
  expect(await alexPacing.getByRole('button', { name: 'Suggest a change' }).count()).toBe(0);
  await expectNoAxeViolations(alex.page, 'pacing paused, seen by the other');

  // Sam lifts the pause; both see the agreed pace again.
  await samPacing.getByRole('button', { name: 'Lift my pause' }).click();
  await samPacing.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  await alex.page.reload();
  await alexPacing.getByText('You both agreed to this pace.').waitFor();
  await alexPacing.getByRole('button', { name: 'Pause', exact: true }).waitFor();

  for (const person of [alex, sam]) {
    expect(person.foreign).toEqual([]);
    const stored = await person.page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(stored).toBe(0);
  }
  expect(alex.consoleErrors).toEqual([]);
  // Sam's browser logs the one expected 412 (the second plan of the date); nothing else.
  expect(sam.consoleErrors.filter((line) => !/status of 412/.test(line))).toEqual([]);
  expect(sam.consoleErrors).toHaveLength(1);
  await alex.context.close();
  await sam.context.close();
}

describe('reconnecting: rituals, dates, appreciations and the pacing pause, in two browsers', () => {
  it('plans together and pauses without a reason (embedded database)', async () => {
    await reconnectingJourney(app.base);
  });

  it('does the same on PostgreSQL', async () => {
    await onPostgres(reconnectingJourney);
  });
});
