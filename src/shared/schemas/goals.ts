import { z } from 'zod';
import { ZId, ZIsoDate, text } from './common';

/**
 * Moving forward (issue 15, item 8): the couple's shared goals with milestones, their plan for
 * hard dates (each partner writes their own part), and a progress review each fills in privately
 * before they read it together. The limits here are the only ones; a value outside them is
 * refused with a message naming the field, never trimmed to fit.
 */
export const GOAL_TITLE_MAX = 200;
export const GOAL_WHY_MAX = 2000;
export const MILESTONE_TITLE_MAX = 200;
export const HARD_DATE_TITLE_MAX = 200;
export const HARD_DATE_PART_MAX = 2000;
export const REVIEW_ANSWER_MAX = 4000;
export const REMIND_DAYS_MIN = 1;
export const REMIND_DAYS_MAX = 14;
export const REMIND_DAYS_DEFAULT = 3;
/** How many goals, milestones and hard dates a couple keeps at once: plenty, and a bound. */
export const GOALS_MAX = 50;
export const MILESTONES_MAX = 30;
export const HARD_DATES_MAX = 50;
/** The phase of the program these exercises belong to (moving on). */
export const GOALS_PHASE = 3;

const ZDay = z.iso.date({ message: 'Please give the date as YYYY-MM-DD.' });

function requiredLine(max: number, empty: string) {
  return text({ message: empty })
    .trim()
    .min(1, empty)
    .max(max, `Please keep this to ${max} characters or fewer.`);
}

function optionalLongText(max: number) {
  return text({ message: 'Please write this as text.' })
    .trim()
    .max(max, `Please keep this to ${max} characters or fewer.`)
    .optional()
    .default('');
}

const ZTargetOn = ZDay.nullish().transform((value) => value ?? null);

export const ZGoalInput = z.object({
  title: requiredLine(GOAL_TITLE_MAX, 'Please give the goal a few words.'),
  why: optionalLongText(GOAL_WHY_MAX),
  targetOn: ZTargetOn,
});
export type TGoalInput = z.input<typeof ZGoalInput>;
export type TGoalValues = z.output<typeof ZGoalInput>;

export const ZMilestoneInput = z.object({
  title: requiredLine(MILESTONE_TITLE_MAX, 'Please give the step a few words.'),
  targetOn: ZTargetOn,
});
export type TMilestoneInput = z.input<typeof ZMilestoneInput>;

export const ZReachedBody = z.object({
  reached: z.boolean({ message: 'Say whether this step is reached: true or false.' }),
});

export const ZSetAsideBody = z.object({
  setAside: z.boolean({ message: 'Say whether to set this aside: true or false.' }),
});

export const ZHardDateInput = z.object({
  title: requiredLine(HARD_DATE_TITLE_MAX, 'Please name the date in a few words.'),
  day: ZDay,
  yearly: z.boolean({ message: 'Say whether this date comes back every year: true or false.' }),
  remindDays: z
    .int({
      message: `Please choose a whole number of days, ${REMIND_DAYS_MIN} to ${REMIND_DAYS_MAX}.`,
    })
    .min(REMIND_DAYS_MIN, `Please choose ${REMIND_DAYS_MIN} to ${REMIND_DAYS_MAX} days.`)
    .max(REMIND_DAYS_MAX, `Please choose ${REMIND_DAYS_MIN} to ${REMIND_DAYS_MAX} days.`)
    .optional()
    .default(REMIND_DAYS_DEFAULT),
});
export type THardDateInput = z.input<typeof ZHardDateInput>;
export type THardDateValues = z.output<typeof ZHardDateInput>;

export const ZHardDatePartInput = z.object({
  plan: optionalLongText(HARD_DATE_PART_MAX),
});

export const REVIEW_QUESTIONS = ['grown', 'hurts', 'next'] as const;
export type TReviewQuestion = (typeof REVIEW_QUESTIONS)[number];

