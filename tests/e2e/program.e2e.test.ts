import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coupleViaApi, signedInPerson, type ApiPerson } from './couple-setup';
import {
  expectCleanExit,
  expectNoAxeViolations,
  launchBrowser,
  onPostgres,
  type RunningApp,
  startApp,
} from './harness';

/**
 * The program map: both partners see it, each marks an exercise privately, both choose to go on
 * (one alone is not enough), and one steps the couple back without a reason.
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

async function api(base: string, person: ApiPerson, path: string, body: unknown, headers = {}) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: base,
      cookie: person.cookie,
      ...headers,
    },
    body: JSON.stringify(body),
  });
  expect(response.ok, `${path} answered ${response.status}`).toBe(true);
  return (await response.json()) as { injury: { id: string } };
}

/** The mark of one exercise: a choice on its line, labelled with the exercise's title. */
const markOf = (page: Page, title: string) =>
  page.getByRole('combobox', { name: `Your mark for ${title}` });

async function mapJourney(base: string) {
  const [alexAccount, samAccount] = await coupleViaApi(base, ['Alex', 'Sam']);
  // The injury is named and confirmed through the API; its own journey is injuries.e2e.test.ts.
  const { injury } = await api(base, alexAccount, '/api/injuries', {
    kind: 'affair',
    cameToLight: '2026-01',
    myRole: 'hurt',
  });
  await api(base, samAccount, `/api/injuries/${injury.id}/confirm`, {}, { 'if-match': '"1"' });

  const alex = await signedInPerson(browser, base, alexAccount);
  const sam = await signedInPerson(browser, base, samAccount, { width: 360, colorScheme: 'dark' });

  // Both see the map, in phase 1, with suggestions for their own part.
  await alex.page.goto(`${base}/program`);
  await alex.page.getByText('Together, you are in phase 1: Impact', { exact: false }).waitFor();
  await alex.page.getByRole('heading', { name: 'Phase 2: Meaning' }).waitFor();
  await alex.page.getByRole('link', { name: 'Write an impact letter' }).first().waitFor();
  await expectNoAxeViolations(alex.page, 'program map');

  await sam.page.goto(`${base}/program`);
  await sam.page.getByText('Together, you are in phase 1: Impact', { exact: false }).waitFor();
  await sam.page.getByRole('link', { name: 'Reflect on the impact letter' }).first().waitFor();
  await expectNoAxeViolations(sam.page, 'program map, phone, dark');

  // The couple's phase is open and the later ones are closed, one press away.
  const phase2 = alex.page.getByRole('button', { name: 'Phase 2: Meaning' });
  expect(
    await alex.page.getByRole('button', { name: 'Phase 1: Impact' }).getAttribute('aria-expanded'),
  ).toBe('true');
  expect(await phase2.getAttribute('aria-expanded')).toBe('false');
  await phase2.click();
  expect(await phase2.getAttribute('aria-expanded')).toBe('true');
  await expectNoAxeViolations(alex.page, 'program map, phase 2 opened');
  await phase2.click();

  // Alex marks an exercise; Sam's map does not show it.
  await markOf(alex.page, 'Daily check-in').selectOption({ label: 'Spent time' });
  await alex.page.getByText('Mark saved for Daily check-in.').waitFor();
  await alex.page.reload();
  await alex.page.getByText('Together, you are in phase 1', { exact: false }).waitFor();
  expect(await markOf(alex.page, 'Daily check-in').inputValue()).toBe('spent_time');
  await expectNoAxeViolations(alex.page, 'program map with a mark');
  await sam.page.reload();
  await sam.page.getByText('Together, you are in phase 1', { exact: false }).waitFor();
  expect(await markOf(sam.page, 'Daily check-in').inputValue()).toBe('none');

  // Alex says they are ready; Sam's page carries no word of it.
  await alex.page.getByRole('button', { name: /ready to go on to Meaning/ }).click();
  await alex.page
    .getByText('You’ve said you’re ready to go on to Meaning.', { exact: false })
    .waitFor();
  await alex.page.getByText('Together, you are in phase 1', { exact: false }).waitFor();
  await expectNoAxeViolations(alex.page, 'program, I am ready');
  await sam.page.reload();
  await sam.page.getByText('When you feel ready, you can say so.', { exact: false }).waitFor();
  expect(await sam.page.locator('body').innerText()).not.toMatch(/said you.re ready|Alex/);
  await expectNoAxeViolations(sam.page, 'program, partner not yet chosen, phone, dark');

  // Sam chooses too: Meaning opens for both.
  await sam.page.getByRole('button', { name: /ready to go on to Meaning/ }).click();
  await sam.page.getByText('Together, you are in phase 2: Meaning', { exact: false }).waitFor();
  await sam.page.getByText('Meaning opened.', { exact: false }).waitFor();
  await expectNoAxeViolations(sam.page, 'program, phase 2 open, phone, dark');
  await alex.page.reload();
  await alex.page.getByText('Together, you are in phase 2: Meaning', { exact: false }).waitFor();

  // Alex steps back, without a reason.
  await alex.page.getByRole('button', { name: 'Step back to Impact' }).click();
  await alex.page.getByRole('heading', { name: 'Step back to Impact?' }).waitFor();
  await expectNoAxeViolations(alex.page, 'program, step back question');
  await alex.page.getByRole('button', { name: 'Step back', exact: true }).click();
  await alex.page.getByText('Together, you are in phase 1: Impact', { exact: false }).waitFor();
  await alex.page.getByText('stepped back to Impact.', { exact: false }).waitFor();
  await expectNoAxeViolations(alex.page, 'program, stepped back');

  await sam.page.reload();
  await sam.page.getByText('Together, you are in phase 1: Impact', { exact: false }).waitFor();
  await sam.page.getByRole('button', { name: /ready to go on to Meaning/ }).waitFor();

  for (const person of [alex, sam]) await expectCleanExit(person);
}

describe('the program map, in two browsers', () => {
  it('both see it, mark privately, choose to go on together, and one steps back (embedded)', async () => {
    await mapJourney(app.base);
  });

  it('does the same on PostgreSQL', async () => {
    await onPostgres(mapJourney);
  });
});
