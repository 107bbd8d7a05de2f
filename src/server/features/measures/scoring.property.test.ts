import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDefinition, roundScore, ZMeasureFile, type MeasureDefinition } from './definition';
import { loadMeasures } from './load';
import { bandFor, reverseValue, scoredValue, scoreOf, scoreResponse } from './scoring';

/**
 * Properties of the scoring engine over random definitions: random scales (negative values,
 * gaps), items with their own scales, reverse keys, sums and means, skip allowances and bands.
 * Each definition goes through the same checks as a file in content/measures.
 */
const scaleArb = fc
  .uniqueArray(fc.integer({ min: -5, max: 12 }), { minLength: 2, maxLength: 7 })
  .map((values) =>
    [...values].sort((a, b) => a - b).map((value) => ({ value, label: `v${value}` })),
  );

const fileArb = fc
  .record({
    scales: fc.array(scaleArb, { minLength: 1, maxLength: 3 }),
    items: fc.array(fc.record({ reverse: fc.boolean(), scale: fc.nat() }), {
      minLength: 1,
      maxLength: 8,
    }),
    scoring: fc.constantFrom('sum' as const, 'mean' as const),
    allowMissing: fc.nat(),
    cuts: fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
  })
  .map(({ scales, items, scoring, allowMissing, cuts }) => {
    const resolved = items.map((item, i) => ({
      id: `item-${i}`,
      text: `Item ${i}`,
      reverse: item.reverse,
      scale: scales[item.scale % scales.length]!,
    }));
    const sumMin = resolved.reduce((sum, item) => sum + item.scale[0]!.value, 0);
    const sumMax = resolved.reduce((sum, item) => sum + item.scale.at(-1)!.value, 0);
    const divisor = scoring === 'mean' ? resolved.length : 1;
    const min = roundScore(sumMin / divisor);
    const max = roundScore(sumMax / divisor);
    const froms = [...new Set([min, ...cuts.map((cut) => roundScore(min + cut * (max - min)))])]
      .filter((from) => from >= min && from <= max)
      .sort((a, b) => a - b);
    return {
      id: 'random',
      version: 1,
      title: 'Random',
      intro: 'Generated.',
      cadence: 'weekly',
      items: resolved,
      total: {
        scoring,
        allowMissing: allowMissing % resolved.length,
        higherMeans: 'better',
        bands: froms.map((from, i) => ({ id: `band-${i}`, from, label: `Words ${i}` })),
      },
    };
  });

function compile(file: unknown): MeasureDefinition {
  const compiled = compileDefinition(ZMeasureFile.parse(file));
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  return compiled.definition;
}

/** A definition with answers to some of its items (each on the item's own scale). */
const withAnswersArb = fileArb.chain((file) => {
  const definition = compile(file);
  return fc
    .tuple(
      ...definition.items.map((item) =>
        fc.option(fc.constantFrom(...item.options.map((o) => o.value)), {
          nil: undefined,
          freq: 2,
        }),
      ),
    )
    .map((values) => {
      const answers: Record<string, number> = {};
      values.forEach((value, i) => {
        if (value !== undefined) answers[definition.items[i]!.id] = value;
      });
      return { file, definition, answers: answers };
    });
});

describe('scoring properties', () => {
  it('reversing a reverse-keyed answer twice gives it back, and stays within the scale', () => {
    fc.assert(
      fc.property(fileArb, (file) => {
        for (const item of compile(file).items) {
          for (const { value } of item.options) {
            const once = reverseValue(item, value);
            expect(reverseValue(item, once)).toBe(value);
            expect(once).toBeGreaterThanOrEqual(item.min);
            expect(once).toBeLessThanOrEqual(item.max);
          }
        }
      }),
    );
  });

  it('a score always lies within its possible range, or is absent when too much was skipped', () => {
    fc.assert(
      fc.property(withAnswersArb, ({ definition, answers }) => {
        const total = definition.total;
        const answered = total.items.filter((item) => answers[item.id] !== undefined).length;
        const score = scoreOf(total, answers);
        if (answered === 0 || total.items.length - answered > total.allowMissing) {
          expect(score).toBeNull();
        } else {
          expect(score).not.toBeNull();
          expect(score!).toBeGreaterThanOrEqual(total.min);
          expect(score!).toBeLessThanOrEqual(total.max);
        }
      }),
    );
  });

  it('with every item answered, a sum is the plain sum of the scored values', () => {
    fc.assert(
      fc.property(withAnswersArb, ({ definition, answers }) => {
        const total = definition.total;
        if (total.scoring !== 'sum') return;
        if (total.items.some((item) => answers[item.id] === undefined)) return;
        const plain = total.items.reduce(
          (sum, item) => sum + scoredValue(item, answers[item.id]!),
          0,
        );
        expect(scoreOf(total, answers)).toBe(plain);
      }),
    );
  });

  it('bands cover the whole range without gaps or overlaps', () => {
    fc.assert(
      fc.property(fileArb, fc.double({ min: 0, max: 1, noNaN: true }), (file, at) => {
        const { bands, min, max } = compile(file).total;
        const score = roundScore(min + at * (max - min));
        const band = bandFor(bands, score);
        expect(band).not.toBeNull();
        // Exactly one band holds it: the one it starts in, before the next one starts.
        const holding = bands.filter(
          (candidate, i) =>
            candidate.from <= score && (bands[i + 1] === undefined || score < bands[i + 1]!.from),
        );
        expect(holding).toEqual([band]);
        expect(bandFor(bands, min)).toBe(bands[0]);
      }),
    );
  });

  it('refuses bands that would leave the lowest scores without words', () => {
    fc.assert(
      fc.property(fileArb, (file) => {
        const { min, max } = compile(file).total;
        if (min === max) return;
        const gap = structuredClone(file);
        gap.total.bands[0]!.from = roundScore(min + (max - min) / 2);
        gap.total.bands = gap.total.bands.slice(0, 1);
        const compiled = compileDefinition(ZMeasureFile.parse(gap));
        expect(compiled.ok).toBe(false);
      }),
    );
  });

  it('the check-ins we ship score every possible set of answers within range and into a band', () => {
    const registry = loadMeasures();
    for (const definition of registry.all) {
      const answersArb = fc
        .tuple(
          ...definition.items.map((item) =>
            fc.option(fc.constantFrom(...item.options.map((o) => o.value)), { nil: undefined }),
          ),
        )
        .map((values) =>
          Object.fromEntries(
            values.flatMap((value, i) =>
              value === undefined ? [] : [[definition.items[i]!.id, value] as const],
            ),
          ),
        );
      fc.assert(
        fc.property(answersArb, (answers) => {
          const scored = scoreResponse(definition, answers);
          for (const [scorer, part] of [
            [definition.total, scored.total] as const,
            ...definition.subscales.map((s) => [s, scored.subscales[s.id]!] as const),
          ]) {
            if (part.score === null) continue;
            expect(part.score).toBeGreaterThanOrEqual(scorer.min);
            expect(part.score).toBeLessThanOrEqual(scorer.max);
            if (scorer.bands.length > 0) expect(part.band).not.toBeNull();
          }
        }),
      );
    }
  });
});
