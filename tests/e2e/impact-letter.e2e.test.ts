import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coupleViaApi, signedInPerson } from './couple-setup';
import {
  expectNoAxeViolations,
  launchBrowser,
  onPostgres,
  type RunningApp,
  startApp,
} from './harness';

/**
 * Alex writes an impact letter and shares it; Sam (on a phone, in dark mode) reads it and sends
 * a reflection; Alex answers "I felt understood" to one part and "not yet" to the other; Sam
 * tries again and Alex feels understood. Axe checks every state on both screens.
 */
const LETTER = {
  whatHappened: 'I found the messages on a Tuesday evening, after the children were asleep.',
  howItAffectedMe: 'I stopped sleeping. I keep going back over the last two years.',
  whatINeedNow: 'Honest answers when I ask, and time without being rushed.',
};
const HEARD = 'You found out alone, late at night, and you have not slept properly since.';
const FIRST_ACK = 'It made you doubt two years of our life.';
const SECOND_ACK =
  'It made you doubt two years of our life, and feel foolish for trusting me. That is on me.';
const NOTE = 'It is more than doubt. I feel foolish for trusting you.';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function open(page: Page, base: string) {
  await page.goto(`${base}/impact-letter`);
  await page.getByRole('heading', { level: 1, name: 'Your impact letter' }).waitFor();
}

