import { z } from 'zod';
import { ZId, ZIsoDate, text } from './common';

/**
 * An injury is one betrayal, named in the couple's space. For each injury one partner is the one
 * who was hurt (HP, `hurt`) and the other the one who broke the trust (IP, `involved`).
 */
export const INJURY_KINDS = [
  'affair',
  'emotional_affair',
  'hidden_money',
  'lies',
  'other',
] as const;
export const ZInjuryKind = z.enum(INJURY_KINDS, {
  message: 'Choose what kind of betrayal this was, or "something else".',
});
export type TInjuryKind = z.infer<typeof ZInjuryKind>;

export const INJURY_ROLES = ['hurt', 'involved'] as const;
export const ZInjuryRole = z.enum(INJURY_ROLES, {
  message: 'Choose which of you was hurt in this, and which of you broke the trust.',
});
export type TInjuryRole = z.infer<typeof ZInjuryRole>;

export const INJURY_NOTE_MAX = 4000;
export const EARLIEST_YEAR = 1950;

/** Month precision is enough, and kinder: people rarely remember the day. `YYYY-MM`. */
const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The latest month anyone could be living in right now: the month it is at UTC+14, so that no
 * time zone is refused the current month.
 */
export function latestMonth(now: Date = new Date()): string {
  const ahead = new Date(now.getTime() + 14 * 3_600_000);
  return `${ahead.getUTCFullYear()}-${String(ahead.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const ZMonth = text({ message: 'Please give the month and year it came to light.' })
  .trim()
  .regex(MONTH_PATTERN, 'Please give the month and year it came to light, like 2026-03.')
  .refine((value) => Number(value.slice(0, 4)) >= EARLIEST_YEAR, {
    message: `Please give a year from ${EARLIEST_YEAR} on.`,
  })
  .refine((value) => value <= latestMonth(), {
    message: 'That month has not come yet. Please give the month it came to light.',
  });

export const ZInjuryNote = text({ message: 'Your private note should be text.' })
  .trim()
  .max(INJURY_NOTE_MAX, `Please keep your private note to ${INJURY_NOTE_MAX} characters or fewer.`);

export const ZNameInjuryBody = z.object({
  kind: ZInjuryKind,
  cameToLight: ZMonth,
  /** The namer proposes the roles by saying which one is theirs. */
  myRole: ZInjuryRole,
  note: ZInjuryNote.optional(),
});
export type TNameInjuryBody = z.infer<typeof ZNameInjuryBody>;

/** Changing what happened or when asks both partners to confirm again. */
export const ZChangeInjuryBody = z
  .object({ kind: ZInjuryKind.optional(), cameToLight: ZMonth.optional() })
  .refine((body) => body.kind !== undefined || body.cameToLight !== undefined, {
    message: 'Please change the kind, the month, or both.',
    path: ['kind'],
  });
export type TChangeInjuryBody = z.infer<typeof ZChangeInjuryBody>;

export const ZProposeRolesBody = z.object({ myRole: ZInjuryRole });
export type TProposeRolesBody = z.infer<typeof ZProposeRolesBody>;

export const ZInjuryNoteBody = z.object({ note: ZInjuryNote });
export type TInjuryNoteBody = z.infer<typeof ZInjuryNoteBody>;

/**
 * Where the roles stand, from the reader's side. Until both have confirmed, both partners read
 * "waiting for both of you to confirm"; only the one whose turn it is sees the buttons.
 */
export const ZConfirmation = z.enum([
  'both',
  'waiting_for_you',
  'waiting_for_partner',
  'waiting_for_partner_to_join',
]);
export type TConfirmation = z.infer<typeof ZConfirmation>;

export const ZInjury = z.object({
  id: ZId,
  kind: ZInjuryKind,
  cameToLight: text(),
  myRole: ZInjuryRole,
  confirmation: ZConfirmation,
  /** False once a co-author has left: kept as it was, read-only (decision 0007, rule 3). */
  canChange: z.boolean(),
  archivedAt: ZIsoDate.nullable(),
  version: z.int(),
  createdAt: ZIsoDate,
  updatedAt: ZIsoDate,
  /** My own private note on it, never the partner's; null when I have written none. */
  note: text().nullable(),
});
export type TInjury = z.infer<typeof ZInjury>;

/** A private note whose injury I can no longer see (I left the space): still mine to read. */
export const ZEarlierNote = z.object({ id: ZId, note: text(), writtenAt: ZIsoDate });
export type TEarlierNote = z.infer<typeof ZEarlierNote>;

export const ZInjuryList = z.object({
  injuries: z.array(ZInjury),
  earlierNotes: z.array(ZEarlierNote),
  /** While joint work is paused, naming and confirming wait; private notes never do. */
  jointWorkOpen: z.boolean(),
});
export type TInjuryList = z.infer<typeof ZInjuryList>;

export const ZInjuryResponse = z.object({ injury: ZInjury });
export type TInjuryResponse = z.infer<typeof ZInjuryResponse>;
