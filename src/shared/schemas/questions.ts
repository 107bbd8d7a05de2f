import { z } from 'zod';
import { ZId, ZIsoDate, text, ZPageCursor } from './common';
import { ZInjuryKind, ZInjuryRole } from './injuries';

/**
 * The question queue (issue 14, item 1). The hurt partner writes questions about one injury in
 * private and releases them to the involved partner at a pace they set; the involved partner
 * answers, and a correction is a new version, never an edit. The limits here are the only ones:
 * server and page check the same rules.
 */
export const QUESTION_MAX = 1000;
export const ANSWER_MAX = 6000;
export const QUESTION_PAGE_SIZE = 20;
export const RELEASE_AT_ONCE_MAX = 20;
export const CAP_MIN = 1;
export const CAP_MAX = 20;
/** Until the hurt partner chooses: a few a day. */
export const DEFAULT_CAP = 3;
/** How far ahead "I need time" may reach. */
export const TIME_DAYS_MAX = 60;

export const PACE_WINDOWS = ['day', 'week'] as const;
export const ZPaceWindow = z.enum(PACE_WINDOWS, {
  message: 'Choose a day or a week as the window for your pace.',
});
export type TPaceWindow = z.infer<typeof ZPaceWindow>;
export const WINDOW_HOURS: Record<TPaceWindow, number> = { day: 24, week: 168 };

export const QUESTION_MARKS = ['helped', 'more', 'therapist'] as const;
export const ZQuestionMark = z.enum(QUESTION_MARKS, {
  message: 'Choose one of the three answers on the page: it helped, you need more, or therapist.',
});
export type TQuestionMark = z.infer<typeof ZQuestionMark>;

export const QUESTION_STATES = ['draft', 'released'] as const;
export const ZQuestionState = z.enum(QUESTION_STATES, {
  message: 'Choose drafts or released questions.',
});
export type TQuestionState = z.infer<typeof ZQuestionState>;

const questionText = text({ message: 'Please write your question as text.' })
  .trim()
  .min(1, 'Please write your question before saving it.')
  .max(QUESTION_MAX, `Please keep a question to ${QUESTION_MAX} characters or fewer.`);

const answerText = text({ message: 'Please write your answer as text.' })
  .trim()
  .min(1, 'Please write your answer before sending it.')
  .max(ANSWER_MAX, `Please keep an answer to ${ANSWER_MAX} characters or fewer.`);

export const ZNewQuestionBody = z.object({ injuryId: ZId, body: questionText });
export type TNewQuestionBody = z.infer<typeof ZNewQuestionBody>;

export const ZEditQuestionBody = z.object({ body: questionText });
export type TEditQuestionBody = z.infer<typeof ZEditQuestionBody>;

export const ZQuestionListQuery = z.object({
  injuryId: ZId,
  state: ZQuestionState.default('released'),
  cursor: ZPageCursor.optional(),
});
export type TQuestionListQuery = z.infer<typeof ZQuestionListQuery>;

export const ZReleaseBody = z.object({
  ids: z
    .array(ZId, { message: 'Please send the questions to release as a list.' })
    .min(1, 'Please choose at least one question to release.')
    .max(RELEASE_AT_ONCE_MAX, `Please release at most ${RELEASE_AT_ONCE_MAX} at once.`)
    .refine((ids) => new Set(ids).size === ids.length, 'Each question can be chosen once.'),
});
export type TReleaseBody = z.infer<typeof ZReleaseBody>;

export const ZPaceBody = z.object({
  cap: z
    .int({ message: `Please choose how many, a whole number from ${CAP_MIN} to ${CAP_MAX}.` })
    .min(CAP_MIN, `Please choose at least ${CAP_MIN}.`)
    .max(CAP_MAX, `Please choose at most ${CAP_MAX}.`),
  window: ZPaceWindow,
  selfCheck: z.boolean({ message: 'Say whether to show the self-check: true or false.' }),
});
export type TPaceBody = z.infer<typeof ZPaceBody>;

