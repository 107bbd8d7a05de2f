import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
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
 * Notifications as a partner meets them: the bell in the safety bar counts what arrives while the
 * page is open (the live stream, no reload), fits a 360 px screen beside quick exit, opens the
 * list (newest first, neutral words, mark read), and the settings page saves a choice.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
const NOTE = 'A private sentence that must never reach a notification';

async function api(base: string, person: ApiPerson, method: string, url: string, body?: unknown) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', origin: base, cookie: person.cookie },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json() as Promise<Record<string, unknown>>;
}

/** Alex writes today's check-in and shares it with Sam, through the API. */
async function shareCheckin(base: string, alex: ApiPerson) {
  const day = new Date().toISOString().slice(0, 10);
  const written = (await api(base, alex, 'PUT', `/api/checkins/mine/${day}`, {
    feelings: ['hurt'],
    intensity: 2,
    pain: 3,
    note: NOTE,
  })) as { checkin: { id: string } };
  await api(base, alex, 'POST', `/api/checkins/${written.checkin.id}/share`, {});
}

async function journey(base: string, screenshot: boolean) {
  const [alexAccount, samAccount] = await coupleViaApi(base);
  const sam = await signedInPerson(browser, base, samAccount, { width: 360 });
  const page = sam.page;
  await page.goto(`${base}/home`);
  const bell = page.getByRole('link', { name: 'Notifications, none unread' });
  await bell.waitFor();

  // Something arrives while the page is open: the bell counts it without a reload.
  await shareCheckin(base, alexAccount);
  await page.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor({ timeout: 5_000 });
  expect(await page.getByTestId('bell-count').textContent()).toBe('1');

  // At 360 px the bell, "I don't feel safe" and quick exit all sit on screen, on one line.
  const quickExit = page.getByRole('button', { name: 'Quick exit' });
  const exitBox = (await quickExit.boundingBox())!;
  const bellBox = (await page.getByRole('link', { name: /^Notifications,/ }).boundingBox())!;
  expect(exitBox.x + exitBox.width).toBeLessThanOrEqual(360);
  expect(bellBox.x).toBeGreaterThanOrEqual(0);
  expect(Math.abs(exitBox.y - bellBox.y)).toBeLessThan(10);
  if (screenshot) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'bell-360.png') });
  }
  await expectNoAxeViolations(page, 'home with the bell, 360 px');

  // The list: neutral words, the link to the thing, mark all read.
  await page.getByRole('link', { name: 'Notifications, 1 unread' }).click();
  await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
  await page.getByRole('link', { name: 'Alex shared something with you' }).waitFor();
  expect(await page.content()).not.toContain(NOTE);
  await expectNoAxeViolations(page, 'notifications list, 360 px');
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await page.getByRole('link', { name: 'Notifications, none unread' }).waitFor();
  await page.getByRole('link', { name: 'Alex shared something with you' }).click();
  await page.waitForURL(`${base}/checkins`);

  // Settings: the browser's zone is offered; a choice is saved.
  await page.goto(`${base}/notifications/settings`);
  await page.getByRole('heading', { level: 1, name: 'What you are notified of' }).waitFor();
  await page
    .getByRole('group', { name: 'My partner shares something with me' })
    .getByLabel('Off')
    .check();
  await page.getByLabel('Keep quiet hours').check();
  expect(await page.getByLabel('Your time zone').inputValue()).not.toBe('');
  await expectNoAxeViolations(page, 'notification settings, 360 px');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Your notification settings are saved.').waitFor();
  const saved = (await api(base, samAccount, 'GET', '/api/notifications/preferences')) as {
    preferences: { channels: { shared: string }; quietHours: unknown };
  };
  expect(saved.preferences.channels.shared).toBe('off');
  expect(saved.preferences.quietHours).toEqual({ start: 22 * 60, end: 7 * 60 });

  await expectCleanExit(sam);
}

describe('notifications', () => {
  it('the bell counts live, fits 360 px, opens the list; settings save (embedded engine)', async () => {
    const app = await startApp();
    try {
      await journey(app.base, true);
    } finally {
      await app.stop();
    }
  });

  it('the same on PostgreSQL', async () => {
    await onPostgres(async (base) => journey(base, false));
  });
});
