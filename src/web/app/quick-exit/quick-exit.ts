import { queryClient } from '#web/core/query-client.ts';
import { queryKeys } from '#web/core/query-keys.ts';
import { clearEveryFragmentToken } from '#web/core/fragment-token.ts';
import { closeLiveStream } from '#web/core/live-close.ts';
import { restoredPageAction, signOutAsLeaving } from './sign-out-on-exit';

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

function blank(): void {
  document.documentElement.classList.add('hh-leaving');
  document.body.replaceChildren();
  document.title = '';
}

function signOut(): void {
  signOutAsLeaving({
    sendBeacon:
      typeof navigator.sendBeacon === 'function' ? (url) => navigator.sendBeacon(url) : undefined,
    fetch: typeof window.fetch === 'function' ? (url, init) => window.fetch(url, init) : undefined,
  });
}

/**
 * Leaves at once. The order matters: the screen goes blank first, synchronously, before anything
 * that could take time; then the session is signed out on the server by a beacon that nothing
 * waits for; then client state is dropped; then the neutral site replaces this entry in the tab's
 * history, so Back does not land here, and the app behind any other entry is signed out.
 */
export function quickExit(): void {
  if (leaving) return;
  leaving = true;
  const destination = readQuickExitUrl();

  blank();
  closeLiveStream();
  signOut();

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

/** Who the server says is signed in now: an id, null for nobody, undefined when it cannot say. */
async function currentUserId(): Promise<string | null | undefined> {
  try {
    const response = await window.fetch('/api/auth/me', {
      cache: 'no-store',
      credentials: 'same-origin',
    });
    if (response.status === 401) return null;
    if (!response.ok) return undefined;
    // The schema loads only here, so the first download stays without zod (decision 0028).
    const { ZMeResponse } = await import('#shared/schemas/auth.ts');
    const parsed = ZMeResponse.safeParse(await response.json());
    return parsed.success ? parsed.data.user.id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A page the browser restores from its back/forward cache comes back exactly as it was, without
 * asking the server anything: after a quick exit (or a sign-out elsewhere) it would show the
 * signed-in app. So it hides itself at once, asks who is signed in, and shows itself again only
 * if nothing has changed; otherwise it blanks and loads afresh (signed out), or leaves again.
 */
export async function onPageShow(event: PageTransitionEvent): Promise<void> {
  if (!event.persisted) return;
  const root = document.documentElement;
  root.classList.add('hh-leaving');
  const me = queryClient.getQueryData<{ id: string } | null>(queryKeys.me);
  const action = restoredPageAction({
    leaving,
    cachedUserId: me?.id ?? null,
    currentUserId: await currentUserId(),
  });
  if (action === 'show') {
    root.classList.remove('hh-leaving');
    return;
  }
  blank();
  try {
    queryClient.clear();
  } catch {
    // Blank matters more than tidy.
  }
  if (action === 'leave') {
    signOut();
    window.location.replace(readQuickExitUrl());
  } else {
    window.location.reload();
  }
}
