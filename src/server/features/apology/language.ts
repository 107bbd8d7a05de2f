import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { compileLanguageRules, type CompiledRule } from '#shared/apology-language.ts';
import { ZLanguageContent, type TLanguageRule } from '#shared/schemas/apology.ts';

export const LANGUAGE_FILE = path.resolve(
  import.meta.dirname,
  '../../../../content/apology/language.yaml',
);

export class LanguageFileError extends Error {
  override name = 'LanguageFileError';
}

export interface ApologyLanguage {
  rules: TLanguageRule[];
  compiled: CompiledRule[];
}

/**
 * Reads and checks the language check's phrases at start. A mistake stops the start with the
 * place to fix: a silently empty list would let every hurtful phrase through unremarked.
 */
export function loadApologyLanguage(file: string = LANGUAGE_FILE): ApologyLanguage {
  const name = path.basename(file);
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LanguageFileError(
      `${name} could not be read as YAML (${(error as Error).name}). Fix the file and start again.`,
    );
  }
  const parsed = ZLanguageContent.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new LanguageFileError(`${name}: ${lines.join('; ')}`);
  }
  const { rules } = parsed.data;
  return { rules, compiled: compileLanguageRules(rules) };
}
