/**
 * The invite token someone arrived with, kept in memory only: never in storage, never in the
 * address bar longer than the first moment. It is lost on reload, which is the safe way round.
 */
let token: string | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

export function getPendingInvite(): string | null {
  return token;
}

export function clearPendingInvite(): void {
  if (token === null) return;
  token = null;
  notify();
}

export function subscribePendingInvite(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * On /join, moves the token from the URL fragment into memory and takes the fragment out of the
 * address bar, so it is not left in view, in a bookmark, or in a screenshot.
 */
export function captureInviteFromLocation(): void {
  if (window.location.pathname !== '/join') return;
  const fragment = window.location.hash.slice(1);
  if (fragment === '') return;
  window.history.replaceState(
    window.history.state,
    '',
    window.location.pathname + window.location.search,
  );
  token = safeDecode(fragment);
  notify();
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
