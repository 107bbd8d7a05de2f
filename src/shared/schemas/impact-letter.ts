import { z } from 'zod';
import { ZInjuryRole } from './injuries';
import { ZId, ZIsoDate, ZVisibility } from './common';

/**
 * The impact letter (written by the person who was hurt) and the partner's reflection on it.
 * Request bodies are strict: a key the form does not have is refused with a 400, never dropped.
 * That matters most for the reflection, which deliberately has no place for explanations.
 */

export const LETTER_SECTION_MAX = 8000;
export const REFLECTION_PART_MAX = 4000;
export const MARK_NOTE_MAX = 500;

export const LETTER_SECTIONS = ['whatHappened', 'howItAffectedMe', 'whatINeedNow'] as const;
export type LetterSection = (typeof LETTER_SECTIONS)[number];

export const REFLECTION_PARTS = ['paraphrase', 'acknowledgement'] as const;
export type ReflectionPart = (typeof REFLECTION_PARTS)[number];

function text(max: number, what: string) {
  return z
    .string({ error: `Please send ${what} as text.` })
    .max(max, `Please keep ${what} to ${max.toLocaleString('en')} characters or fewer.`);
}

/** "There is no place for that here": the message for any key a form does not have. */
function strict<Shape extends z.ZodRawShape>(shape: Shape, place: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${place} has no field called ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
        : undefined,
  });
}

// ---------------------------------------------------------------------------------------------
// The letter

export const ZLetterSections = z.object({
  whatHappened: text(LETTER_SECTION_MAX, '"What happened for me"'),
  howItAffectedMe: text(LETTER_SECTION_MAX, '"How it affected me"'),
  whatINeedNow: text(LETTER_SECTION_MAX, '"What I need now"'),
});
export type TLetterSections = z.infer<typeof ZLetterSections>;

/** Saving a draft sends all three sections; an empty section is fine while drafting. */
export const ZSaveLetterBody = strict(ZLetterSections.shape, 'A letter');
export type TSaveLetterBody = z.infer<typeof ZSaveLetterBody>;

/**
 * Starting a letter. `replacing` is the id of the letter that is current now (null when there is
 * none), so two windows cannot each start one without knowing of the other.
 */
export const ZStartLetterBody = strict(
  {
    replacing: ZId.nullable(),
  },
  'Starting a letter',
);
export type TStartLetterBody = z.infer<typeof ZStartLetterBody>;

export const ZLetterVersionParams = z.object({
  id: ZId,
  number: z.coerce
    .number({ error: 'This version number is not valid.' })
    .int('This version number is not valid.')
    .min(1, 'This version number is not valid.')
    .max(1_000_000, 'This version number is not valid.'),
});

/** A version of the letter as it was shared: what the reader saw from `publishedAt` on. */
export const ZPublishedLetter = ZLetterSections.extend({
  number: z.int(),
  publishedAt: ZIsoDate,
});
export type TPublishedLetter = z.infer<typeof ZPublishedLetter>;

export const ZVersionStub = z.object({ number: z.int(), publishedAt: ZIsoDate });
export type TVersionStub = z.infer<typeof ZVersionStub>;

// ---------------------------------------------------------------------------------------------
// The reflection and its marks

export const ZMarkValue = z.enum(['understood', 'not_yet'], {
  error: 'Please choose "I felt understood" or "Not yet".',
});
export type TMarkValue = z.infer<typeof ZMarkValue>;

export const ZMark = z.object({
  mark: ZMarkValue,
  /** What is still missing; only with "not yet". */
  note: z.string(),
  markedAt: ZIsoDate,
  /** For If-Match when the writer changes the mark. */
  version: z.int(),
});
export type TMark = z.infer<typeof ZMark>;

export const ZReflectionStatus = z.enum(['draft', 'sent', 'withdrawn']);
export type TReflectionStatus = z.infer<typeof ZReflectionStatus>;

/**
 * One attempt at a reflection. Its author sees every field; the letter writer sees sent attempts
 * only, and never a draft's version or save times (they would tell of private work).
 */
