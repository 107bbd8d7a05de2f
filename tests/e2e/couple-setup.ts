import type { Browser } from 'playwright-core';
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

export async function signUpViaApi(base: string, name: string): Promise<ApiPerson> {
  counter += 1;
  const email = `${name.toLowerCase()}-${Date.now()}-${counter}@example.test`;
  const response = await call(base, '/api/auth/signup', {
    displayName: name,
    email,
    password: 'slow walks by the old harbour',
  });
  const cookie = response.headers.getSetCookie().find((c) => c.includes('hh_session='));
  if (!cookie) throw new Error('sign-up set no session cookie');
  return { name, email, cookie: cookie.split(';')[0]! };
}

/** Two partners in one space, joined through a real invite link. */
export async function coupleViaApi(
  base: string,
  names: [string, string] = ['Alex', 'Sam'],
): Promise<[ApiPerson, ApiPerson]> {
  const [a, b] = await Promise.all(names.map((name) => signUpViaApi(base, name)));
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
