import { z } from 'zod';
import { isRealDay } from './checkins';
import { ZIsoDate, text } from './common';

/**
 * The decision reflection (docs/features/decision.md): each partner reflects privately, may
 * share, and the couple may record a decision together, with a date to look at it again.
 */

export const DECISION_TEXT_MAX = 6000;
export const DECISION_NOTE_MAX = 2000;

export const LEANINGS = ['recommit', 'separate', 'not_sure'] as const;
export const ZLeaning = z.enum(LEANINGS, {
  message: 'Choose one of: recommit, separate, or not sure yet.',
});
export type TLeaning = z.infer<typeof ZLeaning>;

function reflectionText(max: number, what: string) {
  return text({ message: `Please write ${what} as text.` }).max(
    max,
    `Please keep ${what} to ${max.toLocaleString('en')} characters or fewer.`,
  );
}

function strict<Shape extends z.ZodRawShape>(shape: Shape, place: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${place} has no field called ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
        : undefined,
  });
}

export const ZDecisionBody = strict(
  {
    leaning: ZLeaning.nullable(),
    needs: reflectionText(DECISION_TEXT_MAX, 'what you need'),
    limits: reflectionText(DECISION_TEXT_MAX, 'what you could not accept'),
    ownWords: reflectionText(DECISION_TEXT_MAX, 'your own words'),
  },
  'A reflection',
);
export type TDecisionBody = z.infer<typeof ZDecisionBody>;

export const ZSharedDecisionReflection = ZDecisionBody.extend({ sharedAt: ZIsoDate });
export type TSharedDecisionReflection = z.infer<typeof ZSharedDecisionReflection>;

export const ZMyDecisionReflection = ZDecisionBody.extend({
  /** 0 until first saved. */
  version: z.int().min(0),
  savedAt: ZIsoDate.nullable(),
  /** What my partner reads now; null while it is private. */
  shared: ZSharedDecisionReflection.nullable(),
});
export type TMyDecisionReflection = z.infer<typeof ZMyDecisionReflection>;

/** A date to look at the decision again: a real date. */
export const ZReviewDay = text().refine(isRealDay, {
  message: 'Please give the date as a real date, like 2027-03-14.',
});

export const ZRecordBody = strict(
  {
    outcome: ZLeaning,
    note: reflectionText(DECISION_NOTE_MAX, 'the note').trim(),
    reviewOn: ZReviewDay.nullable(),
  },
  'A decision',
);
export type TRecordBody = z.infer<typeof ZRecordBody>;

export const ZRecordVersion = z.object({
  number: z.int().min(1),
  outcome: ZLeaning,
  note: text(),
  reviewOn: text().nullable(),
  byMe: z.boolean(),
  at: ZIsoDate,
});

export const ZDecisionRecord = z.object({
  outcome: ZLeaning,
  note: text(),
  reviewOn: text().nullable(),
  version: z.int().min(1),
  proposedByMe: z.boolean(),
  proposedAt: ZIsoDate,
  /** Agreed by the other partner on this exact version. */
  agreedAt: ZIsoDate.nullable(),
  /** Every version, newest first. */
  history: z.array(ZRecordVersion),
});
export type TDecisionRecord = z.infer<typeof ZDecisionRecord>;

export const ZDecisionView = z.object({
  partnerPresent: z.boolean(),
  /** Sharing and the shared decision are open: the pace reached this phase, joint work is open. */
  jointOpen: z.boolean(),
  mine: ZMyDecisionReflection,
  partner: ZSharedDecisionReflection.nullable(),
  /** Both reflections are shared now, so a decision can be recorded. */
  canRecord: z.boolean(),
  record: ZDecisionRecord.nullable(),
});
export type TDecisionView = z.infer<typeof ZDecisionView>;
