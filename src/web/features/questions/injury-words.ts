import type { TQuestionsOverview } from '#shared/schemas/questions.ts';
import { t } from '#web/i18n/index.ts';
import { formatMonth } from '#web/ui/index.ts';

export type QuestionInjury = TQuestionsOverview['injuries'][number];

/** "the affair", "January 2026": an injury in the page's own words, never anything a person wrote. */
export function injuryWords(injury: QuestionInjury) {
  return { what: t(`questions.kind.${injury.kind}`), month: formatMonth(injury.cameToLight) };
}
