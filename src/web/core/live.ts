import { useEffect, useRef, useSyncExternalStore } from 'react';
import { registerLiveCloser } from './live-close';
import { queryClient } from './query-client';
import { queryKeys } from './query-keys';
import { useMe } from './session';

/**
 * Live changes from the server's event stream (issue 12): one `EventSource` per tab, shared by
 * every hook below, same origin only (a relative URL; the cookie goes with it). A change carries
 * no content; a page that shows the thing reads it again. The browser reconnects a dropped stream
 * by itself and sends `Last-Event-ID`, so the server resumes exactly after the last event seen.
 * A stream the server refused (signed out) is tried again only while someone is signed in.
 */
export interface LiveChange {
  topic: 'comments';
  kind: string;
  itemId: string;
}

const STREAM_URL = '/api/notifications/stream';
/** After the browser gave up (an error answer), ask again this long later if still signed in. */
const RETRY_AFTER_CLOSE_MS = 5_000;

type ChangeListener = (change: LiveChange) => void;

const changeListeners = new Map<LiveChange['topic'], Set<ChangeListener>>();
const countListeners = new Set<() => void>();
let unread: number | null = null;
let source: EventSource | null = null;
/** How many mounted hooks want the stream. */
let wanted = 0;
let retry: ReturnType<typeof setTimeout> | undefined;

function setUnread(value: number | null) {
  if (unread === value) return;
  unread = value;
  for (const listener of countListeners) listener();
}

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return null;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return null;
  }
}

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  const stream = new EventSource(STREAM_URL);
  source = stream;
  registerLiveCloser(closeLiveStream);
  stream.addEventListener('count', (event: MessageEvent<unknown>) => {
    const value = parse(event.data) as { unread?: unknown } | null;
    if (typeof value?.unread === 'number') setUnread(value.unread);
  });
  stream.addEventListener('notification', () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
  });
  stream.addEventListener('change', (event: MessageEvent<unknown>) => {
    const change = parse(event.data) as LiveChange | null;
    if (!change || typeof change.itemId !== 'string') return;
    for (const listener of changeListeners.get(change.topic) ?? []) listener(change);
  });
  // The log was pruned past where this tab left off: read everything afresh.
  stream.addEventListener('reset', () => {
    void queryClient.invalidateQueries();
  });
  // The session is over (signed out, here or elsewhere) or locked after a pause: no reconnect;
  // the page learns which (a step-up reopens it through `reopenLiveStream`).
  stream.addEventListener('end', () => {
    closeLiveStream();
    void queryClient.invalidateQueries({ queryKey: queryKeys.me });
  });
  stream.addEventListener('error', () => {
    if (stream.readyState !== EventSource.CLOSED) return; // the browser is reconnecting
    source = null;
    setUnread(null);
    if (wanted > 0) {
      retry = setTimeout(() => {
        retry = undefined;
        // Signed out meanwhile: the session query learns it, and nothing reopens.
        void queryClient.invalidateQueries({ queryKey: queryKeys.me }).then(() => {
          if (wanted > 0 && queryClient.getQueryData(queryKeys.me)) open();
        });
      }, RETRY_AFTER_CLOSE_MS);
    }
  });
}

/** Closes this tab's stream at once (quick exit, through live-close.ts). */
export function closeLiveStream(): void {
  registerLiveCloser(null);
  if (retry) clearTimeout(retry);
  retry = undefined;
  source?.close();
  source = null;
  setUnread(null);
}

/**
 * Opens the stream again if the page still wants it: after the lock screen's step-up (a locked
 * session's stream ends, and the signed-in person has not changed, so nothing else reopens it).
 */
export function reopenLiveStream(): void {
  if (wanted > 0 && !source) open();
}

/** Keeps the stream open while the calling component is mounted and someone is signed in. */
function useStream(): void {
  const me = useMe();
  const signedIn = Boolean(me.data);
  useEffect(() => {
    if (!signedIn) return undefined;
    wanted += 1;
    open();
    return () => {
      wanted -= 1;
      if (wanted === 0) closeLiveStream();
    };
  }, [signedIn]);
}

/** Call `onChange` for each live change of `topic` while the calling component is mounted. */
export function useLiveChange(topic: LiveChange['topic'], onChange: (change: LiveChange) => void) {
  useStream();
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);
  useEffect(() => {
    const listener: ChangeListener = (change) => latest.current(change);
    let set = changeListeners.get(topic);
    if (!set) {
      set = new Set();
      changeListeners.set(topic, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }, [topic]);
}

const subscribeCount = (listener: () => void) => {
  countListeners.add(listener);
  return () => {
    countListeners.delete(listener);
  };
};

/**
 * The unread count as the stream last said it (null before it has): it rides the stream, so
 * pages cost no extra query for it. Opens the stream while mounted.
 */
export function useUnreadCount(): number | null {
  useStream();
  return useSyncExternalStore(
    subscribeCount,
    () => unread,
    () => null,
  );
}
