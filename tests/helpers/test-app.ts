import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '#server/app.ts';
import { loadConfig, type Config } from '#server/config/index.ts';
import type { DatabaseHandle } from '#server/db/index.ts';
import {
  jointWorkHolds,
  safetyScreens,
  therapistApprovals,
  therapistLinks,
  therapistProfiles,
} from '#server/db/schema/index.ts';
import { hashToken } from '#server/auth/tokens.ts';
import { createTestDatabase } from '#server/db/testing.ts';
import { createLogger } from '#server/log.ts';
import type { RoutePolicyRegistry } from '#server/policy/route-policy.ts';
import type { JobWorker } from '#server/jobs/index.ts';
import { TestMailbox } from './mailbox';

/** Collects every log line the app writes, so tests can assert what never reaches a log. */
export class LogCapture {
  readonly lines: string[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      this.lines.push(chunk.toString('utf8'));
      done();
    },
  });

  text(): string {
    return this.lines.join('');
  }
}

type Method = 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH' | 'HEAD';

/** A browser-like caller: keeps its cookie and sends our Origin on state changes. */
export class TestClient {
  cookie: string | undefined;
  /** A sign-in waiting for its second step (two-step sign-in) keeps its own short-lived cookie. */
  pendingCookie: string | undefined;

  constructor(
    private readonly app: FastifyInstance,
    private readonly config: Config,
    readonly name: string,
  ) {}

  async request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        host: this.config.publicUrl.host,
        origin: this.config.publicUrl.origin,
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie || this.pendingCookie
          ? { cookie: [this.cookie, this.pendingCookie].filter(Boolean).join('; ') }
          : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const setCookie = response.cookies.find((c) => c.name.endsWith('hh_session'));
    if (setCookie)
      this.cookie = setCookie.value ? `${setCookie.name}=${setCookie.value}` : undefined;
    const pending = response.cookies.find((c) => c.name.endsWith('hh_two_step'));
    if (pending)
      this.pendingCookie = pending.value ? `${pending.name}=${pending.value}` : undefined;
    return response;
  }

  get = (url: string, headers?: Record<string, string>) =>
    this.request('GET', url, undefined, headers);
  post = (url: string, body: unknown = {}, headers?: Record<string, string>) =>
    this.request('POST', url, body, headers);
  put = (url: string, body: unknown = {}, headers?: Record<string, string>) =>
    this.request('PUT', url, body, headers);
  patch = (url: string, body: unknown = {}, headers?: Record<string, string>) =>
    this.request('PATCH', url, body, headers);
  delete = (url: string, headers?: Record<string, string>) =>
    this.request('DELETE', url, undefined, headers);
}

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  database: DatabaseHandle;
  logs: LogCapture;
  routePolicies: RoutePolicyRegistry;
  /** The SQL of every query run so far; tests clear it and count what one request costs. */
  queries: string[];
  client(name: string): TestClient;
  /** The outbox worker (its loop is not started: call `deliver()` or `jobs.drain()`). */
  jobs: JobWorker;
  /** A real in-process SMTP server the app sends to (SMTP_URL points at it). */
  mailbox: TestMailbox;
  /** Runs every due job (sends queued emails) and returns how many ran. */
  deliver(): Promise<number>;
  /**
   * Signs up a new person with a unique email; the client holds their session. They count as
   * having taken the private safety screen (joint work needs it) unless `screened` is false.
   */
  signUp(
    name: string,
    password?: string,
    options?: { screened?: boolean },
  ): Promise<TestClient & { email: string; userId: string }>;
  close(): Promise<void>;
}

let emailCounter = 0;

