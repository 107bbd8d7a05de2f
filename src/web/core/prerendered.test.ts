import { describe, expect, it } from 'vitest';
import { readLessonFacts } from './prerendered';

const facts = {
  slug: 'transparency',
  title: 'Transparency',
  summary: 'Being open without being asked.',
  phase: 1,
  minutes: 6,
  drawsOn: ['A book', 'A study'],
  reflection: 'What would help?',
  previous: { slug: 'faq', title: 'Questions people ask' },
  next: null,
};

describe("a lesson's facts in the server's page", () => {
  it('are read as the server writes them', () => {
    expect(readLessonFacts(JSON.stringify(facts))).toEqual(facts);
    expect(readLessonFacts(JSON.stringify({ ...facts, phase: null }))?.phase).toBeNull();
  });

  it('are refused when anything is off, so the app asks the API instead', () => {
    const broken = [
      'not json',
      'null',
      '[]',
      JSON.stringify({ ...facts, title: 7 }),
      JSON.stringify({ ...facts, phase: 4 }),
      JSON.stringify({ ...facts, minutes: '6' }),
      JSON.stringify({ ...facts, drawsOn: ['A book', 3] }),
      JSON.stringify({ ...facts, previous: { slug: 'faq' } }),
      JSON.stringify({ ...facts, next: undefined }),
    ];
    for (const text of broken) expect(readLessonFacts(text), text).toBeUndefined();
  });
});
