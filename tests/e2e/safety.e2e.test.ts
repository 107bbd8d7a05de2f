import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coupleViaApi, signedInPerson } from './couple-setup';
import {
  expectCleanExit,
  expectNoAxeViolations,
  launchBrowser,
  newPerson,
  onPostgres,
  type RunningApp,
  startApp,
} from './harness';

/**
 * "I don't feel safe" from any page: support services for the person's region, and a quiet pause
 * of shared exercises that the partner cannot trace back.
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

type SafetyState = { pausedByMe: boolean; jointWork: string; region: string | null };

/** The safety state as the page's own session sees it. */
function stateIn(page: Page): Promise<SafetyState> {
  return page.evaluate(async () => (await fetch('/api/safety')).json() as Promise<SafetyState>);
}

/** One partner pauses from any page, chooses a region and a neutral tab; the other learns nothing. */
async function pauseJourney(base: string) {
  const [alexAccount, samAccount] = await coupleViaApi(base);
  const alex = await signedInPerson(browser, base, alexAccount, { locale: 'en-US' });
  const sam = await signedInPerson(browser, base, samAccount, {
    width: 360,
    colorScheme: 'dark',
  });

  await alex.page.goto(`${base}/home`);
  await alex.page.getByText('Hello, Alex.').waitFor();
  await alex.page.getByRole('button', { name: 'I don’t feel safe' }).click();
  await alex.page.waitForURL('**/safety');
  await expect
    .poll(() =>
      alex.page
        .getByText('You have paused the shared exercises. Only you can start them again.')
        .count(),
    )
    .toBe(1);
  await expect
    .poll(() => alex.page.getByRole('heading', { name: '988 Suicide & Crisis Lifeline' }).count())
    .toBe(1);
  await expectNoAxeViolations(alex.page, 'safety page after pausing');

  // Sam's own page says nothing about Alex's pause; the API tells Sam only that work rests.
  await sam.page.goto(`${base}/safety`);
  await expect
    .poll(() => sam.page.getByRole('button', { name: 'Pause shared exercises' }).count())
    .toBe(1);
  expect(await sam.page.getByText('You have paused').count()).toBe(0);
  await expectNoAxeViolations(sam.page, 'partner’s safety page, phone, dark');
  const samState = await stateIn(sam.page);
  expect(samState).toMatchObject({ pausedByMe: false, jointWork: 'paused' });

  // Alex chooses a region, which is kept, and starts shared exercises again.
  await alex.page.getByLabel('Show services for').selectOption('GB');
  await expect.poll(async () => (await stateIn(alex.page)).region).toBe('GB');
  await alex.page.getByRole('button', { name: 'Start shared exercises again' }).click();
  await expect
    .poll(() => alex.page.getByRole('button', { name: 'Pause shared exercises' }).count())
    .toBe(1);
  const after = await stateIn(sam.page);
  expect(after).toMatchObject({ jointWork: 'open' });

  // Alex chooses a neutral tab: every page is titled "Notes" with a plain icon, Sam's is not.
  await alex.page.getByLabel('Show “Notes” and a plain icon in the tab').check();
  await expect.poll(() => alex.page.title()).toBe('Notes');
  await alex.page.goto(`${base}/progress`);
  await alex.page.getByRole('heading', { level: 1, name: 'Your path so far' }).waitFor();
  await expect.poll(() => alex.page.title()).toBe('Notes');
  expect(await alex.page.locator('link[rel="icon"]').getAttribute('href')).toBe('/notes.svg');
  await expectNoAxeViolations(alex.page, 'a page with the neutral tab');
  await sam.page.reload();
  await expect.poll(() => sam.page.title()).toBe('Help and safety · Healing Hearts');

  for (const person of [alex, sam]) await expectCleanExit(person);
}

describe('help and safety', () => {
  it('shows a signed-out visitor the services for their browser’s region', async () => {
    const visitor = await newPerson(browser, app.base, { width: 360, locale: 'en-GB' });
    await visitor.page.goto(`${app.base}/guide`);
    await visitor.page.getByRole('button', { name: 'I don’t feel safe' }).click();
    await visitor.page.waitForURL('**/safety');
    await expect.poll(() => visitor.page.getByLabel('Show services for').inputValue()).toBe('GB');
    await expect
      .poll(() => visitor.page.getByRole('heading', { name: 'Samaritans' }).count())
      .toBe(1);
    expect(await visitor.page.getByRole('link', { name: '116 123' }).getAttribute('href')).toBe(
      'tel:116123',
    );
    await expectNoAxeViolations(visitor.page, 'safety page, signed out, phone');

    await visitor.page.getByLabel('Show services for').selectOption('AU');
    await expect
      .poll(() => visitor.page.getByRole('heading', { name: 'Lifeline' }).count())
      .toBe(1);
    await expectCleanExit(visitor);
  });

  it('pauses shared exercises quietly, and only the one who paused can start them again', async () => {
    await pauseJourney(app.base);
  }, 120_000);

  it('does the same on PostgreSQL', async () => {
    await onPostgres(pauseJourney);
  }, 120_000);
});
