import { z } from 'zod';
import { ZId, ZIsoDate, text } from './common';

/**
 * Listening turns (issue 14, item 3; clinical.md §1.5). In a turn the speaker says what they
 * feel and need; the listener writes back what they heard and a validating line; the speaker
 * says whether they felt understood (yes, partly, not yet) and may clarify. The listener reflects
 * again until the speaker says yes; then either may speak next. Nothing here scores anyone.
 */

export const LISTENING_TEXT_MAX = 4000;

function part(what: string, required: boolean) {
  const base = text({ message: `Please send ${what} as text.` })
    .trim()
    .max(
      LISTENING_TEXT_MAX,
      `Please keep ${what} to ${LISTENING_TEXT_MAX.toLocaleString('en')} characters or fewer.`,
    );
  return required ? base.min(1, `Please write ${what} before sending.`) : base;
}

function strict<Shape extends z.ZodRawShape>(shape: Shape, place: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${place} has no field called ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
        : undefined,
  });
}

/** The speaker opens a turn. */
export const ZShareBody = strict(
  { feeling: part('what you feel', true), need: part('what you need', true) },
  'Your turn to speak',
);
export type TShareBody = z.infer<typeof ZShareBody>;

/** The listener writes back. */
export const ZReflectBody = strict(
  {
    heard: part('what you heard', true),
    validation: part('why it makes sense', true),
  },
  'Your reflection',
);
export type TReflectBody = z.infer<typeof ZReflectBody>;

export const UNDERSTOOD = ['yes', 'partly', 'not_yet'] as const;
export const ZUnderstood = z.enum(UNDERSTOOD, {
  message: 'Please choose yes, partly or not yet.',
});
export type TUnderstood = z.infer<typeof ZUnderstood>;

/** The speaker answers "I felt understood", and may say more. */
export const ZAnswerBody = strict(
  { understood: ZUnderstood, clarification: part('what you want to add', false).optional() },
  'Your answer',
);
export type TAnswerBody = z.infer<typeof ZAnswerBody>;

const ZPerson = z.object({ name: text(), mine: z.boolean() });

/** One reflection of the listener, and the speaker's answer to it once given. */
export const ZRound = z.object({
  number: z.int(),
  heard: text(),
  validation: text(),
  reflectedAt: ZIsoDate,
  understood: ZUnderstood.nullable(),
  clarification: text(),
  answeredAt: ZIsoDate.nullable(),
});
export type TRound = z.infer<typeof ZRound>;

export const ZTurn = z.object({
  number: z.int(),
  speaker: ZPerson,
  listener: ZPerson,
  feeling: text(),
  need: text(),
  startedAt: ZIsoDate,
  /** When the speaker said they felt understood; null while the turn goes on. */
  heardAt: ZIsoDate.nullable(),
  rounds: z.array(ZRound),
});
export type TTurn = z.infer<typeof ZTurn>;

/** Whose move it is: the listener reflects, the speaker answers, or a new turn may begin. */
export const ZNextStep = z.enum(['reflect', 'answer', 'new_turn']);
export type TNextStep = z.infer<typeof ZNextStep>;

export const ZConversation = z.object({
  id: ZId,
  startedAt: ZIsoDate,
  /** The ETag: every step moves it on. */
  version: z.int(),
  next: ZNextStep,
  /** Is the next step mine? (A new turn may be started by either.) */
  myMove: z.boolean(),
  turns: z.array(ZTurn),
});
export type TConversation = z.infer<typeof ZConversation>;

export const ZConversationSummary = z.object({
  id: ZId,
  startedAt: ZIsoDate,
  lastAt: ZIsoDate,
  turns: z.int(),
  next: ZNextStep,
  myMove: z.boolean(),
});
export type TConversationSummary = z.infer<typeof ZConversationSummary>;

export const ZListeningOverview = z.object({
  jointWorkOpen: z.boolean(),
  /** Has the couple gone on to the phase listening turns belong to (the slower partner's pace)? */
  paceOpen: z.boolean(),
  /** The phase that opens listening turns. */
  phase: z.int(),
  together: z.boolean(),
  conversations: z.array(ZConversationSummary),
});
export type TListeningOverview = z.infer<typeof ZListeningOverview>;

/** The program phase listening turns belong to (content/program/program.yaml, `listening-turns`). */
export const LISTENING_PHASE = 2;
