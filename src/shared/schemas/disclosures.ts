import { z } from 'zod';
import { ZId, ZIsoDate, text } from './common';

/**
 * Sealed disclosures (issue 14, item 2). The involved partner writes something they know they
 * must tell as a private draft and seals it; from then on it never changes. The hurt partner
 * learns only that one is waiting, and opens it when they are ready. Request bodies are strict:
 * a key the form does not have is a 400, never dropped.
 */

export const DISCLOSURE_TEXT_MAX = 12000;

export const ZDisclosureText = text({ message: 'Please send what you want to tell as text.' }).max(
  DISCLOSURE_TEXT_MAX,
  `Please keep one disclosure to ${DISCLOSURE_TEXT_MAX.toLocaleString('en')} characters or fewer. You can write a second one for the rest.`,
);

/** Starting or saving a draft: the words as they are now (empty is fine while drafting). */
export const ZDisclosureDraftBody = z.strictObject(
  { body: ZDisclosureText },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `A disclosure has no field called ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
        : undefined,
  },
);
export type TDisclosureDraftBody = z.infer<typeof ZDisclosureDraftBody>;

/** Where one of my disclosures stands: still mine to change, sealed, or opened by my partner. */
export const ZDisclosureState = z.enum(['draft', 'sealed', 'opened']);
export type TDisclosureState = z.infer<typeof ZDisclosureState>;

/** A disclosure as its writer sees it. */
export const ZWrittenDisclosure = z.object({
  view: z.literal('writer'),
  id: ZId,
  state: ZDisclosureState,
  body: text(),
  createdAt: ZIsoDate,
  savedAt: ZIsoDate,
  sealedAt: ZIsoDate.nullable(),
  openedAt: ZIsoDate.nullable(),
  /** The ETag of a draft; a sealed disclosure no longer changes. */
  version: z.int(),
});
export type TWrittenDisclosure = z.infer<typeof ZWrittenDisclosure>;

/**
 * A disclosure as the partner it was sealed for sees it: that it waits and since when. Its words
 * come only once they open it; before that nothing of it (not even its length) is sent.
 */
export const ZReceivedDisclosure = z.object({
  view: z.literal('reader'),
  id: ZId,
  sealedAt: ZIsoDate,
  openedAt: ZIsoDate.nullable(),
  body: text().nullable(),
});
export type TReceivedDisclosure = z.infer<typeof ZReceivedDisclosure>;

export const ZDisclosure = z.discriminatedUnion('view', [ZWrittenDisclosure, ZReceivedDisclosure]);
export type TDisclosure = z.infer<typeof ZDisclosure>;

/** The page: my disclosures, and those sealed for me (without their words). */
export const ZDisclosureOverview = z.object({
  jointWorkOpen: z.boolean(),
  /** Am I the involved partner in one of our injuries (the one who writes disclosures)? */
  canWrite: z.boolean(),
  mine: z.array(ZWrittenDisclosure),
  forMe: z.array(z.object({ id: ZId, sealedAt: ZIsoDate, openedAt: ZIsoDate.nullable() })),
});
export type TDisclosureOverview = z.infer<typeof ZDisclosureOverview>;
