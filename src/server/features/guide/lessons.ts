import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ZLessonFrontMatter, type TLesson, type TLessonSummary } from '#shared/schemas/guide.ts';

/** The lessons ship with the app, beside the code: `content/lessons/<slug>.md`. */
export const LESSONS_DIR = path.resolve(import.meta.dirname, '../../../../content/lessons');

/**
 * A lesson that cannot be served as written. The message names the file and the field, and is
 * meant to be read by whoever edits the content; the server does not start until it is fixed.
 */
export class ContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentError';
  }
}

export type Lesson = TLesson;

export interface LessonLibrary {
  /** Every lesson in reading order (the `order` field). */
  all: readonly Lesson[];
  summaries: readonly TLessonSummary[];
  get(slug: string): Lesson | undefined;
}

// Raw HTML in a lesson is shown as text, never passed through: lessons are Markdown only.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true });

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/;

interface Parsed {
  file: string;
  lesson: Omit<Lesson, 'previous' | 'next'>;
  links: string[];
}

function fail(file: string, problem: string): never {
  throw new ContentError(`${file}: ${problem}`);
}

function readFrontMatter(file: string, source: string): { data: unknown; body: string } {
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    fail(file, 'must begin with front matter between two "---" lines.');
  }
  try {
    return { data: parseYaml(match[1]!, { uniqueKeys: true }) as unknown, body: match[2]! };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      fail(file, `the front matter is not valid YAML${line ? ` (line ${line + 1})` : ''}.`);
    }
    throw error;
  }
}

/** Headings start at h2 (the title is the page's h1) and go down one level at a time. */
function checkStructure(file: string, tokens: ReturnType<typeof markdown.parse>): string[] {
  const links: string[] = [];
  let level = 1;
  for (const token of tokens) {
    if (token.type === 'heading_open') {
      const next = Number(token.tag.slice(1));
      if (next === 1) fail(file, 'use "##" for headings; the title is the only top-level heading.');
      if (next > level + 1) fail(file, `a heading skips from h${level} to h${next}.`);
      if (next > 3) fail(file, 'headings go no deeper than "###".');
      level = next;
    }
    for (const child of token.children ?? []) {
      if (child.type === 'link_open') links.push(String(child.attrGet('href') ?? ''));
      if (child.type === 'image') fail(file, 'lessons have no images.');
    }
  }
  return links;
}

function parseLesson(dir: string, name: string): Parsed {
  const file = path.join(path.relative(process.cwd(), dir) || '.', name);
  const { data, body } = readFrontMatter(file, readFileSync(path.join(dir, name), 'utf8'));
  const result = ZLessonFrontMatter.safeParse(data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') {
      fail(file, `front matter field "${issue.keys[0]}" is not one we know. Check its spelling.`);
    }
    const field = issue.path.join('.') || '(front matter)';
    const given =
      typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
    const missing = issue.path.length === 1 && given[String(issue.path[0])] == null;
    fail(file, `front matter field "${field}" ${missing ? 'is required' : issue.message}.`);
  }
  const meta = result.data;
  if (`${meta.slug}.md` !== name) {
    fail(
      file,
      `front matter field "slug" must match the file name ("${name.replace(/\.md$/, '')}").`,
    );
  }
  if (body.trim().length === 0) fail(file, 'has no text below the front matter.');
  const tokens = markdown.parse(body, {});
  const links = checkStructure(file, tokens);
  return {
    file,
    links,
    lesson: {
      slug: meta.slug,
      title: meta.title,
      summary: meta.summary,
      phase: meta.phase ?? null,
      minutes: meta.minutes,
      order: meta.order,
      drawsOn: meta.draws_on,
      reflection: meta.reflection,
      html: markdown.renderer.render(tokens, markdown.options, {}),
    },
  };
}

/** Internal links only, and a link to another lesson must name one that exists. */
function checkLinks(parsed: Parsed[]): void {
  const slugs = new Set(parsed.map((p) => p.lesson.slug));
  for (const { file, links } of parsed) {
    for (const href of links) {
      if (!href.startsWith('/') || href.startsWith('//')) {
        fail(file, `the link "${href}" leaves the app; lessons link only to pages of this site.`);
      }
      const lesson = /^\/guide\/([^/#?]+)/.exec(href);
      if (lesson && !slugs.has(lesson[1]!)) {
        fail(file, `the link "${href}" points to a lesson that does not exist.`);
      }
    }
  }
}

/**
 * Reads, checks and renders every lesson once, at start. Any problem throws a ContentError that
 * names the file and the field, so a bad lesson never reaches a reader.
 */
export function loadLessons(dir: string = LESSONS_DIR): LessonLibrary {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.md'));
  } catch {
    throw new ContentError(`${dir}: the lessons folder could not be read.`);
  }
  const parsed = names.sort().map((name) => parseLesson(dir, name));
  if (parsed.length === 0) throw new ContentError(`${dir}: there are no lessons (*.md) here.`);

  const byOrder = new Map<number, string>();
  for (const { file, lesson } of parsed) {
    const other = byOrder.get(lesson.order);
    if (other) fail(file, `front matter field "order" is ${lesson.order}, the same as ${other}.`);
    byOrder.set(lesson.order, file);
  }
  checkLinks(parsed);

  const sorted = parsed.map((p) => p.lesson).sort((a, b) => a.order - b.order);
  const all: Lesson[] = sorted.map((lesson, i) => {
    const before = sorted[i - 1];
    const after = sorted[i + 1];
    return {
      ...lesson,
      previous: before ? { slug: before.slug, title: before.title } : null,
      next: after ? { slug: after.slug, title: after.title } : null,
    };
  });
  const bySlug = new Map(all.map((lesson) => [lesson.slug, lesson]));
  const summaries = all.map(({ slug, title, summary, phase, minutes, order }) => ({
    slug,
    title,
    summary,
    phase,
    minutes,
    order,
  }));
  return { all, summaries, get: (slug) => bySlug.get(slug) };
}
