import { z } from 'zod';
import { compareSchema, versionSchema, ZCoAuthor } from './co-authored';
import { ZId, ZIsoDate, ZPageCursor, text } from './common';

/**
 * Meaning (issue 15, item 4; phase 2 of the program): the contributing-factors map each partner
 * fills in, the involved partner's own account of what it was about, and the story the couple
 * writes together. The limits here are the only ones: page and server check the same rules, and
 * a value outside them is refused with a message naming the field, never trimmed to fit.
 */

/** The program phase these exercises belong to: sharing and writing together open with it. */
export const MEANING_PHASE = 2;

export const FACTOR_TEXT_MAX = 1000;
/** Per person: enough for a full map, small enough to read in one go. */
export const FACTORS_MAX = 120;
export const STORY_TEXT_MAX = 12_000;
export const SHARED_SECTION_MAX = 12_000;
export const VERSIONS_PAGE_DEFAULT = 20;
export const VERSIONS_PAGE_MAX = 50;

/* ---------- The contributing-factors map ---------- */

/**
 * Where a factor sits: between us, in me, in my partner (as I see it), or around us. Each is
 * context for understanding, never a reason that makes the choice acceptable.
 */
export const FACTOR_AREAS = ['relationship', 'me', 'partner', 'outside'] as const;
export const ZFactorArea = z.enum(FACTOR_AREAS, {
  message: 'Please choose where this belongs: between you, in you, in your partner, or around you.',
});
export type TFactorArea = z.infer<typeof ZFactorArea>;

const ZFactorText = text({ message: 'Please write this as plain text.' })
  .trim()
  .min(1, 'Please write a few words before you add this.')
  .max(FACTOR_TEXT_MAX, `Please keep each entry to ${FACTOR_TEXT_MAX} characters or fewer.`);

export const ZFactorInput = z.object({ area: ZFactorArea, text: ZFactorText });
export type TFactorInput = z.infer<typeof ZFactorInput>;

export const ZFactor = z.object({
  id: ZId,
  area: ZFactorArea,
  text: text(),
  /** I wrote it (and may change, share or remove it). */
  mine: z.boolean(),
  /** Shared with my partner; always true for one of theirs. */
  shared: z.boolean(),
  sharedAt: ZIsoDate.nullable(),
  createdAt: ZIsoDate,
  updatedAt: ZIsoDate,
});
export type TFactor = z.infer<typeof ZFactor>;

export const ZFactorResponse = z.object({ factor: ZFactor });
export type TFactorResponse = z.infer<typeof ZFactorResponse>;

/** Both lists at once, oldest first within each: mine (private and shared), and my partner's shared ones. */
export const ZFactorMap = z.object({
  mine: z.array(ZFactor),
  partner: z.array(ZFactor),
  /** Is sharing open (the couple's pace reached phase 2, and joint work is not resting)? */
  sharingOpen: z.boolean(),
  paceOpen: z.boolean(),
  jointWorkOpen: z.boolean(),
});
export type TFactorMap = z.infer<typeof ZFactorMap>;

/* ---------- The meaning story (the "why") ---------- */

const ZStoryText = text({ message: 'Please write this as plain text.' }).max(
  STORY_TEXT_MAX,
  `Please keep your story to ${STORY_TEXT_MAX.toLocaleString('en')} characters or fewer.`,
);

export const ZStoryDraftBody = z.object({ text: ZStoryText });
export type TStoryDraftBody = z.infer<typeof ZStoryDraftBody>;

/** A shared version of a story: what the partner read, kept as it was. */
export const ZStoryVersion = z.object({
  number: z.int().min(1),
  text: text(),
  sharedAt: ZIsoDate,
});
export type TStoryVersion = z.infer<typeof ZStoryVersion>;

