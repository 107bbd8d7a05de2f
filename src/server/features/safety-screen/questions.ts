import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  ZScreenDefinition,
  type TScreenAnswerId,
  type TScreenDefinition,
} from '#shared/schemas/safety-screen.ts';

export const SCREEN_FILE = path.resolve(
  import.meta.dirname,
  '../../../../content/safety/screen.yaml',
);

export class ScreenFileError extends Error {
  override name = 'ScreenFileError';
}

export interface SafetyScreen {
  definition: TScreenDefinition;
  /**
   * The result of one set of answers: `care` when any question's answer is one of its care
   * answers, or a question was left unanswered (the route refuses that first; this is the
   * belt to its braces). The answers are only looked at here and never kept.
   */
  resultOf(answers: Record<string, TScreenAnswerId>): 'calm' | 'care';
}

/**
 * Every question is worded so that "No" is the calm answer. A question that runs the other way
 * ("Do you feel safe to…?") traps a person who skims and answers "No" throughout: they get the
 * care result and shared exercises rest, without having meant it. Returns one line per question
 * that lists `no` among its care answers.
 */
export function checkNoIsCalm(definition: TScreenDefinition): string[] {
  return definition.questions.flatMap((question, index) =>
    question.care.includes('no')
      ? [
          `question ${index + 1} (${question.id}): “no” must not be a care answer. Word the question so that “No” is the calm answer, as in every other question.`,
        ]
      : [],
  );
}

/**
 * Reads and checks the questions. Unlike the support services (where one bad entry is skipped in
 * production), any mistake stops the start in every environment: a screen with a question missing
 * or a care answer dropped could open shared exercises for someone it should not.
 */
export function loadSafetyScreen(file: string = SCREEN_FILE): SafetyScreen {
  const name = path.basename(file);
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ScreenFileError(
      `${name} could not be read as YAML (${(error as Error).name}). Fix the file and start again.`,
    );
  }
  const parsed = ZScreenDefinition.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const [list, index, ...rest] = issue.path;
      const where =
        list === 'questions' && typeof index === 'number'
          ? `question ${index + 1}${rest.length ? ` (${rest.join('.')})` : ''}`
          : issue.path.join('.') || '(file)';
      return `${where}: ${issue.message}`;
    });
    throw new ScreenFileError(`${name}: ${lines.join('; ')}`);
  }
  const definition = parsed.data;
  const runsTheOtherWay = checkNoIsCalm(definition);
  if (runsTheOtherWay.length > 0)
    throw new ScreenFileError(`${name}: ${runsTheOtherWay.join('; ')}`);
  const care = new Map(definition.questions.map((q) => [q.id, new Set<string>(q.care)]));
  return {
    definition,
    resultOf(answers) {
      for (const [id, careAnswers] of care) {
        const answer = answers[id];
        if (answer === undefined || careAnswers.has(answer)) return 'care';
      }
      return 'calm';
    },
  };
}
