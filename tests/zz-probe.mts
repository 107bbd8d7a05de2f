import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:4571';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const c = await browser.newContext({ viewport: { width: 360, height: 740 } });
const p = await c.newPage();
await p.goto(`${base}/guide`);
await p.getByRole('heading', { level: 1 }).waitFor();
console.log(await p.evaluate(() => [...document.querySelectorAll('header a, header button')].map((e) => { const r = e.getBoundingClientRect(); return `${e.textContent} ${Math.round(r.left)}-${Math.round(r.right)} h${Math.round(r.height)} fs${getComputedStyle(e).fontSize} pad${getComputedStyle(e).paddingLeft}`; })));
await browser.close();
