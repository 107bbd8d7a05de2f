import type { FastifyInstance } from 'fastify';
import { AppError } from '#shared/errors.ts';

/** No form of ours nests deeper than a handful of levels; 32 leaves room and stops stack games. */
export const MAX_JSON_DEPTH = 32;

/**
 * How deeply `text` (JSON) nests objects and arrays, counted in one pass without recursion, so a
 * body of 5,000 `[` is refused before anything tries to walk it. Brackets inside strings do not
 * count. Stops counting as soon as `limit` is passed.
 */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

/**
 * Replaces Fastify's JSON body parser for every route (unknown ones too) with the same parser
 * behind a nesting-depth check.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepthExceeds(text)) {
      done(
        new AppError(
          'invalid_json',
          'The request nests too deeply for any form of ours. Nothing was saved; please reload the page and try again.',
        ),
        undefined,
      );
      return;
    }
    void parse(request, text, done);
  });
}
