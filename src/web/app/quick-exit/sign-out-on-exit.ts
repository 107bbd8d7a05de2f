/**
 * Quick exit signs the session out on the server as it leaves (decision 0021), so that Back, or a
 * page the browser kept in its back/forward cache, cannot show the signed-in app again.
 */

export const SIGN_OUT_PATH = '/api/auth/signout';

/** The two browser calls this uses, passed in so the order and the fallback can be tested. */
export interface SignOutTransport {
  sendBeacon?: ((url: string) => boolean) | undefined;
  fetch?: ((url: string, init: RequestInit) => Promise<unknown>) | undefined;
}

/**
 * Asks the server to end this session without waiting for the answer: a beacon outlives the page
 * that sends it, so the tab can leave at once. Beacons are same-origin POSTs with cookies, and
 * carry `Sec-Fetch-Site: same-origin`, so they pass the CSRF check like any other request from
 * our pages. Where a beacon cannot be queued, a keep-alive fetch does the same. Never throws:
 * leaving matters more than knowing the answer.
 */
export function signOutAsLeaving(transport: SignOutTransport): 'beacon' | 'fetch' | 'none' {
  try {
    if (transport.sendBeacon?.(SIGN_OUT_PATH)) return 'beacon';
  } catch {
    // Fall through to fetch.
  }
  try {
    if (transport.fetch) {
      transport
        .fetch(SIGN_OUT_PATH, { method: 'POST', keepalive: true, credentials: 'same-origin' })
        .catch(() => undefined);
      return 'fetch';
    }
  } catch {
    // Nothing else to try.
  }
  return 'none';
}

/**
 * What a page restored from the back/forward cache does, once it has asked the server who is
 * signed in (the page stays hidden until then):
 * - `show`: nobody was signed in when it was cached, or the same person still is;
 * - `reload`: the session is gone (or belongs to someone else): load the page afresh, signed out;
 * - `leave`: this page had quick-exited and the sign-out did not land: sign out and leave again.
 */
export type RestoreAction = 'show' | 'reload' | 'leave';

export function restoredPageAction(input: {
  /** This document had started a quick exit before it was cached. */
  leaving: boolean;
  /** The signed-in user the page showed when it was cached, or null for a visitor. */
  cachedUserId: string | null;
  /** Who the server says is signed in now: a user id, null for nobody, undefined if unknown. */
  currentUserId: string | null | undefined;
}): RestoreAction {
  const { leaving, cachedUserId, currentUserId } = input;
  if (leaving) return currentUserId === null ? 'reload' : 'leave';
  if (cachedUserId === null) return currentUserId == null ? 'show' : 'reload';
  return currentUserId === cachedUserId ? 'show' : 'reload';
}
