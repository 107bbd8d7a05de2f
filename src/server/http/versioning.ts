import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '#shared/errors.ts';

/**
 * Optimistic concurrency for shared items. Reads send `ETag: "<version>"`; writes send the
 * version they started from in `If-Match`, and a writer who started from an older version gets a
 * 412 with the item as it is now, never a silent overwrite.
 */
export function setVersionTag(reply: FastifyReply, version: number): void {
  void reply.header('etag', `"${version}"`);
}

/** The version named in `If-Match` (`"3"` or `W/"3"`), or a 428 when it is missing or unreadable. */
export function requireIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  const match = typeof header === 'string' ? /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim()) : null;
  if (!match) {
    throw new AppError(
      'precondition_required',
      'This is shared, so we need to know which version you started from. Reload it and try again.',
    );
  }
  return Number(match[1]);
}

const EDITED_MEANWHILE =
  'Your partner changed this while you were editing. Here is the newest version; your words are still in the form.';

/**
 * The 412 for a writer who started from an older version; `current` is what they should see now.
 * `message` replaces the words for an action that is not an edit (agreeing to a version).
 */
export function versionConflict(current: unknown, message = EDITED_MEANWHILE): AppError {
  return new AppError('precondition_failed', message, undefined, { current });
}
