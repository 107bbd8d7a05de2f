import { queryClient } from '../query-client';
import { clearEveryFragmentToken } from '../fragment-token';

export const QUICK_EXIT_META = 'hh-quick-exit';
export const QUICK_EXIT_PLACEHOLDER = '__QUICK_EXIT_URL__';
export const QUICK_EXIT_FALLBACK_URL = 'https://www.wikipedia.org/';

/**
 * The neutral site to leave for, from the meta tag the server fills in. Anything that is not a
 * plain http(s) address (the unfilled placeholder on the Vite dev server, an empty value, a
 * `javascript:` URL) falls back to a well-known neutral site.
 */
export function resolveQuickExitUrl(content: string | null | undefined): string {
  if (!content || content.includes(QUICK_EXIT_PLACEHOLDER)) return QUICK_EXIT_FALLBACK_URL;
  try {
    const url = new URL(content);
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? url.href
      : QUICK_EXIT_FALLBACK_URL;
  } catch {
    return QUICK_EXIT_FALLBACK_URL;
  }
}

function readQuickExitUrl(): string {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${QUICK_EXIT_META}"]`);
  return resolveQuickExitUrl(meta?.content);
}

let leaving = false;

/**
 * Leaves at once. The order matters: the screen goes blank first, synchronously, before anything
 * that could take time; then client state is dropped; then the neutral site replaces this entry
 * in the tab's history, so Back does not land here.
 */
export function quickExit(): void {
  if (leaving) return;
  leaving = true;
  const destination = readQuickExitUrl();

  document.documentElement.classList.add('hh-leaving');
  document.body.replaceChildren();
  document.title = '';

  try {
    queryClient.clear();
  } catch {
    // Blank and gone matter more than tidy.
  }
  clearEveryFragmentToken();
  try {
    window.sessionStorage.clear();
  } catch {
    // Storage can be blocked by browser settings; there is nothing of ours in it anyway.
  }

  window.location.replace(destination);
}