export const ZReflection = z.object({
  id: ZId,
  status: ZReflectionStatus,
  paraphrase: z.string(),
  acknowledgement: z.string(),
  /** The letter version it answers (set when sent). */
  letterVersion: z.int().nullable(),
  sentAt: ZIsoDate.nullable(),
  /** Only for the reflection's author: when the draft was last saved, and its version. */
  savedAt: ZIsoDate.nullable(),
  version: z.int().nullable(),
  marks: z.object({ paraphrase: ZMark.nullable(), acknowledgement: ZMark.nullable() }),
});
export type TReflection = z.infer<typeof ZReflection>;

export const ZReflectionBody = strict(
  {
    paraphrase: text(REFLECTION_PART_MAX, '"What I heard you say"'),
    acknowledgement: text(REFLECTION_PART_MAX, '"What I understand this did to you"'),
  },
  'A reflection',
);
export type TReflectionBody = z.infer<typeof ZReflectionBody>;

export const ZMarkParams = z.object({
  id: ZId,
  part: z.enum(REFLECTION_PARTS, {
    error: 'A reflection has two parts: "paraphrase" and "acknowledgement".',
  }),
});

export const ZMarkBody = strict(
  {
    mark: ZMarkValue,
    note: text(MARK_NOTE_MAX, 'the note').optional(),
  },
  'A mark',
).superRefine((body, ctx) => {
  if (body.mark === 'understood' && body.note && body.note.trim() !== '') {
    ctx.addIssue({
      code: 'custom',
      path: ['note'],
      message: 'A note goes with "Not yet", to say what is still missing.',
    });
  }
});
export type TMarkBody = z.infer<typeof ZMarkBody>;

// ---------------------------------------------------------------------------------------------
// Responses

/** One of my letters in the list. */
export const ZMyLetterSummary = z.object({
  id: ZId,
  createdAt: ZIsoDate,
  savedAt: ZIsoDate,
  /** The letter I am writing now in this space; the rest are kept as they were. */
  current: z.boolean(),
  visibility: ZVisibility,
  sharedAt: ZIsoDate.nullable(),
  lastPublishedAt: ZIsoDate.nullable(),
});
export type TMyLetterSummary = z.infer<typeof ZMyLetterSummary>;

/** A letter my partner shared with me, in the list. Nothing here tells of their private drafts. */
export const ZSharedLetterSummary = z.object({
  id: ZId,
  sharedAt: ZIsoDate,
  lastPublishedAt: ZIsoDate,
  versionCount: z.int(),
});
export type TSharedLetterSummary = z.infer<typeof ZSharedLetterSummary>;

export const ZOverview = z.object({
  /** False while the couple's shared exercises are resting (the same for both partners). */
  jointWorkOpen: z.boolean(),
  /** My roles in our injuries: the page shows the involved partner the letter they wait for first. */
  myRoles: z.array(ZInjuryRole),
  mine: z.array(ZMyLetterSummary),
  fromPartner: z.array(ZSharedLetterSummary),
});
export type TOverview = z.infer<typeof ZOverview>;

/** The writer's own view of a letter: the private draft, what was shared, and the replies. */
export const ZWriterLetter = z.object({
  view: z.literal('writer'),
  id: ZId,
  createdAt: ZIsoDate,
  current: z.boolean(),
  draft: ZLetterSections,
  savedAt: ZIsoDate,
  version: z.int(),
  visibility: ZVisibility,
  sharedAt: ZIsoDate.nullable(),
  /** Newest first. */
  versions: z.array(ZVersionStub),
  /** The draft differs from the last shared version (or nothing was shared yet). */
  hasUnsharedChanges: z.boolean(),
  /** The partner's sent reflections, oldest first, with my marks. */
  reflections: z.array(ZReflection),
});
export type TWriterLetter = z.infer<typeof ZWriterLetter>;

/** The reader's view: the newest shared version, the list of versions, my reflections. */
export const ZReaderLetter = z.object({
  view: z.literal('reader'),
  id: ZId,
  sharedAt: ZIsoDate,
  latest: ZPublishedLetter,
  /** Newest first. */
  versions: z.array(ZVersionStub),
  /** My reflections on it, oldest first. */
  reflections: z.array(ZReflection),
});
export type TReaderLetter = z.infer<typeof ZReaderLetter>;

export const ZLetter = z.discriminatedUnion('view', [ZWriterLetter, ZReaderLetter]);
export type TLetter = z.infer<typeof ZLetter>;
