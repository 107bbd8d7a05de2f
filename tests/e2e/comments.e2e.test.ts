import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  coupleViaApi,
  coupleWithTherapistViaApi,
  signedInPerson,
  type ApiPerson,
} from './couple-setup';
import {
  expectCleanExit,
  expectNoAxeViolations,
  launchBrowser,
  onPostgres,
  type RunningApp,
  startApp,
} from './harness';

/**
 * Comments (issue 12) in two browsers: Sam shares a check-in; Alex quotes a passage of it and
 * comments; Sam sees it (after a reload until live changes arrive), replies on a phone; Alex edits
 * ("edited", the earlier wording one click away) and withdraws; Sam makes the check-in private
 * again and Alex no longer reaches the thread.
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

const NOTE = 'The quiet drive home was the hardest part of the day.';

async function api(base: string, person: ApiPerson, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: base, cookie: person.cookie },
    body: JSON.stringify(body ?? {}),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Sam's check-in of yesterday, shared with Alex (or only with the therapist). */
async function sharedCheckin(base: string, sam: ApiPerson, audience = 'partner'): Promise<string> {
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const written = await api(base, sam, 'PUT', `/api/checkins/mine/${day}`, {
    feelings: ['hurt'],
    intensity: 3,
    pain: 5,
    note: NOTE,
  });
  const id = (written.checkin as { id: string }).id;
  if (audience === 'partner') await api(base, sam, 'POST', `/api/checkins/${id}/share`);
  else await api(base, sam, 'PUT', `/api/checkins/${id}/therapist`, { shared: true });
  return id;
}

const timeline = (page: Page) => page.getByRole('region', { name: 'Earlier check-ins' });
const comments = (page: Page) => page.getByRole('region', { name: 'Comments' });

async function openCheckins(page: Page, base: string) {
  await page.goto(`${base}/checkins`);
  await page.getByRole('heading', { level: 1, name: 'Daily check-in' }).waitFor();
  await timeline(page).getByRole('heading', { name: 'Earlier check-ins' }).waitFor();
  await page.getByText('Opening your check-ins…').first().waitFor({ state: 'detached' });
}

/** Selects `words` inside the check-in's text, as a person would with the mouse. */
async function select(page: Page, words: string) {
  await page.evaluate((target) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(target) ?? -1;
      if (at >= 0 && !node.parentElement?.closest('[id^="comments-"]')) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + target.length);
        const selection = document.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
    }
    throw new Error(`"${target}" is not on the page`);
  }, words);
}

async function commentsJourney(base: string) {
  const [alexApi, samApi] = await coupleViaApi(base, ['Alex', 'Sam']);
  const checkinId = await sharedCheckin(base, samApi);
  const alex = await signedInPerson(browser, base, alexApi);
  const sam = await signedInPerson(browser, base, samApi, { width: 360 });
  // Sam's page is open before anything is said: what follows arrives without a reload.
  await openCheckins(sam.page, base);
  await comments(sam.page).getByText('No comments yet.', { exact: false }).waitFor();
  await sam.page.getByRole('link', { name: 'Notifications, none unread' }).waitFor();

  // --- Alex quotes a passage of Sam's check-in and comments ---
  await openCheckins(alex.page, base);
  await timeline(alex.page).getByText(NOTE).waitFor();
  await comments(alex.page).getByText('No comments yet.', { exact: false }).waitFor();
  await expectNoAxeViolations(alex.page, 'comments, none yet');

  await select(alex.page, 'quiet drive home');
  await comments(alex.page).getByRole('button', { name: 'Quote the selected words' }).click();
  expect(await comments(alex.page).getByLabel('Words to quote (optional)').inputValue()).toBe(
    'quiet drive home',
  );
  await comments(alex.page)
    .getByLabel('Add a comment')
    .fill('I did not know the drive was so hard.');
  await comments(alex.page).getByRole('button', { name: 'Post comment' }).click();
  await comments(alex.page).getByText('I did not know the drive was so hard.').waitFor();
  await comments(alex.page).getByRole('blockquote').getByText('quiet drive home').waitFor();
  await comments(alex.page).getByText('Quoted from the item').waitFor();
  await expectNoAxeViolations(alex.page, 'comments, one with a quote');

  // --- Sam's open page shows it, and the bell counts one; Sam replies on a phone ---
  await comments(sam.page)
    .getByText('I did not know the drive was so hard.')
    .waitFor({ timeout: 5_000 });
  await sam.page.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor({ timeout: 5_000 });
  await comments(sam.page).getByText('Alex', { exact: true }).waitFor();
  await comments(sam.page).getByRole('button', { name: 'Reply' }).click();
  await comments(sam.page).getByLabel('Your reply to Alex').fill('Thank you for asking about it.');
  await comments(sam.page).getByRole('button', { name: 'Post reply' }).click();
  await comments(sam.page).getByText('Thank you for asking about it.').waitFor();
  await expectNoAxeViolations(sam.page, 'comments, a reply, phone');
  const width = await sam.page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);

  // --- Alex's open page shows the reply; Alex edits (the earlier wording one click away) ---
  await comments(alex.page).getByText('Thank you for asking about it.').waitFor({ timeout: 5_000 });
  const mine = comments(alex.page).getByRole('article', { name: 'You' });
  await mine.getByRole('button', { name: 'Edit' }).click();
  await mine.getByLabel('Your comment').fill('I did not know the drive home was so hard for you.');
  await mine.getByRole('button', { name: 'Save changes' }).click();
  await mine.getByText('I did not know the drive home was so hard for you.').waitFor();
  await mine.getByText('edited', { exact: true }).waitFor();
  await mine.getByRole('button', { name: 'Show the earlier wording' }).click();
  await mine.getByText('I did not know the drive was so hard.').waitFor();
  await expectNoAxeViolations(alex.page, 'comments, edited with the earlier wording shown');
  await comments(sam.page).getByText('edited', { exact: true }).waitFor({ timeout: 5_000 });

  // --- Alex withdraws ---
  await mine.getByRole('button', { name: 'Withdraw' }).click();
  const dialog = alex.page.getByRole('dialog', { name: 'Withdraw this comment?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Withdraw it' }).click();
  await comments(alex.page).getByText('This comment was withdrawn.').waitFor();
  expect(await comments(alex.page).getByText('so hard for you').count()).toBe(0);
  await comments(sam.page).getByText('This comment was withdrawn.').waitFor({ timeout: 5_000 });
  expect(await comments(sam.page).getByText('so hard for you').count()).toBe(0);

  // --- Alex chooses "Nothing" for this item: a new comment shows, but the bell stays ---
  await comments(alex.page).getByLabel('Notify me of').selectOption('none');
  await alex.page.getByText('Saved: you will be told of nothing.').waitFor();
  const bellBefore = await alex.page.getByRole('link', { name: /^Notifications,/ }).textContent();
  await comments(sam.page).getByLabel('Add a comment').fill('One more thought for later.');
  await comments(sam.page).getByRole('button', { name: 'Post comment' }).click();
  await comments(alex.page).getByText('One more thought for later.').waitFor({ timeout: 5_000 });
  await alex.page.waitForTimeout(1_000);
  expect(await alex.page.getByRole('link', { name: /^Notifications,/ }).textContent()).toBe(
    bellBefore,
  );

  // --- Sam makes the check-in private again: Alex no longer reaches the thread ---
  await api(base, samApi, 'POST', `/api/checkins/${checkinId}/private`);
  await openCheckins(alex.page, base);
  expect(await timeline(alex.page).getByText(NOTE).count()).toBe(0);
  expect(await alex.page.getByText('Thank you for asking about it.').count()).toBe(0);
  const status = (
    await fetch(`${base}/api/comments?kind=checkin&itemId=${checkinId}`, {
      headers: { cookie: alexApi.cookie },
    })
  ).status;
  expect(status).toBe(404);
  await expectNoAxeViolations(alex.page, 'check-ins after the item was made private');

  await expectCleanExit(alex);
  await expectCleanExit(sam);
}

