import { describe, expect, it } from 'vitest';
import { createCrisisPhraseMatcher, loadCrisisPhrases, stringsIn } from './crisis-phrases';

describe('crisis phrase matching', () => {
  const matcher = createCrisisPhraseMatcher(loadCrisisPhrases());

  it('finds phrases whatever the case, punctuation, spacing or apostrophe', () => {
    expect(matcher.matches('Some days I want to die.')).toBe(true);
    expect(matcher.matches('I DON’T want to be here anymore')).toBe(true);
    expect(matcher.matches('thinking about   self-harm again')).toBe(true);
    expect(matcher.matches('He said he is going to kill me!')).toBe(true);
  });

  it('needs whole words, so ordinary sentences pass quietly', () => {
    expect(matcher.matches('We talked about the overdue bills.')).toBe(false);
    expect(matcher.matches('I was afraid of hiding things again.')).toBe(false);
    expect(matcher.matches('The kids were loud; I needed a walk.')).toBe(false);
    expect(matcher.matches('')).toBe(false);
  });

  it('reads every phrase of the file, skipping notes and blank lines', () => {
    const phrases = loadCrisisPhrases();
    expect(phrases.length).toBeGreaterThan(30);
    expect(phrases.some((p) => p.startsWith('#') || p === '')).toBe(false);
  });

  it('walks a body in order without recursion, and stops at its depth cap', () => {
    expect([...stringsIn({ a: 'one', b: ['two', { c: 'three' }], d: 4, e: null })]).toEqual([
      'one',
      'two',
      'three',
    ]);
    let deep: unknown = 'buried';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect([...stringsIn(deep)]).toEqual([]);
    let shallow: unknown = 'found';
    for (let i = 0; i < 10; i++) shallow = { x: shallow };
    expect([...stringsIn(shallow)]).toEqual(['found']);
  });
});
