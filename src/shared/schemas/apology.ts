import { z } from 'zod';
import { ZInjuryKind } from './injuries';
import { ZId, ZIsoDate, text } from './common';

/**
 * The accountability and apology statement (issue 14, items 4 and 5): the involved partner's
 * apology in guided parts, kept as a private draft until sent; every sent version kept; the
 * concrete commitments that come with it, their follow-through and the hurt partner's
 * acknowledgement. Request bodies are strict: a key the form does not have is a 400, so there is
 * no hidden place for a "why" (held back until the meaning phase, decision 0062).
 */

export const APOLOGY_PARTS = [
  'whatIDid',
  'harm',
  'responsibility',
  'regret',
  'change',
  'repair',
  'forgiveness',
] as const;
export type TApologyPart = (typeof APOLOGY_PARTS)[number];
export const ZApologyPart = z.enum(APOLOGY_PARTS, {
  message: 'This is not one of the parts of an apology.',
});

/** The parts that must have words before an apology is sent (forgiveness is optional). */
export const REQUIRED_PARTS = [
  'whatIDid',
  'harm',
  'responsibility',
  'regret',
  'change',
  'repair',
] as const satisfies readonly TApologyPart[];

export const APOLOGY_PART_MAX = 4000;
export const COMMITMENT_TEXT_MAX = 500;
export const FOLLOW_THROUGH_NOTE_MAX = 1000;
export const ACK_NOTE_MAX = 500;
/** How far ahead a check-in date may be set (a little over a year). */
export const CHECK_IN_MAX_DAYS = 400;
/** Commitments one apology may carry: plenty for real promises, a guard against floods. */
export const COMMITMENTS_MAX = 30;
/** Follow-through notes one commitment may carry. */
export const FOLLOW_THROUGHS_MAX = 200;

function strict<Shape extends z.ZodRawShape>(shape: Shape, place: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${place} has no field called ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
        : undefined,
  });
}

function partText(label: string) {
  return text({ error: `Please send "${label}" as text.` }).max(
    APOLOGY_PART_MAX,
    `Please keep "${label}" to ${APOLOGY_PART_MAX.toLocaleString('en')} characters or fewer.`,
  );
}

/** A calendar day, YYYY-MM-DD, that exists (no 31 February). */
export const ZDay = z.iso.date({ message: 'Please give the day as YYYY-MM-DD.' });

// ---------------------------------------------------------------------------------------------
// The language check's content (content/apology/language.yaml)

const PHRASE = /^[a-z0-9' ,]+$/;

export const ZLanguageRule = z.object({
  id: text()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/, 'A rule id is lower-case letters, digits and dashes.'),
  phrases: z
    .array(
      text()
        .min(2, 'A phrase needs at least two characters.')
        .max(80, 'A phrase is 80 characters or fewer.')
        .regex(PHRASE, 'Write phrases in lower case, with plain apostrophes and no other marks.')
        .refine((p) => p.trim() === p && !/\s{2}/.test(p), 'A phrase has single spaces only.'),
    )
    .min(1, 'A rule needs at least one phrase.'),
  why: text().min(20, 'Say why the words can hurt, in a sentence or two.').max(600),
  instead: text().min(10, 'Say what to try instead.').max(600),
});
export type TLanguageRule = z.infer<typeof ZLanguageRule>;

export const ZLanguageContent = z
  .object({
    version: z.literal(1, { message: 'The file says version: 1.' }),
    rules: z.array(ZLanguageRule).min(1, 'The file needs at least one rule.'),
  })
  .superRefine((content, ctx) => {
    const ids = new Set<string>();
    const phrases = new Map<string, string>();
    content.rules.forEach((rule, i) => {
      if (ids.has(rule.id))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: 'Ids are unique.' });
      ids.add(rule.id);
      rule.phrases.forEach((phrase, j) => {
        const before = phrases.get(phrase);
        if (before !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['rules', i, 'phrases', j],
            message: `"${phrase}" is already listed under ${before}.`,
          });
        phrases.set(phrase, rule.id);
      });
    });
  });
export type TLanguageContent = z.infer<typeof ZLanguageContent>;

/** One flagged passage: where it is, which rule, and the words as written. */
export const ZLanguageFinding = z.object({
  part: ZApologyPart,
  rule: text(),
  start: z.int(),
  end: z.int(),
  words: text(),
});
export type TLanguageFinding = z.infer<typeof ZLanguageFinding>;

// ---------------------------------------------------------------------------------------------
// Requests

export const ZApologyParts = z.object({
  whatIDid: partText('What I did'),
  harm: partText('The harm it caused'),
  responsibility: partText('My responsibility'),
  regret: partText('My regret'),
  change: partText('What will change'),
  repair: partText('What I offer to repair'),
  forgiveness: partText('Asking for forgiveness'),
});
export type TApologyParts = z.infer<typeof ZApologyParts>;

/** Saving the draft sends every part; an empty part is fine while drafting. */
export const ZSaveApologyBody = strict(
  {
    ...ZApologyParts.shape,
    askForgiveness: z.boolean({
      error: 'Say whether to ask for forgiveness: true or false.',
    }),
  },
  'An apology',
);
export type TSaveApologyBody = z.infer<typeof ZSaveApologyBody>;

