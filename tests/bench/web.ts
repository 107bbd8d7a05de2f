/**
 * `npm run bench:web`: how heavy and how fast the front end is on a throttled phone (issue 10).
 *
 * Builds the web app if it is stale, starts the real server on a free port (or measures one
 * already running: `--base=http://127.0.0.1:3000`), signs a couple up through the API, and loads
 * the front page, a lesson and the signed-in home in Debian's Chromium through playwright-core,
 * each in a fresh profile with an empty cache, under mobile throttling set over CDP: 4× slower
 * CPU and the network Lighthouse's DevTools throttling uses for "Slow 4G" (562.5 ms round trip,
 * 1.47 Mbit/s down, 675 kbit/s up). From the page it reads FCP and LCP (paint and
 * largest-contentful-paint entries), CLS (layout-shift entries without recent input) and TBT
 * (the part over 50 ms of every long task after FCP), and from the network the JavaScript bytes
 * that went over the wire. The score is an estimate: Lighthouse's mobile scoring curves and
 * weights for FCP, LCP, TBT and CLS, without Speed Index (its weight spread over the others).
 *
 *   npm run bench:web -- --runs=5 --json
 *   npm run bench:web -- --runs=1 --waterfall   (also: each request's start and end, the LCP element)
 *   npm run bench:web -- --pages=lesson,home
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { buildWebIfStale } from '../../scripts/build-web-if-stale';
import { readTestEnvironment } from '#server/config/index.ts';
import { loadSafetyScreen } from '#server/features/safety-screen/questions.ts';
import { startServerProcess } from '../helpers/server-process';
import { BUDGET_PAGES, pageWeight, type BudgetPage } from '../helpers/bundle-weight';

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key!, value ?? 'true'];
  }),
);
const RUNS = Number(args.get('runs') ?? 3);
const GIVEN_BASE = args.get('base');
const WATERFALL = args.get('waterfall') === 'true';
const PAGES = args.get('pages')?.split(',');
const say = (line: string) => process.stdout.write(`${line}\n`);

const MOBILE = { width: 412, height: 823, deviceScaleFactor: 1.75 };
const NETWORK = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1474.56 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
const GOALS = { score: 90, lcp: 2500, tbt: 200, cls: 0.1 };

interface Measured {
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  scriptBytes: number;
  scriptFiles: number;
  encodings: string[];
}

/** Collects paint, LCP, layout shifts and long tasks from the first moment of the page. */
const OBSERVER = `(() => {
  const seen = { fcp: 0, lcp: 0, lcpElement: '', cls: 0, shifts: [], longTasks: [] };
  window.__benchWeb = seen;
  const watch = (type, each) => {
    try { new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true }); } catch {}
  };
  watch('paint', (e) => { if (e.name === 'first-contentful-paint') seen.fcp = e.startTime; });
  const describe = (node) => node ? (node.tagName || '#text') + (node.className && typeof node.className === 'string' ? '.' + node.className.split(' ')[0] : '') + ' "' + (node.textContent || '').trim().slice(0, 40) + '"' : '(removed)';
  watch('largest-contentful-paint', (e) => { seen.lcp = e.renderTime || e.loadTime || e.startTime; seen.lcpElement = describe(e.element); });
  watch('layout-shift', (e) => { if (!e.hadRecentInput) { seen.cls += e.value; seen.shifts.push([e.startTime, e.value, (e.sources || []).map((s) => describe(s.node)).join(', ')]); } });
  watch('longtask', (e) => { seen.longTasks.push([e.startTime, e.duration]); });
})();`;

/** Lighthouse's log-normal scoring: 0.9 at the p10 value, 0.5 at the median. */
function logNormalScore(value: number, p10: number, median: number): number {
  if (value <= 0) return 1;
  const sigma = (Math.log(median) - Math.log(p10)) / 1.2815515655446004;
  const z = (Math.log(value) - Math.log(median)) / sigma;
  return 1 - normalCdf(z);
}

