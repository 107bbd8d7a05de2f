import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSide, wordDiff, wordTokens, type WordDiffPart } from './word-diff';

/** Text made of a few words, so that two texts share words often. */
const WORDS = ['we', 'stay', 'calm', 'I', 'you', 'walk', 'tea', 'don’t', 'sofa', 'red'];
const wordyText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...WORDS),
      fc.constantFrom(' ', '  ', '\n', ', ', '. ', '!', '\t'),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 60 },
  )
  .map((pieces) => pieces.join(''));
/** Any string at all, including lone surrogates and control characters. */
const anyText = fc.string({ unit: 'binary', maxLength: 80 });

function expectWellFormed(parts: WordDiffPart[]): void {
  for (const [i, part] of parts.entries()) {
    expect(part.text).not.toBe('');
    if (i > 0) expect(part.op).not.toBe(parts[i - 1]!.op);
  }
}

describe('word diff', () => {
  it('cuts a text into words, spaces and single marks, losing nothing', () => {
    expect(wordTokens('I don’t know, 20 minutes.')).toEqual([
      'I',
      ' ',
      'don’t',
      ' ',
      'know',
      ',',
      ' ',
      '20',
      ' ',
      'minutes',
      '.',
    ]);
    expect(wordTokens('')).toEqual([]);
  });

  it('shows a changed word as taken out and put in, the rest the same', () => {
    expect(wordDiff('We walk to the sea.', 'We drive to the sea.')).toEqual([
      { op: 'same', text: 'We ' },
      { op: 'removed', text: 'walk' },
      { op: 'added', text: 'drive' },
      { op: 'same', text: ' to the sea.' },
    ]);
    expect(wordDiff('Tea after.', 'Tea and a walk after.')).toEqual([
      { op: 'same', text: 'Tea ' },
      { op: 'added', text: 'and a walk ' },
      { op: 'same', text: 'after.' },
    ]);
    expect(wordDiff('', 'New')).toEqual([{ op: 'added', text: 'New' }]);
    expect(wordDiff('Old', '')).toEqual([{ op: 'removed', text: 'Old' }]);
    expect(wordDiff('Same', 'Same')).toEqual([{ op: 'same', text: 'Same' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('keeps the words both texts share, in order (a longest common run of tokens)', () => {
    const parts = wordDiff('a b c d e', 'b x d e a');
    expect(diffSide(parts, 'removed')).toBe('a b c d e');
    expect(diffSide(parts, 'added')).toBe('b x d e a');
    // "b", "d e" and the spaces around them stay; nothing shorter would be minimal.
    const kept = parts.filter((p) => p.op === 'same').map((p) => p.text);
    expect(kept.join('')).toContain('d e');
  });

  it('falls back to "all of the middle replaced" when the texts are too unlike, still exact', () => {
    const parts = wordDiff('start one two three end', 'start four five six end', 2);
    expect(parts).toEqual([
      { op: 'same', text: 'start ' },
      { op: 'removed', text: 'one two three' },
      { op: 'added', text: 'four five six' },
      { op: 'same', text: ' end' },
    ]);
  });

  it('gives both texts back from any diff (property)', () => {
    for (const text of [wordyText, anyText]) {
      fc.assert(
        fc.property(text, text, fc.integer({ min: 0, max: 40 }), (before, after, maxEdits) => {
          for (const parts of [wordDiff(before, after), wordDiff(before, after, maxEdits)]) {
            expect(diffSide(parts, 'removed')).toBe(before);
            expect(diffSide(parts, 'added')).toBe(after);
            expectWellFormed(parts);
          }
        }),
        { numRuns: 300 },
      );
    }
  });

  it('marks nothing as changed between a text and itself (property)', () => {
    fc.assert(
      fc.property(wordyText, (text) => {
        expect(wordDiff(text, text).every((part) => part.op === 'same')).toBe(true);
      }),
    );
  });

  it('compares two 5,000-word texts with scattered edits quickly', () => {
    const words = Array.from({ length: 5000 }, (_, i) => WORDS[(i * 7) % WORDS.length]!);
    const before = words.join(' ');
    const changed = words.map((w, i) => (i % 100 === 50 ? 'changed' : w));
    const after = changed.join(' ');
    const started = performance.now();
    const parts = wordDiff(before, after);
    const elapsed = performance.now() - started;
    expect(diffSide(parts, 'removed')).toBe(before);
    expect(diffSide(parts, 'added')).toBe(after);
    expect(parts.filter((p) => p.op === 'added')).toHaveLength(50);
    // Generous for a shared test machine; measured figures are in decision 0035.
    expect(elapsed).toBeLessThan(2000);
  });
});
