import type { Browser } from 'playwright-core';
import { loadSafetyScreen } from '#server/features/safety-screen/questions.ts';
import { newPerson } from './harness';

/**
 * Fast set-up for feature journeys: the sign-up and invite pages have their own journey in
 * couple.e2e.test.ts, so other journeys create their people through the API and start signed in.
 */
export interface ApiPerson {
  name: string;
  email: string;
  /** `hh_session=<token>`, as the browser would hold it. */
  cookie: string;
}

let counter = 0;

/** Every person made through the API has this password (to confirm it is them, say). */
export const API_PASSWORD = 'slow walks by the old harbour';

async function call(base: string, path: string, body: unknown, cookie?: string) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: base,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

/** Answers to the private safety screen that ask for no care: for each question, the first such answer. */
export function calmScreenAnswers(): Record<string, string> {
  const { questions, answers } = loadSafetyScreen().definition;
  return Object.fromEntries(
    questions.map((q) => [q.id, answers.find((a) => !q.care.includes(a.id))!.id]),
  );
}

/** Takes the private safety screen through the API with calm answers (joint work needs it). */
export async function takeScreenViaApi(base: string, person: ApiPerson): Promise<void> {
  await call(base, '/api/safety-screen', { answers: calmScreenAnswers() }, person.cookie);
}

/**
 * A new account, signed in. It has taken the private safety screen with calm answers, as shared
 * exercises need, unless `screened` is false (for journeys about the screen itself).
 */
export async function signUpViaApi(
  base: string,
  name: string,
  options: { screened?: boolean } = {},
): Promise<ApiPerson> {
  counter += 1;
  const email = `${name.toLowerCase()}-${Date.now()}-${counter}@example.test`;
  const password = API_PASSWORD;
  // Sign-up answers the same for any address and signs nobody in; sign-in follows, as on the page.
  await call(base, '/api/auth/signup', { displayName: name, email, password });
  const response = await call(base, '/api/auth/signin', { email, password });
  const cookie = response.headers.getSetCookie().find((c) => c.includes('hh_session='));
  if (!cookie) throw new Error('sign-in after sign-up set no session cookie');
  const person = { name, email, cookie: cookie.split(';')[0]! };
  if (options.screened !== false) await takeScreenViaApi(base, person);
  return person;
}

/** Two partners in one space, joined through a real invite link. */
export async function coupleViaApi(
  base: string,
  names: [string, string] = ['Alex', 'Sam'],
  options: { screened?: boolean } = {},
): Promise<[ApiPerson, ApiPerson]> {
  const [a, b] = await Promise.all(names.map((name) => signUpViaApi(base, name, options)));
  await call(base, '/api/space', {}, a!.cookie);
  const invite = (await (await call(base, '/api/invites', {}, a!.cookie)).json()) as {
    token: string;
  };
  await call(base, '/api/invites/accept', { token: invite.token }, b!.cookie);
  return [a!, b!];
}

/** A browser profile already signed in as `person` (with newPerson's foreign-request trap). */
export async function signedInPerson(
  browser: Browser,
  base: string,
  person: ApiPerson,
  options: Parameters<typeof newPerson>[2] = {},
) {
  const visitor = await newPerson(browser, base, options);
  const [name, value] = person.cookie.split('=') as [string, string];
  await visitor.context.addCookies([{ name, value, url: base }]);
  return visitor;
}

/** A therapist's account, signed in (POST /api/therapist/signup, then sign-in). */
export async function therapistViaApi(base: string, name = 'Dr Rivera'): Promise<ApiPerson> {
  counter += 1;
  const email = `therapist-${Date.now()}-${counter}@example.test`;
  const password = 'quiet rooms and open windows';
  // Sign-up answers the same for any address and signs nobody in; sign-in follows, as on the page.
  await call(base, '/api/therapist/signup', {
    displayName: name,
    email,
    password,
    practiceName: 'Harbour Counselling',
    licence: 'LMFT 12345',
  });
  const response = await call(base, '/api/auth/signin', { email, password });
  const cookie = response.headers.getSetCookie().find((c) => c.includes('hh_session='));
  if (!cookie) throw new Error('sign-in after therapist sign-up set no session cookie');
  return { name, email, cookie: cookie.split(';')[0]! };
}

/**
 * The real link flow: the first partner makes a therapist link, the therapist claims it, and
 * both partners approve. Returns the active link's id.
 */
export async function linkTherapistViaApi(
  base: string,
  couple: [ApiPerson, ApiPerson],
  therapist: ApiPerson,
): Promise<string> {
  const [a, b] = couple;
  // Inviting a therapist is sensitive: the partner confirms it is them first (step-up).
  await call(base, '/api/auth/step-up', { method: 'password', password: API_PASSWORD }, a.cookie);
  const invite = (await (await call(base, '/api/therapist/invites', {}, a.cookie)).json()) as {
    token: string;
  };
  const claimed = (await (
    await call(base, '/api/therapist/claim', { token: invite.token }, therapist.cookie)
  ).json()) as { id: string };
  for (const partner of [a, b]) {
    // Approving is as sensitive as inviting: each partner confirms it is them first.
    const stepUp = { method: 'password', password: API_PASSWORD };
    await call(base, '/api/auth/step-up', stepUp, partner.cookie);
    await call(base, `/api/therapist/links/${claimed.id}/approve`, {}, partner.cookie);
  }
  return claimed.id;
}

/** A couple with an active therapist, through the real routes. */
export async function coupleWithTherapistViaApi(base: string) {
  const [alex, sam] = await coupleViaApi(base);
  const therapist = await therapistViaApi(base);
  const linkId = await linkTherapistViaApi(base, [alex, sam], therapist);
  return { alex, sam, therapist, linkId };
}
