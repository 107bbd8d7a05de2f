import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import type { ZodError } from 'zod';
import {
  ZProgramDefinition,
  type TExerciseDefinition,
  type TProgramDefinition,
} from '#shared/schemas/program.ts';
import { ConfigError } from '#server/config/index.ts';

/** content/program/program.yaml, from the repository root. */
export const PROGRAM_FILE = path.resolve(
  import.meta.dirname,
  '../../../../content/program/program.yaml',
);

/** The program as the server uses it: the definition, plus quick lookups. */
export interface Program extends TProgramDefinition {
  exerciseByKey: ReadonlyMap<string, TExerciseDefinition>;
}

function where(pathParts: readonly PropertyKey[]): string {
  return pathParts
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function describe(error: ZodError, file: string): string[] {
  return error.issues.map((issue) => {
    const at = issue.path.length > 0 ? where(issue.path) : 'the whole file';
    return `Program content: ${file}: ${at}: ${issue.message}`;
  });
}

/**
 * Reads and checks the program definition. A missing file, bad YAML or a wrong entry throws a
 * `ConfigError` whose lines name the file, the place in it and what is wrong, so the server stops
 * at start with a message a person can act on.
 */
export function parseProgram(text: string, file: string): Program {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    const detail =
      error instanceof YAMLParseError
        ? `line ${error.linePos?.[0]?.line ?? '?'}: ${error.message.split('\n')[0]}`
        : 'it could not be read as YAML';
    throw new ConfigError([`Program content: ${file}: ${detail}`]);
  }
  const parsed = ZProgramDefinition.safeParse(data);
  if (!parsed.success) throw new ConfigError(describe(parsed.error, file));
  return {
    ...parsed.data,
    exerciseByKey: new Map(parsed.data.exercises.map((exercise) => [exercise.key, exercise])),
  };
}

export function loadProgram(file: string = PROGRAM_FILE): Program {
  const relative = path.relative(process.cwd(), file);
  const shown = relative && !relative.startsWith('..') ? relative : file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError([`Program content: ${shown}: the file could not be read.`]);
  }
  return parseProgram(text, shown);
}
