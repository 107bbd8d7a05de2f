import type { FastifyReply, FastifyRequest } from 'fastify';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from './config';

/**
 * Logs carry ids, methods, route patterns and status codes — never bodies, query strings, names,
 * emails, tokens or cookies. The serializers build each record from an allow-list instead of
 * trusting redaction to catch everything.
 */
export function loggerOptions(config: Pick<Config, 'logLevel'>): LoggerOptions {
  return {
    level: config.logLevel,
    base: undefined,
    serializers: {
      req(request: FastifyRequest) {
        return {
          method: request.method,
          // The route pattern (`/api/invites/:id`), not the concrete URL, which could carry a query.
          route: request.routeOptions?.url ?? 'unmatched',
        };
      },
      res(reply: FastifyReply) {
        return { statusCode: reply.statusCode };
      },
      err(error: Error & { code?: string; statusCode?: number; cause?: { code?: unknown } }) {
        // Messages can quote content (a failed query lists its parameters), so keep only the frames.
        const frames = (error.stack ?? '').split('\n').filter((line) => line.startsWith('    at '));
        return {
          type: error.name,
          code: error.code ?? error.cause?.code,
          statusCode: error.statusCode,
          stack: frames.join('\n'),
        };
      },
    },
    redact: {
      paths: [
        'req.headers',
        'headers',
        'body',
        'password',
        'email',
        'token',
        '*.password',
        '*.email',
        '*.token',
        '*.cookie',
      ],
      remove: true,
    },
  };
}

export type { Logger };

export function createLogger(
  config: Pick<Config, 'logLevel'>,
  destination?: DestinationStream,
): Logger {
  return destination ? pino(loggerOptions(config), destination) : pino(loggerOptions(config));
}
