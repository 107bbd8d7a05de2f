import { z } from 'zod';
import { compareSchema, versionSchema, ZAcceptance, ZCoAuthor } from './co-authored';
import { ZId, ZIsoDate, text, ZPageCursor } from './common';

/**
 * The trigger log (each person's own) and the couple's trigger plan (co-authored). The limits here
 * are the only ones: the server and the page check the same rules, and a value outside them is
 * refused with a message that names the field, never trimmed to fit.
 */
export const CUE_MAX = 500;
export const FELT_MAX = 200;
export const NOTE_MAX = 1000;
export const INTENSITY_MIN = 0;
export const INTENSITY_MAX = 10;
export const PLAN_SECTION_MAX = 2000;
export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 50;
/** A few minutes' grace for a clock that runs a little ahead. */
const FUTURE_GRACE_MS = 5 * 60_000;
/** The log is for recent moments; older memories belong in other exercises. */
const OLDEST_DAYS = 366;

const ZOccurredAt = z.iso
  .datetime({ offset: true, message: 'Please give a date and time, like 2026-05-03T14:05.' })
  .refine((value) => Date.parse(value) <= Date.now() + FUTURE_GRACE_MS, {
    message: 'That time is still to come. Please choose a moment that has already happened.',
  })
  .refine((value) => Date.parse(value) >= Date.now() - OLDEST_DAYS * 86_400_000, {
    message: 'The log holds the last twelve months. Please choose a more recent time.',
  });

/** Optional text: blank means "nothing written", stored as null. */
function optionalText(max: number, tooLong: string) {
  return text({ message: 'Please write this as text.' })
    .trim()
    .max(max, tooLong)
    .nullish()
    .transform((value) => (value ? value : null));
}

export const ZTriggerEntryInput = z.object({
  /** Left out: now. */
  occurredAt: ZOccurredAt.optional(),
  cue: text({ message: 'Please write a few words about what set it off.' })
    .trim()
    .min(1, 'Please write a few words about what set it off.')
    .max(CUE_MAX, `Please keep this to ${CUE_MAX} characters or fewer.`),
  intensity: z
    .int({ message: `Please choose how strong it was, a whole number from 0 to 10.` })
    .min(INTENSITY_MIN, 'How strong it was goes from 0 to 10. Please choose one of those.')
    .max(INTENSITY_MAX, 'How strong it was goes from 0 to 10. Please choose one of those.'),
  felt: optionalText(FELT_MAX, `Please keep this to ${FELT_MAX} characters or fewer.`),
  helped: optionalText(NOTE_MAX, `Please keep this to ${NOTE_MAX} characters or fewer.`),
  nextTime: optionalText(NOTE_MAX, `Please keep this to ${NOTE_MAX} characters or fewer.`),
});
export type TTriggerEntryInput = z.input<typeof ZTriggerEntryInput>;
export type TTriggerEntryValues = z.output<typeof ZTriggerEntryInput>;

export const ZTriggerEntry = z.object({
  id: ZId,
  occurredAt: ZIsoDate,
  cue: text(),
  intensity: z.int(),
  felt: text().nullable(),
  helped: text().nullable(),
  nextTime: text().nullable(),
  /** True for my own entries; false for what my partner shared with me. */
  mine: z.boolean(),
  visibility: z.enum(['private', 'partner']),
  /** Only its author ever learns this; for anyone else it is always false. */
  sharedWithTherapist: z.boolean(),
  createdAt: ZIsoDate,
  updatedAt: ZIsoDate,
  archived: z.boolean(),
});
export type TTriggerEntry = z.infer<typeof ZTriggerEntry>;

export const ZTriggerEntryResponse = z.object({ entry: ZTriggerEntry });

const ZCursor = ZPageCursor.optional();

const ZLimit = z.coerce
  .number({ message: `Please ask for between 1 and ${PAGE_SIZE_MAX} at a time.` })
  .int(`Please ask for between 1 and ${PAGE_SIZE_MAX} at a time.`)
  .min(1, `Please ask for between 1 and ${PAGE_SIZE_MAX} at a time.`)
  .max(PAGE_SIZE_MAX, `Please ask for between 1 and ${PAGE_SIZE_MAX} at a time.`)
  .default(PAGE_SIZE_DEFAULT);