export const ZReviewInput = z.object({
  grown: optionalLongText(REVIEW_ANSWER_MAX),
  hurts: optionalLongText(REVIEW_ANSWER_MAX),
  next: optionalLongText(REVIEW_ANSWER_MAX),
});
export type TReviewInput = z.input<typeof ZReviewInput>;
export type TReviewAnswers = z.output<typeof ZReviewInput>;

/* ---------- Responses ---------- */

const ZBy = z.object({ name: text(), mine: z.boolean() });

export const ZMilestone = z.object({
  id: ZId,
  title: text(),
  targetOn: text().nullable(),
  /** The target date has passed and the step is not reached: a date to look at again. */
  lookAgain: z.boolean(),
  reachedOn: text().nullable(),
  reachedBy: ZBy.nullable(),
  version: z.int(),
  updatedAt: ZIsoDate,
  updatedBy: ZBy,
});
export type TMilestone = z.infer<typeof ZMilestone>;

export const ZGoal = z.object({
  id: ZId,
  title: text(),
  why: text(),
  targetOn: text().nullable(),
  lookAgain: z.boolean(),
  /** Of the couple in the space now; false for an earlier couple's goal I keep to read. */
  current: z.boolean(),
  /** Proposed by one of us; `agreed` once the other said "yes, let's". */
  proposedBy: ZBy,
  agreed: z.boolean(),
  setAside: z.boolean(),
  version: z.int(),
  createdAt: ZIsoDate,
  updatedAt: ZIsoDate,
  updatedBy: ZBy,
  milestones: z.array(ZMilestone),
});
export type TGoal = z.infer<typeof ZGoal>;

export const ZHardDatePart = z.object({ name: text(), mine: z.boolean(), plan: text() });

export const ZHardDate = z.object({
  id: ZId,
  title: text(),
  day: text(),
  yearly: z.boolean(),
  remindDays: z.int(),
  /** Of the couple in the space now; false for an earlier couple's date I keep to read. */
  current: z.boolean(),
  /** The next time the date comes (this year's or next year's for a yearly one); null once past. */
  nextOn: text().nullable(),
  setAside: z.boolean(),
  version: z.int(),
  updatedAt: ZIsoDate,
  updatedBy: ZBy,
  /** My part first, then my partner's (an empty plan when not written yet). */
  parts: z.array(ZHardDatePart),
});
export type THardDate = z.infer<typeof ZHardDate>;

export const ZGoalsView = z.object({
  /** The couple has both chosen to go on to phase 3 (and is together in the space). */
  phaseOpen: z.boolean(),
  jointWorkOpen: z.boolean(),
  goals: z.array(ZGoal),
  hardDates: z.array(ZHardDate),
});
export type TGoalsView = z.infer<typeof ZGoalsView>;

export const ZGoalResponse = z.object({ goal: ZGoal });
export const ZMilestoneResponse = z.object({ milestone: ZMilestone });
export const ZHardDateResponse = z.object({ hardDate: ZHardDate });

export const ZReviewAnswersOut = z.object({ grown: text(), hurts: text(), next: text() });

export const ZReviewRound = z.object({
  round: z.int(),
  /** When the second of us finished: the moment we could both read it. */
  readyAt: ZIsoDate,
  mine: ZReviewAnswersOut,
  partner: ZReviewAnswersOut.extend({ name: text() }),
});
export type TReviewRound = z.infer<typeof ZReviewRound>;

export const ZReviewView = z.object({
  phaseOpen: z.boolean(),
  jointWorkOpen: z.boolean(),
  /** The round I am on: one more than the rounds we have both finished. */
  round: z.int(),
  mine: ZReviewAnswersOut.extend({
    finished: z.boolean(),
    updatedAt: ZIsoDate.nullable(),
  }),
  /** Rounds we both finished, newest first. */
  together: z.array(ZReviewRound),
});
export type TReviewView = z.infer<typeof ZReviewView>;
