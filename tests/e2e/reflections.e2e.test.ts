import type { Browser, Page } from 'playwright-core';
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
 * Alex was hurt; Sam is the involved partner (on a phone, in dark mode). Sam says contact with
 * the affair partner ended and tells of a later contact; Alex reads both. Alex writes a private
 * forgiveness reflection (Sam sees nothing of it) and then shares a few words; Sam reads those
 * words only. Both reflect privately on what comes next and share; each reads the other's, and
 * they write a decision down together. Axe checks every state on both screens.
 */
const ENDED_NOTE = 'I told them it is over and blocked the number.';
const HOW = 'A text message';
const SAID = 'They asked how I was. I said I would not be in touch again.';
const WHERE = 'Some days closer, some days further away than ever.';
const NEED = 'To see the honesty hold when it is not easy.';
const SHARE = 'I am not there yet. I am still here, and I am trying.';
const ALEX_NEEDS = 'Honesty before I have to ask.';
const SAM_WORDS = 'I want to try, and I am afraid of letting you down again.';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function api(base: string, person: ApiPerson, path: string, body: unknown, version?: number) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: base,
      cookie: person.cookie,
      ...(version === undefined ? {} : { 'if-match': `"${version}"` }),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json() as Promise<Record<string, unknown>>;
}

/** Alex names the affair as the one hurt, Sam confirms, and both move on to phase 3. */
async function prepare(base: string, alex: ApiPerson, sam: ApiPerson) {
  const named = (await api(base, alex, '/api/injuries', {
    kind: 'affair',
    cameToLight: '2026-01',
    myRole: 'hurt',
  })) as { injury: { id: string; version: number } };
  await api(base, sam, `/api/injuries/${named.injury.id}/confirm`, {}, named.injury.version);
  for (const phase of [2, 3]) {
    await api(base, alex, '/api/program/pace/ready', { phase });
    await api(base, sam, '/api/program/pace/ready', { phase });
  }
}

