import { t } from '#web/i18n/index.ts';

/**
 * What the browser tab shows. With the neutral option on, every page is titled "Notes" and the
 * icon is a plain page, so a glance at the tabs does not say what this is.
 */
let neutral = false;
let currentPage: string | null = null;

const ICON = { usual: '/favicon.svg', neutral: '/notes.svg' } as const;

function apply(): void {
  if (neutral) document.title = t('app.neutralName');
  else document.title = currentPage ? t('app.pageTitle', { page: currentPage }) : t('app.name');
  const icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (icon) icon.href = neutral ? ICON.neutral : ICON.usual;
}

export function setPageTitle(page: string | null): void {
  currentPage = page;
  apply();
}

export function setNeutralTab(on: boolean): void {
  if (on === neutral) return;
  neutral = on;
  apply();
}
