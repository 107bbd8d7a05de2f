import { useEffect, useState } from 'react';

/**
 * The token of an email link (`/account/reset#<token>`): read once from the fragment, which no
 * server ever sees, then taken out of the address bar so it is not left in view or in history.
 */
export function useLinkToken(): string | null {
  const [token] = useState(() => {
    const fragment = window.location.hash.slice(1);
    return fragment === '' ? null : fragment;
  });
  useEffect(() => {
    if (window.location.hash)
      window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  return token;
}
