import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

export const CRISIS_PHRASES_FILE = path.resolve(
  import.meta.dirname,
  '../../../content/resources/crisis-phrases.txt',
);

/** The response header that tells the page to offer support; it carries nothing else. */
export const SUPPORT_HEADER = 'x-support-suggested';

/** Lower case, straight apostrophes, and every run of non-letters as one space. */
function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim()} `;
}

export interface CrisisPhraseMatcher {
  matches(text: string): boolean;
}

export function createCrisisPhraseMatcher(phrases: string[]): CrisisPhraseMatcher {
  // Padded with spaces on both sides, so only whole words match ("suicide" not in "suicidesque").
  const needles = phrases.map((phrase) => normalise(phrase)).filter((p) => p.trim() !== '');
  return { matches: (text) => needles.some((needle) => normalise(text).includes(needle)) };
}

export function loadCrisisPhrases(file = CRISIS_PHRASES_FILE): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Bounds for the walk; a body is at most 64 KiB and 32 levels deep, so these are never reached by a form. */
const WALK_MAX_DEPTH = 64;
const WALK_MAX_VALUES = 20_000;

/**
 * Every string in a parsed JSON body, in order, with an explicit stack (no recursion, so
 * no stack to overflow), stopping past `WALK_MAX_DEPTH` levels or `WALK_MAX_VALUES` values.
 */
export function* stringsIn(value: unknown): Generator<string> {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let visited = 0;
  while (stack.length > 0 && visited < WALK_MAX_VALUES) {
    const next = stack.pop()!;
    visited += 1;
    if (typeof next.value === 'string') {
      yield next.value;
      continue;
    }
    if (!next.value || typeof next.value !== 'object' || next.depth >= WALK_MAX_DEPTH) continue;
    const children = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ value: children[i] as unknown, depth: next.depth + 1 });
    }
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

/**
 * When anything a person writes holds a crisis phrase, the answer carries `x-support-suggested`
 * and the page offers support services. The write itself goes ahead as usual: support is offered,
 * never imposed: the check runs before validation, so even a refused write offers support.
 * Account routes are skipped, so a password is never looked at.
 */
export function registerCrisisPhraseCheck(
  app: FastifyInstance,
  matcher: CrisisPhraseMatcher = createCrisisPhraseMatcher(loadCrisisPhrases()),
): void {
  app.addHook('preValidation', async (request, reply) => {
    if (!WRITES.has(request.method) || !request.url.startsWith('/api/')) return;
    if (request.url.startsWith('/api/auth/')) return;
    for (const text of stringsIn(request.body)) {
      if (matcher.matches(text)) {
        void reply.header(SUPPORT_HEADER, '1');
        request.log.info('support resources shown');
        return;
      }
    }
  });
}
