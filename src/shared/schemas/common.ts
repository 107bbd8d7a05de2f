import { z } from 'zod';
import { ITEM_VISIBILITIES } from '#shared/visibility.ts';
import { configureZod } from './zod-setup';

// Before any schema is built: every schema file imports this one first (see zod-setup.ts).
configureZod();

/**
 * What PostgreSQL text cannot hold: NUL, and a lone UTF-16 surrogate (it has no UTF-8 form; the
 * drivers would silently swap it for U+FFFD). Under the `u` flag a proper surrogate pair is one
 * code point, so `\p{Cs}` matches only a lone half.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /[\u0000\p{Cs}]/u;

export const UNSTORABLE_TEXT_MESSAGE =
  'This has a hidden character we cannot save (often left by copy and paste). Please retype that part, or paste it as plain text, and try again.';

/** The one check every text field carries; a unit test finds it on every string in src/shared/schemas. */
export const STORABLE_TEXT = z.refine<string>((value) => !UNSTORABLE.test(value), {
  message: UNSTORABLE_TEXT_MESSAGE,
  abort: true,
});

/**
 * Text a person or the server sends: every string field in src/shared/schemas starts here.
 * `message` replaces the messages zod would give (as `text({ message })` does); `max` adds
 * a length limit.
 */
export function text({ max, ...params }: { max?: number } & StringParams = {}) {
  const base = z.string(params).check(STORABLE_TEXT);
  return max === undefined ? base : base.max(max);
}
type StringParams = Exclude<Parameters<typeof z.string>[0], string | undefined>;

export const ZId = z.uuid({ message: 'This id is not in the expected form.' });
export const ZIdParams = z.object({ id: ZId });
export const ZIsoDate = z.iso.datetime({ offset: true });

/** What a person is told when a page position cannot be used (here and by the server's codec). */
export const BAD_CURSOR_MESSAGE = 'This page position is not valid. Please reload the list.';
/** Longer than any page position the server writes; refused unread. */
export const MAX_CURSOR_LENGTH = 400;
/**
 * A page position, as the server's one keyset cursor codec writes it (src/server/http/cursor.ts):
 * opaque base64url text that the page sends back exactly as it was given.
 */
export const ZPageCursor = text()
  .max(MAX_CURSOR_LENGTH, BAD_CURSOR_MESSAGE)
  .regex(/^[A-Za-z0-9_-]+$/, BAD_CURSOR_MESSAGE);

export const ZOk = z.object({ ok: z.literal(true) });
export type TOk = z.infer<typeof ZOk>;

export const ZErrorBody = z.object({
  error: z.object({
    code: text(),
    message: text(),
    fields: z.record(text(), text()).optional(),
    current: z.unknown().optional(),
  }),
});

/**
 * Who may read an item (BRIEF §3). Only its author widens it, one item at a time. Sharing with
 * the partner and sharing with the couple's therapist are separate choices, so a request that
 * shares with the partner names only these two; the therapist share has its own request.
 */
export const ZVisibility = z.enum(['private', 'partner'], {
  message: 'Choose who can see this: only you, or you and your partner.',
});
export type TVisibility = z.infer<typeof ZVisibility>;

/** An item's full visibility as stored: who of partner and therapist may read it. */
export const ZItemVisibility = z.enum(ITEM_VISIBILITIES);
export type TItemVisibility = z.infer<typeof ZItemVisibility>;

export { sharesWithPartner, sharesWithTherapist } from '#shared/visibility.ts';

/** Share an item with the couple's therapist, or stop sharing it with them. */
export const ZTherapistShareBody = z.object({
  shared: z.boolean({ message: 'Say whether to share this with your therapist: true or false.' }),
});
export type TTherapistShareBody = z.infer<typeof ZTherapistShareBody>;

/** A version number for optimistic concurrency: the writer sends back the one they read. */
export const ZVersion = z.int().min(1, { message: 'This version number is not valid.' });
