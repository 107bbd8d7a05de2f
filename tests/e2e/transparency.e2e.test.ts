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
 * Alex, the involved partner of the injury they named together, offers to tell Sam about any
 * contact, starting from the page's words. Sam, on a phone in dark mode, accepts it and later
 * pauses it: Alex sees the pause and cannot take it away. Alex ends the offer today; both see that
 * it ended. The page says why nothing here checks on anyone. Axe checks every state.
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

async function api(
  base: string,
  person: ApiPerson,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      origin: base,
      cookie: person.cookie,
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response;
}

/** Alex names an affair as the involved partner; Sam confirms it. */
async function nameInjury(base: string, alex: ApiPerson, sam: ApiPerson) {
  const created = await api(base, alex, 'POST', '/api/injuries', {
    kind: 'affair',
    cameToLight: '2026-01',
    myRole: 'involved',
  });
  const { injury } = (await created.json()) as { injury: { id: string } };
  const read = await api(base, sam, 'GET', `/api/injuries/${injury.id}`);
  await api(
    base,
    sam,
    'POST',
    `/api/injuries/${injury.id}/confirm`,
    {},
    {
      'if-match': read.headers.get('etag') ?? '"1"',
    },
  );
}

const CONTACT =
  'I will tell you the same day if there has been any contact with them, even a message I did not answer.';

async function transparencyJourney(base: string) {
  const [alexApi, samApi] = await coupleViaApi(base);
  await nameInjury(base, alexApi, samApi);
  const alex = await signedInPerson(browser, base, alexApi);
  const sam = await signedInPerson(browser, base, samApi, { width: 360, colorScheme: 'dark' });

  await alex.page.goto(`${base}/transparency`);
  await alex.page.getByRole('heading', { name: 'Why nothing here checks on anyone' }).waitFor();
  await alex.page.getByText(/never reads a phone, a location or anyone’s messages/).waitFor();
  await alex.page.getByText('No offers yet.').waitFor();
  await expectNoAxeViolations(alex.page, 'transparency, no offers');

  // Alex starts from the first of the page's words and offers it.
  await alex.page.getByRole('button', { name: 'Use these words' }).first().click();
  expect(await alex.page.getByLabel('Your offer, in your own words').inputValue()).toBe(CONTACT);
  await alex.page.getByRole('button', { name: 'Make this offer' }).click();
  const alexOffers = alex.page.getByRole('region', { name: 'Offers between you' });
  await alexOffers.getByText('Waiting for Sam to answer.').waitFor();
  await expectNoAxeViolations(alex.page, 'offer made');

  // Sam, who cannot make offers, accepts it on the phone.
  await sam.page.goto(`${base}/transparency`);
  await sam.page.getByText(/Offers come from the partner who was involved/).waitFor();
  expect(await sam.page.getByRole('button', { name: 'Make this offer' }).count()).toBe(0);
  const samOffers = sam.page.getByRole('region', { name: 'Offers between you' });
  await samOffers.getByText(CONTACT).waitFor();
  await samOffers.getByText('Waiting for your answer. There is no hurry.').waitFor();
  await expectNoAxeViolations(sam.page, 'offer to answer, phone, dark');
  await samOffers.getByRole('button', { name: 'Accept this offer' }).click();
  await samOffers.getByText('Accepted. It holds until it ends.').waitFor();

  // Sam pauses it; Alex sees who paused it and has no way to take Sam's pause away.
  await samOffers.getByRole('button', { name: 'Pause it' }).click();
  await samOffers.getByText(/Paused by you on/).waitFor();
  await samOffers.getByRole('button', { name: 'Take my pause away' }).waitFor();
  await expectNoAxeViolations(sam.page, 'offer paused, phone, dark');
  await alex.page.reload();
  await alexOffers.getByText(/Paused by Sam on/).waitFor();
  expect(await alexOffers.getByRole('button', { name: 'Take my pause away' }).count()).toBe(0);
  await expectNoAxeViolations(alex.page, 'offer paused by partner');

  // Alex ends it today; both see it has ended.
  await alexOffers.getByRole('button', { name: 'End it today' }).click();
  await alexOffers.getByText('This offer has ended.').waitFor();
  await sam.page.reload();
  await samOffers.getByText('This offer has ended.').waitFor();
  expect(await samOffers.getByRole('button', { name: 'Pause it' }).count()).toBe(0);
  await expectNoAxeViolations(sam.page, 'offer ended, phone, dark');

  for (const person of [alex, sam]) {
    expect(person.foreign).toEqual([]);
    expect(person.consoleErrors).toEqual([]);
    const stored = await person.page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(stored).toBe(0);
    await person.context.close();
  }
}

describe('transparency: make, accept, pause and end an offer, in two browsers', () => {
  it('on the embedded database', async () => {
    await transparencyJourney(app.base);
  });

  it('does the same on PostgreSQL', async () => {
    await onPostgres(transparencyJourney);
  });
});
