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
 * Sharing with the therapist and reading the access log, as a partner does it: a couple invites a
 * therapist and both approve (the therapist feature's routes); one partner shares a check-in with
 * the therapist in two steps; the therapist opens it (the practice feature's route); the partner
 * reads who opened what they shared. The other partner sees none of it.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Caller {
  cookie: string;
}

async function api(base: string, who: Caller, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: base, cookie: who.cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Partner invites, therapist claims, both partners approve: the link is active. */
async function activeTherapist(base: string, alex: ApiPerson, sam: ApiPerson) {
  const therapist = await therapistViaApi(base);
  const linkId = await linkTherapistViaApi(base, [alex, sam], therapist);
  return { therapist, linkId };
}

const DAY = new Date().toISOString().slice(0, 10);

async function journey(base: string) {
  const [alexAccount, samAccount] = await coupleViaApi(base);
  const { therapist, linkId } = await activeTherapist(base, alexAccount, samAccount);
  const written = await api(base, alexAccount, 'PUT', `/api/checkins/mine/${DAY}`, {
    feelings: ['hopeful'],
    intensity: 2,
    pain: 3,
    note: 'A slow, kind evening.',
  });
  const checkinId = (written.checkin as { id: string }).id;

  // Alex shares today's check-in with the therapist, in two steps, on a phone-sized screen.
  const alex = await signedInPerson(browser, base, alexAccount, { width: 390 });
  const page = alex.page;
  await page.goto(`${base}/checkins`);
  const start = page.getByRole('button', { name: 'Share with our therapist…' }).first();
  await start.waitFor();
  await expectNoAxeViolations(page, 'check-in with the therapist share offered');
  await start.click();
  const dialog = page.getByRole('dialog', { name: 'Share this with your therapist?' });
  await dialog.waitFor();
  await dialog.getByText('your partner is not told').waitFor();
  await expectNoAxeViolations(page, 'therapist share, the question');
  await dialog.getByRole('button', { name: 'Yes, share with our therapist' }).click();
  await page.getByText('Shared with your therapist.').first().waitFor();
  await page.getByRole('button', { name: 'Stop sharing with your therapist' }).first().waitFor();
  await expectNoAxeViolations(page, 'check-in shared with the therapist');

  // Nothing opened yet.
  await page.goto(`${base}/access-log`);
  await page.getByRole('heading', { level: 1, name: 'Who opened what you shared' }).waitFor();
  await page.getByText('Nothing yet.', { exact: false }).waitFor();
  await expectNoAxeViolations(page, 'access log, empty');

  // The therapist opens it through the practice pages' route, which records the access.
  await api(base, therapist, 'GET', `/api/practice/couples/${linkId}/items/checkin/${checkinId}`);

  await page.reload();
  const entry = page.getByRole('listitem').filter({ hasText: /^Check-in of / });
  await entry.first().waitFor();
  await page.getByText('Opened by Dr Rivera (Harbour Counselling) on', { exact: false }).waitFor();
  expect(await page.getByText('A slow, kind evening.').count()).toBe(0);
  await expectNoAxeViolations(page, 'access log, one entry, phone');

  // It is reached from the account page too.
  await page.goto(`${base}/account`);
  await page.getByRole('link', { name: 'Who opened what you shared' }).click();
  await page.waitForURL('**/access-log');

  // Sam sees no entry about Alex's check-in, and nothing about the therapist share.
  const sam = await signedInPerson(browser, base, samAccount);
  await sam.page.goto(`${base}/access-log`);
  await sam.page.getByText('Nothing yet.', { exact: false }).waitFor();
  await expectNoAxeViolations(sam.page, 'access log, the other partner');
  await sam.page.goto(`${base}/checkins`);
  await sam.page.getByRole('heading', { level: 1 }).waitFor();
  expect(await sam.page.getByText('Shared with your therapist.').count()).toBe(0);

  // Alex stops sharing it: one step, and the offer comes back.
  await page.goto(`${base}/checkins`);
  await page.getByRole('button', { name: 'Stop sharing with your therapist' }).first().click();
  await page.getByRole('button', { name: 'Share with our therapist…' }).first().waitFor();

  for (const person of [alex, sam]) await expectCleanExit(person);
}

describe('sharing with the therapist and the access log', () => {
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
