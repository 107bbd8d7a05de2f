import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';
import { queryKeys } from './query-keys';
import type { TMe } from './session';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
    mutationMeta: {
      /** A 401 here means "wrong email or password", not "your session ended". */
      unauthenticatedIsExpected?: boolean;
    };
  }
}

/** True after the person signed out themselves, until someone signs in again. */
let signedOutByChoice = false;

function isMeKey(key: readonly unknown[]): boolean {
  return key.length === queryKeys.me.length && key.every((part, i) => part === queryKeys.me[i]);
}

function isSignedOutError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/**
 * A 401 from any call means the session is over. Forgetting the user is enough: pages that need
 * an account redirect to /signin on their own, and the join page offers sign-in in place.
 */
function onUnauthenticated(): void {
  if (queryClient.getQueryData(queryKeys.me) === null) return;
  signedOutByChoice = false;
  queryClient.setQueryData(queryKeys.me, null);
  // Pages still on screen drop their own data as they redirect; the rest can go now.
  queryClient.removeQueries({ type: 'inactive' });
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      if (isSignedOutError(error)) onUnauthenticated();
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _result, mutation) => {
      if (isSignedOutError(error) && !mutation.meta?.unauthenticatedIsExpected) {
        onUnauthenticated();
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change on its own; a network blip or a 5xx might.
      retry: (failureCount, error) =>
        failureCount < 2 && (error.status === 0 || error.status >= 500),
    },
    mutations: { retry: false },
  },
});

export function wasSignedOutByChoice(): boolean {
  return signedOutByChoice;
}

/**
 * After a successful sign-out: forget the account. Private pages then send the person to the
 * front page with a kind word, rather than to the sign-in form as after an expired session.
 */
export function completeSignOut(): void {
  signedOutByChoice = true;
  forgetAccountData(null);
}

/**
 * Drops everything cached for the previous account and records who is signed in now (or
 * `null` for nobody), so one person's data never shows to the next.
 */
export function forgetAccountData(user: TMe | null): void {
  if (user) signedOutByChoice = false;
  queryClient.removeQueries({
    predicate: (query) => !isMeKey(query.queryKey),
  });
  queryClient.setQueryData(queryKeys.me, user);
}
