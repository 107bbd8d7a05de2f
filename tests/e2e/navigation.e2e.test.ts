import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coupleViaApi, signedInPerson, therapistViaApi } from './couple-setup';
import {
  expectCleanExit,
  expectNoAxeViolations,
  launchBrowser,
  NEUTRAL_PATH,
  type RunningApp,
  startApp,
} from './harness';

/**
 * The app's frame (issue 9): one menu that holds every feature (a labelled disclosure on a phone,
 * grouped links on a desktop), the safety bar always on screen, a therapist kept to their own
 * pages, a program map that fits a phone, a home page that holds still, and the colour switch.
 */
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const PHONE = { width: 360, height: 740 };

/** Every feature a partner can open from the menu today. */
const PARTNER_LINKS = [
  'Today',
  'Daily check-in',
  'Triggers',
  'Program',
  'Guide',
  'What happened',
  'Impact letter',
  'Questions',
  'Apology',
  'Sealed disclosures',
  'Contact log',
  'Offers of openness',
  'Agreements',
  'Listening turns',
  'Making sense of it',
  'Forgiveness',
  'Reconnecting',
  'What comes next',
  'Goals and hard dates',
  'Weekly check-ins',
  'Progress',
  'Messages',
  'Session prep',
  'Your therapist',
  'Help and safety',
  'Private safety questions',
  'About quick exit',
  'Notifications',
  'Account',
];

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Is the quick-exit button on screen, and is it what a tap at its centre would reach? */
async function quickExitInReach(page: Page): Promise<boolean> {
  return page.getByRole('button', { name: 'Quick exit' }).evaluate((button) => {
    const box = button.getBoundingClientRect();
    const inView =
      box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return inView && hit !== null && button.contains(hit);
  });
}

async function scrollToBottom(page: Page): Promise<void> {
  // Scrolled again on every try: a page still filling in grows after the first scroll.
  await page.waitForFunction(() => {
    const height = document.documentElement.scrollHeight;
    window.scrollTo(0, height);
    return Math.ceil(window.scrollY + innerHeight) >= height - 1;
  });
}

