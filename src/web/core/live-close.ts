/**
 * How quick exit closes this tab's event stream without loading the stream's code into the first
 * download: the stream (live.ts) registers its closer here when it opens.
 */
let closer: (() => void) | null = null;

export function registerLiveCloser(close: (() => void) | null): void {
  closer = close;
}

/** Closes this tab's event stream at once, if one is open (quick exit). */
export function closeLiveStream(): void {
  closer?.();
}
