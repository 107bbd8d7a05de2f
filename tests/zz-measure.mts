import { chromium } from 'playwright-core';
import { coupleViaApi } from './e2e/couple-setup.ts';
const base = process.env.BASE ?? 'http://127.0.0.1:4571';
const shots = process.env.SHOTS;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const [alex] = await coupleViaApi(base);
const [name, value] = alex.cookie.split('=') as [string, string];
async function ctx(width: number, height: number, scheme: 'light' | 'dark' = 'light') {
  const c = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
  await c.addCookies([{ name, value, url: base }]);
  return c;
}
const out: Record<string, unknown> = {};
const phone = await (await ctx(360, 740)).newPage();
await phone.goto(`${base}/program`);
await phone.getByRole('heading', { name: /Phase 2/ }).first().waitFor();
await phone.waitForTimeout(300);
out.programHeight360 = await phone.evaluate(() => document.documentElement.scrollHeight);
out.mainTop360 = await phone.evaluate(() => document.querySelector('main')!.getBoundingClientRect().top);
if (shots) await phone.screenshot({ path: `${shots}/program-360.png`, fullPage: false });
await phone.goto(`${base}/guide/acknowledging-feelings`);
await phone.getByRole('heading', { level: 1 }).waitFor();
out.lessonHeight360 = await phone.evaluate(() => document.documentElement.scrollHeight);
if (shots) await phone.screenshot({ path: `${shots}/lesson-360.png` });
const cls = async (width: number, height: number) => {
  const values: number[] = [];
  for (let i = 0; i < 3; i++) {
    const c = await ctx(width, height);
    const p = await c.newPage();
    await p.addInitScript(() => {
      (window as any).__cls = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries() as any[]) if (!e.hadRecentInput) (window as any).__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await p.goto(`${base}/home`);
    await p.waitForLoadState('networkidle');
    await p.waitForTimeout(1500);
    values.push(await p.evaluate(() => (window as any).__cls));
    if (shots && i === 0 && width === 360) await p.screenshot({ path: `${shots}/home-360.png` });
    await c.close();
  }
  return values.map((v) => Math.round(v * 1000) / 1000);
};
out.homeCls360 = await cls(360, 740);
out.homeCls1280 = await cls(1280, 900);
console.log(JSON.stringify(out));
await browser.close();
{
  const b2 = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const c = await b2.newContext({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
  await c.addCookies([{ name, value, url: base }]);
  const p = await c.newPage();
  await p.goto(`${base}/program`);
  await p.getByRole('heading', { name: /Phase 2/ }).first().waitFor();
  if (shots) await p.screenshot({ path: `${shots}/program-full.png`, fullPage: true });
  await p.getByRole('button', { name: 'Menu' }).click();
  if (shots) await p.screenshot({ path: `${shots}/menu-360.png` });
  const d = await b2.newContext({ viewport: { width: 1280, height: 900 } });
  await d.addCookies([{ name, value, url: base }]);
  const dp = await d.newPage();
  await dp.goto(`${base}/home`);
  await dp.getByRole('heading', { name: /Hello/ }).waitFor();
  await dp.waitForTimeout(500);
  if (shots) await dp.screenshot({ path: `${shots}/home-1280.png` });
  await b2.close();
}
