import { z } from 'zod';
import { ZId, text, ZPageCursor } from './common';

/** The kinds of shared item a person can bring to a session. */
export const PREP_KINDS = [
  'checkin',
  'trigger',
  'reflection',
  'letter',
  'letter_reflection',
  'measure',
  'question',
  'apology',
  'contact_log',
  'forgiveness',
  'decision',
] as const;
export const ZPrepKind = z.enum(PREP_KINDS, {
  message: 'Choose one of the kinds of item listed on the page.',
});
export type TPrepKind = z.infer<typeof ZPrepKind>;

export const PREP_NOTE_MAX = 4000;
export const PREP_PICKS_MAX = 40;
export const PREP_PAGE_SIZE = 20;

const note = (what: string) =>
  text({ message: `Please write ${what} as plain text.` }).max(
    PREP_NOTE_MAX,
    `Please keep ${what} to ${PREP_NOTE_MAX} characters or fewer.`,
  );

export const ZPick = z.object({ kind: ZPrepKind, id: ZId });
export type TPick = z.infer<typeof ZPick>;

export const ZPrepBody = z.object({
  topics: note('what you want to talk about'),
  questions: note('your questions for the therapist'),
  picks: z
    .array(ZPick, { message: 'Please send the chosen items as a list.' })
    .max(PREP_PICKS_MAX, `Please choose at most ${PREP_PICKS_MAX} items to bring.`)
    .refine(
      (picks) => new Set(picks.map((p) => `${p.kind}:${p.id}`)).size === picks.length,
      'Each item can be chosen once.',
    ),
});
export type TPrepBody = z.infer<typeof ZPrepBody>;

/** One line of an item: `key` names it for the page's own words; `label` is set when it comes from content. */
export const ZPrepPart = z.object({
  key: text(),
  label: text().nullable(),
  text: text(),
});

/** A shared item as it stands now, ready to print. */
export const ZPrepItem = z.object({
  kind: ZPrepKind,
  id: ZId,
  /** True when I wrote it; otherwise my partner did. */
  mine: z.boolean(),
  authorName: text(),
  /** When it happened or was written (the list is ordered by this). */
  at: text(),
  /** A check-in's day or a weekly check-in's week, as a calendar date. */
  day: text().nullable(),
  title: text().nullable(),
  parts: z.array(ZPrepPart),
});
export type TPrepItem = z.infer<typeof ZPrepItem>;

export const ZPrep = z.object({
  topics: text(),
  questions: text(),
  /** 0 before the first save. */
  version: z.number().int(),
  updatedAt: text().nullable(),
  /** The picked items I can still read, in the order I picked them. */
  items: z.array(ZPrepItem),
});
export type TPrep = z.infer<typeof ZPrep>;
export const ZPrepResponse = z.object({ prep: ZPrep });

export const ZCandidatesQuery = z.object({
  kind: ZPrepKind.optional(),
  cursor: ZPageCursor.optional(),
});
export const ZCandidatesResponse = z.object({
  items: z.array(ZPrepItem),
  /** Pass back as `cursor` for older items; null when there are no more. */
  nextCursor: text().nullable(),
});
export type TCandidatesResponse = z.infer<typeof ZCandidatesResponse>;
