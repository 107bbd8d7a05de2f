import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError } from '#shared/errors.ts';
import { UNSTORABLE_TEXT_MESSAGE } from '#shared/schemas/common.ts';
import { postgresErrorCode } from '#server/db/errors.ts';

const VALIDATION_MESSAGE = 'Some of what was sent needs another look. The fields below say what.';

/** Turns a validation issue path like `/body/email` or `['email']` into `email`. */
function fieldName(path: string): string {
  return path.replace(/^\//, '').split('/').filter(Boolean).join('.') || 'body';
}

function validationError(issues: { path: string; message: string }[]): AppError {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const name = fieldName(issue.path);
    fields[name] ??= issue.message;
  }
  return new AppError('validation_failed', VALIDATION_MESSAGE, fields);
}

/** SQLSTATEs for text the database cannot hold (PostgreSQL and PGlite alike). */
const UNSTORABLE_TEXT_CODES = new Set([
  '22021', // character_not_in_repertoire: NUL, or bytes that are not UTF-8
  '22P05', // untranslatable_character: `\u0000` inside jsonb
]);

/**
 * The second line of defence behind the schemas: a value the database refuses as data (class 22,
 * "data exception": text it cannot hold, a number out of its range) is the request's fault, so it
 * answers 400 and the transaction has rolled back, never a 500.
 */
function fromDatabase(error: unknown): AppError | undefined {
  const code = postgresErrorCode(error);
  if (code === undefined || !code.startsWith('22')) return undefined;
  const message = UNSTORABLE_TEXT_CODES.has(code)
    ? UNSTORABLE_TEXT_MESSAGE
    : 'One of the values is outside what we can store. Nothing was saved; please check it and try again.';
  return new AppError('validation_failed', message);
}

/** Maps every error a request can raise to the one error shape; bad input never becomes a 500. */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const fromDb = fromDatabase(error);
  if (fromDb) return fromDb;
  if (error instanceof ZodError) {
    return validationError(
      error.issues.map((i) => ({ path: i.path.join('/'), message: i.message })),
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    return validationError(
      error.validation.map((v) => ({
        path: where === 'body' ? v.instancePath : `${where}${v.instancePath}`,
        message: v.message ?? 'This value is not valid.',
      })),
    );
  }
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(
        'invalid_json',
        'The request body was not valid JSON. Nothing was saved; please try again.',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(
        'payload_too_large',
        'That is more than we can take in one go. Please send something shorter.',
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(
        'unsupported_media_type',
        'Please send the request as JSON (content-type: application/json).',
      );
    default:
      break;
  }
  if (fastifyError.statusCode === 429) {
    return new AppError(
      'rate_limited',
      'That was a lot of tries in a short time. Please wait a minute and try again.',
    );
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return new AppError(
      'invalid_json',
      'The request body was not valid JSON. Nothing was saved; please try again.',
    );
  }
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    // Any other client error from Fastify or a plugin: keep its status, never its internals.
    if (fastifyError.statusCode === 404)
      return new AppError('not_found', 'We could not find that.');
    return new AppError(
      'validation_failed',
      'This request could not be understood. Please check it and try again.',
    );
  }
  return undefined;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError) {
      if (appError.status === 429 && !reply.hasHeader('retry-after'))
        reply.header('retry-after', '60');
      return reply.status(appError.status).send(appError.toBody());
    }
    // Log the error's kind and stack, never the request body.
    request.log.error({ err: error }, 'unexpected error');
    const internal = new AppError(
      'internal',
      'Something went wrong on our side. Nothing you did caused it; please try again in a moment.',
    );
    return reply.status(500).send(internal.toBody());
  });
}