export const ZAnswerBody = z.object({ body: answerText });
export type TAnswerBody = z.infer<typeof ZAnswerBody>;

/** `YYYY-MM-DD` of a moment in UTC. */
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const ZTimeBody = z.object({
  until: z.iso
    .date({ message: 'Please give the day, like 2026-05-03.' })
    // Today somewhere on Earth (UTC-12) up to the limit ahead.
    .refine((day) => day >= dayOf(Date.now() - 12 * 3_600_000), {
      message: 'That day has passed. Please choose today or a day to come.',
    })
    .refine((day) => day <= dayOf(Date.now() + TIME_DAYS_MAX * 86_400_000), {
      message: `Please choose a day within the next ${TIME_DAYS_MAX} days.`,
    }),
});
export type TTimeBody = z.infer<typeof ZTimeBody>;

export const ZMarkBody = z.object({ mark: ZQuestionMark });
export type TMarkBody = z.infer<typeof ZMarkBody>;

export const ZAnswerVersion = z.object({
  version: z.int(),
  body: text(),
  createdAt: ZIsoDate,
});
export type TAnswerVersion = z.infer<typeof ZAnswerVersion>;

/**
 * One question as its reader may see it. For the involved partner a question exists only from its
 * release: the fields about its time as a draft are null for them.
 */
export const ZQuestion = z.object({
  id: ZId,
  injuryId: ZId,
  /** True for the one who wrote it (the hurt partner). */
  mine: z.boolean(),
  body: text(),
  state: ZQuestionState,
  /** When it was written; only its author is told. */
  createdAt: ZIsoDate.nullable(),
  /** The draft's version (send it back in If-Match to edit); only its author is told. */
  draftVersion: z.int().nullable(),
  releasedAt: ZIsoDate.nullable(),
  /** How many answer versions there are: send it in If-Match to answer or correct. */
  answerVersion: z.int(),
  latestAnswer: ZAnswerVersion.nullable(),
  needsTime: z.object({ until: text(), askedAt: ZIsoDate }).nullable(),
  mark: z.object({ mark: ZQuestionMark, version: z.int(), at: ZIsoDate }).nullable(),
});
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZQuestionDetail = ZQuestion.extend({
  /** Every answer version, oldest first. */
  answers: z.array(ZAnswerVersion),
});
export type TQuestionDetail = z.infer<typeof ZQuestionDetail>;
export const ZQuestionResponse = z.object({ question: ZQuestionDetail });

export const ZQuestionList = z.object({
  questions: z.array(ZQuestion),
  /** Pass back as `cursor` for older questions; null when there are no more. */
  nextCursor: text().nullable(),
});
export type TQuestionList = z.infer<typeof ZQuestionList>;

export const ZPace = z.object({
  injuryId: ZId,
  cap: z.int(),
  window: ZPaceWindow,
  selfCheck: z.boolean(),
  /** False until the hurt partner has chosen (the values are then the defaults). */
  chosen: z.boolean(),
  releasedInWindow: z.int(),
  /** When the next question can go, if the cap is reached now; null when one can go now. */
  nextReleaseAt: ZIsoDate.nullable(),
});
export type TPace = z.infer<typeof ZPace>;
export const ZPaceResponse = z.object({ pace: ZPace });

export const ZQuestionInjury = z.object({
  id: ZId,
  kind: ZInjuryKind,
  cameToLight: text(),
  role: ZInjuryRole,
});

export const ZQuestionsOverview = z.object({
  jointWorkOpen: z.boolean(),
  hasPartner: z.boolean(),
  /** The injuries I hold a role in: I ask about those where I was hurt, answer the others. */
  injuries: z.array(ZQuestionInjury),
  /** My pace for each injury I ask about. */
  pace: z.array(ZPace),
});
export type TQuestionsOverview = z.infer<typeof ZQuestionsOverview>;

export const ZReleaseResponse = z.object({ questions: z.array(ZQuestion), pace: ZPace });
export type TReleaseResponse = z.infer<typeof ZReleaseResponse>;
