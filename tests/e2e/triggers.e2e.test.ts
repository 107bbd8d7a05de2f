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
 * Alex logs a trigger and shares it; Sam, on a phone in dark mode, reads it. Both change the
 * couple's plan at once: Sam's save comes second, so Sam is shown Alex's version beside their own
 * words, keeps both, and saves. Alex compares the two versions word by word, and both agree to
 * the plan as it is now. Axe checks every state.
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

const CUE = 'A song from that summer came on in the shop';
const SIGNAL = 'I say "red hat", and you know what it means.';
const RESPONSE = 'I stop, I stay close, and I say that I can see it hurts.';

async function triggersJourney(base: string) {
  const [alexApi, samApi] = await coupleViaApi(base);
  const alex = await signedInPerson(browser, base, alexApi);
  const sam = await signedInPerson(browser, base, samApi, { width: 360, colorScheme: 'dark' });

  // Alex opens the page and tries to save an empty form: each problem is named.
  await alex.page.goto(`${base}/triggers`);
  await alex.page.getByRole('heading', { name: 'Log a trigger' }).waitFor();
  await alex.page.getByText('Nothing here yet.').waitFor();
  await expectNoAxeViolations(alex.page, 'triggers, nothing logged');
  await alex.page.getByRole('button', { name: 'Save to my log' }).click();
  await alex.page.getByRole('heading', { name: 'Please check the following' }).waitFor();
  await alex.page
    .getByRole('link', { name: 'Please write a few words about what set it off.' })
    .waitFor();
  await expectNoAxeViolations(alex.page, 'log form with errors');

  // The short form is enough; one optional detail is added.
  await alex.page.getByLabel('What set it off?').fill(CUE);
  await alex.page.getByLabel('7 out of 10').check();
  await alex.page.getByText('Add more (optional)').click();
  await alex.page.getByLabel('What did you feel?').fill('A tight chest');
  await alex.page.getByRole('button', { name: 'Save to my log' }).click();
  await alex.page.getByText('Saved to your log. Only you can see it.').waitFor();
  const myLog = alex.page.getByRole('region', { name: 'My log' });
  await myLog.getByText(CUE).waitFor();
  await myLog.getByText('How strong: 7 out of 10').waitFor();
  expect(await alex.page.getByLabel('What set it off?').inputValue()).toBe('');
  await expectNoAxeViolations(alex.page, 'one private entry');

  // Before Alex shares, Sam sees nothing of it.
  await sam.page.goto(`${base}/triggers`);
  const sharedWithSam = sam.page.getByRole('region', { name: 'Shared by Alex' });
  await sharedWithSam.getByText('When Alex shares an entry').waitFor();
  expect(await sam.page.getByText(CUE).count()).toBe(0);

  // Alex shares it, in two steps.
  await myLog.getByRole('button', { name: 'Share with Sam…' }).click();
  await alex.page.getByRole('dialog').getByText('Share this with Sam?').waitFor();
  await expectNoAxeViolations(alex.page, 'share question');
  await alex.page.getByRole('button', { name: 'Yes, share it' }).click();
  await myLog.getByText('Shared with Sam.').waitFor();
  await expectNoAxeViolations(alex.page, 'entry shared');

  // Sam, on a phone, reads it.
  await sam.page.reload();
  await sharedWithSam.getByText(CUE).waitFor();
  await sharedWithSam.getByText('A tight chest').waitFor();
  expect(await sharedWithSam.getByRole('button', { name: 'Edit' }).count()).toBe(0);
  await expectNoAxeViolations(sam.page, 'partner’s shared entry, phone, dark');

  // Both open the empty plan at the same time.
  await alex.page.getByRole('button', { name: 'Start the plan' }).click();
  await sam.page.getByRole('button', { name: 'Start the plan' }).click();
  await expectNoAxeViolations(sam.page, 'plan editor, phone, dark');

  // Alex saves first.
  await alex.page.getByLabel('What the hurt partner will say or do').fill(SIGNAL);
  await alex.page.getByRole('button', { name: 'Save the plan' }).click();
  await alex.page.getByText('The plan is saved. Your partner sees it too.').waitFor();
  await alex.page.getByText(/Last changed by you on/).waitFor();
  await expectNoAxeViolations(alex.page, 'plan saved');

  // Sam's save started from the empty plan: Sam sees Alex's words beside their own.
  await sam.page.getByLabel('What the involved partner will do').fill(RESPONSE);
  await sam.page.getByRole('button', { name: 'Save the plan' }).click();
  await sam.page
    .getByRole('heading', { name: 'Alex changed the plan while you were writing' })
    .waitFor();
  expect(await sam.page.getByLabel('What the involved partner will do').inputValue()).toBe(
    RESPONSE,
  );
  await sam.page.getByText(SIGNAL).waitFor();
  await expectNoAxeViolations(sam.page, 'plan conflict, phone, dark');

  // Sam takes Alex's words for that part, keeps their own, and saves.
  await sam.page
    .getByRole('button', {
      name: 'Use these saved words for “What the hurt partner will say or do”',
    })
    .click();
  expect(await sam.page.getByLabel('What the hurt partner will say or do').inputValue()).toBe(
    SIGNAL,
  );
  expect(await sam.page.getByLabel('What the involved partner will do').inputValue()).toBe(
    RESPONSE,
  );
  await sam.page.getByRole('button', { name: 'Save the plan' }).click();
  await sam.page.getByText(/Last changed by you on/).waitFor();
  await sam.page.getByText(RESPONSE).waitFor();

  // Alex sees both parts, changed by Sam, and the history of versions.
  await alex.page.reload();
  const plan = alex.page.getByRole('region', { name: 'Our plan for triggers' });
  await plan.getByText(/Last changed by Sam on/).waitFor();
  await plan.getByText(SIGNAL).waitFor();
  await plan.getByText(RESPONSE).waitFor();
  await plan.getByText('Earlier versions').click();
  await plan.getByText(/Version 2, changed by Sam on/).waitFor();
  await plan.getByText(/Version 1, changed by you on/).waitFor();
  await plan.getByRole('button', { name: 'Show version 1' }).click();
  await expectNoAxeViolations(alex.page, 'plan with its history');

  // Alex compares the two versions word by word: Sam's words for the response were put in.
  await plan.getByRole('button', { name: 'Compare' }).click();
  await plan.getByText('What changed from version 1 to version 2').waitFor();
  const response = plan.locator('ins', { hasText: 'I stay close' });
  expect(await response.count()).toBeGreaterThan(0);
  await expectNoAxeViolations(alex.page, 'two versions of the plan compared');

  // Alex agrees to this version; Sam, on the phone, reads that and agrees too.
  await plan.getByRole('button', { name: 'I agree to this version' }).click();
  await plan.getByText('You agree to this version. Your partner has not said so yet.').waitFor();
  await sam.page.reload();
  const samPlan = sam.page.getByRole('region', { name: 'Our plan for triggers' });
  await samPlan.getByText(/Your partner agrees to this version/).waitFor();
  await samPlan.getByRole('button', { name: 'I agree to this version' }).click();
  await samPlan.getByText('You both agree to this version of the plan.').waitFor();
  await expectNoAxeViolations(sam.page, 'plan agreed by both, phone, dark');

  for (const person of [alex, sam]) {
    expect(person.foreign).toEqual([]);
    const stored = await person.page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(stored).toBe(0);
  }
  expect(alex.consoleErrors).toEqual([]);
  // Sam's browser logs the one expected 412 (the stale save); nothing else.
  expect(sam.consoleErrors.filter((line) => !/status of 412/.test(line))).toEqual([]);
  expect(sam.consoleErrors).toHaveLength(1);
  await alex.context.close();
  await sam.context.close();
}

describe('triggers: the log and the couple’s plan, in two browsers', () => {
  it('log, share, read on a phone, and edit the plan together (embedded database)', async () => {
    await triggersJourney(app.base);
  });

  it('does the same on PostgreSQL', async () => {
    await onPostgres(triggersJourney);
  });
});