function normalCdf(z: number): number {
  // Abramowitz and Stegun 7.1.26, good to 1.5e-7.
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Lighthouse 10–12 mobile curves and weights, Speed Index left out. */
function estimatedScore(m: Measured): number {
  const parts = [
    { weight: 10, score: logNormalScore(m.fcp, 1800, 3000) },
    { weight: 25, score: logNormalScore(m.lcp, 2500, 4000) },
    { weight: 30, score: logNormalScore(m.tbt, 200, 600) },
    { weight: 25, score: logNormalScore(m.cls, 0.1, 0.25) },
  ];
  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  return Math.round((100 * parts.reduce((sum, p) => sum + p.weight * p.score, 0)) / total);
}

async function post(base: string, url: string, body: unknown, cookie?: string) {
  const response = await fetch(`${base}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return {
    json: (await response.json()) as Record<string, unknown>,
    cookie: response.headers
      .getSetCookie()
      .find((c) => c.startsWith('hh_session='))
      ?.split(';')[0],
  };
}

/**
 * A couple in a shared space, both through the private safety screen with calm answers (as a
 * couple at work in the program would be); returns one partner's session cookie. Sign-up signs
 * nobody in (decision 0029): each partner signs in after it, as the page does.
 */
async function seedCouple(base: string): Promise<string> {
  const stamp = Date.now();
  const password = 'a long and quiet benchmark password';
  const { questions, answers } = loadSafetyScreen().definition;
  const calm = Object.fromEntries(
    questions.map((q) => [q.id, answers.find((a) => !q.care.includes(a.id))!.id]),
  );
  const person = async (name: string) => {
    const email = `web-${name}-${stamp}@example.test`;
    await post(base, '/api/auth/signup', { displayName: `Bench ${name}`, email, password });
    const { cookie } = await post(base, '/api/auth/signin', { email, password });
    if (!cookie) throw new Error('sign-in set no session cookie');
    await post(base, '/api/safety-screen', { answers: calm }, cookie);
    return cookie;
  };
  const a = await person('a');
  const b = await person('b');
  await post(base, '/api/space', {}, a);
  const invite = await post(base, '/api/invites', {}, a);
  await post(base, '/api/invites/accept', { token: invite.json.token }, b);
  return a;
}

async function firstLessonSlug(base: string): Promise<string> {
  const response = await fetch(`${base}/api/guide`);
  const { lessons } = (await response.json()) as { lessons: { slug: string }[] };
  if (!lessons[0]) throw new Error('the guide has no lessons');
  return lessons[0].slug;
}

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

async function measureOnce(
  browser: Browser,
  base: string,
  url: string,
  cookie?: string,
): Promise<Measured> {
  const context = await browser.newContext({
    viewport: { width: MOBILE.width, height: MOBILE.height },
    deviceScaleFactor: MOBILE.deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
  });
  try {
    if (cookie) {
      const [name, value] = cookie.split('=');
      await context.addCookies([{ name: name!, value: value!, url: base }]);
    }
    await context.addInitScript(OBSERVER);
    const page = await context.newPage();
    const cdp = await throttle(page);
    const scripts = new Map<string, { bytes: number; encoding: string }>();
    cdp.on('Network.responseReceived', (event) => {
      if (event.type !== 'Script') return;
      const headers = Object.fromEntries(
        Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      scripts.set(event.requestId, { bytes: 0, encoding: headers['content-encoding'] ?? 'none' });
    });
    const requests = new Map<string, { url: string; start: number; end?: number }>();
    cdp.on('Network.requestWillBeSent', (event) => {
      requests.set(event.requestId, { url: event.request.url, start: event.timestamp });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const script = scripts.get(event.requestId);
      if (script) script.bytes = event.encodedDataLength;
      const request = requests.get(event.requestId);
      if (request) request.end = event.timestamp;
    });
    await page.goto(`${base}${url}`, { waitUntil: 'load', timeout: 120_000 });
    // Let the app fetch its data and settle, then read the figures (LCP stops at input).
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {});
    await page.waitForTimeout(3000);
    const seen = await page.evaluate(
      () =>
        (
          window as unknown as {
            __benchWeb: {
              fcp: number;
              lcp: number;
              lcpElement: string;
              cls: number;
              shifts: [number, number, string][];
              longTasks: [number, number][];
            };
          }
        ).__benchWeb,
    );
    if (WATERFALL) {
      const all = [...requests.values()];
      const zero = Math.min(...all.map((r) => r.start));
      const ms = (t: number | undefined) =>
        t === undefined ? '   …' : ((t - zero) * 1000).toFixed(0);
      say(`\n  ${url}: LCP ${seen.lcp.toFixed(0)} ms on ${seen.lcpElement}`);
      for (const r of all.sort((a, b) => a.start - b.start)) {
        say(
          `    ${ms(r.start).padStart(6)} → ${ms(r.end).padStart(6)}  ${r.url.replace(base, '')}`,
        );
      }
      for (const [start, duration] of seen.longTasks)
        say(`    long task at ${start.toFixed(0)} ms: ${duration.toFixed(0)} ms`);
      for (const [start, value, sources] of seen.shifts)
        say(`    layout shift at ${start.toFixed(0)} ms: ${value.toFixed(3)} (${sources})`);
    }
    const tbt = seen.longTasks
      .filter(([start]) => start >= seen.fcp)
      .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
    const files = [...scripts.values()];
    return {
      fcp: seen.fcp,
      lcp: seen.lcp,
      tbt,
      cls: seen.cls,
      scriptBytes: files.reduce((sum, s) => sum + s.bytes, 0),
      scriptFiles: files.length,
      encodings: [...new Set(files.map((s) => s.encoding))],
    };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const { chromiumPath } = readTestEnvironment();
await buildWebIfStale(say);
const dataDir = mkdtempSync(path.join(tmpdir(), 'hh-bench-web-'));
const server = GIVEN_BASE
  ? undefined
  : await startServerProcess(
      {
        DATA_DIR: dataDir,
        BACKUPS: 'false',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      { readyTimeoutMs: 120_000 },
    );
const base = GIVEN_BASE ?? server!.base;
const browser = await chromium.launch({
  executablePath: chromiumPath,
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

let missed = 0;
const results: Record<string, unknown> = {};
try {
  const cookie = await seedCouple(base);
  const slug = await firstLessonSlug(base);
  const targets: { name: BudgetPage; url: string; cookie?: string }[] = [
    { name: 'landing', url: '/' },
    { name: 'lesson', url: `/guide/${slug}` },
    { name: 'home', url: '/home', cookie },
  ];
  say(
    `\n${RUNS} runs per page, medians; ${MOBILE.width}×${MOBILE.height} phone, CPU ${CPU_SLOWDOWN}× slower, ` +
      `${NETWORK.latency} ms RTT, ${Math.round((NETWORK.downloadThroughput * 8) / 1024)} kbit/s down; ${base}\n`,
  );
  say('page      JS over the wire   JS gzip (build)   FCP ms   LCP ms   TBT ms     CLS   score*');
  for (const target of targets.filter(({ name }) => !PAGES || PAGES.includes(name))) {
    const runs: Measured[] = [];
    for (let i = 0; i < RUNS; i++)
      runs.push(await measureOnce(browser, base, target.url, target.cookie));
    const m: Measured = {
      fcp: median(runs.map((r) => r.fcp)),
      lcp: median(runs.map((r) => r.lcp)),
      tbt: median(runs.map((r) => r.tbt)),
      cls: median(runs.map((r) => r.cls)),
      scriptBytes: median(runs.map((r) => r.scriptBytes)),
      scriptFiles: median(runs.map((r) => r.scriptFiles)),
      encodings: [...new Set(runs.flatMap((r) => r.encodings))],
    };
    const score = estimatedScore(m);
    let gzip: number | undefined;
    try {
      gzip = GIVEN_BASE ? undefined : pageWeight(target.name).scriptGzipBytes;
    } catch {
      gzip = undefined;
    }
    say(
      `${target.name.padEnd(9)} ${`${(m.scriptBytes / 1024).toFixed(1)} KB ${m.encodings.join('/')} (${m.scriptFiles})`.padEnd(18)} ` +
        `${(gzip === undefined ? '–' : `${(gzip / 1024).toFixed(1)} KB`).padStart(15)}   ` +
        `${m.fcp.toFixed(0).padStart(6)}   ${m.lcp.toFixed(0).padStart(6)}   ${m.tbt.toFixed(0).padStart(6)}   ` +
        `${m.cls.toFixed(3).padStart(5)}   ${String(score).padStart(6)}`,
    );
    const misses = [
      score < GOALS.score && `score ${score} < ${GOALS.score}`,
      m.lcp > GOALS.lcp && `LCP ${m.lcp.toFixed(0)} ms > ${GOALS.lcp}`,
      m.tbt > GOALS.tbt && `TBT ${m.tbt.toFixed(0)} ms > ${GOALS.tbt}`,
      m.cls > GOALS.cls && `CLS ${m.cls.toFixed(3)} > ${GOALS.cls}`,
    ].filter(Boolean);
    if (misses.length) {
      missed += misses.length;
      say(`          MISSES: ${misses.join('; ')}`);
    }
    results[target.name] = { ...m, score, gzipBytesInBuild: gzip, runs };
  }
} finally {
  await browser.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

say(
  '\n* estimated from FCP, LCP, TBT and CLS with Lighthouse’s mobile curves (Speed Index left out).',
);
if (args.get('json') === 'true') say(JSON.stringify({ pages: BUDGET_PAGES, results }));
say(missed === 0 ? 'All front-end goals met.' : `${missed} front-end goal(s) missed.`);
process.exitCode = missed === 0 ? 0 : 1;
