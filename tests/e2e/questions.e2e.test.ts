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
 * The question queue in two browsers. Alex, who was hurt, chooses a pace of two a day and writes
 * three questions in private; Sam sees nothing of them. Alex lets two go (after the self-check)
 * and the third is refused with when it can go. Sam, on a phone, answers one, asks for time on
 * the other, then corrects the first; Alex sees both versions and marks the answer for their
 * therapist. Then two of Sam's devices answer the second question at once: the page that lost
 * shows both answers, and Sam sends theirs as a correction. Axe checks every state.
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

const Q1 = 'How did it begin?';
const Q2 = 'Do you still have their number?';
const Q3 = 'Did anyone else know?';
const A1 = 'It began with messages at work in March.';
const A2 = 'No. I deleted it in front of you, and I have not had it since.';
const A2_ELSEWHERE = 'No, I deleted it.';
const A1_FIXED = 'It began with messages at work in February, not March. I was wrong before.';

async function api(base: string, person: ApiPerson, path: string, body: unknown, tag?: string) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: base,
      cookie: person.cookie,
      ...(tag ? { 'if-match': tag } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

async function questionsJourney(base: string) {
  const [alexApi, samApi] = await coupleViaApi(base);
  // The injury both have confirmed: Alex was hurt, Sam broke the trust.
  const named = await api(base, alexApi, '/api/injuries', {
    kind: 'affair',
    cameToLight: '2026-01',
    myRole: 'hurt',
  });
  const injuryId = (named.injury as { id: string }).id;
  await api(base, samApi, `/api/injuries/${injuryId}/confirm`, {}, '"1"');

  const alex = await signedInPerson(browser, base, alexApi);
  const sam = await signedInPerson(browser, base, samApi, { width: 360 });

  await alex.page.goto(`${base}/questions`);
  await alex.page.getByRole('heading', { name: 'Write a question' }).waitFor();
  await alex.page.getByText('Until you choose, the pace is 3 a day.').waitFor();
  await expectNoAxeViolations(alex.page, 'questions, nothing written');

  // A pace of two a day.
  await alex.page.getByLabel('How many at most').fill('2');
  await alex.page.getByRole('button', { name: 'Keep this pace' }).click();
  await alex.page.getByText('Your pace is kept.').waitFor();

  // Three questions, kept as drafts.
  for (const q of [Q1, Q2, Q3]) {
    await alex.page.getByRole('textbox', { name: 'Your question', exact: true }).fill(q);
    await alex.page.getByRole('button', { name: 'Keep it as a draft' }).click();
    await alex.page.getByRole('listitem').filter({ hasText: q }).waitFor();
  }
  const drafts = alex.page.getByRole('region', { name: 'Your drafts' });
  await expectNoAxeViolations(alex.page, 'three drafts');

  // Sam sees nothing of them.
  await sam.page.goto(`${base}/questions`);
  await sam.page.getByText('No questions for you yet.').waitFor();
  for (const q of [Q1, Q2, Q3]) expect(await sam.page.getByText(q).count()).toBe(0);

  // Alex lets two go, after the moment of self-check.
  for (const q of [Q1, Q2]) {
    await drafts
      .getByRole('listitem')
      .filter({ hasText: q })
      .getByLabel('Choose to let go')
      .check();
  }
  await drafts.getByRole('button', { name: 'Let 2 questions go' }).click();
  await alex.page.getByRole('heading', { name: 'A moment before you let go' }).waitFor();
  await expectNoAxeViolations(alex.page, 'self-check');
  await alex.page.getByRole('button', { name: 'Let it go now' }).click();
  await alex.page.getByText('2 questions went to Sam.').waitFor();
  const released = alex.page.getByRole('region', { name: 'Questions you let go' });
  await released.getByText(Q1).waitFor();
  await released.getByText(Q2).waitFor();

  // The third is refused, with when it can go.
  await drafts.getByRole('listitem').filter({ hasText: Q3 }).getByLabel('Choose to let go').check();
  await drafts.getByRole('button', { name: 'Let 1 question go' }).click();
  await alex.page.getByRole('button', { name: 'Let it go now' }).click();
  await alex.page.getByText(/The next one can go in about (23|24) hours\./).waitFor();
  await alex.page.getByText(/By your clock, the next can go from/).waitFor();
  await expectNoAxeViolations(alex.page, 'release refused by the pace');
  await drafts.getByText(Q3).waitFor();

  // Sam, on a phone, answers the first and asks for time on the second.
  await sam.page.reload();
  const first = sam.page.getByRole('listitem').filter({ hasText: Q1 });
  const second = sam.page.getByRole('listitem').filter({ hasText: Q2 });
  await first.waitFor();
  expect(await sam.page.getByText(Q3).count()).toBe(0);
  await expectNoAxeViolations(sam.page, 'two questions to answer, phone');
  await first.getByRole('textbox', { name: 'Your answer', exact: true }).fill(A1);
  await first.getByRole('button', { name: 'Send my answer' }).click();
  await sam.page.getByText('Your answer went to Alex.').waitFor();
  await first.getByText(/Newest answer, version 1/).waitFor();
  await second.getByRole('button', { name: 'Ask for time' }).click();
  await second.getByText(/You asked for time until/).waitFor();

  // Sam corrects the first answer: a new version, kept beside the first.
  await first.getByRole('textbox', { name: 'Your corrected answer', exact: true }).fill(A1_FIXED);
  await first.getByRole('button', { name: 'Send the correction' }).click();
  await first.getByText(/Newest answer, version 2/).waitFor();
  await first.getByText('Earlier versions of this answer').waitFor();
  // From the top: the sticky safety bar would otherwise sit over a button scrolled beneath it,
  // which axe counts as a target too small to press.
  await sam.page.evaluate(() => window.scrollTo(0, 0));
  await expectNoAxeViolations(sam.page, 'answered, corrected and time asked, phone');

  // Alex sees both versions, and that Sam needs time on the other.
  await alex.page.reload();
  const answered = alex.page.getByRole('listitem').filter({ hasText: Q1 });
  await answered.getByText(A1_FIXED).waitFor();
  await answered.getByText(A1).waitFor();
  await answered.getByText(/version 1/).waitFor();
  await alex.page
    .getByRole('listitem')
    .filter({ hasText: Q2 })
    .getByText(/Sam needs time to answer this well, until/)
    .waitFor();
  await answered.getByRole('button', { name: "Let's take this to our therapist" }).click();
  await answered.getByText(/You marked this for your therapist \(version 2\)/).waitFor();
  await expectNoAxeViolations(alex.page, 'both versions, marked for the therapist');

  await sam.page.reload();
  await sam.page
    .getByText('Alex would like to take this to your therapist.', { exact: false })
    .waitFor();

  // Two of Sam's devices answer the second question at once: the other one is first, so this page
  // gets the 412 and shows the saved answer beside Sam's words, and Sam sends theirs as a correction.
  const list = await fetch(`${base}/api/questions/list?injuryId=${injuryId}&state=released`, {
    headers: { cookie: samApi.cookie },
  });
  const { questions } = (await list.json()) as { questions: { id: string; body: string }[] };
  const q2 = questions.find((q) => q.body === Q2)!;
  const elsewhere = await fetch(`${base}/api/questions/${q2.id}/answer`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      origin: base,
      cookie: samApi.cookie,
      'if-match': '"0"',
    },
    body: JSON.stringify({ body: A2_ELSEWHERE }),
  });
  expect(elsewhere.status).toBe(200);
  await second.getByRole('textbox', { name: 'Your answer', exact: true }).fill(A2);
  await second.getByRole('button', { name: 'Send my answer' }).click();
  const conflict = second.getByRole('region', {
    name: 'An answer was sent from another window or device',
  });
  await conflict.getByText(A2_ELSEWHERE).waitFor();
  await conflict.getByText(A2).waitFor();
  await sam.page.evaluate(() => window.scrollTo(0, 0));
  await expectNoAxeViolations(sam.page, 'two devices answered at once, phone');
  await conflict.getByRole('button', { name: 'Save my words over it' }).click();
  await second.getByText(/Newest answer, version 2/).waitFor();
  await second.getByText(A2_ELSEWHERE).waitFor();

  for (const person of [alex, sam]) {
    expect(person.foreign).toEqual([]);
    const stored = await person.page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(stored).toBe(0);
  }
  // Sam's browser logs the one expected 412 (the answer another device sent first).
  expect(sam.consoleErrors.filter((line) => !/status of 412/.test(line))).toEqual([]);
  expect(sam.consoleErrors).toHaveLength(1);
  // Alex's browser logs the one expected 409 (the release past the pace); nothing else.
  expect(alex.consoleErrors.filter((line) => !/status of 409/.test(line))).toEqual([]);
  await alex.context.close();
  await sam.context.close();
}

describe('questions: a paced queue in two browsers', () => {
  it('write, let go within the pace, answer, ask for time, correct, mark (embedded database)', async () => {
    await questionsJourney(app.base);
  });

  it('does the same on PostgreSQL', async () => {
    await onPostgres(questionsJourney);
  });
});
