import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServerProcess } from '../helpers/server-process';
import { API_PASSWORD, signedInPerson, signUpViaApi } from './couple-setup';
import { expectCleanExit, expectNoAxeViolations, launchBrowser } from './harness';

/**
 * A passkey with Chromium's virtual authenticator (DevTools protocol, `WebAuthn.*`): the person
 * adds one on the account page (after confirming it is them), and then it is their step-up: the
 * browser signs the server's challenge and the server accepts it, so the export needs nothing
 * more. WebAuthn refuses an IP address as the relying party's id, so this app's public address
 * is `http://localhost:<port>` (a secure context, as 127.0.0.1 is).
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** In the page: the passkey step-up as a browser makes it, with the WebAuthn API itself. */
function passkeyStepUp(page: Page) {
  return page.evaluate(async () => {
    const toBytes = (b64url: string) =>
      Uint8Array.from(atob(b64url.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const toB64url = (buffer: ArrayBuffer) =>
      btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    const post = (url: string, body: unknown) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const options = (await (await post('/api/auth/step-up/passkey-options', {})).json()) as {
      challenge: string;
      rpId: string;
      allowCredentials: { id: string; type: 'public-key' }[];
      userVerification?: UserVerificationRequirement;
    };
    const credential = (await navigator.credentials.get({
      publicKey: {
        challenge: toBytes(options.challenge),
        rpId: options.rpId,
        allowCredentials: options.allowCredentials.map((c) => ({
          type: c.type,
          id: toBytes(c.id),
        })),
        userVerification: options.userVerification ?? 'preferred',
      },
    })) as PublicKeyCredential;
    const answer = credential.response as AuthenticatorAssertionResponse;
    const response = await post('/api/auth/step-up', {
      method: 'passkey',
      response: {
        id: credential.id,
        rawId: toB64url(credential.rawId),
        type: 'public-key',
        response: {
          clientDataJSON: toB64url(answer.clientDataJSON),
          authenticatorData: toB64url(answer.authenticatorData),
          signature: toB64url(answer.signature),
          userHandle: answer.userHandle ? toB64url(answer.userHandle) : undefined,
        },
        clientExtensionResults: {},
      },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  });
}

async function journey(base: string) {
  const account = await signUpViaApi(base, 'Kai');
  const person = await signedInPerson(browser, base, account);
  const { page } = person;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  // Add a passkey: confirm it is me first, then the browser makes it.
  await page.goto(`${base}/account`);
  await page.getByRole('heading', { name: 'Passkeys' }).waitFor();
  await page.getByLabel('A name for it').fill('My laptop');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await page.getByRole('heading', { name: 'Confirm it is you' }).waitFor();
  const form = page.locator('form:has([id$="-stepup-password"])');
  await form.locator('[id$="-stepup-password"]').fill(API_PASSWORD);
  await form.getByRole('button', { name: 'Confirm', exact: true }).click();
  // A first second step comes with recovery codes.
  await page.getByTestId('recovery-codes').waitFor();
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await page.getByText('My laptop').first().waitFor();
  await expectNoAxeViolations(page, 'account page with a passkey');
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);

  // Sign out, and in again: the password, then the passkey as the second step.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/account'));
  await page.goto(`${base}/signin`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(API_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'One more step' }).waitFor();
  await page.getByRole('button', { name: 'Use a passkey' }).click();
  await page.waitForURL((url) => url.pathname !== '/signin');

  // This new session has not confirmed it is me: the export asks first.
  expect((await page.request.get(`${base}/api/my-data/export`)).status()).toBe(403);
  const signCount = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0]!
    .signCount;
  // The passkey is the step-up: the browser signs the server's challenge, the server accepts it.
  const stepUp = await passkeyStepUp(page);
  expect(stepUp.status).toBe(200);
  expect(typeof stepUp.body.validUntil).toBe('string');
  const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(after.credentials[0]!.signCount).toBeGreaterThan(signCount);
  expect((await page.request.get(`${base}/api/my-data/export`)).status()).toBe(200);
  const status = (await (await page.request.get(`${base}/api/auth/two-step`)).json()) as {
    passkeys: { label: string; lastUsedAt: string | null }[];
  };
  expect(status.passkeys.map((k) => k.label)).toEqual(['My laptop']);
  expect(status.passkeys[0]!.lastUsedAt).not.toBeNull();
  await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
  // Chromium logs the designed 403 step_up_required before adding the passkey (the page then
  // asks to confirm); any other console error still fails the journey.
  person.consoleErrors.splice(
    0,
    person.consoleErrors.length,
    ...person.consoleErrors.filter((e) => !/status of 403/.test(e)),
  );
  await expectCleanExit(person);
}

describe('passkeys with a virtual authenticator', () => {
  it('adds a passkey and uses it to confirm it is me', async () => {
    const port = await freePort();
    const base = `http://localhost:${port}`;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hh-e2e-'));
    const server = await startServerProcess(
      { DATA_DIR: dataDir, BACKUPS: 'false', LOG_LEVEL: 'warn', PUBLIC_URL: base },
      { port },
    );
    try {
      await journey(base);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
