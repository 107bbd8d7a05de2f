import { z } from 'zod';
import { ZIsoDate, text } from './common';

/** A calendar day in the person's own time zone, as the page knows it. */
export const ZLocalDay = z.iso.date({ message: 'Send the day as YYYY-MM-DD.' });

export const ZTodayQuery = z.object({ day: ZLocalDay });

/**
 * The kinds of things a partner can share, and what the couple's therapist sends; the today screen
 * counts them, never quotes them.
 */
export const ZNewsKind = z.enum([
  'checkin',
  'trigger',
  'reflection',
  'letter',
  'letter_reflection',
  'letter_mark',
  'measure',
  'trigger_plan',
  'injury',
  'therapist_message',
  'therapist_suggestion',
  'comment',
  'therapist_comment',
  'question',
  'apology',
  'contact_log',
  'forgiveness',
  'decision',
  'meaning_factor',
  'meaning_story',
  'meaning_shared_story',
  'goals',
]);
export type TNewsKind = z.infer<typeof ZNewsKind>;

export const ZNewsItem = z.object({
  kind: ZNewsKind,
  count: z.int().min(1),
  latestAt: ZIsoDate,
});

export const ZNextStep = z.object({
  key: text(),
  title: text(),
  path: text(),
  why: text(),
  reason: text(),
});
export type TNextStep = z.infer<typeof ZNextStep>;

export const ZTodayResponse = z.object({
  day: ZLocalDay,
  /** My own check-in for that day, if I wrote one. */
  myCheckin: z.object({ id: text(), shared: z.boolean() }).nullable(),
  /** What my partner shared with me since I last looked (counts by kind); empty without a partner. */
  news: z.array(ZNewsItem),
  /** When I last looked at the today screen, if ever. */
  lookedAt: ZIsoDate.nullable(),
  next: ZNextStep.nullable(),
  jointWork: z.enum(['open', 'paused']),
});
export type TTodayResponse = z.infer<typeof ZTodayResponse>;

export const ZSeenBody = z.object({ at: ZIsoDate });
