import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TLockState } from '#shared/schemas/two-step.ts';
import { apiFetch, isApiError } from '#web/core/api-client.ts';
import { reopenLiveStream } from '#web/core/live.ts';
import { queryKeys } from '#web/core/query-keys.ts';
import { lockStateKey } from './relock-boundary';

/**
 * The re-lock after a pause (a setting on the account page, off by default). While it is on,
 * this gate watches for the person's own activity on this device (keys, pointer, touch, scroll)
 * and, after the chosen idle minutes, locks: the page's content is unmounted, everything cached
 * is dropped from memory, the server locks the session (so a reload or another tab shows no
 * more than this), and the lock screen asks for the password or a code. Nothing is written to
 * browser storage; other tabs hear of activity and of the lock over a BroadcastChannel, which
 * carries only those two words.
 */

export { lockStateKey };

/** While the person is active, the server hears from this page at least this often. */
const HEARTBEAT_MS = 45_000;
/** How often the idle time is checked (and at once when the page comes back into view). */
const CHECK_MS = 5_000;
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'];

const loadLockSchema = () => import('#shared/schemas/two-step.ts').then((m) => m.ZLockState);

const readLockState = (signal?: AbortSignal) =>
  apiFetch('/api/auth/lock', { schema: loadLockSchema, signal });

/** Locks now: the content is gone from the screen and from memory; the server is told. */
function lockHere(queryClient: QueryClient, tellServer: boolean) {
  const current = queryClient.getQueryData<TLockState>(lockStateKey);
  if (current?.locked) return;
  queryClient.setQueryData<TLockState>(lockStateKey, {
    locked: true,
    relockMinutes: current?.relockMinutes ?? null,
  });
  if (tellServer) {
    void apiFetch('/api/auth/lock', { method: 'POST', schema: loadLockSchema }).catch(
      () => undefined,
    );
  }
}

/** After the lock screen's step-up: open again, and every page fetches its data afresh. */
export function unlockHere(queryClient: QueryClient) {
  const current = queryClient.getQueryData<TLockState>(lockStateKey);
  queryClient.setQueryData<TLockState>(lockStateKey, {
    locked: false,
    relockMinutes: current?.relockMinutes ?? null,
  });
  void queryClient.invalidateQueries();
  reopenLiveStream();
}

function isLockKey(key: readonly unknown[]) {
  return key[0] === lockStateKey[0] && key[1] === lockStateKey[1];
}
function isMeKey(key: readonly unknown[]) {
  return key[0] === queryKeys.me[0] && key[1] === queryKeys.me[1];
}

export function useLockState(enabled: boolean) {
  return useQuery({
    queryKey: lockStateKey,
    queryFn: ({ signal }) => readLockState(signal),
    enabled,
    staleTime: Infinity,
  });
}

/**
 * Rendered (with its code fetched) only while someone is signed in, beside the page: it learns the
 * lock state and setting, watches for activity and locks; `RelockBoundary` draws the result.
 */
export function RelockWatcher() {
  const queryClient = useQueryClient();
  const state = useLockState(true);
  const locked = state.data?.locked === true;
  const minutes = state.data?.relockMinutes ?? null;

  // Any answer `locked` (another tab locked, or the server saw a long pause) locks this page too.
  useEffect(() => {
    const onError = (error: unknown) => {
      if (isApiError(error) && error.code === 'locked') lockHere(queryClient, false);
    };
    const offQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    const offMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [queryClient]);

  // Locked: drop every cached answer but who is signed in and the lock itself.
  useEffect(() => {
    if (!locked) return;
    queryClient.removeQueries({ predicate: (q) => !isMeKey(q.queryKey) && !isLockKey(q.queryKey) });
  }, [locked, queryClient]);

  const lastActivity = useRef(Date.now());
  const lastHeartbeat = useRef(Date.now());
  useEffect(() => {
    if (minutes === null || locked) return;
    lastActivity.current = Date.now();
    const channel =
      typeof BroadcastChannel === 'function' ? new BroadcastChannel('hh-activity') : null;
    let lastSent = 0;
    const active = (fromOtherTab = false) => {
      const now = Date.now();
      lastActivity.current = now;
      if (!fromOtherTab && now - lastSent > CHECK_MS) {
        lastSent = now;
        channel?.postMessage('active');
      }
      if (now - lastHeartbeat.current > HEARTBEAT_MS) {
        lastHeartbeat.current = now;
        // Keeps the session fresh on the server while the person reads without clicking.
        void readLockState()
          .then((fresh) => {
            if (fresh.locked) lockHere(queryClient, false);
          })
          .catch(() => undefined);
      }
    };
    const check = () => {
      if (Date.now() - lastActivity.current >= minutes * 60_000) {
        channel?.postMessage('locked');
        lockHere(queryClient, true);
      }
    };
    const onActivity = () => active();
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    if (channel) {
      channel.onmessage = (event: MessageEvent) => {
        if (event.data === 'active') active(true);
        if (event.data === 'locked') lockHere(queryClient, false);
      };
    }
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisible);
    const timer = window.setInterval(check, CHECK_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS)
        window.removeEventListener(name, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(timer);
      channel?.close();
    };
  }, [minutes, locked, queryClient]);

  return null;
}
