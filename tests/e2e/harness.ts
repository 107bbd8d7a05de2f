import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { readTestEnvironment } from '#server/config/index.ts';
import { createScratchPostgresDatabase } from '#server/db/scratch.ts';
import { freePort, startServerProcess } from '../helpers/server-process';

/** The neutral page quick exit goes to in tests: served by the app itself, so nothing leaves the machine. */
export const NEUTRAL_PATH = '/api/ping';

export interface RunningApp {
  base: string;
  stop(): Promise<void>;
}

/** Starts the real server (built web app, fresh embedded database) on a free port. */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hh-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServerProcess(
    {
      DATA_DIR: dataDir,
      BACKUPS: 'false',
      LOG_LEVEL: 'warn',
      // The neutral page is served by the app itself, so nothing leaves the machine.
      QUICK_EXIT_URL: `${base}${NEUTRAL_PATH}`,
      ...env,
    },
    { port },
  );
  return {
    base: server.base,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: readTestEnvironment().chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh browser profile (its own cookies) that fails the test on any request to another origin
 * and on any console error.
 */
export async function newPerson(
  browser: Browser,
  base: string,
  options: { width?: number; colorScheme?: 'light' | 'dark'; locale?: string } = {},
) {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
  });
  const foreign: string[] = [];
  const consoleErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:')) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const page: Page = await context.newPage();
  page.on('console', (message) => {
    // A signed-out visitor's "who am I" check answers 401 by design, a path that is not a page
    // answers the not-found page with 404 by design, and a sensitive action (inviting or
    // approving a therapist, moving the account to another address) answers 403
    // step_up_required until the person confirms it is them, which the page then asks for;
    // Chromium logs all three as errors.
    const byDesign =
      /status of 401/.test(message.text()) ||
      (/status of 404/.test(message.text()) && message.location().url === page.url()) ||
      (/status of 403/.test(message.text()) &&
        STEP_UP_GUARDED.some((route) => route.test(message.location().url)));
    if (message.type() === 'error' && !byDesign) consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.name}`));
  return { context, page, foreign, consoleErrors };
}

/** Routes whose 403 step_up_required the page answers with "confirm it is you". */
const STEP_UP_GUARDED = [
  /\/api\/therapist\/invites$/,
  /\/api\/therapist\/links\/[^/]+\/approve$/,
  /\/api\/account\/email$/,
];

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Runs axe-core in the page against WCAG 2.0–2.2 A and AA rules and fails on any violation. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // Colours are read as drawn: a button still fading between two states (the framework may reuse
  // one element for the next state's button) has contrast no person sees for more than a moment.
  // An endless animation (a spinner) does not end, so the wait gives up quietly after 3 s.
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) =>
            a.effect?.getTiming().iterations !== Infinity ? a.playState !== 'running' : true,
          ),
      undefined,
      { timeout: 3000 },
    )
    .catch(() => undefined);
  // Evaluated through the DevTools protocol: an inline <script> would be blocked by our own CSP.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: { id: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/**
 * Runs `journey` against the app on a fresh PostgreSQL database, then stops it and drops the
 * database. `env` adds settings (e.g. `SMTP_URL` of a test mailbox).
 */
export async function onPostgres(
  journey: (base: string) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> {
  const scratch = await createScratchPostgresDatabase(readTestEnvironment().postgresUrl);
  const app = await startApp({ ...env, DATABASE_URL: scratch.url });
  try {
    await journey(app.base);
  } finally {
    await app.stop();
    await scratch.drop();
  }
}

/**
 * How every journey ends for each person: no request went to another origin, no console error,
 * nothing left in browser storage; then the profile is closed.
 */
export async function expectCleanExit(
  person: Awaited<ReturnType<typeof newPerson>>,
): Promise<void> {
  expect(person.foreign).toEqual([]);
  expect(person.consoleErrors).toEqual([]);
  const stored = await person.page.evaluate(() => localStorage.length + sessionStorage.length);
  expect(stored).toBe(0);
  await person.context.close();
}