export const ZStartApologyBody = strict({ injuryId: ZId }, 'Starting an apology');
export type TStartApologyBody = z.infer<typeof ZStartApologyBody>;

export const ZVersionParams = z.object({
  id: ZId,
  number: z.coerce
    .number({ error: 'This version number is not valid.' })
    .int('This version number is not valid.')
    .min(1, 'This version number is not valid.')
    .max(1_000_000, 'This version number is not valid.'),
});

export const ZCommitmentBody = strict(
  {
    text: text({ error: 'Please write the commitment as text.' })
      .trim()
      .min(1, 'Please write what you commit to.')
      .max(
        COMMITMENT_TEXT_MAX,
        `Please keep a commitment to ${COMMITMENT_TEXT_MAX} characters or fewer: one concrete promise.`,
      ),
    checkInOn: ZDay,
  },
  'A commitment',
);
export type TCommitmentBody = z.infer<typeof ZCommitmentBody>;

export const ZFollowThroughBody = strict(
  {
    note: text({ error: 'Please write the note as text.' })
      .trim()
      .min(1, 'Please write a few words about what you did.')
      .max(
        FOLLOW_THROUGH_NOTE_MAX,
        `Please keep the note to ${FOLLOW_THROUGH_NOTE_MAX.toLocaleString('en')} characters or fewer.`,
      ),
    on: ZDay,
  },
  'A follow-through note',
);
export type TFollowThroughBody = z.infer<typeof ZFollowThroughBody>;

export const ACK_ANSWERS = ['seen', 'not_yet'] as const;
export const ZAckBody = strict(
  {
    answer: z.enum(ACK_ANSWERS, { message: 'Choose "I see it" or "not yet".' }),
    note: text({ error: 'Please write the note as text.' })
      .trim()
      .max(ACK_NOTE_MAX, `Please keep the note to ${ACK_NOTE_MAX} characters or fewer.`)
      .optional(),
  },
  'An acknowledgement',
);
export type TAckBody = z.infer<typeof ZAckBody>;

// ---------------------------------------------------------------------------------------------
// Responses

export const ZInjuryRef = z.object({ id: ZId, kind: ZInjuryKind, cameToLight: text() });
export type TInjuryRef = z.infer<typeof ZInjuryRef>;

export const ZAcknowledgement = z.object({
  answer: z.enum(ACK_ANSWERS),
  note: text(),
  at: ZIsoDate,
  version: z.int(),
});
export type TAcknowledgement = z.infer<typeof ZAcknowledgement>;

export const ZFollowThrough = z.object({
  id: ZId,
  note: text(),
  on: ZDay,
  notedAt: ZIsoDate,
  acknowledgement: ZAcknowledgement.nullable(),
});
export type TFollowThrough = z.infer<typeof ZFollowThrough>;

export const ZCommitment = z.object({
  id: ZId,
  apologyId: ZId,
  text: text(),
  checkInOn: ZDay,
  /** For If-Match on an edit (the writer's). */
  version: z.int(),
  /** False while it waits for the apology to be sent (the writer's view only shows these). */
  shared: z.boolean(),
  followThroughs: z.array(ZFollowThrough),
});
export type TCommitment = z.infer<typeof ZCommitment>;

export const ZVersionStub = z.object({ number: z.int(), sentAt: ZIsoDate });
export type TVersionStub = z.infer<typeof ZVersionStub>;

export const ZApologyVersion = ZApologyParts.extend({
  number: z.int(),
  sentAt: ZIsoDate,
  askForgiveness: z.boolean(),
});
export type TApologyVersion = z.infer<typeof ZApologyVersion>;

export const ZWriterApology = z.object({
  view: z.literal('writer'),
  id: ZId,
  injury: ZInjuryRef.nullable(),
  draft: ZApologyParts,
  askForgiveness: z.boolean(),
  version: z.int(),
  savedAt: ZIsoDate,
  versions: z.array(ZVersionStub),
  hasUnsentChanges: z.boolean(),
  /** The language check on the draft as saved: suggestions, never a block. */
  findings: z.array(ZLanguageFinding),
  commitments: z.array(ZCommitment),
});
export type TWriterApology = z.infer<typeof ZWriterApology>;

export const ZReaderApology = z.object({
  view: z.literal('reader'),
  id: ZId,
  injury: ZInjuryRef.nullable(),
  latest: ZApologyVersion,
  versions: z.array(ZVersionStub),
  commitments: z.array(ZCommitment),
});
export type TReaderApology = z.infer<typeof ZReaderApology>;

export const ZApology = z.discriminatedUnion('view', [ZWriterApology, ZReaderApology]);
export type TApology = z.infer<typeof ZApology>;

export const ZApologyOverview = z.object({
  jointWorkOpen: z.boolean(),
  /** The language check's rules, so the page checks as the person writes. */
  rules: z.array(ZLanguageRule),
  /** Injuries in which I am the involved partner and have not started an apology yet. */
  toStart: z.array(ZInjuryRef),
  /** My apologies, then those sent to me; each as I may see it. */
  apologies: z.array(ZApology),
});
export type TApologyOverview = z.infer<typeof ZApologyOverview>;
