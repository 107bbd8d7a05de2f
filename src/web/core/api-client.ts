import type { ZodType } from 'zod';
import { isErrorBody, type ErrorCode } from '#shared/errors.ts';
import { t } from '#web/i18n/index.ts';
import { signalSupportSuggested } from './support-signal';

/** Codes the client adds for failures that never reached, or never came back from, the API. */
export type ClientErrorCode = 'network' | 'bad_response';

/**
 * Every failed API call becomes one of these. `message` is written for the person and can be
 * shown as it is; `fields` maps an input name to what is wrong with it.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly fields: Record<string, string>;
  /** On a version conflict (412): the item as it is now on the server. */
  readonly current: unknown;

  constructor(
    status: number,
    code: ErrorCode | ClientErrorCode,
    message: string,
    fields: Record<string, string> = {},
    current?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.current = current;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface ApiRequest<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. Other methods than GET send `{}` when there is nothing else to send. */
  body?: unknown;
  /** For shared items: the version this change starts from, sent as `If-Match`. */
  ifMatch?: number;
  /** Other request headers (such as `If-None-Match: *` for a first save). */
  headers?: Record<string, string>;
  /**
   * The response is checked against this shared schema before anyone uses it. The calls every
   * page makes (who is signed in, the safety state) pass a loader instead, so that the schema
   * library comes only with a page that needs it, or with their first answer (decision 0028).
   */
  schema: ZodType<T> | (() => Promise<ZodType<T>>);
  signal?: AbortSignal;
}

/**
 * The one way the web app talks to the API: same-origin JSON, with the cookie the server set.
 * Resolves with the parsed body, or rejects with an `ApiError`.
 */
export async function apiFetch<T>(path: string, request: ApiRequest<T>): Promise<T> {
  const method = request.method ?? 'GET';
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { ...request.headers, accept: 'application/json' },
    signal: request.signal ?? null,
  };
  if (method !== 'GET') {
    init.headers = {
      accept: 'application/json',
      'content-type': 'application/json',
      ...(request.ifMatch !== undefined ? { 'if-match': `"${request.ifMatch}"` } : {}),
      ...request.headers,
    };
    init.body = JSON.stringify(request.body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    // An abort is not a failure to show; let TanStack Query see it as it is.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', t('error.network'));
  }

  if (response.headers.get('x-support-suggested')) signalSupportSuggested();
  const payload = await readJson(response);

  if (!response.ok) {
    if (isErrorBody(payload)) {
      const { code, message, fields, current } = payload.error;
      throw new ApiError(response.status, code, message, fields ?? {}, current);
    }
    throw new ApiError(
      response.status,
      response.status === 401 ? 'unauthenticated' : 'unavailable',
      response.status === 401 ? t('error.signedOut') : t('error.unexpected'),
    );
  }

  const schema = typeof request.schema === 'function' ? await request.schema() : request.schema;
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(response.status, 'bad_response', t('error.unexpected'));
  }
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The one place the web app recognises a version conflict: a save of a shared or versioned
 * thing that started from an older version answers 412 with the thing as it is now
 * (`error.current` above). `read` turns that into the form's own shape; null when the
 * error is not a conflict, or its `current` is not readable (then it is an ordinary failure).
 * What the person then sees is `ConflictPanel` in ui/.
 */
export function versionConflict<T>(error: unknown, read: (current: unknown) => T | null): T | null {
  if (!isApiError(error) || error.status !== 412) return null;
  return read(error.current);
}

/** A conflict whose newer version the page reloads itself (a button, not a text to compare). */
export function isVersionConflict(error: unknown): boolean {
  return isApiError(error) && error.status === 412;
}
