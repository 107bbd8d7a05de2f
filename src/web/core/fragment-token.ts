/**
 * A single-use link's token (a partner invite, a therapist link), kept in memory only: never in
 * storage, and out of the address bar at once, so it is not left in view, in a bookmark or in a
 * screenshot. It survives moving to sign-in or sign-up and back, and is lost on reload, which is
 * the safe way round. Quick exit forgets every one of them.
 */
export interface FragmentToken {
  get: () => string | null;
  clear: () => void;
  subscribe: (listener: () => void) => () => void;
  /** On `pathname#<token>`: moves the token into memory and takes it out of the address bar. */
  capture: () => void;
}

const everyToken = new Set<FragmentToken>();

export function fragmentToken(pathname: string): FragmentToken {
  let token: string | null = null;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const handle: FragmentToken = {
    get: () => token,
    clear: () => {
      if (token === null) return;
      token = null;
      notify();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    capture: () => {
      if (window.location.pathname !== pathname) return;
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
    },
  };
  everyToken.add(handle);
  return handle;
}

export function clearEveryFragmentToken(): void {
  for (const token of everyToken) token.clear();
}
