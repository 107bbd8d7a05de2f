import type { Browser } from 'playwright-core';
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
  startApp,
} from './harness';

/**
 * The home screen (today) and the progress page, as a couple uses them: what the partner shared
 * since I last looked, a next step, a weekly path drawn as a chart with a table beside it, and a
 * calm offer of support when something written sounds like a crisis.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function daysAgo(n: number): string {
  const date = new Date(Date.now() - n * 24 * 3600 * 1000);
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

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
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

async function checkIn(base: string, person: ApiPerson, day: string, pain: number) {
  const written = await api(base, person, 'PUT', `/api/checkins/mine/${day}`, {
    feelings: ['hurt'],
    intensity: 3,
    pain,
    triggers: '',
    needs: '',
    note: '',
  });
  return (written.checkin as { id: string }).id;
}

async function journey(base: string) {
  const [alexAccount, samAccount] = await coupleViaApi(base);
  const alex = await signedInPerson(browser, base, alexAccount);
  const sam = await signedInPerson(browser, base, samAccount, { width: 360, colorScheme: 'dark' });

  // Sam shares a check-in before Alex looks.
  const shared = await checkIn(base, samAccount, daysAgo(0), 6);
  await api(base, samAccount, 'POST', `/api/checkins/${shared}/share`, {});

  await alex.page.goto(`${base}/home`);
  await alex.page.getByRole('link', { name: 'Sam shared a check-in' }).waitFor();
  await alex.page.getByRole('link', { name: 'Check in for today' }).waitFor();
  await alex.page.getByRole('heading', { name: 'A next step' }).waitFor();
  await expectNoAxeViolations(alex.page, 'today, with news from the partner');

  // Once looked at, the news is not new any more.
  await alex.page.reload();
  await alex.page.getByText('Nothing new from Sam since you last looked.').waitFor();

  // Alex checks in, with words that sound like a crisis: it saves, and support is offered.
  await alex.page.getByRole('link', { name: 'Check in for today' }).click();
  await alex.page.waitForURL('**/checkins');
  await alex.page.getByLabel('Hurt', { exact: true }).check();
  await alex.page.getByLabel('3 · Strong').check();
  await alex.page.getByRole('radio', { name: '7', exact: true }).check();
  await alex.page.getByLabel('Anything else').fill('Some nights I want to die.');
  await alex.page.getByRole('button', { name: 'Save my check-in' }).click();
  await alex.page.getByRole('heading', { name: 'You don’t have to carry this alone' }).waitFor();
  await alex.page.getByRole('button', { name: 'Save changes' }).waitFor();
  await expectNoAxeViolations(alex.page, 'check-in with the support offer');
  await alex.page.getByRole('link', { name: 'See people who can help' }).click();
  await alex.page.waitForURL('**/safety');

  // Alex's weekly path, with a few earlier weeks.
  for (const [n, pain] of [
    [21, 8],
    [14, 7],
    [7, 4],
  ] as const) {
    await checkIn(base, alexAccount, daysAgo(n), pain);
  }
  await alex.page.goto(`${base}/progress`);
  await alex.page.getByRole('heading', { level: 1, name: 'Your path so far' }).waitFor();
  const painChart = alex.page.getByRole('figure', { name: 'How much it hurt' });
  await painChart.locator('canvas').first().waitFor();
  await painChart.getByText('See these numbers as a table').click();
  const rows = painChart.getByRole('row');
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(4);
  await alex.page.getByText('Your first check-in').waitFor();
  await expectNoAxeViolations(alex.page, 'progress page with charts and the table open');

  // Sam's progress has none of Alex's check-ins, on a phone, in dark mode.
  await sam.page.goto(`${base}/progress`);
  await sam.page.getByRole('heading', { level: 1, name: 'Your path so far' }).waitFor();
  const samRows = sam.page.getByRole('figure', { name: 'How much it hurt' }).getByRole('row');
  await sam.page
    .getByRole('figure', { name: 'How much it hurt' })
    .getByText('See these numbers as a table')
    .click();
  expect(await samRows.count()).toBe(2); // the header and Sam's one week
  await sam.page
    .getByText(/for the one week you have checked in so far/)
    .first()
    .waitFor();
  expect(await sam.page.getByText(/\b1 weeks\b/).count()).toBe(0);
  await expectNoAxeViolations(sam.page, 'partner’s progress page, phone, dark');

  for (const person of [alex, sam]) await expectCleanExit(person);
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/**
 * Today knows what is done: the hurt partner has shared the letter, so the involved partner is
 * offered the reflection and the writer is not offered the letter again; the therapist's message
 * and suggestion are news for both. Once the reflection is sent, it is not offered again.
 */
