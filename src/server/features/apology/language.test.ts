import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkApologyLanguage } from '#shared/apology-language.ts';
import { LanguageFileError, loadApologyLanguage } from './language';

const dir = mkdtempSync(path.join(tmpdir(), 'apology-language-'));
function load(text: string) {
  const file = path.join(dir, 'language.yaml');
  writeFileSync(file, text);
  return () => loadApologyLanguage(file);
}

const WHY = 'why: These words can leave the reader feeling blamed for their own hurt.';

describe('loading the language check content', () => {
  it('loads the shipped file', () => {
    const { rules, compiled } = loadApologyLanguage();
    expect(rules.length).toBeGreaterThan(5);
    expect(compiled).toHaveLength(rules.length);
  });

  it('stops the start on a file that is not YAML, with the file named', () => {
    expect(load('rules: [')).toThrow(LanguageFileError);
    expect(load('rules: [')).toThrow(/language\.yaml could not be read/);
  });

  it('names the place of a mistake: capitals, a phrase listed twice, a missing explanation', () => {
    expect(
      load(`version: 1
rules:
  - id: one
    phrases: [You Made Me]
    ${WHY}
    instead: Try this instead.
`),
    ).toThrow(/rules\.0\.phrases\.0: Write phrases in lower case/);
    expect(
      load(`version: 1
rules:
  - id: one
    phrases: [it was only]
    ${WHY}
    instead: Try this instead.
  - id: two
    phrases: [it was only]
    ${WHY}
    instead: Try this instead.
`),
    ).toThrow(/"it was only" is already listed under one/);
    expect(
      load(`version: 1
rules:
  - id: one
    phrases: [it was only]
    instead: Try this instead.
`),
    ).toThrow(/rules\.0\.why/);
  });
  it('the shipped list flags the phrases the issue names', () => {
    const shipped = loadApologyLanguage().compiled;
    const flagged = (text: string) =>
      checkApologyLanguage(shipped, { regret: text }).map((f) => f.rule);
    expect(flagged("If you hadn't been so distant")).toEqual(['blame-if-you']);
    expect(flagged('It was only a few texts')).toEqual(['minimise-only']);
    expect(flagged('You made me feel invisible')).toEqual(['blame-you-made-me']);
    expect(flagged('I’m sorry you feel hurt')).toEqual(['sorry-you-feel']);
    expect(flagged('Mistakes were made')).toEqual(['passive-mistakes']);
    expect(flagged('I lied to you and I am sorry that I did.')).toEqual([]);
  });
});