export const ZTriggerListQuery = z.object({
  /** mine: my log; archived: what I put away; partner: what my partner shared with me. */
  view: z
    .enum(['mine', 'archived', 'partner'], {
      message: 'Choose which list to show: mine, archived or partner.',
    })
    .default('mine'),
  cursor: ZCursor,
  limit: ZLimit,
});
export type TTriggerListQuery = z.input<typeof ZTriggerListQuery>;

export const ZTriggerList = z.object({
  entries: z.array(ZTriggerEntry),
  /** Pass back as `cursor` for the next (older) page; null when there is no more. */
  nextCursor: text().nullable(),
});
export type TTriggerList = z.infer<typeof ZTriggerList>;

// The couple's trigger plan

export const PLAN_SECTIONS = ['signs', 'signal', 'response', 'timeOut', 'afterwards'] as const;
export type TPlanSection = (typeof PLAN_SECTIONS)[number];

const ZPlanSection = text({ message: 'Please write this as text (it may be empty).' }).max(
  PLAN_SECTION_MAX,
  `Please keep each part to ${PLAN_SECTION_MAX} characters or fewer.`,
);

export const ZPlanSections = z.object({
  /** Signs that a trigger is happening. */
  signs: ZPlanSection,
  /** What the hurt partner will say or do (a word that means "I've been triggered"). */
  signal: ZPlanSection,
  /** What the involved partner will do: acknowledge, stay, answer without defensiveness. */
  response: ZPlanSection,
  /** What we will do if it gets too heated: a time-out, and when we come back. */
  timeOut: ZPlanSection,
  /** What we do after it passes. */
  afterwards: ZPlanSection,
});
export type TPlanSections = z.infer<typeof ZPlanSections>;

export const ZPlanSaveBody = z.object({ sections: ZPlanSections });
export type TPlanSaveBody = z.infer<typeof ZPlanSaveBody>;

const ZWriter = ZCoAuthor;

/**
 * The plan of the people in the space now. Version 0 means nothing has been written yet; a save
 * sends the version it started from in `If-Match`.
 */
export const ZCurrentPlan = z.object({
  id: ZId.nullable(),
  version: z.int().min(0),
  sections: ZPlanSections,
  updatedAt: ZIsoDate.nullable(),
  updatedBy: ZWriter.nullable(),
  /** False while I am alone in the space: a draft, which a partner who joins later never sees. */
  together: z.boolean(),
  /** Who of us accepts this exact version ("we both agree to this plan"). */
  acceptance: ZAcceptance,
});
export type TCurrentPlan = z.infer<typeof ZCurrentPlan>;

/** A plan I helped write with a set of people that has since changed: readable, never editable. */
export const ZEarlierPlan = z.object({
  id: ZId,
  version: z.int().min(1),
  sections: ZPlanSections,
  startedAt: ZIsoDate,
  updatedAt: ZIsoDate,
  updatedBy: ZWriter,
  /** Drafted while I was alone, so every word in it is mine. */
  solo: z.boolean(),
});
export type TEarlierPlan = z.infer<typeof ZEarlierPlan>;

export const ZPlanResponse = z.object({
  plan: ZCurrentPlan,
  earlier: z.array(ZEarlierPlan),
  /** False while joint work is paused: the plan can be read, not changed. */
  jointWorkOpen: z.boolean(),
});
export type TPlanResponse = z.infer<typeof ZPlanResponse>;

export const ZPlanSaveResponse = z.object({ plan: ZCurrentPlan });

export const ZPlanVersion = versionSchema(ZPlanSections);
export type TPlanVersion = z.infer<typeof ZPlanVersion>;

export const ZPlanVersionsQuery = z.object({ cursor: ZCursor, limit: ZLimit });
export const ZPlanVersions = z.object({
  versions: z.array(ZPlanVersion),
  nextCursor: text().nullable(),
});
export type TPlanVersions = z.infer<typeof ZPlanVersions>;

/** `GET /api/triggers/plans/:id/compare?from&to`: two versions and the word diff of each part. */
export const ZPlanCompare = compareSchema(ZPlanSections);
export type TPlanCompare = z.infer<typeof ZPlanCompare>;
