import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ConfigError } from '#server/config/index.ts';
import { loadMeasures } from './load';

/** A made-up definition that passes every check; each test breaks one thing in a copy of it. */
function good() {
  return {
    id: 'made-up',
    version: 1,
    title: 'A made-up check-in',
    intro: 'For tests only.',
    cadence: 'weekly',
    scale: [
      { value: 0, label: 'No' },
      { value: 1, label: 'Somewhat' },
      { value: 2, label: 'Yes' },
    ],
    items: [
      { id: 'one', text: 'One' },
      { id: 'two', text: 'Two', reverse: true, alert: { atOrBelow: 0 } },
    ],
    subscales: [
      {
        id: 'first',
        title: 'First',
        items: ['one'],
        scoring: 'sum',
        higherMeans: 'better',
        bands: [{ id: 'all', from: 0, label: 'Any week' }],
      },
    ],
    total: {
      scoring: 'mean',
      allowMissing: 1,
      higherMeans: 'harder',
      bands: [
        { id: 'lower', from: 0, label: 'A quieter week' },
        { id: 'higher', from: 1, label: 'A fuller week' },
      ],
    },
  } as Record<string, unknown> & {
    items: Record<string, unknown>[];
    total: Record<string, unknown>;
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hh-measures-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** The lines a broken folder stops the start with. */
function problemsOf(files: Record<string, string>): string[] {
  try {
    loadMeasures(folderWith(files));
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the folder to be refused');
}

function broken(change: (file: ReturnType<typeof good>) => void): string[] {
  const file = good();
  change(file);
  return problemsOf({ 'made-up.yaml': stringify(file) });
}

describe('measure definitions', () => {
  it('loads the check-ins we ship, each in our own words with calm bands', () => {
    const registry = loadMeasures();
    expect(registry.all.map((d) => d.id)).toEqual(['trust-and-safety', 'wellbeing']);
    for (const definition of registry.all) {
      expect(definition.cadence).toBe('weekly');
      expect(definition.items.length).toBeGreaterThanOrEqual(6);
      expect(definition.items.length).toBeLessThanOrEqual(10);
      expect(definition.items.some((item) => item.alert)).toBe(true);
      expect(definition.items.some((item) => item.reverse)).toBe(true);
      expect(definition.subscales.length).toBeGreaterThan(0);
    }
  });

  it('accepts the made-up example in docs/measures.md, so the docs stay true', () => {
    const docs = readFileSync(
      path.resolve(import.meta.dirname, '../../../../docs/measures.md'),
      'utf8',
    );
    const example = /```yaml\n# content\/measures\/garden-week\.yaml\n([\s\S]*?)```/.exec(docs);
    expect(example).not.toBeNull();
    const definition = loadMeasures(folderWith({ 'garden-week.yaml': example![1]! })).get(
      'garden-week',
    )!;
    expect([definition.total.min, definition.total.max]).toEqual([2, 8]);
    expect([definition.subscales[0]!.min, definition.subscales[0]!.max]).toEqual([1, 3]);
  });

  it('loads a good made-up definition', () => {
    const registry = loadMeasures(folderWith({ 'made-up.yaml': stringify(good()) }));
    const definition = registry.get('made-up')!;
    expect(definition.total.items.map((item) => item.id)).toEqual(['one', 'two']);
    expect([definition.total.min, definition.total.max]).toEqual([0, 2]);
  });

  it('stops on a file that is not YAML, naming the file', () => {
    expect(problemsOf({ 'made-up.yaml': 'id: [unclosed' })).toEqual([
      expect.stringMatching(/^Measure .*made-up\.yaml: /),
    ]);
  });

  it('names the file, the place and the problem for each broken rule', () => {
    const cases: [string, (file: ReturnType<typeof good>) => void, RegExp][] = [
      ['a missing title', (f) => delete f.title, /made-up\.yaml: title: is missing/],
      ['an unknown cadence', (f) => (f.cadence = 'hourly'), /cadence: must be weekly/],
      [
        'an unknown item in a subscale',
        (f) => ((f.subscales as { items: string[] }[])[0]!.items = ['three']),
        /subscales\.0\.items\.0: "three" is not an item/,
      ],
      [
        'bands that leave the lowest scores without words',
        (f) => ((f.total.bands as { from: number }[])[0]!.from = 0.5),
        /total\.bands\.0\.from: the first band must start at the lowest possible score, 0/,
      ],
      [
        'bands out of order',
        (f) => ((f.total.bands as { from: number }[])[1]!.from = 0),
        /total\.bands\.1\.from: each band must start above the one before it/,
      ],
      [
        'a band that can never be reached',
        (f) => ((f.total.bands as { from: number }[])[1]!.from = 3),
        /total\.bands\.1\.from: starts above the highest possible score, 2/,
      ],
      [
        'harsh band words',
        (f) => ((f.total.bands as { label: string }[])[1]!.label = 'Severe'),
        /total\.bands\.1\.label: is shown to the person as it is/,
      ],
      [
        'an alert value that is not on the scale',
        (f) => (f.items[1]!.alert = { atOrAbove: 7 }),
        /items\.1\.alert: 7 is not one of this item's values \(0, 1, 2\)/,
      ],
      [
        'an alert without a direction',
        (f) => (f.items[1]!.alert = { over: 1 }),
        /items\.1\.alert: must be \{ atOrAbove/,
      ],
      [
        'more skips allowed than there are items',
        (f) => (f.total.allowMissing = 2),
        /total\.allowMissing: must be less than the number of items \(2\)/,
      ],
      [
        'an item with no options',
        (f) => delete f.scale,
        /items\.0\.scale: this item has no options/,
      ],
      ['the same item id twice', (f) => (f.items[1]!.id = 'one'), /items\.1\.id: repeats "one"/],
      [
        'scale values that do not go up',
        (f) => ((f.scale as { value: number }[])[2]!.value = 1),
        /scale\.2\.value: values must go up/,
      ],
      [
        'a value that is not a whole number',
        (f) => ((f.scale as { value: number }[])[1]!.value = 0.5),
        /scale\.1\.value: must be a whole number/,
      ],
      ['an unknown field', (f) => (f.colour = 'blue'), /made-up\.yaml: .*colour/],
      ['an id that is not a slug', (f) => (f.id = 'Made Up'), /made-up\.yaml: id: use lower-case/],
    ];
    for (const [what, change, expected] of cases) {
      const problems = broken(change);
      expect(problems, what).toContainEqual(expect.stringMatching(expected));
      for (const line of problems) expect(line, what).toMatch(/^Measure .*made-up\.yaml: /);
    }
  });

  it('asks for the file to be named after its id', () => {
    expect(problemsOf({ 'other.yaml': stringify(good()) })).toEqual([
      expect.stringMatching(
        /other\.yaml: id: is "made-up", so the file must be named made-up\.yaml/,
      ),
    ]);
  });

  it('reports only the broken file when others are fine', () => {
    const bad = good();
    bad.id = 'bad-one';
    bad.version = 0;
    const problems = problemsOf({
      'made-up.yaml': stringify(good()),
      'bad-one.yaml': stringify(bad),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/bad-one\.yaml: version: /);
  });
});
