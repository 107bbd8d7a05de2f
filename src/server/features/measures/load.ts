import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ConfigError } from '#server/config/index.ts';
import { compileDefinition, ZMeasureFile, type MeasureDefinition } from './definition';

/** Where the measures we ship live: `content/measures/` at the root of the repository. */
export const DEFAULT_MEASURES_DIR = path.resolve(
  import.meta.dirname,
  '../../../../content/measures',
);

/** The measures the server knows, by id. Loaded once, at start. */
export class MeasureRegistry {
  private readonly byId: ReadonlyMap<string, MeasureDefinition>;

  constructor(readonly all: readonly MeasureDefinition[]) {
    this.byId = new Map(all.map((definition) => [definition.id, definition]));
  }

  get(id: string): MeasureDefinition | undefined {
    return this.byId.get(id);
  }
}

function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

/**
 * Reads every `*.yaml` in `dir`, checks it against the format, and compiles it. Any problem in
 * any file stops the start: a `ConfigError` with one line per problem, each naming the file and
 * the place in it ("content/measures/x.yaml: items.2.scale: needs at least two options").
 */
export function loadMeasures(dir: string = DEFAULT_MEASURES_DIR): MeasureRegistry {
  if (!existsSync(dir)) return new MeasureRegistry([]);
  const problems: string[] = [];
  const definitions: MeasureDefinition[] = [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();

  for (const name of files) {
    const file = path.join(dir, name);
    const say = (where: string, message: string) =>
      problems.push(`Measure ${shown(file)}: ${where ? `${where}: ` : ''}${message}`);

    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(file, 'utf8'));
    } catch (error) {
      say(
        '',
        error instanceof YAMLParseError
          ? error.message.split('\n')[0]!.replace(/:$/, '')
          : 'cannot be read',
      );
      continue;
    }
    const parsed = ZMeasureFile.safeParse(raw, {
      error: (issue) => (issue.input === undefined ? 'is missing' : undefined),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) say(issue.path.join('.'), issue.message);
      continue;
    }
    const expectedName = `${parsed.data.id}.yaml`;
    if (name !== expectedName) {
      say('id', `is "${parsed.data.id}", so the file must be named ${expectedName}`);
      continue;
    }
    const compiled = compileDefinition(parsed.data);
    if (!compiled.ok) {
      for (const problem of compiled.problems) say(problem.path, problem.message);
      continue;
    }
    definitions.push(compiled.definition);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return new MeasureRegistry(definitions);
}
