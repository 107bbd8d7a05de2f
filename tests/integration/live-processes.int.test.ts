import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readTestEnvironment } from '#server/config/index.ts';
import { createScratchPostgresDatabase, type ScratchDatabase } from '#server/db/scratch.ts';
import { parseSse, type SseEvent } from '../helpers/live-stream';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';

/**
 * Live delivery across server processes (issue 12, decision 0052): on PostgreSQL two real server
 * processes share one database, and an event written through one reaches a stream held by the
 * other (LISTEN/NOTIFY); a sign-out through one ends the stream held by the other. The embedded
 * engine is one process by design (its data folder is locked), so there the same journey runs
 * against one process, through its worker's own LISTEN.
 */
const engine = inject('dbEngine');
const PASSWORD = 'slow walks by the old harbour';
let scratch: ScratchDatabase | undefined;
let dataDir: string | undefined;
let servers: ServerProcess[] = [];

beforeAll(async () => {
  const env: Record<string, string> = { LOG_LEVEL: 'warn', BACKUPS: 'false' };
  if (engine === 'postgres') {
    scratch = await createScratchPostgresDatabase(readTestEnvironment().postgresUrl);
    env.DATABASE_URL = scratch.url;
    // One at a time: the second waits for the first's migrations (they would serialise anyway).
    servers.push(await startServerProcess(env));
    servers.push(await startServerProcess(env));
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hh-live-'));
    servers.push(await startServerProcess({ ...env, DATA_DIR: dataDir }));
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
  await scratch?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function call(base: string, method: string, url: string, cookie?: string, body?: unknown) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: {
      'content-type': 'application/json',
      origin: base,
      ...(cookie ? { cookie } : {}),
    },
    ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response;
}

let counter = 0;
async function person(base: string, name: string): Promise<string> {
  counter += 1;
  const email = `${name.toLowerCase()}-${Date.now()}-${counter}@example.test`;
  await call(base, 'POST', '/api/auth/signup', undefined, {
    displayName: name,
    email,
    password: PASSWORD,
  });
  const signIn = await call(base, 'POST', '/api/auth/signin', undefined, {
    email,
    password: PASSWORD,
  });
  const cookie = signIn.headers.getSetCookie().find((c) => c.includes('hh_session='))!;
  const session = cookie.split(';')[0]!;
  const screen = (await (await call(base, 'GET', '/api/safety-screen', session)).json()) as {
    questions: { id: string }[];
  };
  await call(base, 'POST', '/api/safety-screen', session, {
    answers: Object.fromEntries(screen.questions.map((q) => [q.id, 'no'])),
  });
  return session;
}

/** A stream read over real HTTP: what it has sent, and when it ended. */
function readStream(base: string, cookie: string) {
  let text = '';
  let ended = false;
  const controller = new AbortController();
  const done = (async () => {
    const response = await fetch(`${base}/api/notifications/stream`, {
      headers: { cookie },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished) break;
      text += decoder.decode(value, { stream: true });
    }
    ended = true;
  })().catch(() => {
    ended = true;
  });
  const waitFor = async (predicate: (events: SseEvent[]) => boolean, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(parseSse(text))) {
      if (Date.now() > deadline) throw new Error(`not received; the stream sent:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { waitFor, ended: () => ended, done, close: () => controller.abort() };
}

describe('live delivery between server processes', () => {
  it('an event written through one process reaches a stream held by another; a sign-out there ends it', async () => {
    const one = servers[0]!.base;
    const other = servers.at(-1)!.base;
    const alex = await person(one, 'Alex');
    const sam = await person(other, 'Sam');
    await call(one, 'POST', '/api/space', alex);
    const { token } = (await (await call(one, 'POST', '/api/invites', alex)).json()) as {
      token: string;
    };
    await call(other, 'POST', '/api/invites/accept', sam, { token });

    const stream = readStream(other, sam);
    await stream.waitFor((events) => events.some((e) => e.event === 'count'));

    const day = new Date().toISOString().slice(0, 10);
    const written = (await (
      await call(one, 'PUT', `/api/checkins/mine/${day}`, alex, {
        feelings: ['hurt'],
        intensity: 2,
        pain: 3,
      })
    ).json()) as { checkin: { id: string } };
    const sent = Date.now();
    await call(one, 'POST', `/api/checkins/${written.checkin.id}/share`, alex);
    await stream.waitFor((events) => events.some((e) => e.event === 'notification'));
    expect(Date.now() - sent).toBeLessThan(5_000);
    await stream.waitFor((events) =>
      events.some((e) => e.event === 'count' && e.data === '{"unread":1}'),
    );

    // Signing out through the first process ends the stream the other one holds.
    await call(one, 'POST', '/api/auth/signout', sam);
    await stream.done;
    expect(stream.ended()).toBe(true);
  });
});
