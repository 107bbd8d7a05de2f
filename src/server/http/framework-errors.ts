import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '#shared/errors.ts';
import type { Config } from '#server/config/index.ts';
import { securityHeaders } from './security-headers';

/**
 * Errors Fastify and Node answer before any hook runs: a path parameter past `maxParamLength`
 * (414), a URL that does not decode (400), and on the socket, headers past Node's limit (431),
 * a malformed request (400) or a slow one (408). They get the same headers and error shape as
 * every other answer, and never repeat the URL that was sent.
 */
export function frameworkErrorHandler(config: Pick<Config, 'secureCookies'>) {
  const headers = securityHeaders(config);
  return (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
    const appError =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? new AppError(
            'uri_too_long',
            'That address is longer than any page or item of ours. Please check the link.',
          )
        : new AppError(
            'validation_failed',
            'That address could not be read. Please check the link and try again.',
          );
    void reply.headers(headers).status(appError.status).send(appError.toBody());
  };
}

function socketAnswer(error: AppError, headers: Record<string, string>): string {
  const body = JSON.stringify(error.toBody());
  const lines = [
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ''}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Replaces Fastify's default `clientError` handler, whose answers had none of our headers. */
export function clientErrorHandler(config: Pick<Config, 'secureCookies'>) {
  const headers = securityHeaders(config);
  const answers = {
    tooLarge: socketAnswer(
      new AppError(
        'headers_too_large',
        'The request carried more than we accept. Clearing this site’s cookies and reloading usually helps.',
      ),
      headers,
    ),
    timeout: socketAnswer(
      new AppError('request_timeout', 'The request took too long to arrive. Please try again.'),
      headers,
    ),
    bad: socketAnswer(
      new AppError('validation_failed', 'This request could not be understood.'),
      headers,
    ),
  };
  return (error: Error & { code?: string }, socket: Socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const answer =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? answers.tooLarge
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? answers.timeout
          : answers.bad;
    // As Fastify's own handler does: write what fits in one go, then close.
    if (socket.writable) socket.write(answer);
    socket.destroy(error);
  };
}
