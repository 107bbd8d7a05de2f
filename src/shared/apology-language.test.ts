import { describe, expect, it } from 'vitest';
import { checkApologyLanguage, compileLanguageRules } from './apology-language';
import type { TLanguageRule } from './schemas/apology';

const rule = (id: string, phrases: string[]): TLanguageRule => ({
  id,
  phrases,
  why: 'Because these words can hurt the person who reads them.',
  instead: 'Try something else.',
});

const compiled = compileLanguageRules([
  rule('sorry-you-feel', ["i'm sorry you feel"]),
  rule('only', ['it was only']),
  rule('move-on', ['move on']),
]);
const check = (text: string) => checkApologyLanguage(compiled, { regret: text });

describe('the apology language check', () => {
  it('finds a phrase whatever its case, with its place and words as written', () => {
    expect(check("Honestly, I'M SORRY YOU FEEL hurt.")).toEqual([
      { part: 'regret', rule: 'sorry-you-feel', start: 10, end: 28, words: "I'M SORRY YOU FEEL" },
    ]);
  });

  it('treats every apostrophe style alike', () => {
    for (const apostrophe of ["'", '’', '‘', 'ʼ', '`', '´']) {
      expect(check(`I${apostrophe}m sorry you feel that way`), apostrophe).toHaveLength(1);
    }
  });

  it('allows extra spaces, tabs and line breaks between the words', () => {
    expect(check('it   was\tonly\nonce')).toMatchObject([
      { rule: 'only', words: 'it   was\tonly' },
    ]);
  });

  it('never matches inside another word', () => {
    expect(check('Commit was onlyness')).toEqual([]);
    expect(check('it was onlyness')).toEqual([]);
    expect(check('remove one')).toEqual([]);
    expect(check('we will move onward')).toEqual([]);
    expect(check('bit was only')).toEqual([]);
    expect(check('so we can move on.')).toMatchObject([{ rule: 'move-on' }]);
  });

  it('finds every occurrence in every part, in order, and nothing in plain words', () => {
    const findings = checkApologyLanguage(compiled, {
      whatIDid: 'It was only a message. It was only twice.',
      harm: 'You lost sleep for months.',
      regret: 'I am sorry that I lied.',
    });
    expect(findings.map((f) => [f.part, f.start])).toEqual([
      ['whatIDid', 0],
      ['whatIDid', 23],
    ]);
  });
});
