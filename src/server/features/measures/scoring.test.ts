import { describe, expect, it } from 'vitest';
import { compileDefinition, ZMeasureFile, type MeasureDefinition } from './definition';
import {
  ANSWER_PROBLEMS,
  answerProblems,
  bandFor,
  raisesAlert,
  reverseValue,
  scoreOf,
  scoreResponse,
} from './scoring';

/**
 * A small made-up measure: items a and b on 0–3 (b reverse-keyed), c on its own 1–5 scale, and
 * an alert item that is not scored.
 */
const SAMPLE = {
  id: 'sample',
  version: 1,
  title: 'A sample',
  intro: 'Made up for tests.',
  cadence: 'weekly',
  scale: ['Never', 'Sometimes', 'Often', 'Always'].map((label, value) => ({ value, label })),
  items: [
    { id: 'a', text: 'First' },
    { id: 'b', text: 'Second', reverse: true },
    {
      id: 'c',
      text: 'Third',
      scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: `Level ${value}` })),
    },
    { id: 'alarm', text: 'Fourth', alert: { atOrAbove: 2 } },
  ],
  subscales: [
    {
      id: 'ab',
      title: 'A and B',
      items: ['a', 'b'],
      scoring: 'mean',
      allowMissing: 1,
      higherMeans: 'better',
      bands: [
        { id: 'low', from: 0, label: 'Quieter' },
        { id: 'high', from: 1.5, label: 'Fuller' },
      ],
    },
  ],
  total: {
    items: ['a', 'b', 'c'],
    scoring: 'sum',
    allowMissing: 1,
    higherMeans: 'better',
    bands: [
      { id: 'heavy', from: 1, label: 'A heavy week' },
      { id: 'mixed', from: 5, label: 'A mixed week' },
      { id: 'lighter', from: 8, label: 'A lighter week' },
    ],
  },
};

function compile(file: unknown): MeasureDefinition {
  const compiled = compileDefinition(ZMeasureFile.parse(file));
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  return compiled.definition;
}

const sample = compile(SAMPLE);
const subscale = sample.subscales[0]!;

describe('scoring', () => {
  it('knows the range of every score from its items and how they are combined', () => {
    expect([sample.total.min, sample.total.max]).toEqual([1, 11]); // 0+0+1 … 3+3+5
    expect([subscale.min, subscale.max]).toEqual([0, 3]); // a mean of two 0–3 items
  });

  it('adds up complete answers, counting a reverse-keyed item the other way round', () => {
    const scored = scoreResponse(sample, { a: 2, b: 1, c: 4 });
    expect([scored.total.score, scored.total.band?.id]).toEqual([8, 'lighter']);
    // (2 + (3 - 1)) / 2
    expect([scored.subscales.ab!.score, scored.subscales.ab!.band?.id]).toEqual([2, 'high']);
    expect(scoreOf(sample.total, { a: 0, b: 3, c: 1 })).toBe(1);
    expect(scoreOf(sample.total, { a: 3, b: 0, c: 5 })).toBe(11);
  });

  it('reverses on the item own scale', () => {
    const b = sample.itemsById.get('b')!;
    expect([0, 1, 2, 3].map((v) => reverseValue(b, v))).toEqual([3, 2, 1, 0]);
    const c = sample.itemsById.get('c')!;
    expect([1, 3, 5].map((v) => reverseValue(c, v))).toEqual([5, 3, 1]);
  });

  it('prorates within the allowed number of skipped items, on each item own range', () => {
    // c skipped: a and b gave 6 of their 6 points above the minimum, so the total is full.
    expect(scoreOf(sample.total, { a: 3, b: 0 })).toBe(11);
    // 2 of 6 points above the minimum → a third of the way from 1 to 11.
    expect(scoreOf(sample.total, { a: 1, b: 2 })).toBe(4.33);
    // One of two answered in a mean: the mean of what was answered.
    expect(scoreOf(subscale, { a: 2 })).toBe(2);
  });

  it('gives no score, and no band, when more items were skipped than allowed', () => {
    const scored = scoreResponse(sample, { a: 2 });
    expect(scored.total).toEqual({ score: null, band: null });
    expect(scored.subscales.ab!.score).toBe(2);
    expect(scoreResponse(sample, { alarm: 0 }).total.score).toBeNull();
  });

  it('puts a score in the last band starting at or below it', () => {
    const bands = sample.total.bands;
    expect(bandFor(bands, 1)?.id).toBe('heavy');
    expect(bandFor(bands, 4.99)?.id).toBe('heavy');
    expect(bandFor(bands, 5)?.id).toBe('mixed');
    expect(bandFor(bands, 11)?.id).toBe('lighter');
    expect(bandFor(bands, null)).toBeNull();
  });

  it('raises the support flag at or beyond an alert value, and only then', () => {
    expect(scoreResponse(sample, { a: 1, alarm: 2 }).support).toBe(true);
    expect(scoreResponse(sample, { a: 1, alarm: 3 }).support).toBe(true);
    expect(scoreResponse(sample, { a: 1, alarm: 1 }).support).toBe(false);
    expect(scoreResponse(sample, { a: 3, b: 3, c: 5 }).support).toBe(false);
    const below = compile({
      ...SAMPLE,
      items: SAMPLE.items.map((item) =>
        item.id === 'alarm' ? { ...item, alert: { atOrBelow: 1 } } : item,
      ),
    });
    const alarm = below.itemsById.get('alarm')!;
    expect([0, 1, 2, 3].map((v) => raisesAlert(alarm, v))).toEqual([true, true, false, false]);
  });

  it('names each answer that is not a question of the measure or not on its scale', () => {
    expect(answerProblems(sample, { a: 0, b: 3, c: 5, alarm: 0 })).toEqual({});
    expect(answerProblems(sample, { a: 4, c: 0, nope: 1, b: 1.5 })).toEqual({
      'answers.a': ANSWER_PROBLEMS.notOnScale,
      'answers.b': ANSWER_PROBLEMS.notOnScale,
      'answers.c': ANSWER_PROBLEMS.notOnScale,
      'answers.nope': ANSWER_PROBLEMS.unknownItem,
    });
    expect(answerProblems(sample, {})).toEqual({ answers: ANSWER_PROBLEMS.none });
  });
});
