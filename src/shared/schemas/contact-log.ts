import { z } from 'zod';
import { isRealDay, utcDay } from './checkins';
import { ZId, ZIsoDate, text } from './common';

/**
 * The no-contact confirmation and the contact log (docs/features/contact-log.md). The involved
 * partner writes; every entry is told to the partner as it is written; a correction is a new
 * version the partner sees beside the earlier ones.
 */

export const CONTACT_HOW_MAX = 300;
export const CONTACT_TEXT_MAX = 4000;
const DAY_MS = 86_400_000;

export const CONTACT_KINDS = ['ended', 'contact'] as const;
export const ZContactKind = z.enum(CONTACT_KINDS, {
  message: 'Choose whether this says contact ended or tells of a contact.',
});
export type TContactKind = z.infer<typeof ZContactKind>;

/** A day that has happened (a day ahead is allowed for time zones east of UTC). */
export const ZContactDay = text()
  .refine(isRealDay, { message: 'Please give the date as a real date, like 2026-03-14.' })
  .refine((day) => day >= '2000-01-01', { message: 'Please choose a date from the year 2000 on.' })
  .refine((day) => day <= utcDay(Date.now() + DAY_MS), {
    message:
      'This is about something that already happened, so the date cannot be later than today.',
  });

function entryText(max: number, what: string) {
  return text({ message: `Please write ${what} as text.` })
    .trim()
    .max(max, `Please keep ${what} to ${max.toLocaleString('en')} characters or fewer.`);
}

function strict<Shape extends z.ZodRawShape>(shape: Shape, place: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${place} has no field called ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
        : undefined,
  });
}

const wording = {
  occurredOn: ZContactDay,
  how: entryText(CONTACT_HOW_MAX, 'how it happened'),
  whatWasSaid: entryText(CONTACT_TEXT_MAX, 'what was said'),
  note: entryText(CONTACT_TEXT_MAX, 'anything you want to add'),
};

/** A new entry: contact ended (a confirmation) or a later contact, told. */
export const ZNewContactEntry = strict({ kind: ZContactKind, ...wording }, 'An entry').superRefine(
  (body, ctx) => {
    if (body.kind === 'contact' && body.how === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['how'],
        message: 'Please say how the contact happened (a message, a call, meeting in person…).',
      });
    }
  },
);
export type TNewContactEntry = z.infer<typeof ZNewContactEntry>;

/** A correction: the whole wording again; the earlier one stays visible. */
export const ZContactCorrection = strict(wording, 'A correction');
export type TContactCorrection = z.infer<typeof ZContactCorrection>;

export const ZContactWording = z.object({
  number: z.int().min(1),
  occurredOn: text(),
  how: text(),
  whatWasSaid: text(),
  note: text(),
  writtenAt: ZIsoDate,
});
export type TContactWording = z.infer<typeof ZContactWording>;

export const ZContactEntry = z.object({
  id: ZId,
  kind: ZContactKind,
  mine: z.boolean(),
  /** The newest wording first, then each earlier one. */
  wordings: z.array(ZContactWording).min(1),
  version: z.int().min(1),
  createdAt: ZIsoDate,
});
export type TContactEntry = z.infer<typeof ZContactEntry>;

export const ZContactLog = z.object({
  /** Do I hold the involved role in an injury of this space (so I am the one who writes)? */
  iWrite: z.boolean(),
  partnerPresent: z.boolean(),
  jointWorkOpen: z.boolean(),
  /** Mine and what my partner told me, newest first. */
  entries: z.array(ZContactEntry),
});
export type TContactLog = z.infer<typeof ZContactLog>;
