import { z } from 'zod';
import { ZIsoDate, ZVisibility, ZVersion, text } from './common';

/**
 * The guide: lessons written as Markdown in content/lessons/, read by anyone, and a private
 * reflection per person per lesson that its author may share with their partner.
 */

/** 1 impact, 2 meaning, 3 moving on (BRIEF §2). The FAQ belongs to no phase. */
export const GUIDE_PHASES = [1, 2, 3] as const;
export const ZGuidePhase = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  message: 'must be 1 (impact), 2 (meaning) or 3 (moving on); leave it out for the FAQ',
});
export type TGuidePhase = z.infer<typeof ZGuidePhase>;

export const LESSON_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The front matter at the top of every lesson file. Unknown keys are refused, so a misspelt field
 * stops the start instead of being quietly ignored.
 */
export const ZLessonFrontMatter = z.strictObject({
  title: text().trim().min(3, 'is required').max(80, 'must be 80 characters or fewer'),
  slug: text()
    .max(60, 'must be 60 characters or fewer')
    .regex(LESSON_SLUG_PATTERN, 'must be lowercase words joined by hyphens, like "moving-forward"'),
  order: z
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(999, 'must be 999 or less'),
  phase: ZGuidePhase.optional(),
  summary: text()
    .trim()
    .min(20, 'must be one full sentence')
    .max(200, 'must be one sentence of 200 characters or fewer')
    .refine((text) => /[.?!]$/.test(text), 'must end like a sentence, with a full stop'),
  minutes: z
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(30, 'must be 30 or less'),
  draws_on: z
    .array(
      text()
        .trim()
        .min(3, 'entries must name a source')
        .max(200, 'entries must be 200 characters or fewer'),
    )
    .min(1, 'must name at least one model or source')
    .max(8, 'may name up to 8 sources'),
  reflection: text()
    .trim()
    .min(10, 'must be a question the reader can answer')
    .max(300, 'must be 300 characters or fewer'),
});
export type TLessonFrontMatter = z.infer<typeof ZLessonFrontMatter>;

export const ZLessonSummary = z.object({
  slug: text(),
  title: text(),
  summary: text(),
  /** null for the FAQ. */
  phase: ZGuidePhase.nullable(),
  minutes: z.int(),
  order: z.int(),
});
export type TLessonSummary = z.infer<typeof ZLessonSummary>;

export const ZLessonList = z.object({ lessons: z.array(ZLessonSummary) });
export type TLessonList = z.infer<typeof ZLessonList>;

export const ZLessonLink = z.object({ slug: text(), title: text() });

export const ZLesson = ZLessonSummary.extend({
  drawsOn: z.array(text()),
  reflection: text(),
  /** Rendered from our own Markdown with raw HTML turned off. */
  html: text(),
  previous: ZLessonLink.nullable(),
  next: ZLessonLink.nullable(),
});
export type TLesson = z.infer<typeof ZLesson>;

export const ZLessonResponse = z.object({ lesson: ZLesson });
export type TLessonResponse = z.infer<typeof ZLessonResponse>;

/** Any string: an unknown slug is a 404, whatever its shape. */
export const ZLessonParams = z.object({ slug: text().max(200) });

export const REFLECTION_MAX = 4000;

export const ZReflectionBody = z.object({
  body: text({ message: 'Please write your reflection as text.' })
    .trim()
    .min(1, 'Please write a few words before saving.')
    .max(
      REFLECTION_MAX,
      `Please keep your reflection to ${REFLECTION_MAX.toLocaleString('en')} characters or fewer.`,
    ),
});
export type TReflectionBody = z.infer<typeof ZReflectionBody>;

/** My own reflection on a lesson, as only I see it. */
export const ZMyReflection = z.object({
  body: text(),
  visibility: ZVisibility,
  /** Shared with the couple's therapist too (my own reflection only). */
  sharedWithTherapist: z.boolean(),
  /** When I shared it; null while private. */
  sharedAt: ZIsoDate.nullable(),
  updatedAt: ZIsoDate,
  /** Send back in `If-Match: "<version>"` when saving a change. */
  version: ZVersion,
});
export type TMyReflection = z.infer<typeof ZMyReflection>;

/** A reflection my partner chose to share with me. */
export const ZPartnerReflection = z.object({
  body: text(),
  sharedAt: ZIsoDate,
  updatedAt: ZIsoDate,
});
export type TPartnerReflection = z.infer<typeof ZPartnerReflection>;

export const ZReflectionsResponse = z.object({
  mine: ZMyReflection.nullable(),
  /** My partner in the space now, if there is one; there is no one to share with otherwise. */
  partnerName: text().nullable(),
  /** Their reflection on this lesson, only if they shared it with me. */
  partnerReflection: ZPartnerReflection.nullable(),
  /** True while the couple's shared exercises are paused: sharing waits, private writing does not. */
  sharingPaused: z.boolean(),
});
export type TReflectionsResponse = z.infer<typeof ZReflectionsResponse>;

export const ZMyReflectionResponse = z.object({ reflection: ZMyReflection });
export type TMyReflectionResponse = z.infer<typeof ZMyReflectionResponse>;
