/**
 * The live stream (issue 12), measured against the real server in its own process:
 *   comment → received  a partner comments on a check-in they shared (POST /api/comments); the
 *                       time until the other partner's open stream has the `change` event that
 *                       makes their page read the thread again, with 100 streams open on the
 *                       server; p50/p99, and as a ratio of a bare route's round trip
 *                       (GET /api/ping) measured the same way, in the same run, sequentially
 *   share → received    the same for sharing a check-in (POST .../share) and its `notification`
 *   idle streams        the server's RSS with 0, 1,000 … 5,000 idle streams open: MB per 1,000
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';

export interface LiveResult {
  samples: number;
  bare: { p50: number; p99: number };
  publish: { p50: number; p99: number };
  /** The comment POST's own round trip (its transaction included), for comparison. */
  commentRoundTrip: { p50: number; p99: number };
  /** Sharing a check-in → the partner's stream has the notification. */
  share: { p50: number; p99: number };
  /** The share request's own round trip (its transaction included), for comparison. */
  shareRoundTrip: { p50: number; p99: number };
  ratioP50: number;
  ratioP99: number;
  rss: { streams: number; mb: number }[];
  mbPer1000: number;
}

const STREAMS = 100;
const SAMPLES = 200;
const IDLE_STEPS = [0, 1000, 2000, 3000, 4000, 5000];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** An open stream over plain `http` (lighter than fetch for thousands): calls `onEvent` per frame. */
function openStream(
  base: string,
  cookie: string,
  onEvent: (event: string) => void,
): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${base}/api/notifications/stream`,
      { headers: { cookie }, agent: false },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`the stream answered ${response.statusCode}`));
          return;
        }
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const name = /^event: (.+)$/m.exec(block)?.[1];
            if (name) onEvent(name);
          }
        });
        resolve(request);
      },
    );
    request.on('error', (error) => {
      if (!request.destroyed) reject(error);
    });
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function send(base: string, method: string, url: string, cookie: string, body?: unknown) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', origin: base, cookie },
    body: JSON.stringify(body ?? {}),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json() as Promise<Record<string, unknown>>;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `cookies` come in couples: [a0, b0, a1, b1, …]. Each sample: a writes a check-in for a day of
 * its own, then shares it (the timed part); b's streams get the notification.
 */
export async function benchLive(options: {
  base: string;
  pid: number;
  cookies: string[];
  say: (line: string) => void;
}): Promise<LiveResult> {
  const { base, cookies, say } = options;
  const couples = cookies.length / 2;
  const waiting = new Map<number, () => void>();
  const waitingChange = new Map<number, () => void>();
  const streams: http.ClientRequest[] = [];
  // 100 streams: each person's, twice (two tabs), until there are 100.
  for (let i = 0; streams.length < STREAMS; i++) {
    const person = i % cookies.length;
    const couple = Math.floor(person / 2);
    const isB = person % 2 === 1;
    streams.push(
      await openStream(base, cookies[person]!, (event) => {
        if (isB && event === 'notification') waiting.get(couple)?.();
        if (isB && event === 'change') waitingChange.get(couple)?.();
      }),
    );
  }
  await settle(500);

  const bare: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    const response = await fetch(`${base}/api/ping`);
    await response.arrayBuffer();
    bare.push(performance.now() - start);
  }

  const share: number[] = [];
  const roundTrip: number[] = [];
  const sharedCheckin = new Map<number, string>();
  for (let i = 0; i < SAMPLES; i++) {
    const couple = i % couples;
    const a = cookies[couple * 2]!;
    // A day of its own for every sample (any day from 2000 on), so each share is a new one.
    const day = new Date(Date.UTC(2001, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const written = (await send(base, 'PUT', `/api/checkins/mine/${day}`, a, {
      feelings: ['hurt'],
      intensity: 2,
      pain: 3,
    })) as { checkin: { id: string } };
    const arrived = new Promise<void>((resolve) => waiting.set(couple, resolve));
    const start = performance.now();
    await send(base, 'POST', `/api/checkins/${written.checkin.id}/share`, a);
    roundTrip.push(performance.now() - start);
    await arrived;
    share.push(performance.now() - start);
    waiting.delete(couple);
    sharedCheckin.set(couple, written.checkin.id);
  }

  // Comments on a shared check-in: what the partner's open page shows without a reload.
  const publish: number[] = [];
  const commentTrip: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const couple = i % couples;
    const a = cookies[couple * 2]!;
    const itemId = sharedCheckin.get(couple)!;
    const arrived = new Promise<void>((resolve) => waitingChange.set(couple, resolve));
    const start = performance.now();
    await send(base, 'POST', '/api/comments', a, {
      kind: 'checkin',
      itemId,
      body: `A comment for the bench, number ${i}.`,
    });
    commentTrip.push(performance.now() - start);
    await arrived;
    publish.push(performance.now() - start);
    waitingChange.delete(couple);
  }
  for (const stream of streams) stream.destroy();
  await settle(1000);

  const rss: { streams: number; mb: number }[] = [];
  const idle: http.ClientRequest[] = [];
  for (const step of IDLE_STEPS) {
    while (idle.length < step) {
      const batch = [];
      for (let j = 0; j < 100 && idle.length + batch.length < step; j++) {
        batch.push(openStream(base, cookies[(idle.length + j) % cookies.length]!, () => {}));
      }
      idle.push(...(await Promise.all(batch)));
    }
    await settle(1500);
    rss.push({ streams: step, mb: round(rssMb(options.pid)) });
    say(`  ${String(step).padStart(5)} idle streams: server RSS ${rss.at(-1)!.mb.toFixed(1)} MB`);
  }
  for (const stream of idle) stream.destroy();
  const first = rss[0]!;
  const last = rss.at(-1)!;
  const result: LiveResult = {
    samples: SAMPLES,
    bare: { p50: round(percentile(bare, 50)), p99: round(percentile(bare, 99)) },
    publish: { p50: round(percentile(publish, 50)), p99: round(percentile(publish, 99)) },
    commentRoundTrip: {
      p50: round(percentile(commentTrip, 50)),
      p99: round(percentile(commentTrip, 99)),
    },
    share: { p50: round(percentile(share, 50)), p99: round(percentile(share, 99)) },
    shareRoundTrip: {
      p50: round(percentile(roundTrip, 50)),
      p99: round(percentile(roundTrip, 99)),
    },
    ratioP50: round(percentile(publish, 50) / percentile(bare, 50)),
    ratioP99: round(percentile(publish, 99) / percentile(bare, 99)),
    rss,
    mbPer1000: round(((last.mb - first.mb) / (last.streams - first.streams)) * 1000),
  };
  say(
    `${'bare GET /api/ping, one at a time'.padEnd(34)} p50 ${result.bare.p50} ms   p99 ${result.bare.p99} ms`,
  );
  say(
    `${'comment → partner stream (100 open)'.padEnd(34)} p50 ${result.publish.p50} ms   p99 ${result.publish.p99} ms   ${result.ratioP50} × bare p50, ${result.ratioP99} × bare p99`,
  );
  say(
    `${'  (the comment request alone)'.padEnd(34)} p50 ${result.commentRoundTrip.p50} ms   p99 ${result.commentRoundTrip.p99} ms`,
  );
  say(
    `${'share → partner stream (100 open)'.padEnd(34)} p50 ${result.share.p50} ms   p99 ${result.share.p99} ms`,
  );
  say(
    `${'  (the share request alone)'.padEnd(34)} p50 ${result.shareRoundTrip.p50} ms   p99 ${result.shareRoundTrip.p99} ms`,
  );
  say(`${'idle streams'.padEnd(34)} ${result.mbPer1000} MB RSS per 1,000 streams`);
  return result;
}
