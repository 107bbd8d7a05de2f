import { z } from 'zod';
import { ZId, ZIsoDate, text, ZPageCursor } from './common';

/**
 * The daily check-in: how I feel, how strongly, how much it hurts, what set me off today, what I
 * need, and a note. The feelings are a fixed list (labels live in the web catalog under
 * `checkins.feeling.<value>`): the hard ones first, then the ones that carry some hope.
 */
export const FEELINGS = [
  'hurt',
  'betrayed',
  'angry',
  'sad',
  'grieving',
  'anxious',
  'afraid',
  'on-edge',
  'numb',
  'confused',
  'lonely',
  'ashamed',
  'humiliated',
  'jealous',
  'suspicious',
  'guilty',
  'remorseful',
  'overwhelmed',
  'exhausted',
  'discouraged',
  'hopeful',
  'calm',
  'relieved',
  'grateful',
  'close',
  'understood',
  'cared-for',
  'determined',
  'tender',
  'steady',
] as const;
export type TFeeling = (typeof FEELINGS)[number];

const FEELING_SET: ReadonlySet<string> = new Set(FEELINGS);
export const isFeeling = (value: string): value is TFeeling => FEELING_SET.has(value);

export const CHECKIN_LIMITS = {
  feelings: 10,
  intensityMin: 1,
  intensityMax: 5,
  painMin: 0,
  painMax: 10,
  triggers: 500,
  needs: 1000,
  note: 4000,
} as const;

/** The earliest day a check-in can be for; nothing in the app is older. */
export const FIRST_DAY = '2000-01-01';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a moment, in UTC. */
export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** A real calendar date (no 31 February) in the `YYYY-MM-DD` form. */
export function isRealDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const parsed = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(parsed) && utcDay(parsed) === day;
}

/**
 * The person's own local date, sent by their device. Somewhere on Earth it is already tomorrow
 * (UTC+14), so a day up to one day past today in UTC is accepted; later days are not.
 */
export const ZCheckinDay = text()
  .refine(isRealDay, { message: 'Please give the day as a real date, like 2026-03-14.' })
  .refine((day) => day >= FIRST_DAY, { message: 'Please choose a day from the year 2000 on.' })
  .refine((day) => day <= utcDay(Date.now() + DAY_MS), {
    message: 'A check-in can be for today or an earlier day, not one still to come.',
  });

export const ZCheckinDayParams = z.object({ day: ZCheckinDay });

function limitedText(max: number, what: string) {
  return text({ message: `Please write ${what} as text.` })
    .trim()
    .max(max, `Please keep ${what} to ${max} characters or fewer.`)
    .default('');
}

const FEELINGS_MESSAGE = 'Please choose feelings from the list.';

/** Feelings as sent: any strings, then checked as a whole, so a problem names the field itself. */
export const ZFeelings = z
  .array(z.unknown(), { message: FEELINGS_MESSAGE })
  .max(CHECKIN_LIMITS.feelings, `Please choose up to ${CHECKIN_LIMITS.feelings} feelings.`)
  .refine((values) => values.every((v) => typeof v === 'string' && isFeeling(v)), {
    message: FEELINGS_MESSAGE,
  })
  .refine((values) => new Set(values).size === values.length, {
    message: 'Each feeling can be chosen once.',
  })
  .transform((values) => values as TFeeling[]);

const INTENSITY_MESSAGE = `Please choose how strong your feelings are, from ${CHECKIN_LIMITS.intensityMin} to ${CHECKIN_LIMITS.intensityMax}.`;
const PAIN_MESSAGE = `Please choose a number from ${CHECKIN_LIMITS.painMin} to ${CHECKIN_LIMITS.painMax} for your pain today.`;

