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
 * A listening turn in two browsers: Alex speaks; Sam, on a phone, writes back; Alex feels
 * "partly" understood and clarifies; Sam tries again; Alex says yes; the roles swap and Sam
 * speaks. Before that, both of Sam's devices answer one step at once: the second gets the
 * conflict panel with its words kept. Axe checks every state.
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

const FEELING = 'I feel alone when you go quiet in the evenings.';
const NEED = 'I need you to tell me when you need space.';

async function readyForPhaseTwo(base: string, person: ApiPerson) {
  const response = await fetch(`${base}/api/program/pace/ready`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, cookie: person.cookie },
    body: JSON.stringify({ phase: 2 }),
  });
  if (!response.ok) throw new Error(`choosing phase 2 answered ${response.status}`);
}

async function listeningJourney(base: string) {
  const [alexApi, samApi] = await coupleViaApi(base);
  const alex = await signedInPerson(browser, base, alexApi);
  const sam = await signedInPerson(browser, base, samApi, { width: 360 });
  const samTablet = await signedInPerson(browser, base, samApi);

  // Before both have gone on to phase 2, the page says so and offers no form.
  await alex.page.goto(`${base}/listening`);
  await alex.page.getByRole('heading', { level: 1, name: 'Taking turns to listen' }).waitFor();
  await alex.page.getByText(/opens when you have both chosen to go on/).waitFor();
  expect(await alex.page.getByLabel('What I feel').count()).toBe(0);
  await expectNoAxeViolations(alex.page, 'listening, not yet open');
  await readyForPhaseTwo(base, alexApi);
  await readyForPhaseTwo(base, samApi);

  // Alex speaks first.
  await alex.page.reload();
  await alex.page.getByRole('heading', { name: 'Begin a conversation' }).waitFor();
  await alex.page.getByLabel('What I feel').fill(FEELING);
  await alex.page.getByLabel('What I need').fill(NEED);
  await alex.page.getByRole('button', { name: 'Share with my partner' }).click();
  await alex.page.getByText('It is Sam’s turn to write back what they heard.').waitFor();
  await expectNoAxeViolations(alex.page, 'first turn shared');

  // Sam's two devices both write back; the tablet's arrives second.
  await sam.page.goto(`${base}/listening`);
  await samTablet.page.goto(`${base}/listening`);
  for (const page of [sam.page, samTablet.page]) {
    await page.getByRole('heading', { name: 'Write back to Alex' }).waitFor();
  }
  await expectNoAxeViolations(sam.page, 'reflect form, phone');
  await sam.page.getByLabel('What I heard').fill('You feel shut out when I go silent at night.');
  await sam.page
    .getByLabel('Why it makes sense')
    .fill('I can see why, because silence was how I hid things.');
  await samTablet.page.getByLabel('What I heard').fill('Words from the tablet.');
  await samTablet.page.getByLabel('Why it makes sense').fill('A line from the tablet.');
  await sam.page.getByRole('button', { name: 'Send to Alex' }).click();
  await sam.page.getByText('It is Alex’s turn to say whether they felt understood.').waitFor();
  // The tablet may already have looked again (on focus) and kept its words aside; if not, its
  // send meets the 412. Either way it ends at the same panel, with nothing lost.
  const tabletSend = samTablet.page.getByRole('button', { name: 'Send to Alex' });
  if (await tabletSend.isVisible()) await tabletSend.click();
  await samTablet.page
    .getByRole('heading', { name: 'Your partner took this step while you were writing' })
    .waitFor();
  await samTablet.page.getByText('Words from the tablet.').waitFor();
  await samTablet.page.getByText('You feel shut out when I go silent at night.').first().waitFor();
  await expectNoAxeViolations(samTablet.page, 'a step taken elsewhere: both versions');

  // Alex: partly, with a clarification.
  await alex.page.reload();
  await alex.page.getByRole('heading', { name: 'Did you feel understood by Sam?' }).waitFor();
  await alex.page.getByLabel('Partly').check();
  await alex.page
    .getByLabel('Anything to add (optional)')
    .fill('It is less the silence than not knowing if you are still with me.');
  await expectNoAxeViolations(alex.page, 'answer form');
  await alex.page.getByRole('button', { name: 'Send my answer' }).click();
  await alex.page.getByText('It is Sam’s turn to write back what they heard.').waitFor();

  // Sam reflects again; Alex says yes.
  await sam.page.reload();
  await sam.page.getByRole('heading', { name: 'Try again with what Alex added' }).waitFor();
  await sam.page
    .getByLabel('What I heard')
    .fill('What hurts is not knowing whether I am still here with you.');
  await sam.page
    .getByLabel('Why it makes sense')
    .fill('It makes sense you would fear that, after what I did.');
  await sam.page.getByRole('button', { name: 'Send to Alex' }).click();
  await sam.page.getByText('It is Alex’s turn to say whether they felt understood.').waitFor();
  await alex.page.reload();
  await alex.page.getByLabel('Yes').check();
  await alex.page.getByRole('button', { name: 'Send my answer' }).click();
  await alex.page.getByText(/^You felt understood/).waitFor();

  // The roles swap: Sam speaks, Alex will listen.
  await sam.page.reload();
  await sam.page.getByText('Now you can speak, and Alex listens.').waitFor();
  await sam.page.getByLabel('What I feel').fill('I feel scared that I will never be trusted.');
  await sam.page.getByLabel('What I need').fill('I need to hear when something helped.');
  await sam.page.getByRole('button', { name: 'Share with my partner' }).click();
  await sam.page.getByRole('heading', { name: 'Turn 2: You speaking, Alex listening' }).waitFor();
  await expectNoAxeViolations(sam.page, 'roles swapped, phone');
  const width = await sam.page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);

  // Alex reads the whole history and it is Alex's turn to listen; nothing scores anyone.
  await alex.page.reload();
  await alex.page.getByRole('heading', { name: 'Turn 1: You speaking, Sam listening' }).waitFor();
  await alex.page.getByRole('heading', { name: 'Write back to Sam' }).waitFor();
  await alex.page.getByText(/^You felt understood/).waitFor();
  expect(await alex.page.getByText(/\d+\s*%|\bscored?\b|\d+\s*points?/i).count()).toBe(0);
  await expectNoAxeViolations(alex.page, 'history, roles swapped');

  for (const person of [alex, sam, samTablet]) {
    expect(person.foreign).toEqual([]);
    const stored = await person.page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(stored).toBe(0);
  }
  expect(alex.consoleErrors).toEqual([]);
  expect(sam.consoleErrors).toEqual([]);
  // The tablet logs at most the one expected 412 (the step taken on the phone); nothing else.
  expect(samTablet.consoleErrors.filter((line) => !/status of 412/.test(line))).toEqual([]);
  for (const person of [alex, sam, samTablet]) await person.context.close();
}

describe('listening turns, in two browsers', () => {
  it('partly → clarified → yes, and the roles swap (embedded database)', async () => {
    await listeningJourney(app.base);
  });

  it('does the same on PostgreSQL', async () => {
    await onPostgres(listeningJourney);
  });
});
