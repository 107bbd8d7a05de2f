import {
  roundScore,
  type Band,
  type Item,
  type MeasureDefinition,
  type Scorer,
} from './definition';

/**
 * Scoring, as pure functions of a definition and a set of answers. No I/O, no clock: the same
 * answers always give the same scores. docs/measures.md explains each rule for clinicians.
 *
 * Answers map item ids to the value the person picked; a skipped item is simply absent.
 */
export type Answers = Readonly<Record<string, number>>;

/** A reverse-keyed item counts the other way round: the lowest option scores as the highest. */
export function reverseValue(item: Pick<Item, 'min' | 'max'>, value: number): number {
  return item.min + item.max - value;
}

/** The value an answer contributes to a score. */
export function scoredValue(item: Item, value: number): number {
  return item.reverse ? reverseValue(item, value) : value;
}

/**
 * One score (the total or a subscale), or `null` when more of its items were skipped than the
 * definition allows.
 *
 * Missing answers are prorated on each item's own range: the answered items' distance above
 * their minimum is scaled up to the full set of items. With one scale for every item this is the
 * familiar "mean of the answered items × number of items"; with mixed scales it still keeps the
 * score inside its possible range. A mean is that prorated sum divided by the number of items.
 */
export function scoreOf(scorer: Scorer, answers: Answers): number | null {
  const answered = scorer.items.filter((item) => answers[item.id] !== undefined);
  const missing = scorer.items.length - answered.length;
  if (answered.length === 0 || missing > scorer.allowMissing) return null;

  const minAll = scorer.items.reduce((sum, item) => sum + item.min, 0);
  const rangeAll = scorer.items.reduce((sum, item) => sum + (item.max - item.min), 0);
  const rangeAnswered = answered.reduce((sum, item) => sum + (item.max - item.min), 0);
  const aboveMin = answered.reduce(
    (sum, item) => sum + (scoredValue(item, answers[item.id]!) - item.min),
    0,
  );
  const sum = rangeAnswered === 0 ? minAll : minAll + (aboveMin * rangeAll) / rangeAnswered;
  const score = scorer.scoring === 'mean' ? sum / scorer.items.length : sum;
  return roundScore(score);
}

/** The band a score falls in: the last one starting at or below it. Bands are sorted by `from`. */
export function bandFor(bands: readonly Band[], score: number | null): Band | null {
  if (score === null) return null;
  let found: Band | null = null;
  for (const band of bands) {
    if (band.from <= score) found = band;
    else break;
  }
  return found;
}

/** Does this answer reach the item's alert threshold? */
export function raisesAlert(item: Item, value: number): boolean {
  if (!item.alert) return false;
  return 'atOrAbove' in item.alert ? value >= item.alert.atOrAbove : value <= item.alert.atOrBelow;
}

export interface ScoredPart {
  score: number | null;
  band: Band | null;
}

export interface ScoredResponse {
  total: ScoredPart;
  subscales: Record<string, ScoredPart>;
  /** True when any alert item was answered at or beyond its threshold. Never stored or logged. */
  support: boolean;
}

export function scoreResponse(definition: MeasureDefinition, answers: Answers): ScoredResponse {
  const part = (scorer: Scorer): ScoredPart => {
    const score = scoreOf(scorer, answers);
    return { score, band: bandFor(scorer.bands, score) };
  };
  const subscales: Record<string, ScoredPart> = {};
  for (const subscale of definition.subscales) subscales[subscale.id] = part(subscale);
  const support = definition.items.some(
    (item) => answers[item.id] !== undefined && raisesAlert(item, answers[item.id]!),
  );
  return { total: part(definition.total), subscales, support };
}

export const ANSWER_PROBLEMS = {
  unknownItem: 'This question is not part of this check-in. Please reload the page and try again.',
  notOnScale: 'Please choose one of the answers offered for this question.',
  none: 'Please answer at least one question before saving. You can skip any that do not fit.',
} as const;

/**
 * What is wrong with a set of answers for this definition, by field (`answers.<item id>`), or an
 * empty object when nothing is. Values are refused, never clamped or rounded to the nearest option.
 */
export function answerProblems(
  definition: MeasureDefinition,
  answers: Answers,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const ids = Object.keys(answers);
  for (const id of ids) {
    const item = definition.itemsById.get(id);
    if (!item) problems[`answers.${id}`] = ANSWER_PROBLEMS.unknownItem;
    else if (!item.options.some((option) => option.value === answers[id]))
      problems[`answers.${id}`] = ANSWER_PROBLEMS.notOnScale;
  }
  if (ids.length === 0) problems.answers = ANSWER_PROBLEMS.none;
  return problems;
}
