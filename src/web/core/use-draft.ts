import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError, type ApiError, versionConflict } from './api-client';

/** A gentle pause: the draft saves itself this long after the last keystroke. */
export const AUTOSAVE_MS = 2500;

export interface Saved<V> {
  values: V;
  version: number;
  savedAt: string;
}

export interface DraftOptions<V> {
  saved: Saved<V>;
  /** Sends the values with the version they started from. */
  save: (values: V, version: number) => Promise<Saved<V>>;
  /** Reads `error.current` of a 412 into the same shape. */
  readCurrent: (current: unknown) => Saved<V> | null;
  /** Autosave skips values the server would refuse (too long); the Save button explains. */
  isValid?: (values: V) => boolean;
  autosave: boolean;
}

export type DraftStatus = 'idle' | 'saving' | 'failed' | 'conflict';

function same<V extends Record<string, string>>(a: V, b: V): boolean {
  return Object.keys(a).every((key) => a[key] === b[key]);
}

/**
 * A versioned draft kept in the form, saved on request and (with `autosave`) on a pause in
 * typing. A save carries the version it started from; if another window or person saved in
 * between, nothing is overwritten: `conflict` holds the saved version, `ConflictPanel` (ui/)
 * shows both side by side, and the person keeps theirs, takes the saved one (all, or part by
 * part with `takeSavedPart`), or edits theirs to bring the two together and saves again.
 */
export function useDraft<V extends Record<string, string>>(options: DraftOptions<V>) {
  const { saved, autosave } = options;
  const [values, setValues] = useState<V>(saved.values);
  const [lastSaved, setLastSaved] = useState<Saved<V>>(saved);
  const [status, setStatus] = useState<DraftStatus>('idle');
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<Saved<V> | null>(null);
  const version = useRef(saved.version);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const latestOptions = useRef(options);
  latestOptions.current = options;

  const dirty = !same(values, lastSaved.values);

  const saveNow = useCallback(async (snapshot: V): Promise<boolean> => {
    // One save at a time, so each one starts from the version the last one made.
    while (inFlight.current) await inFlight.current;
    const run = (async () => {
      setStatus('saving');
      try {
        const result = await latestOptions.current.save(snapshot, version.current);
        version.current = result.version;
        setLastSaved(result);
        setStatus('idle');
        setError(null);
        return true;
      } catch (caught) {
        const apiError = isApiError(caught) ? caught : null;
        const current = versionConflict(caught, latestOptions.current.readCurrent);
        if (current) {
          setConflict(current);
          setStatus('conflict');
        } else {
          setStatus('failed');
        }
        setError(apiError);
        return false;
      }
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, []);

  // Autosave on a pause, never while a conflict waits for the person's choice.
  useEffect(() => {
    if (!autosave || !dirty || status === 'conflict' || status === 'failed') return;
    if (latestOptions.current.isValid && !latestOptions.current.isValid(values)) return;
    const timer = window.setTimeout(() => void saveNow(values), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [autosave, dirty, status, values, saveNow]);

  return {
    values,
    /** Typing after a failed save tries again on the next pause. */
    setValues: (next: V) => {
      setValues(next);
      if (status === 'failed') setStatus('idle');
    },
    dirty,
    status,
    error,
    conflict,
    savedAt: lastSaved.savedAt,
    version: () => version.current,
    /** Saves what is in the form now (if anything changed); true when it is safely stored. */
    flush: async (): Promise<boolean> => (dirty ? saveNow(values) : true),
    save: () => saveNow(values),
    /** After a conflict: save my words over the newer version. */
    keepMine: () => {
      if (!conflict) return;
      version.current = conflict.version;
      setConflict(null);
      void saveNow(values);
    },
    /** After a conflict: take the saved words of one part into the form (a merge by hand). */
    takeSavedPart: (key: string) => {
      if (!conflict || !(key in conflict.values)) return;
      setValues({ ...values, [key]: conflict.values[key] });
    },
    /** After a conflict: take the saved version into the form. */
    takeSaved: () => {
      if (!conflict) return;
      version.current = conflict.version;
      setValues(conflict.values);
      setLastSaved(conflict);
      setConflict(null);
      setStatus('idle');
      setError(null);
    },
    /** When the server's copy moves on through another action (sharing), follow its version. */
    adopt: (next: Saved<V>) => {
      version.current = next.version;
      setLastSaved(next);
    },
  };
}