/**
 * The therapist: Sam shares a check-in with the therapist only; the therapist comments in the
 * workspace; Sam reads and replies under the check-in; Alex reaches none of it, and once Sam
 * shares the check-in with Alex too, Alex sees the check-in but not the therapist's words.
 */
async function therapistJourney(base: string) {
  const {
    alex: alexApi,
    sam: samApi,
    therapist: therapistApi,
    linkId,
  } = await coupleWithTherapistViaApi(base);
  const checkinId = await sharedCheckin(base, samApi, 'therapist');
  const therapist = await signedInPerson(browser, base, therapistApi);
  await therapist.page.goto(`${base}/practice/couples/${linkId}`);
  await therapist.page.getByRole('heading', { level: 1, name: 'Alex and Sam' }).waitFor();
  await therapist.page.getByRole('button', { name: /^Open Check-in/ }).click();
  await therapist.page.getByText(NOTE).waitFor();
  await comments(therapist.page)
    .getByText('Who can read these: you and the partner who shared this.', { exact: false })
    .waitFor();
  await comments(therapist.page).getByLabel('Add a comment').fill('Thank you for sharing this.');
  await comments(therapist.page).getByRole('button', { name: 'Post comment' }).click();
  await comments(therapist.page).getByText('Thank you for sharing this.').waitFor();
  await expectNoAxeViolations(therapist.page, 'comments, therapist workspace');

  const sam = await signedInPerson(browser, base, samApi);
  await openCheckins(sam.page, base);
  await comments(sam.page).getByText('Dr Rivera (therapist)').waitFor();
  await comments(sam.page).getByText('Who can read these: you and your therapist.').waitFor();
  await comments(sam.page).getByRole('button', { name: 'Reply' }).click();
  await comments(sam.page).getByLabel('Your reply to Dr Rivera (therapist)').fill('It helped.');
  await comments(sam.page).getByRole('button', { name: 'Post reply' }).click();
  await comments(sam.page).getByText('It helped.').waitFor();
  await expectNoAxeViolations(sam.page, 'comments, with the therapist');

  const alexStatus = async () =>
    (
      await fetch(`${base}/api/comments?kind=checkin&itemId=${checkinId}`, {
        headers: { cookie: alexApi.cookie },
      })
    ).status;
  expect(await alexStatus()).toBe(404);
  await api(base, samApi, 'POST', `/api/checkins/${checkinId}/share`);
  expect(await alexStatus()).toBe(200);
  const alex = await signedInPerson(browser, base, alexApi);
  await openCheckins(alex.page, base);
  await timeline(alex.page).getByText(NOTE).waitFor();
  await comments(alex.page).getByText('No comments yet.', { exact: false }).waitFor();
  expect(await alex.page.getByText('Thank you for sharing this.').count()).toBe(0);

  await expectCleanExit(therapist);
  await expectCleanExit(sam);
  await expectCleanExit(alex);
}

describe('comments on a shared check-in', () => {
  it('quote, comment, reply, edit, withdraw and narrow on PGlite', async () => {
    await commentsJourney(app.base);
  });

  it('does the same on PostgreSQL', async () => {
    await onPostgres(commentsJourney);
  });

  it('with the therapist the item is shared with, on PGlite', async () => {
    await therapistJourney(app.base);
  });

  it('with the therapist, on PostgreSQL', async () => {
    await onPostgres(therapistJourney);
  });
});
