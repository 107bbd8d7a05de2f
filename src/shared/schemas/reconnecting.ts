import { z } from 'zod';
import { ZId, ZIsoDate, text } from './common';

/**
 * Reconnecting (phase 3): rituals of connection, appreciations, date plans and the intimacy
 * pacing agreement. The limits here are the only ones; the page checks the same rules.
 */
export const RITUAL_TITLE_MAX = 120;
export const RITUAL_DETAIL_MAX = 600;
export const APPRECIATION_MAX = 500;
export const DATE_IDEA_MAX = 200;
export const DATE_PLAN_MAX = 600;
export const DATE_NOTE_MAX = 1000;
export const PACING_WORDS_MAX = 1000;

export const CADENCES = ['daily', 'weekly'] as const;
export const ZCadence = z.enum(CADENCES, {
  message: 'Choose how often: every day, or once a week.',
});
export type TCadence = z.infer<typeof ZCadence>;

/**
 * What pace feels right now, from the gentlest: closeness without sex, gentle touch, slowly
 * finding the way back, or open (and either can still slow down). The page words each one.
 */
export const PACES = ['closeness', 'gentle', 'slowly', 'open'] as const;
export const ZPace = z.enum(PACES, { message: 'Choose the pace that feels right for now.' });
export type TPace = z.infer<typeof ZPace>;

const tooLong = (max: number) => `Please keep this to ${max} characters or fewer.`;

function required(max: number, empty: string) {
  return text({ message: empty }).trim().min(1, empty).max(max, tooLong(max));
}

function optional(max: number) {
  return text({ message: 'Please write this as text.' }).trim().max(max, tooLong(max)).default('');
}

/* ---------- Rituals ---------- */

export const ZRitualInput = z.object({
  title: required(RITUAL_TITLE_MAX, 'Please give the ritual a short name.'),
  detail: optional(RITUAL_DETAIL_MAX),
  cadence: ZCadence,
});
export type TRitualInput = z.input<typeof ZRitualInput>;

export const ZRitual = z.object({
  id: ZId,
  version: z.int(),
  title: text(),
  detail: text(),
  cadence: ZCadence,
  /** proposed: waiting for the partner who did not propose it; active: both agreed. */
  status: z.enum(['proposed', 'active']),
  proposedByMe: z.boolean(),
  createdAt: ZIsoDate,
});
export type TRitual = z.infer<typeof ZRitual>;
export const ZRitualResponse = z.object({ ritual: ZRitual });

/* ---------- Appreciations ---------- */

export const ZAppreciationInput = z.object({
  note: required(APPRECIATION_MAX, 'Please write a few words for your partner.'),
});
export type TAppreciationInput = z.input<typeof ZAppreciationInput>;

export const ZAppreciation = z.object({
  id: ZId,
  note: text(),
  sentAt: ZIsoDate,
  /** For my own notes only: may I still take it back (my partner has not opened it yet)? */
  canWithdraw: z.boolean(),
});
export type TAppreciation = z.infer<typeof ZAppreciation>;
export const ZAppreciationResponse = z.object({ appreciation: ZAppreciation });

/* ---------- Dates ---------- */

const ZDay = z.iso.date({ message: 'Please give a day, like 2026-05-03.' });

export const ZDateIdeaInput = z.object({
  idea: required(DATE_IDEA_MAX, 'Please write the idea in a few words.'),
});
export type TDateIdeaInput = z.input<typeof ZDateIdeaInput>;

export const ZDatePlanInput = z.object({
  idea: required(DATE_IDEA_MAX, 'Please write the idea in a few words.'),
  /** The day it happens; null while it is still only an idea. */
  plannedOn: ZDay.nullable(),
  plan: optional(DATE_PLAN_MAX),
});
export type TDatePlanInput = z.input<typeof ZDatePlanInput>;

export const ZDateNoteInput = z.object({
  note: required(DATE_NOTE_MAX, 'Please write a few words about how it went.'),
});
export type TDateNoteInput = z.input<typeof ZDateNoteInput>;

export const ZDateNote = z.object({
  note: text(),
  shared: z.boolean(),
});
export type TDateNote = z.infer<typeof ZDateNote>;

export const ZDatePlan = z.object({
  id: ZId,
  version: z.int(),
  idea: text(),
  plannedOn: ZDay.nullable(),
  plan: text(),
  /** idea: no day yet; planned: a day is set (and then each may write how it went). */
  stage: z.enum(['idea', 'planned']),
  changedByMe: z.boolean(),
  updatedAt: ZIsoDate,
  /** My own note on how it went (private unless I shared it). */
  myNote: ZDateNote.nullable(),
  /** My partner's note, only once they shared it. */
  partnerNote: text().nullable(),
});
export type TDatePlan = z.infer<typeof ZDatePlan>;
export const ZDatePlanResponse = z.object({ date: ZDatePlan });

/* ---------- Intimacy pacing ---------- */

export const ZPacingInput = z.object({
  pace: ZPace,
  words: optional(PACING_WORDS_MAX),
});
export type TPacingInput = z.input<typeof ZPacingInput>;

/**
 * The couple's pacing agreement. `paused` is all either partner learns of a pause: never who
 * placed it (beyond "not me"), when, or why — there is no reason to give.
 */
export const ZPacing = z.object({
  version: z.int(),
  pace: ZPace.nullable(),
  words: text(),
  status: z.enum(['none', 'proposed', 'agreed']),
  proposedByMe: z.boolean(),
  paused: z.boolean(),
  pausedByMe: z.boolean(),
});
export type TPacing = z.infer<typeof ZPacing>;
export const ZPacingResponse = z.object({ pacing: ZPacing });

/* ---------- The whole page ---------- */

export const ZReconnectingView = z.object({
  /** Both partners are in the space. */
  together: z.boolean(),
  /** The couple has chosen, together, to go on to phase 3. */
  phaseOpen: z.boolean(),
  /** Joint work is not resting. */
  jointWorkOpen: z.boolean(),
  rituals: z.array(ZRitual),
  appreciations: z.object({ received: z.array(ZAppreciation), sent: z.array(ZAppreciation) }),
  dates: z.array(ZDatePlan),
  pacing: ZPacing,
});
export type TReconnectingView = z.infer<typeof ZReconnectingView>;
