/**
 * The agreements part of `npm run bench` (issue 15): one agreement with 100 versions, written in
 * turn by both partners, then three measurements of the same kind (closed-loop lanes of fetch, so
 * the three are comparable):
 *
 *   latest alone    GET /api/agreements/:id: the newest version, its acceptances and events
 *   page            the page's two reads at once: the latest and the first page of the history
 *                   (GET …/versions, 20 versions with author and time)
 *   compare         GET …/compare?from=25&to=75: a word comparison of two versions 50 apart
 *
 * Goal: the page's and the comparison's p99 within 2 × the p99 of the latest alone.
 */
export interface AgreementBenchOptions {
  base: string;
  /** Two signed-in partners of one couple (session cookies). */
  pair: [string, string];
  durationS: number;
  warmupS: number;
  say: (line: string) => void;
  check: (label: string, value: number, target: number, direction?: 'atLeast' | 'atMost') => void;
}

export interface AgreementBenchResult {
  latest: { p50: number; p99: number; pagesPerSecond: number };
  page: { p50: number; p99: number; pagesPerSecond: number };
  compare: { p50: number; p99: number; pagesPerSecond: number };
}

const LANES = 10;
const VERSIONS = 100;

const CLAUSES = [
  'Either of us may call a time-out when talking gets too hot.',
  'Whoever calls it says when we will come back, within an hour.',
  'We talk about the affair at the kitchen table, not in bed and not late at night.',
  'Questions are welcome; answers are honest, even when they are hard to give.',
  'We tell only the people we have agreed on, and we tell them together.',
  'If there is any contact with the affair partner, it is told the same day.',
  'We look at this again on the review day, and change what no longer fits.',
];

function bodyOf(version: number): string {
  // Each version changes one word of a clause, so version n and n + 50 differ in 50 places.
  return CLAUSES.map((clause, i) =>
    clause.replace(/\b(we|us)\b/i, (word) => `${word} (${(version + i) % 100} )`.trim()),
  )
    .join('\n')
    .concat(`\nRevision note ${version}.`);
}

async function call(
  base: string,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: base, cookie, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
  return response;
}

/** Drafts the agreement and saves it 99 more times, the partners taking turns. */
async function seed(base: string, [a, b]: [string, string]): Promise<string> {
  const created = await call(base, a, 'POST', '/api/agreements', {
    kind: 'ground-rules',
    sections: { title: 'How we talk about it', body: bodyOf(1) },
  });
  const { agreement } = (await created.json()) as { agreement: { id: string } };
  for (let version = 2; version <= VERSIONS; version++) {
    await call(
      base,
      version % 2 === 0 ? b : a,
      'PUT',
      `/api/agreements/${agreement.id}`,
      { sections: { title: 'How we talk about it', body: bodyOf(version) } },
      { 'if-match': `"${version - 1}"` },
    );
  }
  return agreement.id;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

type Timed = { p50: number; p99: number; pagesPerSecond: number };

/** Closed-loop lanes for `seconds`, adding each read's time in ms to `times`. */
async function lanes(seconds: number, once: () => Promise<void>, times: number[]): Promise<void> {
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        await once();
        times.push(performance.now() - start);
      }
    }),
  );
}

function summary(times: number[], seconds: number): Timed {
  const sorted = [...times].sort((x, y) => x - y);
  return {
    p50: Math.round(percentile(sorted, 50) * 10) / 10,
    p99: Math.round(percentile(sorted, 99) * 10) / 10,
    pagesPerSecond: Math.round(sorted.length / seconds),
  };
}

/**
 * Measures the reads in turns (a third of the time each, three rounds) so that a slow moment of
 * a shared machine falls on all of them alike rather than on whichever ran then.
 */
async function measureAll(
  options: AgreementBenchOptions,
  reads: (() => Promise<void>)[],
): Promise<Timed[]> {
  for (const once of reads) await lanes(options.warmupS / reads.length, once, []);
  const times = reads.map(() => [] as number[]);
  const ROUNDS = 3;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, once] of reads.entries()) {
      await lanes(options.durationS / ROUNDS, once, times[i]!);
    }
  }
  return times.map((t) => summary(t, options.durationS));
}

async function read(response: Promise<Response>): Promise<void> {
  await (await response).arrayBuffer();
}

export async function benchAgreements(
  options: AgreementBenchOptions,
): Promise<AgreementBenchResult> {
  const { base, pair, say, check } = options;
  const id = await seed(base, pair);
  const [a] = pair;
  const get = (path: string) => read(call(base, a, 'GET', path));
  const [latest, page, compare] = (await measureAll(options, [
    () => get(`/api/agreements/${id}`),
    async () => {
      await Promise.all([get(`/api/agreements/${id}`), get(`/api/agreements/${id}/versions`)]);
    },
    () => get(`/api/agreements/${id}/compare?from=25&to=75`),
  ])) as [Timed, Timed, Timed];
  const line = (name: string, m: Timed) =>
    `${name.padEnd(34)} ${String(m.pagesPerSecond).padStart(8)} reads/s   p50 ${m.p50} ms   p99 ${m.p99} ms`;
  say(line('agreement @100 versions: latest', latest));
  say(line('  page (latest + history)', page));
  say(line('  compare v25 ↔ v75', compare));
  check('agreement page p99 / latest p99', page.p99 / latest.p99, 2, 'atMost');
  check('agreement compare p99 / latest p99', compare.p99 / latest.p99, 2, 'atMost');
  return { latest, page, compare };
}