/** The sum of layout shifts while /home loads, as a PerformanceObserver in the page sees them. */
async function homeLayoutShift(page: Page): Promise<number> {
  await page.addInitScript(() => {
    const store = window as unknown as { layoutShift: number };
    store.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) store.layoutShift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${app.base}/home`);
  await page.getByRole('heading', { name: 'A next step' }).waitFor();
  await page.waitForLoadState('networkidle');
  // Let a late shift, if any, be reported.
  await page.waitForTimeout(500);
  return page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
}

describe('the frame on a phone (360 × 740)', () => {
  it('opens every feature from a labelled menu, keeps quick exit in reach, and holds still', async () => {
    const [alexAccount] = await coupleViaApi(app.base);
    const alex = await signedInPerson(browser, app.base, alexAccount, PHONE);
    await alex.page.setViewportSize(PHONE);
    const { page } = alex;

    // The home page fills in without moving what is already on screen.
    const shift = await homeLayoutShift(page);
    expect(shift, 'cumulative layout shift on /home at 360 px').toBeLessThan(0.1);

    // What comes before the content: one line, at most 96 px.
    const mainTop = await page.locator('main').evaluate((main) => main.getBoundingClientRect().top);
    expect(mainTop).toBeLessThanOrEqual(96);

    // The menu: a button with a name, closed at first.
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await mainNav(page).getByRole('link', { name: 'Triggers' }).count()).toBe(0);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    for (const name of PARTNER_LINKS) {
      await mainNav(page).getByRole('link', { name, exact: true }).waitFor();
    }
    expect(await mainNav(page).getByRole('link', { name: 'Couples' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'menu open, phone');

    // Escape closes it and gives focus back to the button.
    await mainNav(page).getByRole('link', { name: 'Triggers' }).focus();
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Menu');

    // From the keyboard: open, pick a page two taps away; the menu closes on the way.
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await mainNav(page).getByRole('link', { name: 'Weekly check-ins' }).click();
    await page.waitForURL('**/measures');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await expectNoAxeViolations(page, 'weekly check-ins reached from the menu, phone');

    // The program map fits a phone: the couple's phase open, the others one press away.
    await page.goto(`${app.base}/program`);
    const phase1 = page.getByRole('button', { name: 'Phase 1: Impact' });
    const phase3 = page.getByRole('button', { name: 'Phase 3: Moving on' });
    await phase1.waitFor();
    expect(await phase1.getAttribute('aria-expanded')).toBe('true');
    expect(await phase3.getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('combobox', { name: 'Your mark for Daily check-in' }).waitFor();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    // It was 14,545 px before; each exercise is one line now.
    expect(height).toBeLessThan(5000);
    await expectNoAxeViolations(page, 'program map, phone');

    // Scrolled to the very bottom of the map and of a lesson, quick exit is on screen and free.
    await scrollToBottom(page);
    expect(await quickExitInReach(page)).toBe(true);
    await page.goto(`${app.base}/guide/acknowledging-feelings`);
    await page.getByRole('heading', { name: 'Draws on' }).waitFor();
    await scrollToBottom(page);
    expect(await quickExitInReach(page)).toBe(true);
    await expectNoAxeViolations(page, 'lesson scrolled to the end, phone');
    await expectCleanExit(alex);
  });

  it('menu and bar pass axe in the dark, and quick exit works from the bottom of a page', async () => {
    const [alexAccount] = await coupleViaApi(app.base);
    const alex = await signedInPerson(browser, app.base, alexAccount, {
      ...PHONE,
      colorScheme: 'dark',
    });
    await alex.page.setViewportSize(PHONE);
    const { page } = alex;
    await page.goto(`${app.base}/program`);
    await page.getByRole('button', { name: 'Phase 1: Impact' }).waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    await expectNoAxeViolations(page, 'menu open, phone, dark');
    await page.keyboard.press('Escape');
    await scrollToBottom(page);
    await page.getByRole('button', { name: 'Quick exit' }).click();
    await page.waitForURL(`${app.base}${NEUTRAL_PATH}`);
    await expectCleanExit(alex);
  });
});

describe('the frame on a desktop (1280 px)', () => {
  it('shows grouped links beside the page, holds still, and keeps the colour choice', async () => {
    const [alexAccount] = await coupleViaApi(app.base);
    const alex = await signedInPerson(browser, app.base, alexAccount);
    const { page } = alex;

    const shift = await homeLayoutShift(page);
    expect(shift, 'cumulative layout shift on /home at 1280 px').toBeLessThan(0.1);

    // No menu button: the groups are there, each with its name.
    expect(await page.getByRole('button', { name: 'Menu' }).count()).toBe(0);
    for (const name of PARTNER_LINKS) {
      await mainNav(page).getByRole('link', { name, exact: true }).waitFor();
    }
    await mainNav(page).getByRole('list', { name: 'With a therapist' }).waitFor();
    expect(
      await mainNav(page).getByRole('link', { name: 'Today' }).getAttribute('aria-current'),
    ).toBe('page');
    await expectNoAxeViolations(page, 'home with side navigation, desktop, light');

    // Dark by choice, whatever the device says; kept across a reload, applied before the app runs.
    const colours = mainNav(page).getByRole('combobox', { name: 'Colours' });
    expect(await colours.inputValue()).toBe('system');
    await colours.selectOption({ label: 'Dark' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(27, 24, 22)');
    // Buttons fade to their new colours; axe should read the colours they end with.
    await page.waitForFunction(() => document.getAnimations().length === 0);
    await expectNoAxeViolations(page, 'home, desktop, dark by choice');
    await page.reload({ waitUntil: 'commit' });
    await page.waitForSelector('html[data-theme="dark"]', { state: 'attached' });
    await page.getByRole('heading', { name: 'A next step' }).waitFor();
    expect(await colours.inputValue()).toBe('dark');
    expect(await background()).toBe('rgb(27, 24, 22)');

    // Back to the device's own choice: nothing is left in storage.
    await colours.selectOption({ label: 'As my device' });
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-theme'))).toBe(
      false,
    );
    expect(await background()).toBe('rgb(247, 243, 237)');
    await expectCleanExit(alex);
  });
});

describe("a therapist's frame", () => {
  it('holds only their pages, and a partner page says plainly it is for partners', async () => {
    const therapistAccount = await therapistViaApi(app.base);
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [360, 1280]) {
        const doctor = await signedInPerson(browser, app.base, therapistAccount, {
          width,
          colorScheme,
        });
        const { page } = doctor;
        const label = `${width} px, ${colorScheme}`;
        await page.goto(`${app.base}/checkins`);
        await page.getByRole('heading', { level: 1, name: 'This page is for partners' }).waitFor();
        expect(await page.getByRole('textbox').count()).toBe(0);
        await page.getByRole('link', { name: 'Go to your couples' }).waitFor();
        await expectNoAxeViolations(page, `partner page as a therapist, ${label}`);

        if (width === 360) await page.getByRole('button', { name: 'Menu' }).click();
        await mainNav(page).getByRole('link', { name: 'Couples' }).waitFor();
        for (const partnerPage of ['Program', 'Daily check-in', 'Today', 'Triggers']) {
          expect(await mainNav(page).getByRole('link', { name: partnerPage }).count()).toBe(0);
        }
        await expectNoAxeViolations(page, `therapist navigation, ${label}`);
        await expectCleanExit(doctor);
      }
    }

    // Their account page has no partner panel; their home is their practice.
    const doctor = await signedInPerson(browser, app.base, therapistAccount);
    await doctor.page.goto(`${app.base}/account`);
    await doctor.page.getByRole('heading', { name: 'Where you are signed in' }).waitFor();
    expect(
      await doctor.page.getByRole('heading', { name: 'Your therapist and your items' }).count(),
    ).toBe(0);
    await doctor.page.goto(`${app.base}/home`);
    await doctor.page.waitForURL('**/practice');
    await expectCleanExit(doctor);

    // And the other way round: a partner opening a therapist's page.
    const [alexAccount] = await coupleViaApi(app.base);
    const alex = await signedInPerson(browser, app.base, alexAccount, { width: 360 });
    await alex.page.goto(`${app.base}/practice/notes`);
    await alex.page
      .getByRole('heading', { level: 1, name: 'This page is for therapists' })
      .waitFor();
    await expectNoAxeViolations(alex.page, 'therapist page as a partner, phone');
    await expectCleanExit(alex);
  });
});
