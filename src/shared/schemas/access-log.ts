import { z } from 'zod';
import { ZIsoDate, text } from './common';

/**
 * The kinds of item a therapist can open, as the access log names them. The practice pages
 * record these same words when a therapist opens an item (`recordAccess`).
 */
export const ACCESS_ITEM_KINDS = ['checkin', 'trigger', 'measure', 'reflection'] as const;
export const ZAccessItemKind = z.enum(ACCESS_ITEM_KINDS);
export type TAccessItemKind = z.infer<typeof ZAccessItemKind>;

export const ACCESS_LOG_PAGE = { default: 20, max: 50 } as const;

/** A page position: the number of the last entry shown (entries only ever get higher numbers). */
export const ZAccessLogCursor = text().regex(
  /^[1-9][0-9]{0,14}$/,
  'This page position is not valid. Please start from the top.',
);

export const ZAccessLogQuery = z.object({
  before: ZAccessLogCursor.optional(),
  limit: z.coerce
    .number({ message: 'The page size must be a number.' })
    .int({ message: 'The page size must be a whole number.' })
    .min(1, { message: 'The page size must be at least 1.' })
    .max(ACCESS_LOG_PAGE.max, { message: `The page size can be at most ${ACCESS_LOG_PAGE.max}.` })
    .default(ACCESS_LOG_PAGE.default),
});
export type TAccessLogQuery = z.infer<typeof ZAccessLogQuery>;

/**
 * One time a therapist opened one of my items: when, who, and which item in neutral words (its
 * kind and its date), never what it says.
 */
export const ZAccessEntry = z.object({
  /** Increases with every entry in the whole log; also the page position. */
  seq: text(),
  at: ZIsoDate,
  /** Null once the therapist's account no longer exists. */
  therapist: z.object({ displayName: text(), practiceName: text().nullable() }).nullable(),
  /** `other` for a kind this version of the app does not name. */
  itemKind: z.enum([...ACCESS_ITEM_KINDS, 'other']),
  /**
   * The item's own date: a day (`YYYY-MM-DD`, a check-in's day or a weekly check-in's week) or a
   * moment (a trigger note's time, a reflection's last change). Null once the item is gone.
   */
  itemDate: text().nullable(),
});
export type TAccessEntry = z.infer<typeof ZAccessEntry>;

export const ZAccessLogPage = z.object({
  entries: z.array(ZAccessEntry),
  /** Pass as `before` for the next (older) page; null when there is nothing older. */
  next: ZAccessLogCursor.nullable(),
});
export type TAccessLogPage = z.infer<typeof ZAccessLogPage>;
