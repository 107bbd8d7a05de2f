import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  coupleViaApi,
  linkTherapistViaApi,
  signedInPerson,
  therapistViaApi,
  type ApiPerson,
} from './couple-setup';
import {
  expectCleanExit,
  expectNoAxeViolations,
  launchBrowser,
  onPostgres,
  startApp,
} from './harness';

/**
 * The therapist's workspace, through the real routes: a couple invites a therapist, both approve,
 * one partner shares a trigger entry with the therapist. The therapist sees the couple with what
 * is new, opens the shared entry, writes a private note and suggests an exercise; the partner
 * finds the suggestion on the program map. Needs the therapist and sharing routes (issue 4).
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function api(
  base: string,
  cookie: string,
  method: string,
  path: string,
  body: unknown = {},
): Promise<Response> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: base, cookie },
    body: method === 'GET' ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

async function therapistWithCouple(base: string, couple: [ApiPerson, ApiPerson]) {
  const therapist = await therapistViaApi(base);
  return { therapist, linkId: await linkTherapistViaApi(base, couple, therapist) };
}

async function journey(base: string) {
  const [alex, sam] = await coupleViaApi(base);
  const { therapist, linkId } = await therapistWithCouple(base, [alex, sam]);

  // Alex shares one entry with the therapist and keeps another private.
  const shared = (await (
    await api(base, alex.cookie, 'POST', '/api/triggers', {
      cue: 'The old café on the corner',
      intensity: 6,
    })
  ).json()) as { entry: { id: string } };
  await api(base, alex.cookie, 'PUT', `/api/triggers/${shared.entry.id}/therapist`, {
    shared: true,
  });
  await api(base, alex.cookie, 'POST', '/api/triggers', { cue: 'Kept to myself', intensity: 3 });

  const person = await signedInPerson(browser, base, therapist, { width: 390 });
  const page = person.page;
  await page.goto(`${base}/practice`);
  await page.getByRole('heading', { level: 1, name: 'Your couples' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Alex and Sam' }).waitFor();
  await page.getByText('Newly shared with you: 1').waitFor();
  await page.getByRole('button', { name: 'Quick exit' }).waitFor();
  await expectNoAxeViolations(page, 'practice, couples list, phone');

  await page.getByRole('link', { name: 'Open the workspace for Alex and Sam' }).click();
  await page.waitForURL(`**/practice/couples/${linkId}`);
  await page.getByRole('heading', { level: 1, name: 'Alex and Sam' }).waitFor();
  await page.getByRole('heading', { name: /^Trigger entry, .* · Alex$/ }).waitFor();
  // The list names kind, date and author only; the words come when the item is opened.
  expect(await page.getByText('The old café on the corner').count()).toBe(0);
  expect(await page.getByText('Kept to myself').count()).toBe(0);
  expect(
    await page.getByRole('link', { name: 'Messages with this couple' }).getAttribute('href'),
  ).toBe(`/messages/couples/${linkId}`);
  await expectNoAxeViolations(page, 'practice, a couple');

  await page.getByRole('button', { name: /^Open Trigger entry/ }).click();
  await page.getByText('The old café on the corner').waitFor();
  await expectNoAxeViolations(page, 'practice, an item opened');

  await page.getByLabel('New note').fill('Alex named a place that still hurts.');
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.getByText('Alex named a place that still hurts.').waitFor();

  await page.getByLabel('Exercise', { exact: true }).selectOption({ label: 'Daily check-in' });
  await page
    .getByLabel('A note for the couple (optional)')
    .fill('A few quiet minutes each evening, together.');
  await page.getByRole('button', { name: 'Suggest', exact: true }).click();
  await page.getByRole('button', { name: 'Withdraw the suggestion: Daily check-in' }).waitFor();
  await expectNoAxeViolations(page, 'practice, note written and exercise suggested');

  await page.goto(`${base}/practice/notes`);
  await page.getByRole('heading', { level: 1, name: 'All your notes' }).waitFor();
  await page.getByText('About Alex and Sam').waitFor();
  await page.getByText('Alex named a place that still hurts.').waitFor();
  await expectNoAxeViolations(page, 'practice, all notes');

  // Sam finds the suggestion on the program map; never the therapist's note.
  const partner = await signedInPerson(browser, base, sam);
  await partner.page.goto(`${base}/program`);
  await partner.page.getByText('Suggested by your therapist').first().waitFor();
  await partner.page.getByText('A few quiet minutes each evening, together.').waitFor();
  expect(await partner.page.getByText('Alex named a place that still hurts.').count()).toBe(0);
  await expectNoAxeViolations(partner.page, 'program map with a suggestion');

  for (const who of [person, partner]) await expectCleanExit(who);
}

describe('practice (the therapist’s workspace)', () => {
  it('on the embedded database', async () => {
    const app = await startApp();
    try {
      await journey(app.base);
    } finally {
      await app.stop();
    }
  }, 120_000);

  it('on PostgreSQL', async () => {
    await onPostgres(journey);
  }, 120_000);
});