export const TEST_PASSWORD = 'blue kettle under autumn rain';

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const engine = inject('dbEngine');
  const queries: string[] = [];
  const database = await createTestDatabase(engine, { onQuery: (sql) => queries.push(sql) });
  const mailbox = await new TestMailbox().start();
  const config = loadConfig({
    SMTP_URL: mailbox.url,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    BACKUPS: 'false',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    // The address `app.inject()` uses by default (Host: localhost:80), so direct injects pass the host check.
    PUBLIC_URL: 'http://localhost',
    AUTH_RATE_LIMIT_PER_ACCOUNT_HOUR: '1000',
    // Seals authenticator-app secrets; without it a key file would be made in ./data.
    TWO_STEP_KEY: '0'.repeat(64),
    ...env,
  });
  const logs = new LogCapture();
  const { app, routePolicies, jobs } = await buildApp({
    config,
    database,
    logger: createLogger(config, logs.stream),
    serveWeb: false,
  });
  const client = (name: string) => new TestClient(app, config, name);
  return {
    app,
    config,
    database,
    logs,
    routePolicies,
    queries,
    client,
    jobs,
    mailbox,
    deliver: () => jobs.drain(),
    async signUp(name, password = TEST_PASSWORD, options = {}) {
      emailCounter += 1;
      const email = `${name.toLowerCase().replace(/\W+/g, '')}-${emailCounter}-${Date.now()}@example.test`;
      const c = client(name);
      // Sign-up answers the same for any address and signs nobody in; the web app signs in next.
      const response = await c.post('/api/auth/signup', { displayName: name, email, password });
      if (response.statusCode !== 202)
        throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
      const signIn = await c.post('/api/auth/signin', { email, password });
      if (signIn.statusCode !== 200)
        throw new Error(`sign-in after sign-up failed: ${signIn.statusCode} ${signIn.body}`);
      const userId = signIn.json<{ user: { id: string } }>().user.id;
      if (options.screened !== false) await database.db.insert(safetyScreens).values({ userId });
      return Object.assign(c, { email, userId });
    },
    async close() {
      await app.close();
      await database.close();
      await mailbox.close();
    },
  };
}

/** Two partners in one space, through the real invite flow. */
export async function createCouple(t: TestApp, names: [string, string] = ['Alex', 'Sam']) {
  const a = await t.signUp(names[0]);
  const b = await t.signUp(names[1]);
  expectStatus(await a.post('/api/space'), 201);
  const invite = await a.post('/api/invites');
  expectStatus(invite, 201);
  const { token } = invite.json<{ token: string }>();
  expectStatus(await b.post('/api/invites/accept', { token }), 200);
  return { a, b };
}

export function expectStatus(response: LightMyRequestResponse, status: number): void {
  if (response.statusCode !== status) {
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  }
}

/**
 * Places a joint-work hold for `client`'s space straight in the database, as the safety feature
 * will. Returns a function that lifts it again.
 */
export async function holdJointWork(
  t: TestApp,
  client: TestClient & { userId: string },
): Promise<() => Promise<void>> {
  const { space } = (await client.get('/api/space')).json<{ space: { id: string } }>();
  const [hold] = await t.database.db
    .insert(jointWorkHolds)
    .values({ spaceId: space.id, userId: client.userId })
    .returning({ id: jointWorkHolds.id });
  return async () => {
    await t.database.db
      .update(jointWorkHolds)
      .set({ liftedAt: new Date() })
      .where(eq(jointWorkHolds.id, hold!.id));
  };
}

export type TherapistState = 'pending' | 'active' | 'revoked';

/**
 * A therapist account linked with a couple straight in the database, in the given state:
 * `pending` (claimed, approved by one partner only), `active` (approved by both) or `revoked`.
 * The therapist feature's own tests walk the real invite flow; this is for everyone else's.
 */
export async function linkTherapist(
  t: TestApp,
  couple: { a: TestClient & { userId: string }; b: TestClient & { userId: string } },
  state: TherapistState = 'active',
  name = 'Dr Rivera',
) {
  const therapist = await t.signUp(name);
  const db = t.database.db;
  await db.insert(therapistProfiles).values({
    userId: therapist.userId,
    practiceName: 'Harbour Counselling',
    licence: 'LMFT 12345',
  });
  const { space } = (await couple.a.get('/api/space')).json<{ space: { id: string } }>();
  const now = new Date();
  const [link] = await db
    .insert(therapistLinks)
    .values({
      spaceId: space.id,
      createdBy: couple.a.userId,
      tokenHash: hashToken(`test-link-${therapist.userId}`),
      expiresAt: new Date(now.getTime() + 86_400_000),
      therapistId: therapist.userId,
      claimedAt: now,
      revokedAt: state === 'revoked' ? now : null,
      revokedBy: state === 'revoked' ? couple.b.userId : null,
    })
    .returning({ id: therapistLinks.id });
  const approvers = state === 'pending' ? [couple.a] : [couple.a, couple.b];
  for (const partner of approvers) {
    await db.insert(therapistApprovals).values({ linkId: link!.id, userId: partner.userId });
  }
  return Object.assign(therapist, { linkId: link!.id, spaceId: space.id });
}
