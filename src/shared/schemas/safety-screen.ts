import { z } from 'zod';
import { ZIsoDate, text } from './common';

/**
 * The private safety screen (issue 4). The questions are data (`content/safety/screen.yaml`); the
 * answers travel once, to the server, are turned into a result, and are never stored or logged
 * (decision 0017). Only that the person took the screen, and when, is kept.
 */

/** Every question offers the same four answers; the ids are fixed, their labels are content. */
export const SCREEN_ANSWER_IDS = ['no', 'sometimes', 'yes', 'unsaid'] as const;
export const ZScreenAnswerId = z.enum(SCREEN_ANSWER_IDS, {
  message: 'Please choose one of the answers. “I’d rather not say” is always fine.',
});
export type TScreenAnswerId = z.infer<typeof ZScreenAnswerId>;

/** A question's id: lower-case words joined by hyphens. */
export const ZScreenQuestionId = text()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'A question id is lower-case words joined by hyphens.')
  .max(40, 'A question id has at most 40 characters.');

/** One question as the content file defines it (checked when the server starts). */
export const ZScreenQuestionDefinition = z.object({
  id: ZScreenQuestionId,
  text: text().trim().min(1, 'A question needs its words.').max(200),
  hint: text().trim().min(1).max(200).optional(),
  /** The answers that mean shared exercises should rest. Must include `unsaid`. */
  care: z.array(ZScreenAnswerId).refine((care) => care.includes('unsaid'), {
    message: '“unsaid” must be in care: someone who cannot say is not pushed into joint work.',
  }),
});
export type TScreenQuestionDefinition = z.infer<typeof ZScreenQuestionDefinition>;

export const ZScreenDefinition = z
  .object({
    answers: z
      .array(z.object({ id: ZScreenAnswerId, label: text().trim().min(1).max(40) }))
      .refine(
        (answers) =>
          answers.length === SCREEN_ANSWER_IDS.length &&
          SCREEN_ANSWER_IDS.every((id) => answers.some((a) => a.id === id)),
        { message: `List each answer once: ${SCREEN_ANSWER_IDS.join(', ')}.` },
      ),
    questions: z.array(ZScreenQuestionDefinition).min(1, 'The screen needs at least one question.'),
  })
  .superRefine((screen, ctx) => {
    const seen = new Set<string>();
    screen.questions.forEach((question, index) => {
      if (seen.has(question.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index, 'id'],
          message: `The id ${question.id} appears twice.`,
        });
      }
      seen.add(question.id);
    });
  });
export type TScreenDefinition = z.infer<typeof ZScreenDefinition>;

/** What the page shows: the questions (without which answers mean care) and my last time. */
export const ZScreenView = z.object({
  questions: z.array(z.object({ id: text(), text: text(), hint: text().optional() })),
  answers: z.array(z.object({ id: ZScreenAnswerId, label: text() })),
  /** When I last took the screen; null if never. Never anyone else's. */
  takenAt: ZIsoDate.nullable(),
});
export type TScreenView = z.infer<typeof ZScreenView>;

/** The answers, one per question id. Checked against the loaded questions on the server. */
export const ZScreenSubmission = z.object({
  answers: z.record(ZScreenQuestionId, ZScreenAnswerId, {
    message: 'Please answer each question. “I’d rather not say” is always fine.',
  }),
});
export type TScreenSubmission = z.infer<typeof ZScreenSubmission>;

/**
 * Shown once, to the person who took the screen. `care` means shared exercises now rest for the
 * space; the partner is told nothing beyond the same neutral words as for any other reason.
 */
export const ZScreenResult = z.object({
  result: z.enum(['calm', 'care']),
  takenAt: ZIsoDate,
  /**
   * Whether my own pause on shared exercises is in place now: placed by this care result, or
   * earlier (a calm result never lifts it). Only ever my own; false without a space.
   */
  paused: z.boolean(),
});
export type TScreenResult = z.infer<typeof ZScreenResult>;
