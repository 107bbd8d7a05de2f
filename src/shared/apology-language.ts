import type { TApologyPart, TLanguageFinding, TLanguageRule } from './schemas/apology';

/**
 * The apology's gentle language check (decision 0063). The same code runs in the page, as the
 * person writes, and on the server, which returns its findings with every save and send. A
 * finding is a suggestion: nothing here can stop a draft from being saved or sent.
 *
 * Matching is case-insensitive, treats the apostrophe styles people type (' ’ ‘ ʼ ` ´) alike,
 * lets any run of white space stand between words, and never matches inside another word
 * ("it was only" does not match "it was onlyness"; "move on" does not match "remove one").
 */

const APOSTROPHES = "'’‘ʼ`´";
const APOSTROPHE_CLASS = `[${APOSTROPHES}]`;
/** A letter or digit: a phrase must not start or end next to one. */
const WORD_CHAR = '[\\p{L}\\p{N}]';

function escape(piece: string): string {
  return piece.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** One phrase as a pattern: words joined by any white space, apostrophes of any style. */
export function phrasePattern(phrase: string): string {
  const words = phrase.trim().toLowerCase().split(/\s+/);
  const body = words
    .map((word) =>
      [...word].map((ch) => (APOSTROPHES.includes(ch) ? APOSTROPHE_CLASS : escape(ch))).join(''),
    )
    .join('\\s+');
  return `(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`;
}

export interface CompiledRule {
  rule: TLanguageRule;
  pattern: RegExp;
}

/** Builds the matchers once (the page keeps them while the person writes). */
export function compileLanguageRules(rules: readonly TLanguageRule[]): CompiledRule[] {
  return rules.map((rule) => ({
    rule,
    pattern: new RegExp(rule.phrases.map(phrasePattern).join('|'), 'giu'),
  }));
}

/**
 * Every flagged passage in the given parts, in part order and then by position. Overlapping
 * matches of one rule count once; two rules may flag the same words.
 */
export function checkApologyLanguage(
  compiled: readonly CompiledRule[],
  parts: Partial<Record<TApologyPart, string>>,
): TLanguageFinding[] {
  const findings: TLanguageFinding[] = [];
  for (const [part, value] of Object.entries(parts) as [TApologyPart, string | undefined][]) {
    if (!value) continue;
    const inPart: TLanguageFinding[] = [];
    for (const { rule, pattern } of compiled) {
      pattern.lastIndex = 0;
      for (const match of value.matchAll(pattern)) {
        inPart.push({
          part,
          rule: rule.id,
          start: match.index,
          end: match.index + match[0].length,
          words: match[0],
        });
      }
    }
    inPart.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
    findings.push(...inPart);
  }
  return findings;
}
