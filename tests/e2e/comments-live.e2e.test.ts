import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coupleViaApi, signedInPerson, type ApiPerson } from './couple-setup';
import {
  expectCleanExit,
  expectNoAxeViolations,
  launchBrowser,
  onPostgres,
  startApp,
} from './harness';

/**
 * Comments arriving live (issue 12, "Done means"): two partners in two browsers. Alex comments on
 * Sam's shared check-in; Sam's open page shows it within a second, without a reload, and Sam's
 * bell counts one. Alex sets "Notify me of: nothing" for that check-in: Sam's reply and next
 * comment still appear on Alex's open page, but Alex is notified of neither.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const NOTE = 'The quiet drive home was the hardest part of the day.';
const COMMENT = 'I did not know the drive was so hard.';
const REPLY = 'Thank you for asking about it.';
const LATER = 'One more thought about the evening.';

async function api(base: string, person: ApiPerson, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: base, cookie: person.cookie },
    ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Sam's check-in of yesterday, shared with Alex. */
async function sharedCheckin(base: string, sam: ApiPerson): Promise<string> {
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const written = await api(base, sam, 'PUT', `/api/checkins/mine/${day}`, {
    feelings: ['hurt'],
    intensity: 3,
    pain: 5,
    note: NOTE,
  });
  const id = (written.checkin as { id: string }).id;
  await api(base, sam, 'POST', `/api/checkins/${id}/share`);
  return id;
}

const comments = (page: Page) => page.getByRole('region', { name: 'Comments' });
const bell = (page: Page, name: string) => page.getByRole('link', { name, exact: true });

async function openCheckins(page: Page, base: string) {
  await page.goto(`${base}/checkins`);
  await page.getByRole('heading', { level: 1, name: 'Daily check-in' }).waitFor();
  await page.getByText('Opening your check-ins…').first().waitFor({ state: 'detached' });
}

async function journey(base: string) {
  const [alexApi, samApi] = await coupleViaApi(base, ['Alex', 'Sam']);
  const checkinId = await sharedCheckin(base, samApi);
  // Alex was told of the share; start from nothing unread.
  await api(base, alexApi, 'POST', '/api/notifications/read-all');
  const alex = await signedInPerson(browser, base, alexApi);
  const sam = await signedInPerson(browser, base, samApi, { width: 360 });

  await openCheckins(sam.page, base);
  await bell(sam.page, 'Notifications, none unread').waitFor();
  await openCheckins(alex.page, base);
  await bell(alex.page, 'Notifications, none unread').waitFor();

  // Alex comments; Sam's open page shows it within a second, without a reload.
  await comments(alex.page).getByLabel('Add a comment').fill(COMMENT);
  await comments(alex.page).getByRole('button', { name: 'Post comment' }).click();
  await comments(alex.page).getByText(COMMENT).waitFor();
  const posted = Date.now();
  await comments(sam.page).getByText(COMMENT).waitFor({ timeout: 1_000 });
  expect(Date.now() - posted).toBeLessThanOrEqual(1_000);
  await bell(sam.page, 'Notifications, 1 unread').waitFor({ timeout: 1_000 });
  await expectNoAxeViolations(sam.page, 'a comment arrived live, bell counts one, 360 px');

  // Alex asks to be told of nothing about this check-in.
  await comments(alex.page).getByLabel('Notify me of').selectOption('none');
  await alex.page.getByText('Saved: you will be told of nothing.').waitFor();

  // Sam replies on the page and comments again: both reach Alex's open page, no notification.
  await comments(sam.page).getByRole('button', { name: 'Reply' }).click();
  await comments(sam.page).getByLabel('Your reply to Alex').fill(REPLY);
  await comments(sam.page).getByRole('button', { name: 'Post reply' }).click();
  await comments(sam.page).getByText(REPLY).waitFor();
  await api(base, samApi, 'POST', '/api/comments', {
    kind: 'checkin',
    itemId: checkinId,
    body: LATER,
  });
  await comments(alex.page).getByText(REPLY).waitFor({ timeout: 2_000 });
  await comments(alex.page).getByText(LATER).waitFor({ timeout: 2_000 });
  await bell(alex.page, 'Notifications, none unread').waitFor();
  const list = (await api(base, alexApi, 'GET', '/api/notifications')) as {
    unread: number;
    notifications: { kind: string }[];
  };
  expect(list.unread).toBe(0);
  expect(list.notifications.map((n) => n.kind)).toEqual(['shared']);
  await expectNoAxeViolations(alex.page, 'comments after Notify me of: nothing');

  await expectCleanExit(alex);
  await expectCleanExit(sam);
}

describe('comments arrive live', () => {
  it('in two browsers on the embedded engine', async () => {
    const app = await startApp();
    try {
      await journey(app.base);
    } finally {
      await app.stop();
    }
  });

  it('in two browsers on PostgreSQL', async () => {
    await onPostgres(journey);
  });
});
