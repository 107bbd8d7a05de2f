import { Suspense, useCallback, useSyncExternalStore, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { lazyPart } from '#web/ui/lazy-page.tsx';
import { useMe } from '#web/core/session.ts';

/**
 * Where the re-lock after a pause meets the page (decision 0046): around every page in the
 * layout. This part is in the first download and only draws: the page, or the lock screen while
 * the lock state (`lockStateKey` in the query cache) says locked. The watcher that learns the
 * state, follows activity and locks (`relock-gate.tsx`) brings its own code once someone is
 * signed in, so a visitor's first download does not carry it.
 */

export const lockStateKey = ['auth', 'lock'] as const;

const RelockWatcher = lazyPart(() => import('./relock-gate').then((m) => m.RelockWatcher));

export function RelockBoundary({
  children,
  lockScreen,
}: {
  children: ReactNode;
  lockScreen: ReactNode;
}) {
  const me = useMe();
  const queryClient = useQueryClient();
  const signedIn = Boolean(me.data);
  const subscribe = useCallback(
    (onChange: () => void) => queryClient.getQueryCache().subscribe(onChange),
    [queryClient],
  );
  const locked = useSyncExternalStore(
    subscribe,
    () => queryClient.getQueryData<{ locked: boolean }>(lockStateKey)?.locked === true,
  );
  return (
    <>
      {signedIn && (
        <Suspense fallback={null}>
          <RelockWatcher />
        </Suspense>
      )}
      {signedIn && locked ? lockScreen : children}
    </>
  );
}
