import { isApiError } from './api-client';

/**
 * The one place the web app recognises a version conflict: a save of a shared or versioned
 * thing that started from an older version answers 412 with the thing as it is now
 * (`error.current`, see api-client). `read` turns that into the form's own shape; null when the
 * error is not a conflict, or its `current` is not readable (then it is an ordinary failure).
 * What the person then sees is `ConflictPanel` in ui/.
 */
export function versionConflict<T>(error: unknown, read: (current: unknown) => T | null): T | null {
  if (!isApiError(error) || error.status !== 412) return null;
  return read(error.current);
}

/** A conflict whose newer version the page reloads itself (a button, not a text to compare). */
export function isVersionConflict(error: unknown): boolean {
  return isApiError(error) && error.status === 412;
}
