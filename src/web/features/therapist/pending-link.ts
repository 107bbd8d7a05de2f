/**
 * The therapist link someone arrived with, in memory only: never in storage, and out of the
 * address bar at once. It survives moving to sign-in or sign-up and back, and is lost on reload,
 * which is the safe way round.
 */
let token: string | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

export function getPendingTherapistLink(): string | null {
  return token;
}

export function clearPendingTherapistLink(): void {
  if (token === null) return;
  token = null;
  notify();
}

export function subscribePendingTherapistLink(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** On /therapist/join#<token>: moves the token into memory and takes it out of the address bar. */
export function captureTherapistLink(): void {
  if (window.location.pathname !== '/therapist/join') return;
  const fragment = window.location.hash.slice(1);
  if (fragment === '') return;
  window.history.replaceState(
    window.history.state,
    '',
    window.location.pathname + window.location.search,
  );
  try {
    token = decodeURIComponent(fragment);
  } catch {
    token = fragment;
  }
  notify();
}