export const ZCheckinBody = z.object({
  feelings: ZFeelings.default([]),
  intensity: z
    .int({ message: INTENSITY_MESSAGE })
    .min(CHECKIN_LIMITS.intensityMin, { message: INTENSITY_MESSAGE })
    .max(CHECKIN_LIMITS.intensityMax, { message: INTENSITY_MESSAGE }),
  pain: z
    .int({ message: PAIN_MESSAGE })
    .min(CHECKIN_LIMITS.painMin, { message: PAIN_MESSAGE })
    .max(CHECKIN_LIMITS.painMax, { message: PAIN_MESSAGE }),
  triggers: limitedText(CHECKIN_LIMITS.triggers, 'what set things off'),
  needs: limitedText(CHECKIN_LIMITS.needs, 'what you need today'),
  note: limitedText(CHECKIN_LIMITS.note, 'your note'),
});
export type TCheckinBody = z.infer<typeof ZCheckinBody>;
export type TCheckinInput = z.input<typeof ZCheckinBody>;

/**
 * Who can see a check-in of mine now: only me; only me until my partner's for the same day is in
 * too ("share when we both have"); or my partner as well. A partner's check-in is always `shared`.
 */
export const ZCheckinSharing = z.enum(['private', 'waiting', 'shared']);
export type TCheckinSharing = z.infer<typeof ZCheckinSharing>;

const content = {
  feelings: z.array(z.enum(FEELINGS)),
  intensity: z.int(),
  pain: z.int(),
  triggers: text(),
  needs: text(),
  note: text(),
};

export const ZCheckin = z.object({
  id: ZId,
  day: text(),
  mine: z.boolean(),
  ...content,
  sharing: ZCheckinSharing,
  sharedAt: ZIsoDate.nullable(),
  /** Only its author ever learns this; for anyone else it is always false. */
  sharedWithTherapist: z.boolean(),
  /** When what is shown was written (for a partner's check-in: when it reached them). */
  updatedAt: ZIsoDate,
  /** For If-Match when I edit my own; never sent for my partner's. */
  version: z.int().nullable(),
  /** There are earlier versions this reader saw and may read again ("edited"). */
  hasEarlierVersions: z.boolean(),
});
export type TCheckin = z.infer<typeof ZCheckin>;

/** A version of a check-in that was replaced after the partner had seen it. */
export const ZCheckinRevision = z.object({
  ...content,
  /** When it was replaced by a newer version. */
  replacedAt: ZIsoDate,
});
export type TCheckinRevision = z.infer<typeof ZCheckinRevision>;

export const ZCheckinResponse = z.object({ checkin: ZCheckin });
export type TCheckinResponse = z.infer<typeof ZCheckinResponse>;

export const ZCheckinForDay = z.object({ checkin: ZCheckin.nullable() });
export type TCheckinForDay = z.infer<typeof ZCheckinForDay>;

export const ZCheckinDetail = z.object({
  checkin: ZCheckin,
  /** Newest first. */
  earlier: z.array(ZCheckinRevision),
});
export type TCheckinDetail = z.infer<typeof ZCheckinDetail>;

export const TIMELINE_PAGE = { default: 20, max: 50 } as const;

export const ZTimelineQuery = z.object({
  who: z
    .enum(['all', 'me', 'partner'], { message: 'Choose whose check-ins: all, me or partner.' })
    .default('all'),
  cursor: ZPageCursor.optional(),
  limit: z.coerce
    .number({ message: 'The page size must be a number.' })
    .int({ message: 'The page size must be a whole number.' })
    .min(1, { message: 'The page size must be at least 1.' })
    .max(TIMELINE_PAGE.max, { message: `The page size can be at most ${TIMELINE_PAGE.max}.` })
    .default(TIMELINE_PAGE.default),
});
export type TTimelineQuery = z.infer<typeof ZTimelineQuery>;

export const ZTimeline = z.object({
  items: z.array(ZCheckin),
  /** Pass as `cursor` for the next (earlier) page; null when there is nothing earlier. */
  next: ZPageCursor.nullable(),
});
export type TTimeline = z.infer<typeof ZTimeline>;