async function open(page: Page, base: string, path: string, heading: string) {
  await page.goto(`${base}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function confirmIn(page: Page, dialogName: string, button: string) {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function journey(base: string) {
  const [alexAccount, samAccount] = await coupleViaApi(base, ['Alex', 'Sam']);
  await prepare(base, alexAccount, samAccount);
  const alex = await signedInPerson(browser, base, alexAccount);
  const sam = await signedInPerson(browser, base, samAccount, { width: 360, colorScheme: 'dark' });

  // --- The contact log: Sam confirms contact ended, then tells of a contact.
  await open(sam.page, base, '/contact-log', 'Contact with the affair partner');
  await expectNoAxeViolations(sam.page, 'contact log, nothing written (phone, dark)');
  const ended = sam.page.getByRole('region', { name: 'Say that contact has ended' });
  await ended.getByLabel('The day contact ended').fill('2026-02-01');
  await ended.getByLabel('How it ended (if you want to say)').fill(ENDED_NOTE);
  await ended.getByRole('button', { name: 'Tell Alex contact has ended' }).click();
  await expectNoAxeViolations(sam.page, 'contact log, the question before telling (phone, dark)');
  await confirmIn(sam.page, 'Tell Alex now?', 'Yes, tell them');
  await sam.page.getByRole('heading', { name: 'Contact ended', level: 3 }).waitFor();
  const told = sam.page.getByRole('region', { name: 'Tell about a contact' });
  await told.getByLabel('When it happened').fill('2026-03-10');
  await told.getByLabel('How it happened').fill(HOW);
  await told.getByLabel('What was said').fill(SAID);
  await told.getByRole('button', { name: 'Tell Alex about this contact' }).click();
  await confirmIn(sam.page, 'Tell Alex now?', 'Yes, tell them');
  await sam.page.getByRole('heading', { name: 'A contact, told', level: 3 }).waitFor();
  await expectNoAxeViolations(sam.page, 'contact log, two entries (phone, dark)');

  await open(alex.page, base, '/contact-log', 'Contact with the affair partner');
  await alex.page.getByRole('heading', { name: 'What Sam has told you' }).waitFor();
  await alex.page.getByText(ENDED_NOTE).waitFor();
  await alex.page.getByText(SAID).waitFor();
  expect(await alex.page.getByRole('button', { name: /^Tell Sam/ }).count()).toBe(0);
  await expectNoAxeViolations(alex.page, 'contact log, the hurt partner reads');

  // --- Forgiveness: Alex writes privately; Sam sees nothing of it.
  await open(alex.page, base, '/forgiveness', 'Reflecting on forgiveness');
  await alex.page.getByLabel('Where I am with forgiveness right now').fill(WHERE);
  await alex.page.getByLabel('What I need before I could go further').fill(NEED);
  await alex.page.getByRole('button', { name: 'Save', exact: true }).click();
  await alex.page.getByText(/^Saved .*Only you can read it\.$/).waitFor();
  await expectNoAxeViolations(alex.page, 'forgiveness, private reflection saved');

  await open(sam.page, base, '/forgiveness', 'Reflecting on forgiveness');
  await sam.page.getByRole('heading', { name: 'What Alex chose to share' }).waitFor();
  await sam.page.getByText(/^Nothing shared\./).waitFor();
  expect(await sam.page.getByText(WHERE).count()).toBe(0);
  expect(await sam.page.getByRole('textbox').count()).toBe(0);
  await expectNoAxeViolations(sam.page, 'forgiveness, the partner sees nothing (phone, dark)');

  // Alex shares a few words, in two steps; Sam reads those words and nothing else.
  await alex.page.getByLabel('Words I might share').fill(SHARE);
  await alex.page.getByRole('button', { name: 'Share these words with Sam…' }).click();
  await confirmIn(alex.page, 'Share these words with Sam?', 'Yes, share them');
  await alex.page.getByText(/^Shared with Sam /).waitFor();
  await expectNoAxeViolations(alex.page, 'forgiveness, words shared');
  await sam.page.reload();
  await sam.page.getByText(SHARE).waitFor();
  expect(await sam.page.getByText(WHERE).count()).toBe(0);
  expect(await sam.page.getByText(NEED).count()).toBe(0);
  await expectNoAxeViolations(sam.page, 'forgiveness, shared words read (phone, dark)');

  // --- What comes next: both reflect privately, then share.
  await open(alex.page, base, '/decision', 'Thinking about what comes next');
  await alex.page.getByRole('radio', { name: 'Recommit: I want us to rebuild together' }).check();
  await alex.page.getByLabel('What I need in order to go on').fill(ALEX_NEEDS);
  await alex.page.getByRole('button', { name: 'Save', exact: true }).click();
  await alex.page.getByText(/^Saved /).waitFor();
  await expectNoAxeViolations(alex.page, 'decision, private reflection saved');

  await open(sam.page, base, '/decision', 'Thinking about what comes next');
  await sam.page.getByText('Alex has not shared a reflection.', { exact: false }).waitFor();
  expect(await sam.page.getByText(ALEX_NEEDS).count()).toBe(0);
  await sam.page.getByRole('radio', { name: 'Not sure yet' }).check();
  await sam.page.getByLabel('In my own words').fill(SAM_WORDS);
  await sam.page.getByRole('button', { name: 'Save', exact: true }).click();
  await sam.page.getByText(/^Saved /).waitFor();
  await expectNoAxeViolations(sam.page, 'decision, private reflection (phone, dark)');

  await alex.page.getByRole('button', { name: 'Share with Sam…' }).click();
  await confirmIn(alex.page, 'Share this with Sam?', 'Yes, share it');
  await alex.page.getByText('Shared with Sam.').waitFor();
  await sam.page.getByRole('button', { name: 'Share with Alex…' }).click();
  await confirmIn(sam.page, 'Share this with Alex?', 'Yes, share it');
  await sam.page.getByText('Shared with Alex.').waitFor();

  // Opened afresh (not reloaded), so the page starts at the top, clear of the sticky bar.
  await open(sam.page, base, '/decision', 'Thinking about what comes next');
  await sam.page.getByRole('heading', { name: 'What Alex shared' }).waitFor();
  await sam.page.getByText(ALEX_NEEDS).waitFor();
  await expectNoAxeViolations(sam.page, 'decision, both shared (phone, dark)');
  await open(alex.page, base, '/decision', 'Thinking about what comes next');
  await alex.page.getByText(SAM_WORDS).waitFor();

  // Alex writes the decision down with a review date; Sam agrees to that version.
  const record = alex.page.getByRole('form', { name: 'Our decision' });
  await record.getByRole('radio', { name: 'Not sure yet' }).check();
  await record.getByLabel('A few words about it').fill('We keep going, with our therapist.');
  await record.getByLabel('When we look at it again (optional)').fill('2027-03-01');
  await record.getByRole('button', { name: 'Write this down' }).click();
  await alex.page.getByText('Waiting for Sam to read it and say whether they agree.').waitFor();
  await expectNoAxeViolations(alex.page, 'decision written down');
  await open(sam.page, base, '/decision', 'Thinking about what comes next');
  await sam.page.getByRole('button', { name: 'I agree with this' }).click();
  await sam.page.getByText(/^You both agree with this version/).waitFor();
  await expectNoAxeViolations(sam.page, 'decision agreed (phone, dark)');

  for (const person of [alex, sam]) {
    expect(person.foreign).toEqual([]);
    expect(person.consoleErrors).toEqual([]);
    const stored = await person.page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(stored).toBe(0);
  }
  await alex.context.close();
  await sam.context.close();
}

describe('contact log, forgiveness and decision reflections, in two browsers', () => {
  it('tell, read, reflect privately, share (embedded database)', async () => {
    await journey(app.base);
  });

  it('does the same on PostgreSQL', async () => {
    await onPostgres(journey);
  });
});
