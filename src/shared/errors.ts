/**
 * One error shape for the whole API: `{ error: { code, message, fields? } }`.
 * The code is stable and machine-readable; the message is written for a person.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  forbidden_origin: 403,
  /** A sensitive action needs the person to prove it is them again (password or second step). */
  step_up_required: 403,
  /** The session's private areas locked after a pause; a step-up unlocks them. */
  locked: 403,
  not_found: 404,
  request_timeout: 408,
  conflict: 409,
  already_in_space: 409,
  space_full: 409,
  /** A therapist's account works with couples through their links; it never joins a space. */
  therapist_account: 409,
  /** Only a therapist's account can claim a therapist link. */
  not_a_therapist: 409,
  /** Joint exercises are paused for the space; the same neutral answer whoever paused them. */
  joint_work_paused: 409,
  /** Messages with a therapist can be read but not written: the link has ended or awaits approval. */
  messages_closed: 409,
  /** A link from an email that was used already, ran out, or was never ours. */
  link_expired: 410,
  precondition_failed: 412,
  /** The request named a host that is not ours (DNS rebinding); see decision 0026. */
  misdirected_request: 421,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  precondition_required: 428,
  rate_limited: 429,
  headers_too_large: 431,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Field path (dot-joined) → what is wrong with it, for form errors. */
    fields?: Record<string, string>;
    /** On a version conflict (409/412): the item as it is now, so the person can compare. */
    current?: unknown;
  };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: Record<string, string> | undefined;
  readonly current: unknown;

  constructor(
    code: ErrorCode,
    message: string,
    fields?: Record<string, string>,
    extra?: { current?: unknown },
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fields = fields;
    this.current = extra?.current;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.current !== undefined ? { current: this.current } : {}),
      },
    };
  }
}

/** Denied and missing answer alike, so a response never tells which. */
export const NOT_FOUND_MESSAGE =
  'We could not find that. It may have been removed, or the link may be wrong.';

export function notFound(): AppError {
  return new AppError('not_found', NOT_FOUND_MESSAGE);
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof value.error === 'object'
  );
}
