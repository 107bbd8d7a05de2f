import type { LightMyRequestResponse } from 'fastify';
import type { TestApp, TestClient } from './test-app';

/** One parsed server-sent event (comments and `retry:` lines left out). */
export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/** Splits event-stream text into its events (complete ones only: each ends with a blank line). */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split('\n\n').slice(0, -1)) {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length > 0) events.push({ id, event, data: data.join('\n') });
  }
  return events;
}

/**
 * Opens the event stream through `app.inject` (which would otherwise wait for a response that
 * never ends): reads until the first unread count arrives (or the response ends, for an error),
 * then lets go of it. Looks like an ordinary injected response to the authz matrix.
 */
export async function injectStream(
  t: TestApp,
  client: TestClient,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/notifications/stream',
    headers: {
      host: t.config.publicUrl.host,
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...headers,
    },
    payloadAsStream: true,
  });
  const stream = response.stream();
  let body = '';
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
      if (body.includes('event: count')) resolve();
    });
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  stream.destroy();
  return {
    statusCode: response.statusCode,
    headers: response.headers,
    body,
    json: () => JSON.parse(body) as unknown,
  } as unknown as LightMyRequestResponse;
}

/** An open stream in a test: everything it has sent so far, and waits on what comes. */
export interface OpenStream {
  statusCode: number;
  text(): string;
  events(): SseEvent[];
  /** Resolves once `predicate` holds for the events so far (rejects after `timeoutMs`). */
  waitFor(predicate: (events: SseEvent[]) => boolean, timeoutMs?: number): Promise<SseEvent[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens the stream in-process (`app.inject`) and keeps reading it until closed. */
export async function openStream(
  t: TestApp,
  client: TestClient,
  headers: Record<string, string> = {},
): Promise<OpenStream> {
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/notifications/stream',
    headers: {
      host: t.config.publicUrl.host,
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...headers,
    },
    payloadAsStream: true,
  });
  const stream = response.stream();
  let body = '';
  const waiters = new Set<() => void>();
  stream.on('data', (chunk: Buffer) => {
    body += chunk.toString('utf8');
    for (const waiter of [...waiters]) waiter();
  });
  const ended = new Promise<void>((resolve) => {
    stream.once('end', () => resolve());
    stream.once('close', () => resolve());
  });
  return {
    statusCode: response.statusCode,
    text: () => body,
    events: () => parseSse(body),
    waitFor(predicate, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const events = parseSse(body);
          if (predicate(events)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(events);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the stream did not send what was expected; it sent:\n${body}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    ended,
    close: () => stream.destroy(),
  };
}
