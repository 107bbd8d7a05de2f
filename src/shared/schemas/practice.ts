import { z } from 'zod';
import { ZId, text, ZPageCursor } from './common';

/**
 * The therapist's workspace: the couples they work with, what each couple shared with them, their
 * own notes, and exercises they suggest. Lists carry no content; an item's content comes only
 * when it is opened, and every opening is written to the access log the couple can read.
 */

/** The kinds of item a partner can share with their therapist. */
export const PRACTICE_ITEM_KINDS = [
  'checkin',
  'trigger',
  'reflection',
  'letter',
  'letter_reflection',
  'measure',
  'apology',
] as const;
export const ZPracticeItemKind = z.enum(PRACTICE_ITEM_KINDS, {
  message: 'This kind of item is not one the workspace knows.',
});
export type TPracticeItemKind = z.infer<typeof ZPracticeItemKind>;

export const PRACTICE_PAGE_SIZE = 20;
export const NOTE_MAX = 8000;
export const SUGGESTION_NOTE_MAX = 600;

export const ZLinkParams = z.object({ linkId: ZId });
export const ZItemParams = z.object({ linkId: ZId, kind: ZPracticeItemKind, id: ZId });
export const ZNoteParams = z.object({ id: ZId });
export const ZSuggestionParams = z.object({ linkId: ZId, id: ZId });

export const ZPartner = z.object({ userId: ZId, displayName: text() });

/** One couple in the list: who they are, since when, and counts of what is new (never content). */
export const ZCoupleSummary = z.object({
  linkId: ZId,
  partners: z.array(ZPartner),
  /** When the link became active for me: the later of my claim and the last approval. */
  since: text(),
  /** When I last opened this couple; null before the first time. */
  seenAt: text().nullable(),
  newItems: z.number().int(),
  newMessages: z.number().int(),
});
export type TCoupleSummary = z.infer<typeof ZCoupleSummary>;
export const ZCouplesResponse = z.object({ couples: z.array(ZCoupleSummary) });
export type TCouplesResponse = z.infer<typeof ZCouplesResponse>;

/** An item in the couple's list: what kind, when, and by whom. No title from content, no text. */
export const ZItemSummary = z.object({
  kind: ZPracticeItemKind,
  id: ZId,
  authorName: text(),
  /** When it happened or was written (the list is ordered by this). */
  at: text(),
  /** A check-in's day or a weekly check-in's week, as a calendar date. */
  day: text().nullable(),
  /** When it was shared with me. */
  sharedAt: text().nullable(),
});
export type TItemSummary = z.infer<typeof ZItemSummary>;

export const ZSuggestion = z.object({
  id: ZId,
  exercise: text(),
  note: text(),
  createdAt: text(),
});
export type TSuggestion = z.infer<typeof ZSuggestion>;

export const ZOverviewQuery = z.object({
  cursor: ZPageCursor.optional(),
});

export const ZCoupleOverview = z.object({
  linkId: ZId,
  partners: z.array(ZPartner),
  since: text(),
  items: z.array(ZItemSummary),
  nextCursor: text().nullable(),
  /** Exercises I suggested that the couple still sees on their map. */
  suggestions: z.array(ZSuggestion),
  /** Exercises I can suggest, by key and title, in the program's order. */
  exercises: z.array(z.object({ key: text(), title: text() })),
});
export type TCoupleOverview = z.infer<typeof ZCoupleOverview>;

export const ZItemPart = z.object({
  key: text(),
  label: text().nullable(),
  text: text(),
});

export const ZOpenedItem = ZItemSummary.extend({
  title: text().nullable(),
  parts: z.array(ZItemPart),
});
export type TOpenedItem = z.infer<typeof ZOpenedItem>;
export const ZOpenedItemResponse = z.object({ item: ZOpenedItem });

/* ---------- Notes ---------- */

const noteBody = text({ message: 'Please write the note as plain text.' })
  .trim()
  .min(1, 'Please write something before saving the note.')
  .max(NOTE_MAX, `Please keep a note to ${NOTE_MAX} characters or fewer.`);

export const ZNoteBody = z.object({ body: noteBody });
export type TNoteBody = z.infer<typeof ZNoteBody>;

export const ZNote = z.object({
  id: ZId,
  body: text(),
  createdAt: text(),
  updatedAt: text(),
  version: z.number().int(),
});
export type TNote = z.infer<typeof ZNote>;
export const ZNoteResponse = z.object({ note: ZNote });
export const ZNotesResponse = z.object({ notes: z.array(ZNote) });

/**
 * One of all my notes. `couple` is set only while I still work with that couple; a note about a
 * couple I no longer work with keeps its words and dates and nothing else.
 */
export const ZMyNote = ZNote.extend({
  couple: z.object({ linkId: ZId, partners: z.array(ZPartner) }).nullable(),
});
export type TMyNote = z.infer<typeof ZMyNote>;
export const ZMyNotesResponse = z.object({ notes: z.array(ZMyNote) });
export type TMyNotesResponse = z.infer<typeof ZMyNotesResponse>;

/* ---------- Suggestions ---------- */

export const ZSuggestionBody = z.object({
  exercise: text({ message: 'Choose an exercise from the list.' })
    .min(1, 'Choose an exercise from the list.')
    .max(80, 'Choose an exercise from the list.'),
  note: text({ message: 'Please write the note as plain text.' })
    .trim()
    .max(SUGGESTION_NOTE_MAX, `Please keep the note to ${SUGGESTION_NOTE_MAX} characters or fewer.`)
    .default(''),
});
export type TSuggestionBody = z.infer<typeof ZSuggestionBody>;
export const ZSuggestionResponse = z.object({ suggestion: ZSuggestion });
