import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coupleViaApi, signedInPerson, signUpViaApi } from './couple-setup';
import {
  expectCleanExit,
  expectNoAxeViolations,
  launchBrowser,
  onPostgres,
  type RunningApp,
  startApp,
} from './harness';

/**
 * The private safety screen: shared exercises rest until both partners have taken it; one takes
 * it with a care answer, privately; the other sees only the same neutral resting words; support
 * services show to the first, who starts shared exercises again on Help and safety when ready.
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

const RESTING = 'Shared exercises are resting for now.';
const INVITE = 'Take the private safety questions';

const question = (page: Page, number: number) =>
  page.getByRole('group', { name: new RegExp(`^Question ${number} of \\d+`) });

/** The resting notice on the program map, as its reader sees it. */
async function restingNotice(page: Page): Promise<string> {
  const notice = page.getByText(RESTING, { exact: false });
  await notice.waitFor();
  return (await notice.locator('xpath=..').innerText()).trim();
}

async function safetyApi(page: Page): Promise<string> {
  return page.evaluate(async () => (await fetch('/api/safety')).text());
}

/** Answers as someone who skims: "No" to every question, which is always the calm answer. */
async function answerCalmly(page: Page, from = 1) {
  const count = await page.getByRole('group', { name: /^Question \d+ of \d+/ }).count();
  expect(count).toBeGreaterThan(1);
  for (let n = from; n <= count; n += 1) {
    await question(page, n).getByLabel('No', { exact: true }).check();
  }
}

async function screenJourney(base: string) {
  const [samAccount, alexAccount] = await coupleViaApi(base, ['Sam', 'Alex'], { screened: false });
  const sam = await signedInPerson(browser, base, samAccount, { width: 360, colorScheme: 'dark' });
  const alex = await signedInPerson(browser, base, alexAccount, { locale: 'en-US' });

  // Neither has taken the screen: the map rests, and each is invited to take their own.
  await sam.page.goto(`${base}/program`);
  await sam.page.getByText(RESTING, { exact: false }).waitFor();
  await expectNoAxeViolations(sam.page, 'program, resting, not screened, phone, dark');
  await sam.page.getByRole('link', { name: INVITE }).click();
  await sam.page.waitForURL('**/safety-screen');
  await sam.page.getByRole('heading', { level: 1, name: 'A private moment on safety' }).waitFor();
  await sam.page.getByText('not your partner, and not a therapist', { exact: false }).waitFor();
  await expectNoAxeViolations(sam.page, 'safety screen, phone, dark');

  // Finishing with a question unanswered explains which, kindly.
  await answerCalmly(sam.page, 2);
  await sam.page.getByRole('button', { name: 'Finish' }).click();
  await sam.page.getByText('Please check the following').waitFor();
  // The summary and the question itself both say which question needs an answer.
  await sam.page.getByRole('link', { name: /Please choose an answer to question 1\./ }).waitFor();
  await question(sam.page, 1)
    .getByText(/Please choose an answer to question 1\./)
    .waitFor();
  await expectNoAxeViolations(sam.page, 'safety screen with a question unanswered');
  await question(sam.page, 1).getByLabel('No', { exact: true }).check();
  await sam.page.getByRole('button', { name: 'Finish' }).click();
  await sam.page.getByRole('heading', { name: 'Thank you for taking this moment' }).waitFor();
  await sam.page
    .getByText('Shared exercises open once you have both taken a moment here.')
    .waitFor();
  await expectNoAxeViolations(sam.page, 'safety screen, calm result');

  // Sam's map still rests (Alex has not taken it), without the invitation now.
  await sam.page.goto(`${base}/program`);
  const samBefore = await restingNotice(sam.page);
  expect(samBefore).not.toContain(INVITE);
  const samStateBefore = await safetyApi(sam.page);

  // Alex takes it by keyboard, answers "Sometimes" to being afraid, and the rest calmly.
  await alex.page.goto(`${base}/safety-screen`);
  const first = question(alex.page, 1).getByLabel('No', { exact: true });
  await first.focus();
  await alex.page.keyboard.press('Space');
  await alex.page.keyboard.press('ArrowDown');
  expect(await question(alex.page, 1).getByLabel('Sometimes').isChecked()).toBe(true);
  await answerCalmly(alex.page, 2);
  await alex.page.getByRole('button', { name: 'Finish' }).click();
  await alex.page.getByRole('heading', { name: 'Thank you for telling us' }).waitFor();
  // It says plainly what happened, who can undo it, and where.
  await alex.page
    .getByText('we have paused shared exercises for both of you', { exact: false })
    .waitFor();
  await alex.page
    .getByText('Only you can start shared exercises again.', { exact: false })
    .waitFor();
  expect(
    await alex.page
      .getByRole('link', { name: 'Start shared exercises again on Help and safety' })
      .getAttribute('href'),
  ).toBe('/safety');
  await alex.page.getByText('Your partner gets no message.', { exact: false }).waitFor();
  await expect
    .poll(() => alex.page.getByRole('heading', { name: '988 Suicide & Crisis Lifeline' }).count())
    .toBe(1);
  await expectNoAxeViolations(alex.page, 'safety screen, care result with support services');
  // The answers are gone from the page: answering again starts from a blank form.
  await alex.page.getByRole('button', { name: 'Answer again' }).click();
  await alex.page.getByText(/^You last took this on /).waitFor();
  expect(await alex.page.locator('input[type="radio"]:checked').count()).toBe(0);

  // Answering again calmly does not start shared exercises by itself: it offers the choice.
  await answerCalmly(alex.page);
  await alex.page.getByRole('button', { name: 'Finish' }).click();
  await alex.page.getByRole('heading', { name: 'Thank you for taking this moment' }).waitFor();
  await alex.page.getByText('they are still paused', { exact: false }).waitFor();
  await alex.page
    .getByRole('link', { name: 'Start shared exercises again on Help and safety' })
    .waitFor();
  expect(await alex.page.getByText('Shared exercises open once', { exact: false }).count()).toBe(0);
  await expectNoAxeViolations(alex.page, 'safety screen, calm again while paused');

  // Sam sees exactly what Sam saw before: the same neutral words, the same state.
  await sam.page.reload();
  expect(await restingNotice(sam.page)).toBe(samBefore);
  expect(await safetyApi(sam.page)).toBe(samStateBefore);
  await expectNoAxeViolations(sam.page, 'program, resting after the partner’s care result');

  // Alex starts shared exercises again, on Help and safety, when ready.
  await alex.page.goto(`${base}/safety`);
  await alex.page
    .getByText('You have paused the shared exercises. Only you can start them again.')
    .waitFor();
  await alex.page.getByRole('link', { name: 'Take the private safety questions' }).waitFor();
  await alex.page.getByRole('button', { name: 'Start shared exercises again' }).click();
  await alex.page.getByRole('button', { name: 'Pause shared exercises' }).waitFor();
  await alex.page.getByRole('status').getByText('Shared exercises are open again.').waitFor();
  await sam.page.reload();
  await sam.page.getByRole('heading', { level: 1 }).waitFor();
  await expect
    .poll(async () => JSON.parse(await safetyApi(sam.page)) as { jointWork: string })
    .toMatchObject({ jointWork: 'open' });
  await expect.poll(() => sam.page.getByText(RESTING, { exact: false }).count()).toBe(0);

  for (const person of [alex, sam]) await expectCleanExit(person);
}

