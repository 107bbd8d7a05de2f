import { z } from 'zod';
import { compareSchema, versionSchema, ZAcceptance, ZCoAuthor } from './co-authored';
import { ZId, ZIsoDate, ZPageCursor, text } from './common';

/**
 * The couple's agreements (issue 15, item 1): one co-authored engine for several kinds of
 * agreement. Each agreement is its own item with versions; it holds only while both accept its
 * newest version. The limits here are the only ones: server and page check the same rules.
 */
export const AGREEMENT_KINDS = [
  'ground-rules',
  'boundaries',
  'walls-and-windows',
  'affair-partner-contact',
  'relapse-prevention',
] as const;
export type TAgreementKind = (typeof AGREEMENT_KINDS)[number];

/**
 * The program phase in which each kind opens (the couple's pace, decision 0016): ground rules,
 * boundaries and contact with the affair partner belong to the first weeks; deciding what to share
 * with whom outside the couple comes with Meaning; a relapse-prevention covenant with Moving on.
 */
export const AGREEMENT_KIND_PHASE: Record<TAgreementKind, 1 | 2 | 3> = {
  'ground-rules': 1,
  boundaries: 1,
  'walls-and-windows': 2,
  'affair-partner-contact': 1,
  'relapse-prevention': 3,
};

export const AGREEMENT_SECTIONS = ['title', 'body'] as const;
export type TAgreementSection = (typeof AGREEMENT_SECTIONS)[number];
export const AGREEMENT_TITLE_MAX = 120;
export const AGREEMENT_BODY_MAX = 4000;
export const AGREEMENT_VERSIONS_PAGE = 20;

export const ZAgreementKind = z.enum(AGREEMENT_KINDS, {
  message: 'Please choose one of the kinds of agreement on the page.',
});

export const ZAgreementSections = z.object({
  /** A short name both will recognise ("Time-outs", "Who we tell"). */
  title: text({ message: 'Please write the name as text.' })
    .trim()
    .min(1, 'Please give the agreement a short name.')
    .max(
      AGREEMENT_TITLE_MAX,
      `Please keep the name to ${AGREEMENT_TITLE_MAX} characters or fewer.`,
    ),
  /** The agreement in the couple's own words. */
  body: text({ message: 'Please write the agreement as text.' }).max(
    AGREEMENT_BODY_MAX,
    `Please keep the agreement to ${AGREEMENT_BODY_MAX} characters or fewer.`,
  ),
});
export type TAgreementSections = z.infer<typeof ZAgreementSections>;

const TODAY_GRACE_MS = 36 * 3_600_000;

/** A review date: a real calendar day, not in the past (a day's grace for time zones). */
export const ZReviewOn = z.iso
  .date({ message: 'Please give the review date as a day, like 2027-03-01.' })
  .refine((day) => Date.parse(`${day}T00:00:00Z`) >= Date.now() - TODAY_GRACE_MS, {
    message: 'That day has passed. Please choose today or a day still to come.',
  })
  .refine((day) => Date.parse(`${day}T00:00:00Z`) <= Date.now() + 3 * 366 * 86_400_000, {
    message: 'Please choose a review date within the next three years.',
  });

export const ZAgreementCreateBody = z.object({
  kind: ZAgreementKind,
  sections: ZAgreementSections,
});
export type TAgreementCreateBody = z.infer<typeof ZAgreementCreateBody>;

export const ZAgreementSaveBody = z.object({ sections: ZAgreementSections });
export type TAgreementSaveBody = z.infer<typeof ZAgreementSaveBody>;

export const ZReviewDateBody = z.object({ reviewOn: ZReviewOn.nullable() });
export type TReviewDateBody = z.infer<typeof ZReviewDateBody>;

/** Something either of us did to an agreement's standing, shown to both (never hidden). */
export const ZAgreementEvent = z.object({
  what: z.enum(['accepted', 'withdrew', 'review-date']),
  version: z.int().min(1),
  /** For `review-date`: the new day (null: no review date). */
  reviewOn: z.iso.date().nullable(),
  at: ZIsoDate,
  by: ZCoAuthor,
});
export type TAgreementEvent = z.infer<typeof ZAgreementEvent>;

export const ZAgreementReview = z.object({
  /** The day it comes back to both of us (null: none set). */
  reviewOn: z.iso.date().nullable(),
  /**
   * The day has come and not both of us have confirmed (accepted again) since: the agreement
   * still holds meanwhile, and asks both to confirm it or change it.
   */
  due: z.boolean(),
  /** Whether each of us has confirmed since the review day came. */
  mineConfirmed: z.boolean(),
  partnerConfirmed: z.boolean(),
});
export type TAgreementReview = z.infer<typeof ZAgreementReview>;

export const ZAgreement = z.object({
  id: ZId,
  kind: ZAgreementKind,
  version: z.int().min(1),
  sections: ZAgreementSections,
  createdAt: ZIsoDate,
  updatedAt: ZIsoDate,
  updatedBy: ZCoAuthor,
  /** Who of us accepts this exact version; the agreement holds only while both do. */
  acceptance: ZAcceptance,
  /** Both accept the newest version. */
  active: z.boolean(),
  /** False for an agreement made with a set of people that has since changed: read-only. */
  current: z.boolean(),
  /** False while I am alone in the space: a draft, which a partner who joins later never sees. */
  together: z.boolean(),
  review: ZAgreementReview,
  /** The newest events first (acceptances, withdrawals, review dates), at most 20. */
  events: z.array(ZAgreementEvent),
});
export type TAgreement = z.infer<typeof ZAgreement>;

export const ZAgreementList = z.object({
  agreements: z.array(ZAgreement),
  /** False while joint work is paused: agreements can be read, not changed. */
  jointWorkOpen: z.boolean(),
  /** The program phase open for us now: kinds of a later phase wait for it. */
  phase: z.int().min(1).max(3),
});
export type TAgreementList = z.infer<typeof ZAgreementList>;

export const ZAgreementResponse = z.object({ agreement: ZAgreement });
export type TAgreementResponse = z.infer<typeof ZAgreementResponse>;

export const ZAgreementVersion = versionSchema(ZAgreementSections);
export type TAgreementVersion = z.infer<typeof ZAgreementVersion>;

const ZLimit = z.coerce
  .number({ message: 'Please give the page size as a number.' })
  .int('Please give the page size as a whole number.')
  .min(1, 'Please ask for at least one version.')
  .max(100, 'Please ask for 100 versions or fewer at a time.')
  .default(AGREEMENT_VERSIONS_PAGE);

export const ZAgreementVersionsQuery = z.object({ cursor: ZPageCursor.optional(), limit: ZLimit });
export const ZAgreementVersions = z.object({
  versions: z.array(ZAgreementVersion),
  nextCursor: text().nullable(),
});
export type TAgreementVersions = z.infer<typeof ZAgreementVersions>;

export const ZAgreementCompare = compareSchema(ZAgreementSections);
export type TAgreementCompare = z.infer<typeof ZAgreementCompare>;
