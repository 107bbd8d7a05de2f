import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, loadLessons } from './lessons';

/** The slugs other parts of the app link to (the program map); each must exist. */
const REQUIRED_SLUGS = [
  'understanding-the-impact',
  'acknowledging-feelings',
  'taking-responsibility',
  'transparency',
  'boundaries-and-expectations',
  'patience-and-forgiveness',
  'professional-help',
  'rebuilding-intimacy',
  'learning-from-it',
  'moving-forward',
  'faq',
];

function words(html: string): number {
  return html
    .replace(/<[^>]+>/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
}

describe('the lessons in content/lessons', () => {
  const library = loadLessons();

  it('all parse, and every slug the app links to exists', () => {
    expect(library.all.map((lesson) => lesson.slug).sort()).toEqual([...REQUIRED_SLUGS].sort());
  });

  it('are real lessons: a few hundred words, a question to end on, sources named', () => {
    for (const lesson of library.all) {
      const count = words(lesson.html);
      expect(count, lesson.slug).toBeGreaterThanOrEqual(500);
      expect(count, lesson.slug).toBeLessThanOrEqual(900);
      expect(lesson.reflection, lesson.slug).toMatch(/\?$/);
      expect(lesson.drawsOn.length, lesson.slug).toBeGreaterThan(0);
      // Each lesson says honestly what the app cannot do, and has something to try.
      expect(lesson.html, lesson.slug).toContain('What this app can and cannot do');
    }
    for (const lesson of library.all.filter((l) => l.phase !== null)) {
      expect(lesson.html, lesson.slug).toContain('What to try this week');
    }
  });

  it('keep the three phases and put the FAQ first, outside them', () => {
    expect(library.all[0]!.slug).toBe('faq');
    expect(library.all[0]!.phase).toBeNull();
    const phases = library.all.slice(1).map((lesson) => lesson.phase);
    expect(phases).toEqual([...phases].sort());
    expect(new Set(phases)).toEqual(new Set([1, 2, 3]));
  });

  it('asks the FAQ’s three questions as headings', () => {
    const faq = library.get('faq')!;
    expect(faq.html).toContain('<h2>How do we begin?</h2>');
    expect(faq.html).toContain('<h2>How long does it take?</h2>');
    expect(faq.html).toContain('<h2>Can a relationship be stronger after?</h2>');
  });

  it('says, where it talks about therapy, that couples work is not for abuse or coercive control', () => {
    const html = library.get('professional-help')!.html;
    expect(html).toContain('couples therapy is not advised');
    expect(html).toContain('coercive control');
  });

  it('links each lesson to the one before and after it', () => {
    library.all.forEach((lesson, i) => {
      expect(lesson.previous?.slug ?? null).toBe(library.all[i - 1]?.slug ?? null);
      expect(lesson.next?.slug ?? null).toBe(library.all[i + 1]?.slug ?? null);
    });
  });
});

describe('a lesson that cannot be served stops the start, naming the file and the field', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const GOOD: Record<string, unknown> = {
    title: 'A lesson',
    slug: 'a-lesson',
    order: 1,
    phase: 1,
    summary: 'One sentence that says what this lesson is about.',
    minutes: 3,
    draws_on: ['Somebody, somewhere (2001)'],
    reflection: 'What did you notice?',
  };

  function yaml(fields: Record<string, unknown>): string {
    return Object.entries(fields)
      .map(([key, value]) =>
        Array.isArray(value) && value.length > 0
          ? `${key}:\n${value.map((v) => `  - ${JSON.stringify(v)}`).join('\n')}`
          : `${key}: ${JSON.stringify(value)}`,
      )
      .join('\n');
  }

  function lessonFiles(files: Record<string, string>): string {
    dir = mkdtempSync(path.join(tmpdir(), 'hh-lessons-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  }

  function lesson(
    fields: Record<string, unknown>,
    body = 'Some words.\n\n## A part\n\nMore.',
  ): string {
    return `---\n${yaml(fields)}\n---\n${body}\n`;
  }

  function problem(files: Record<string, string>): string {
    try {
      loadLessons(lessonFiles(files));
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      return (error as Error).message;
    }
    throw new Error('expected the lessons to be refused');
  }

  it('loads a good one', () => {
    const library = loadLessons(lessonFiles({ 'a-lesson.md': lesson(GOOD) }));
    expect(library.get('a-lesson')?.html).toContain('<h2>A part</h2>');
  });

  it.each([
    ['a missing field', { ...GOOD, minutes: undefined }, /a-lesson\.md: .*"minutes" is required/],
    [
      'a wrong type',
      { ...GOOD, minutes: 'five' },
      /a-lesson\.md: .*"minutes" must be a whole number/,
    ],
    ['a phase out of range', { ...GOOD, phase: 4 }, /"phase" must be 1 \(impact\)/],
    ['a misspelt field', { ...GOOD, draw_on: ['x'] }, /"draw_on" is not one we know/],
    ['an empty list of sources', { ...GOOD, draws_on: [] }, /"draws_on" must name at least one/],
    [
      'a summary that is not a sentence',
      { ...GOOD, summary: 'Just some words here and there' },
      /"summary" must end like a sentence/,
    ],
    [
      'a slug unlike the file name',
      { ...GOOD, slug: 'another-lesson' },
      /"slug" must match the file name/,
    ],
  ])('%s', (_label, fields, message) => {
    const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    expect(problem({ 'a-lesson.md': lesson(clean) })).toMatch(message);
  });

  it('front matter that is not YAML, or missing', () => {
    expect(problem({ 'a-lesson.md': '---\ntitle: [unclosed\n---\nText.\n' })).toMatch(
      /a-lesson\.md: the front matter is not valid YAML/,
    );
    expect(problem({ 'a-lesson.md': '# Just text\n' })).toMatch(/must begin with front matter/);
  });

  it('a top-level heading, a skipped level, an image, or no text', () => {
    expect(problem({ 'a-lesson.md': lesson(GOOD, '# Big\n\nText.') })).toMatch(/use "##"/);
    expect(problem({ 'a-lesson.md': lesson(GOOD, '### Too deep\n\nText.') })).toMatch(
      /skips from h1 to h3/,
    );
    expect(problem({ 'a-lesson.md': lesson(GOOD, 'See ![a](/x.png).') })).toMatch(/no images/);
    expect(problem({ 'a-lesson.md': lesson(GOOD, '   ') })).toMatch(/has no text/);
  });

  it('a link that leaves the app, or points to a missing lesson', () => {
    expect(problem({ 'a-lesson.md': lesson(GOOD, 'See [this](https://example.com).') })).toMatch(
      /the link "https:\/\/example.com" leaves the app/,
    );
    expect(problem({ 'a-lesson.md': lesson(GOOD, 'See [that](/guide/nowhere).') })).toMatch(
      /"\/guide\/nowhere" points to a lesson that does not exist/,
    );
  });

  it('two lessons with the same order', () => {
    const other = { ...GOOD, slug: 'b-lesson' };
    expect(problem({ 'a-lesson.md': lesson(GOOD), 'b-lesson.md': lesson(other) })).toMatch(
      /b-lesson\.md: front matter field "order" is 1, the same as .*a-lesson\.md/,
    );
  });

  it('shows raw HTML in a lesson as text, never as markup', () => {
    const library = loadLessons(
      lessonFiles({ 'a-lesson.md': lesson(GOOD, 'Hello <script>alert(1)</script> <b>bold</b>.') }),
    );
    const html = library.get('a-lesson')!.html;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });
});
