import { AppError } from '#shared/errors.ts';
import { BAD_CURSOR_MESSAGE, MAX_CURSOR_LENGTH } from '#shared/schemas/common.ts';

/**
 * The one keyset cursor codec (decision 0044). A page of a list ends at a row; the cursor names
 * that row by its sort key, so the next page is "rows after this key" in the list's order. Every
 * list that pages by position uses this codec, whatever its key:
 *
 *   const pageCursor = keysetCursor({ day: 'date', id: 'uuid' });
 *   pageCursor.encode({ day: '2026-01-05', id })   // → opaque text for the response
 *   pageCursor.decode(query.cursor, 'cursor')      // → { day, id }, or a 400 naming the field
 *
 * On the wire a cursor is base64url of a JSON array of the key's values, in the order declared.
 * It carries sort keys only (times, dates, ids, numbers), never content. It is opaque to the
 * client: the page sends back exactly what it was given. Decoding checks every value against its
 * declared part, so what reaches SQL is well-formed and every bad cursor gets the same 400.
 */

/** What one part of a sort key may be. */
export type CursorPart =
  /** A timestamp as text, to the microsecond (PostgreSQL's own text or ISO 8601). */
  | 'timestamp'
  /** A calendar day, `YYYY-MM-DD`. */
  | 'date'
  /** A row id. */
  | 'uuid'
  /** A whole number ≥ 0 (a sequence number, a version). */
  | 'int';

interface PartValue {
  timestamp: string;
  date: string;
  uuid: string;
  int: number;
}

export type CursorShape = Readonly<Record<string, CursorPart>>;
export type CursorValue<S extends CursorShape> = { [K in keyof S]: PartValue[S[K]] };

export interface KeysetCursor<S extends CursorShape> {
  /** The names of the key's parts, in order. */
  readonly parts: readonly (keyof S & string)[];
  encode(value: CursorValue<S>): string;
  /**
   * The key a cursor names. Anything else (not base64url, not JSON, the wrong number or kind of
   * values, a day that does not exist) is a 400 `validation_failed` naming `querystring.<param>`,
   * the same field the request's own validation names for that parameter.
   */
  decode(cursor: string, param: string): CursorValue<S>;
}

export { BAD_CURSOR_MESSAGE, MAX_CURSOR_LENGTH };

export function badCursor(param: string): AppError {
  return new AppError('validation_failed', BAD_CURSOR_MESSAGE, {
    [`querystring.${param}`]: BAD_CURSOR_MESSAGE,
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-](\d{2})(:?(\d{2}))?)?$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** A real calendar day (year 1 to 9999): no 31 April, no 29 February outside a leap year. */
function realDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function fits(part: CursorPart, value: unknown): boolean {
  switch (part) {
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
    case 'date': {
      const m = typeof value === 'string' ? DATE.exec(value) : null;
      return m !== null && realDay(Number(m[1]), Number(m[2]), Number(m[3]));
    }
    case 'timestamp': {
      const m = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
      return (
        m !== null &&
        realDay(Number(m[1]), Number(m[2]), Number(m[3])) &&
        Number(m[4]) < 24 &&
        Number(m[5]) < 60 &&
        Number(m[6]) < 60 &&
        (m[9] === undefined || Number(m[9]) < 16) &&
        (m[11] === undefined || Number(m[11]) < 60)
      );
    }
  }
}

/** A codec for a list's sort key, declared once next to the query that pages by it. */
export function keysetCursor<const S extends CursorShape>(shape: S): KeysetCursor<S> {
  const parts = Object.keys(shape) as (keyof S & string)[];
  const encode = (value: CursorValue<S>): string =>
    Buffer.from(JSON.stringify(parts.map((name) => value[name])), 'utf8').toString('base64url');
  return {
    parts,
    encode,
    decode(cursor, param) {
      if (cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) throw badCursor(param);
      let values: unknown;
      try {
        values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        throw badCursor(param);
      }
      if (
        !Array.isArray(values) ||
        values.length !== parts.length ||
        !parts.every((name, i) => fits(shape[name]!, values[i]))
      ) {
        throw badCursor(param);
      }
      const key = Object.fromEntries(parts.map((name, i) => [name, values[i]])) as CursorValue<S>;
      // One cursor per key: a respelling of one we wrote (padding, spaces, `7.0`) is refused too.
      if (encode(key) !== cursor) throw badCursor(param);
      return key;
    },
  };
}