/** My own story: the private working draft and every version I shared. */
export const ZMyStory = z.object({
  id: ZId.nullable(),
  /** The draft's version, for If-Match (0 before anything is written). */
  version: z.int().min(0),
  text: text(),
  updatedAt: ZIsoDate.nullable(),
  /** Shared with my partner now (its latest shared version is what they read). */
  shared: z.boolean(),
  /** The draft differs from what my partner last read (or nothing is shared yet). */
  hasUnsharedChanges: z.boolean(),
  versions: z.array(ZStoryVersion),
});
export type TMyStory = z.infer<typeof ZMyStory>;

/** My partner's story as they shared it with me: their shared versions only, newest first. */
export const ZPartnerStory = z.object({
  id: ZId,
  versions: z.array(ZStoryVersion).min(1),
});
export type TPartnerStory = z.infer<typeof ZPartnerStory>;

export const ZStoryResponse = z.object({
  mine: ZMyStory,
  partner: ZPartnerStory.nullable(),
  /** My roles in our recorded injuries; the page offers the writing to the involved partner. */
  roles: z.array(z.enum(['hurt', 'involved'])),
  paceOpen: z.boolean(),
  jointWorkOpen: z.boolean(),
});
export type TStoryResponse = z.infer<typeof ZStoryResponse>;

export const ZMyStoryResponse = z.object({ mine: ZMyStory });
export type TMyStoryResponse = z.infer<typeof ZMyStoryResponse>;

/* ---------- The shared story (co-authored) ---------- */

export const SHARED_SECTIONS = ['story', 'differently'] as const;
export type TSharedSection = (typeof SHARED_SECTIONS)[number];

const ZSharedSection = text({ message: 'Please write this as text (it may be empty).' }).max(
  SHARED_SECTION_MAX,
  `Please keep each part to ${SHARED_SECTION_MAX.toLocaleString('en')} characters or fewer.`,
);

export const ZSharedSections = z.object({
  /** The account both of you can stand behind. */
  story: ZSharedSection,
  /** Where you still see things differently, said side by side without settling it. */
  differently: ZSharedSection,
});
export type TSharedSections = z.infer<typeof ZSharedSections>;

export const ZSharedSaveBody = z.object({ sections: ZSharedSections });
export type TSharedSaveBody = z.infer<typeof ZSharedSaveBody>;

export const ZCurrentShared = z.object({
  id: ZId.nullable(),
  version: z.int().min(0),
  sections: ZSharedSections,
  updatedAt: ZIsoDate.nullable(),
  updatedBy: ZCoAuthor.nullable(),
  /** False while I am alone in the space. */
  together: z.boolean(),
});
export type TCurrentShared = z.infer<typeof ZCurrentShared>;

export const ZSharedResponse = z.object({
  story: ZCurrentShared,
  paceOpen: z.boolean(),
  jointWorkOpen: z.boolean(),
});
export type TSharedResponse = z.infer<typeof ZSharedResponse>;

export const ZSharedSaveResponse = z.object({ story: ZCurrentShared });
export type TSharedSaveResponse = z.infer<typeof ZSharedSaveResponse>;

export const ZSharedVersion = versionSchema(ZSharedSections);
export type TSharedVersion = z.infer<typeof ZSharedVersion>;

export const ZVersionsQuery = z.object({
  cursor: ZPageCursor.optional(),
  limit: z.coerce
    .number({ message: 'Please give the page size as a number.' })
    .int('Please give the page size as a whole number.')
    .min(1, 'Please ask for at least one version.')
    .max(VERSIONS_PAGE_MAX, `Please ask for at most ${VERSIONS_PAGE_MAX} versions at a time.`)
    .default(VERSIONS_PAGE_DEFAULT),
});
export type TVersionsQuery = z.infer<typeof ZVersionsQuery>;

export const ZSharedVersions = z.object({
  versions: z.array(ZSharedVersion),
  nextCursor: text().nullable(),
});
export type TSharedVersions = z.infer<typeof ZSharedVersions>;

export const ZSharedCompare = compareSchema(ZSharedSections);
export type TSharedCompare = z.infer<typeof ZSharedCompare>;