async function letterJourney(base: string) {
  const [alexAccount, samAccount] = await coupleViaApi(base, ['Alex', 'Sam']);
  const alex = await signedInPerson(browser, base, alexAccount);
  const sam = await signedInPerson(browser, base, samAccount, { width: 360, colorScheme: 'dark' });

  // Alex starts a letter and saves a draft. It is private.
  await open(alex.page, base);
  await expectNoAxeViolations(alex.page, 'impact letter, nothing written');
  await alex.page.getByRole('button', { name: 'Start my letter' }).click();
  await alex.page.getByLabel('What happened for me').fill(LETTER.whatHappened);
  await alex.page.getByLabel('How it affected me').fill(LETTER.howItAffectedMe);
  await alex.page.getByLabel('What I need now').fill(LETTER.whatINeedNow);
  await alex.page.getByRole('button', { name: 'Save draft' }).click();
  await alex.page.getByText(/^Saved at /).waitFor();
  await alex.page.getByText('Private: only you can read this letter.').waitFor();
  await expectNoAxeViolations(alex.page, 'impact letter, draft saved');

  // Sam sees nothing of it.
  await open(sam.page, base);
  await sam.page.getByRole('heading', { name: 'Your letter', level: 2 }).waitFor();
  expect(await sam.page.getByText('The letter from Alex').count()).toBe(0);
  expect(await sam.page.getByText(LETTER.whatHappened).count()).toBe(0);
  await expectNoAxeViolations(sam.page, 'impact letter, partner, nothing shared (phone, dark)');

  // Alex shares it, in two steps.
  await alex.page.getByRole('button', { name: 'Share my letter with Sam…' }).click();
  const dialog = alex.page.getByRole('dialog', { name: 'Share your letter with Sam?' });
  await dialog.waitFor();
  await expectNoAxeViolations(alex.page, 'impact letter, share question');
  await dialog.getByRole('button', { name: 'Yes, share it' }).click();
  await alex.page.getByText(/^Sam can read the version you shared on /).waitFor();
  await expectNoAxeViolations(alex.page, 'impact letter, shared');

  // Sam reads it and writes a reflection with exactly two parts.
  await open(sam.page, base);
  await sam.page.getByRole('heading', { name: 'The letter from Alex' }).waitFor();
  await sam.page.getByText(LETTER.howItAffectedMe).waitFor();
  await expectNoAxeViolations(sam.page, 'partner reads the letter (phone, dark)');
  await sam.page.getByRole('button', { name: 'Write my reflection' }).click();
  const reflection = sam.page.getByRole('region', { name: 'Your reflection' });
  await sam.page.getByLabel('What I heard you say').fill(HEARD);
  await sam.page.getByLabel('What I understand this did to you').fill(FIRST_ACK);
  expect(await reflection.getByRole('textbox').count()).toBe(2);
  await expectNoAxeViolations(sam.page, 'reflection draft (phone, dark)');
  // The draft saves itself after a pause; it is still there after a reload.
  await sam.page.getByText('Changes not saved yet.', { exact: false }).waitFor();
  await sam.page.getByText(/^Saved at /).waitFor();
  await sam.page.reload();
  await expect.poll(() => sam.page.getByLabel('What I heard you say').inputValue()).toBe(HEARD);
  await sam.page.getByRole('button', { name: 'Send to Alex…' }).click();
  const send = sam.page.getByRole('dialog', { name: 'Send your reflection to Alex?' });
  await send.getByRole('button', { name: 'Yes, send it' }).click();
  await sam.page.getByText(/^You sent this on /).waitFor();
  expect(await sam.page.getByText('Alex has not answered this part yet.').count()).toBe(2);
  await expectNoAxeViolations(sam.page, 'reflection sent (phone, dark)');

  // Alex answers: understood for what Sam heard, not yet for the acknowledgement.
  await alex.page.reload();
  await alex.page.getByRole('heading', { name: 'The reflection from Sam' }).waitFor();
  await alex.page.getByText(HEARD).waitFor();
  await expectNoAxeViolations(alex.page, 'reflection received');
  await answer(alex.page, 'I felt understood');
  await alex.page.getByText('You said: I felt understood.').waitFor();
  await answer(alex.page, 'Not yet', NOTE);
  await alex.page.getByText('You said: not yet.').waitFor();
  await expectNoAxeViolations(alex.page, 'reflection answered');

  // Sam sees the answers and tries again, starting from the last attempt.
  await sam.page.reload();
  await sam.page.getByText('Alex said: I felt understood.').waitFor();
  await sam.page.getByText('Alex said: not yet.').waitFor();
  await sam.page.getByText(`What Alex says is still missing: ${NOTE}`).waitFor();
  await expectNoAxeViolations(sam.page, 'answers seen (phone, dark)');
  await sam.page.getByRole('button', { name: 'Try again' }).click();
  const ack = sam.page.getByLabel('What I understand this did to you');
  await expect.poll(() => ack.inputValue()).toBe(FIRST_ACK);
  await ack.fill(SECOND_ACK);
  await sam.page.getByRole('button', { name: 'Send to Alex…' }).click();
  await sam.page
    .getByRole('dialog', { name: 'Send your reflection to Alex?' })
    .getByRole('button', { name: 'Yes, send it' })
    .click();
  await expect.poll(() => sam.page.getByText(/^You sent this on /).count()).toBe(2);
  await expectNoAxeViolations(sam.page, 'second reflection sent (phone, dark)');

  // Alex feels understood this time; the first attempt and its answers are kept.
  await alex.page.reload();
  await alex.page.getByText(SECOND_ACK).waitFor();
  await answer(alex.page, 'I felt understood');
  await answer(alex.page, 'I felt understood');
  const newest = alex.page
    .getByRole('region', { name: 'The reflection from Sam' })
    .locator('article')
    .first();
  expect(await newest.getByText('You said: I felt understood.').count()).toBe(2);
  await alex.page.getByText('Earlier reflections (1)').click();
  await alex.page.getByText('You said: not yet.').waitFor();
  await expectNoAxeViolations(alex.page, 'understood, with the earlier reflection open');

  await sam.page.reload();
  await expect.poll(() => sam.page.getByText('Alex said: I felt understood.').count()).toBe(3);
  await expectNoAxeViolations(sam.page, 'understood (phone, dark)');

  for (const person of [alex, sam]) {
    expect(person.foreign).toEqual([]);
    expect(person.consoleErrors).toEqual([]);
    const stored = await person.page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(stored).toBe(0);
  }
  await alex.context.close();
  await sam.context.close();
}

/** Answers the first part still waiting for an answer. */
async function answer(page: Page, choice: 'I felt understood' | 'Not yet', note?: string) {
  const form = page.locator('form', {
    has: page.getByRole('group', { name: 'Did you feel understood in this part?' }),
  });
  const waiting = await form.count();
  const first = form.first();
  await first.getByRole('radio', { name: choice }).check();
  if (note) await first.getByLabel('What is still missing? (optional)').fill(note);
  await first.getByRole('button', { name: 'Send my answer' }).click();
  await page.getByText('Your answer is with Sam.').waitFor();
  await expect.poll(() => form.count()).toBe(waiting - 1);
}

describe('the impact letter and its reflection, in two browsers', () => {
  it('write, share, read, reflect, answer, try again (embedded database)', async () => {
    await letterJourney(app.base);
  });

  it('does the same on PostgreSQL', async () => {
    await onPostgres(letterJourney);
  });
});
