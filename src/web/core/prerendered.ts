import type { TLesson } from '#shared/schemas/guide.ts';

/**
 * A lesson the server sent already in the page (src/server/features/guide/pages.ts): its facts
 * from a data block, and its text as the element the browser has already laid out and painted.
 * The app moves that element into its own lesson page instead of fetching and rendering the
 * same text again (decision 0057).
 */
export interface PrerenderedLesson {
  lesson: Omit<TLesson, 'html'>;
  body: HTMLElement;
}

let lesson: PrerenderedLesson | undefined;

const isString = (value: unknown): value is string => typeof value === 'string';
const isLink = (value: unknown): value is { slug: string; title: string } | null =>
  value === null ||
  (typeof value === 'object' &&
    isString((value as { slug?: unknown }).slug) &&
    isString((value as { title?: unknown }).title));

/**
 * The facts as our own server writes them. Checked by hand, not with the shared schema, so the
 * first paint of a lesson does not wait for the schema library; anything unexpected means the
 * app asks the API instead, as for a lesson reached by a link inside the app.
 */
export function readLessonFacts(text: string): Omit<TLesson, 'html'> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const facts = value as Record<string, unknown>;
  const phase = facts.phase;
  const ok =
    isString(facts.slug) &&
    isString(facts.title) &&
    isString(facts.summary) &&
    isString(facts.reflection) &&
    (phase === null || phase === 1 || phase === 2 || phase === 3) &&
    typeof facts.minutes === 'number' &&
    Array.isArray(facts.drawsOn) &&
    facts.drawsOn.every(isString) &&
    isLink(facts.previous) &&
    isLink(facts.next);
  return ok ? (facts as Omit<TLesson, 'html'>) : undefined;
}

/**
 * Notes what the server filled in, before the app's first render replaces the root element's
 * content. The element stays where it is until then; the app's first render must follow the
 * clearing of the root in the same task, so the text is never off the screen for a frame.
 */
export function capturePrerendered(root: HTMLElement): void {
  const factsElement = root.querySelector('script#hh-lesson-facts');
  const body = root.querySelector<HTMLElement>('[data-lesson-body]');
  if (!factsElement || !body) return;
  const facts = readLessonFacts(factsElement.textContent ?? '');
  if (facts && body.dataset.lessonBody === facts.slug) lesson = { lesson: facts, body };
}

/** The lesson the page came with, if it is the one asked for. */
export function prerenderedLesson(slug: string): PrerenderedLesson | undefined {
  return lesson?.lesson.slug === slug ? lesson : undefined;
}
