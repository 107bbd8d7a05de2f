import { z } from 'zod';
import { ZId, ZIsoDate, ZVisibility, text, ZPageCursor } from './common';

/**
 * Requests and responses of `/api/measures`: the weekly check-ins (and any instrument a clinician
 * loads), filling one in, the history by week, and sharing one response with the partner.
 * The definition format itself (`content/measures/*.yaml`) is checked on the server.
 */

export const ZMeasureId = text().regex(/^[a-z][a-z0-9-]{0,47}$/, {
  message: 'This check-in name is not one we know.',
});

/** An IANA time zone such as Europe/Paris, so "this week" is the person's own week. */
export const ZTimeZone = text()
  .min(1)
  .max(64)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'This time zone is not one we recognise.' },
  );

/** A calendar date, `YYYY-MM-DD`: weeks are named by their Monday. */
export const ZWeek = text().regex(/^\d{4}-\d{2}-\d{2}$/);

// ---------------------------------------------------------------------------
// What the page needs to show a measure
// ---------------------------------------------------------------------------

export const ZMeasureOption = z.object({ value: z.int(), label: text() });

export const ZMeasureItem = z.object({
  id: text(),
  text: text(),
  options: z.array(ZMeasureOption),
});
export type TMeasureItem = z.infer<typeof ZMeasureItem>;

export const ZMeasureSummary = z.object({
  id: text(),
  version: z.int(),
  title: text(),
  intro: text(),
  cadence: z.enum(['weekly', 'fortnightly', 'monthly']),
  source: text().nullable(),
  items: z.array(ZMeasureItem),
  subscales: z.array(z.object({ id: text(), title: text() })),
  /** Nothing filled in for the current round (this week, for a weekly one). A gentle hint only. */
  due: z.boolean(),
  /** The Monday of the week I last filled it in, if ever. */
  lastWeek: ZWeek.nullable(),
});
export type TMeasureSummary = z.infer<typeof ZMeasureSummary>;

export const ZMeasureList = z.object({
  measures: z.array(ZMeasureSummary),
  /** Who I could share with, and whether sharing is resting (joint work paused) right now. */
  sharing: z.object({ partnerName: text().nullable(), paused: z.boolean() }),
});
export type TMeasureList = z.infer<typeof ZMeasureList>;

export const ZMeasureListQuery = z.object({ timeZone: ZTimeZone.optional() });

// ---------------------------------------------------------------------------
// A response, scored
// ---------------------------------------------------------------------------

export const ZBandWords = z.object({
  id: text(),
  label: text(),
  description: text().nullable(),
});

export const ZScorePart = z.object({
  id: text(),
  title: text(),
  /** Null when too many of its questions were skipped to say. */
  score: z.number().nullable(),
  min: z.number(),
  max: z.number(),
  higherMeans: z.enum(['better', 'harder']),
  band: ZBandWords.nullable(),
});
export type TScorePart = z.infer<typeof ZScorePart>;

export const ZMeasureResponse = z.object({
  id: ZId,
  measureId: text(),
  measureVersion: z.int(),
  measureTitle: text(),
  /** The Monday of the author's week. */
  week: ZWeek,
  createdAt: ZIsoDate,
  /** False for a response my partner shared with me. */
  mine: z.boolean(),
  visibility: ZVisibility,
  /** Only its author ever learns this; for anyone else it is always false. */
  sharedWithTherapist: z.boolean(),
  sharedAt: ZIsoDate.nullable(),
  total: ZScorePart,
  subscales: z.array(ZScorePart),
  /** My own answers (item id → value); never sent for a partner's response. */
  answers: z.record(text(), z.int()).optional(),
});
export type TMeasureResponse = z.infer<typeof ZMeasureResponse>;

export const MAX_ANSWERS = 60;

export const ZSubmitResponseBody = z.object({
  measureId: ZMeasureId,
  /** The version the page showed; a newer one on the server asks for a reload. */
  measureVersion: z.int({ message: 'Please reload the page and try again.' }).min(1).max(10_000),
  answers: z
    .record(
      text().max(48, { message: 'This question is not part of this check-in.' }),
      z.int({ message: 'Please choose one of the answers offered for this question.' }),
    )
    .refine((answers) => Object.keys(answers).length <= MAX_ANSWERS, {
      message: 'There are more answers here than questions in any check-in.',
    }),
  timeZone: ZTimeZone.optional(),
});
export type TSubmitResponseBody = z.infer<typeof ZSubmitResponseBody>;

export const ZSubmittedResponse = z.object({
  response: ZMeasureResponse,
  /**
   * True when an answer reached a question's alert level: the page shows a calm support panel.
   * Nothing is blocked, and this is neither stored nor logged.
   */
  support: z.boolean(),
});
export type TSubmittedResponse = z.infer<typeof ZSubmittedResponse>;

// ---------------------------------------------------------------------------
// History and sharing
// ---------------------------------------------------------------------------

export const HISTORY_PAGE_DEFAULT = 20;
export const HISTORY_PAGE_MAX = 50;

export const ZHistoryQuery = z.object({
  measure: ZMeasureId,
  /** `mine` (default), or what my partner shared with me. */
  whose: z.enum(['mine', 'partner'], { message: 'Choose mine or partner.' }).default('mine'),
  cursor: ZPageCursor.optional(),
  limit: z.coerce
    .number({ message: 'Please give a number of rows.' })
    .int({ message: 'Please give a whole number of rows.' })
    .min(1, { message: 'Please ask for at least one row.' })
    .max(HISTORY_PAGE_MAX, { message: `Please ask for ${HISTORY_PAGE_MAX} rows or fewer.` })
    .default(HISTORY_PAGE_DEFAULT),
});
export type THistoryQuery = z.infer<typeof ZHistoryQuery>;

export const ZHistory = z.object({
  responses: z.array(ZMeasureResponse),
  nextCursor: text().nullable(),
});
export type THistory = z.infer<typeof ZHistory>;

export const ZVisibilityBody = z.object({ visibility: ZVisibility });
export type TVisibilityBody = z.infer<typeof ZVisibilityBody>;