async function whatIsDone(base: string) {
  const { alex, sam, therapist, linkId } = await coupleWithTherapistViaApi(base);
  const named = await api(base, alex, 'POST', '/api/injuries', {
    kind: 'affair',
    cameToLight: '2026-01',
    myRole: 'hurt',
  });
  const injury = named.injury as { id: string };
  await api(base, sam, 'POST', `/api/injuries/${injury.id}/confirm`, {}, ifMatch(1));
  const draft = (await api(base, alex, 'POST', '/api/impact-letter/letters', {
    replacing: null,
  })) as { id: string; version: number };
  const saved = (await api(
    base,
    alex,
    'PUT',
    `/api/impact-letter/letters/${draft.id}`,
    {
      whatHappened: 'I found out on a quiet evening.',
      howItAffectedMe: 'I have not slept well since.',
      whatINeedNow: 'Patience, and honest answers.',
    },
    ifMatch(draft.version),
  )) as { id: string; version: number };
  await api(
    base,
    alex,
    'POST',
    `/api/impact-letter/letters/${saved.id}/share`,
    {},
    ifMatch(saved.version),
  );
  await api(base, therapist, 'POST', `/api/messages/couples/${linkId}`, {
    thread: 'couple',
    body: 'Welcome, both of you.',
  });
  await api(base, therapist, 'POST', `/api/practice/couples/${linkId}/suggestions`, {
    exercise: 'daily-check-in',
    note: '',
  });

  const samView = await signedInPerson(browser, base, sam, { width: 360 });
  await samView.page.goto(`${base}/home`);
  await samView.page.getByRole('link', { name: 'Alex shared a letter with you' }).waitFor();
  await samView.page.getByRole('link', { name: 'Your therapist wrote a message' }).waitFor();
  await samView.page.getByRole('link', { name: 'Your therapist suggested an exercise' }).waitFor();
  const samNext = samView.page.getByRole('region', { name: 'A next step' });
  await samNext.getByRole('link', { name: 'Reflect on the impact letter' }).waitFor();
  await expectNoAxeViolations(samView.page, 'today with the therapist’s news, phone');

  const alexView = await signedInPerson(browser, base, alex);
  await alexView.page.goto(`${base}/home`);
  const alexNext = alexView.page.getByRole('region', { name: 'A next step' });
  await alexNext.getByRole('link').first().waitFor();
  expect(await alexNext.getByRole('link', { name: 'Write an impact letter' }).count()).toBe(0);
  await expectNoAxeViolations(alexView.page, 'today after sharing the letter');

  const letters = (await api(base, sam, 'GET', '/api/impact-letter')) as {
    fromPartner: { id: string }[];
  };
  const reflection = (await api(
    base,
    sam,
    'POST',
    `/api/impact-letter/letters/${letters.fromPartner[0]!.id}/reflections`,
    {
      paraphrase: 'You found out alone, and have not slept since.',
      acknowledgement: 'It shook how safe you feel with me.',
    },
  )) as { id: string; version: number };
  await api(
    base,
    sam,
    'POST',
    `/api/impact-letter/reflections/${reflection.id}/send`,
    {},
    ifMatch(reflection.version),
  );
  await samView.page.reload();
  await samNext.getByRole('link').first().waitFor();
  expect(await samNext.getByRole('link', { name: 'Reflect on the impact letter' }).count()).toBe(0);

  for (const person of [samView, alexView]) await expectCleanExit(person);
}

describe('today knows what is done', () => {
  it('on the embedded database', async () => {
    const app = await startApp();
    try {
      await whatIsDone(app.base);
    } finally {
      await app.stop();
    }
  }, 120_000);

  it('on PostgreSQL', async () => {
    await onPostgres(whatIsDone);
  }, 120_000);
});

describe('today and progress', () => {
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
