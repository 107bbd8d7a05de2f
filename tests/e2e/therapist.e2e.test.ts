import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PASSWORD, coupleViaApi, signedInPerson } from './couple-setup';
import {
  expectCleanExit,
  expectNoAxeViolations,
  launchBrowser,
  newPerson,
  onPostgres,
  startApp,
} from './harness';

/**
 * A couple invites a therapist: Alex makes a link on "Your therapist", a therapist signs up on
 * the therapist sign-up page and claims it, both partners approve in their own browsers, and Sam
 * ends it; from then on the therapist's requests for that couple are refused.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PASSWORD = 'quiet rooms and kind questions';

async function seeText(page: Page, text: string | RegExp): Promise<void> {
  await expect.poll(() => page.getByText(text).count(), { timeout: 10_000 }).toBeGreaterThan(0);
}

/**
 * The therapist's session asking the API directly, outside the page: a refused request is the
 * expected answer here, and in the page Chromium would log it as a console error.
 */
async function asTherapist(
  person: { context: BrowserContext },
  base: string,
  path: string,
): Promise<Response> {
  const cookies = await person.context.cookies(base);
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return fetch(`${base}${path}`, { headers: { cookie } });
}

async function journey(base: string) {
  const [alexAccount, samAccount] = await coupleViaApi(base);
  const alex = await signedInPerson(browser, base, alexAccount, { width: 360 });
  const sam = await signedInPerson(browser, base, samAccount, { colorScheme: 'dark' });
  const doctor = await newPerson(browser, base, { width: 390 });

  // Alex makes a link.
  await alex.page.goto(`${base}/therapist`);
  await alex.page.getByRole('heading', { level: 1, name: 'Your therapist' }).waitFor();
  await seeText(alex.page, /never your safety check/);
  await seeText(alex.page, 'You have not invited a therapist yet. There is no hurry.');
  await expectNoAxeViolations(alex.page, 'Your therapist, nothing yet, phone');
  await alex.page.getByRole('button', { name: 'Make a link for a therapist' }).click();
  // Inviting is sensitive: Alex confirms it is them first (step-up), then the link is made.
  await alex.page.getByRole('heading', { name: 'Confirm it is you' }).waitFor();
  await alex.page.getByLabel('Your password').fill(API_PASSWORD);
  await alex.page.getByRole('button', { name: 'Confirm', exact: true }).click();
  const linkBox = alex.page.getByLabel('Link for your therapist');
  await linkBox.waitFor();
  const link = await linkBox.inputValue();
  expect(link).toMatch(new RegExp(`^${base}/therapist/join#[A-Za-z0-9_-]{43}$`));
  await seeText(alex.page, /A link is waiting for a therapist to use it/);
  await expectNoAxeViolations(alex.page, 'Your therapist, fresh link');

  // The sign-in page points therapists to their own sign-up.
  await doctor.page.goto(`${base}/signin`);
  await doctor.page.getByRole('link', { name: 'Create a therapist account' }).click();
  await doctor.page.waitForURL('**/therapist/signup');

  // The therapist opens it signed out: who invites, and the way to a therapist account.
  await doctor.page.goto(link);
  await seeText(doctor.page, 'Alex has invited you to work with them and their partner.');
  expect(new URL(doctor.page.url()).hash).toBe('');
  await expectNoAxeViolations(doctor.page, 'therapist join page, signed out');
  await doctor.page.getByRole('link', { name: 'Create a therapist account' }).click();
  await doctor.page
    .getByRole('heading', { level: 1, name: 'Create a therapist account' })
    .waitFor();
  await seeText(doctor.page, /A couple’s link is waiting/);
  await expectNoAxeViolations(doctor.page, 'therapist sign-up');
  await doctor.page.getByLabel('Your name', { exact: true }).fill('Dr Amara Osei');
  await doctor.page.getByLabel('Email address').fill(`osei-${Date.now()}@example.test`);
  await doctor.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await doctor.page.getByLabel('Practice name').fill('Harbourside Couples Therapy');
  await doctor.page.getByLabel('Licence or registration').fill('LMFT 80231, Oregon');
  await doctor.page.getByRole('button', { name: 'Create therapist account' }).click();
  await doctor.page.waitForURL('**/therapist/join');
  await doctor.page.getByRole('button', { name: 'Accept the invitation' }).click();
  await seeText(doctor.page, 'Waiting for both partners');
  await expectNoAxeViolations(doctor.page, 'therapist join page, claimed');
  // A therapist's frame: their own navigation, quick exit, and no "I don't feel safe".
  // On a phone the navigation is behind the labelled Menu button.
  await doctor.page.getByRole('button', { name: 'Menu' }).click();
  const nav = doctor.page.getByRole('navigation', { name: 'Main' });
  expect(await nav.getByRole('link', { name: 'Couples' }).count()).toBe(1);
  expect(await nav.getByRole('link', { name: 'Program' }).count()).toBe(0);
  expect(await doctor.page.getByRole('button', { name: 'I don’t feel safe' }).count()).toBe(0);
  expect(await doctor.page.getByRole('button', { name: /Quick exit/i }).count()).toBe(1);
  const mine = (await (await asTherapist(doctor, base, '/api/therapist/links')).json()) as {
    links: { id: string; state: string }[];
  };
  const [practiceLink] = mine.links;
  expect(practiceLink?.state).toBe('pending');
  expect((await asTherapist(doctor, base, `/api/therapist/links/${practiceLink!.id}`)).status).toBe(
    404,
  );

  // Alex sees who claimed it, unverified, and approves.
  await alex.page.reload();
  await seeText(alex.page, 'Dr Amara Osei, Harbourside Couples Therapy');
  await seeText(alex.page, /Not verified by this service’s operator/);
  await seeText(alex.page, 'Your partner has not approved yet.');
  await expectNoAxeViolations(alex.page, 'Your therapist, awaiting approvals, phone');
  // Approving asks first: who, whether verified, and what it allows. "Not now" changes nothing.
  await alex.page.getByRole('button', { name: 'Approve Dr Amara Osei' }).click();
  const approveDialog = alex.page.getByRole('dialog', {
    name: 'Approve Dr Amara Osei as your therapist?',
  });
  await approveDialog.waitFor();
  await expect
    .poll(() => alex.page.evaluate(() => document.activeElement?.textContent))
    .toBe('Not now');
  await expect.poll(() => approveDialog.innerText()).toMatch(/Not verified/);
  await expectNoAxeViolations(alex.page, 'approve a therapist, confirm step, phone');
  await approveDialog.getByRole('button', { name: 'Not now' }).click();
  await approveDialog.waitFor({ state: 'hidden' });
  await seeText(alex.page, 'You have not approved yet.');
  await alex.page.getByRole('button', { name: 'Approve Dr Amara Osei' }).click();
  await approveDialog.getByRole('button', { name: 'Yes, approve Dr Amara Osei' }).click();
  await seeText(alex.page, 'You have approved.');
  expect((await asTherapist(doctor, base, `/api/therapist/links/${practiceLink!.id}`)).status).toBe(
    404,
  );

  // Sam approves too: now it is active.
  await sam.page.goto(`${base}/therapist`);
  await seeText(sam.page, 'Your partner has approved.');
  await expectNoAxeViolations(sam.page, 'Your therapist, partner approved, dark');
  await sam.page.getByRole('button', { name: 'Approve Dr Amara Osei' }).click();
  await sam.page
    .getByRole('dialog', { name: 'Approve Dr Amara Osei as your therapist?' })
    .getByRole('button', { name: 'Yes, approve Dr Amara Osei' })
    .click();
  // Approving is as sensitive as inviting: Sam confirms it is them first, then it goes through.
  await sam.page.getByRole('heading', { name: 'Confirm it is you' }).waitFor();
  await expectNoAxeViolations(sam.page, 'approve a therapist, confirm it is you, dark');
  await sam.page.getByLabel('Your password').fill(API_PASSWORD);
  await sam.page.getByRole('button', { name: 'Confirm', exact: true }).click();
  await seeText(sam.page, /You are working with Dr Amara Osei since/);
  // With a therapist active, no new link is offered.
  await seeText(sam.page, 'You already have a therapist working with you both.');
  expect(await sam.page.getByRole('button', { name: 'Make a link for a therapist' }).count()).toBe(
    0,
  );
  expect(await sam.page.getByRole('link', { name: 'Messages with your therapist' }).count()).toBe(
    1,
  );
  await expectNoAxeViolations(sam.page, 'Your therapist, active, dark');
  expect((await asTherapist(doctor, base, `/api/therapist/links/${practiceLink!.id}`)).status).toBe(
    200,
  );

  // Sam ends it, with a confirm step; the therapist's next request is refused.
  await sam.page.getByRole('button', { name: 'End this link' }).click();
  const dialog = sam.page.getByRole('dialog', { name: 'End the link with Dr Amara Osei?' });
  await dialog.waitFor();
  await expectNoAxeViolations(sam.page, 'end the link, confirm step');
  await dialog.getByRole('button', { name: 'End the link' }).click();
  await seeText(sam.page, /Dr Amara Osei: you ended this on/);
  await expectNoAxeViolations(sam.page, 'Your therapist, ended');
  expect((await asTherapist(doctor, base, `/api/therapist/links/${practiceLink!.id}`)).status).toBe(
    404,
  );
  await alex.page.reload();
  await seeText(alex.page, /Dr Amara Osei: ended on/);
  // Once it has ended, a new link is offered again.
  await alex.page.getByRole('button', { name: 'Make a link for a therapist' }).waitFor();

  // A therapist's home is their practice.
  await doctor.page.goto(`${base}/home`);
  await doctor.page.waitForURL('**/practice');

  for (const person of [alex, sam, doctor]) await expectCleanExit(person);
}

describe('inviting a therapist', () => {
  it('on the embedded database', async () => {
    const app = await startApp();
    try {
      await journey(app.base);
    } finally {
      await app.stop();
    }
  }, 180_000);

  it('on PostgreSQL', async () => {
    await onPostgres(journey);
  }, 180_000);
});