/** Someone whose partner has not joined yet is never told shared exercises are "open again". */
async function aloneJourney(base: string) {
  const riley = await signUpViaApi(base, 'Riley', { screened: false });
  const person = await signedInPerson(browser, base, riley, { width: 360 });
  const { page } = person;
  await page.goto(`${base}/safety-screen`);
  expect(
    await page.evaluate(
      async () =>
        (
          await fetch('/api/space', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          })
        ).status,
    ),
  ).toBe(201);
  await page.reload();
  await question(page, 1).getByLabel('I’d rather not say', { exact: true }).check();
  await answerCalmly(page, 2);
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByRole('heading', { name: 'Thank you for telling us' }).waitFor();
  await page.getByRole('link', { name: 'Start shared exercises again on Help and safety' }).click();
  await page.waitForURL('**/safety');
  await page.getByRole('button', { name: 'Start shared exercises again' }).click();
  await page
    .getByRole('status')
    .getByText('Shared exercises open once your partner has joined', { exact: false })
    .waitFor();
  expect(await page.getByText('Shared exercises are open again.').count()).toBe(0);
  await expectNoAxeViolations(page, 'help and safety, pause lifted before the partner joined');
  await expectCleanExit(person);
}

describe('the private safety screen', () => {
  it('before the partner joins, lifting a pause never says shared exercises are open again', async () => {
    await aloneJourney(app.base);
  }, 120_000);

  it('gates shared exercises privately, and the partner learns nothing (embedded database)', async () => {
    await screenJourney(app.base);
  }, 180_000);

  it('does the same on PostgreSQL', async () => {
    await onPostgres(screenJourney);
  }, 180_000);
});
