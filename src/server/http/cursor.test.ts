import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '#shared/errors.ts';
import { BAD_CURSOR_MESSAGE, keysetCursor, MAX_CURSOR_LENGTH } from './cursor';

const every = keysetCursor({ at: 'timestamp', day: 'date', id: 'uuid', n: 'int' });

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const arbDay = fc
  .date({
    min: new Date('0001-01-01T00:00:00Z'),
    max: new Date('9999-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10))
  // JS writes years before 1000 as four digits already; years after 9999 are out of range.
  .filter((d) => /^\d{4}-/.test(d));
/** Timestamps as PostgreSQL writes them (microseconds, `+00`) and as JavaScript writes them. */
const arbTimestamp = fc.oneof(
  fc
    .date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('2999-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc
    .tuple(
      arbDay,
      fc.nat(23),
      fc.nat(59),
      fc.nat(59),
      fc.nat(999_999),
      fc.constantFrom('+00', '-05:30', '+14', ''),
    )
    .map(
      ([day, h, m, s, us, zone]) =>
        `${day} ${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(us, 6)}${zone}`,
    ),
);
const arbKey = fc.record({
  at: arbTimestamp,
  day: arbDay,
  id: fc.uuid(),
  n: fc.maxSafeNat(),
});

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the cursor was accepted');
}

function expectRefused(cursor: string, param = 'cursor'): void {
  const error = refusal(() => every.decode(cursor, param));
  expect(error.code).toBe('validation_failed');
  expect(error.message).toBe(BAD_CURSOR_MESSAGE);
  expect(error.fields).toEqual({ [`querystring.${param}`]: BAD_CURSOR_MESSAGE });
}

const wrap = (values: unknown) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

describe('keysetCursor', () => {
  it('gives back exactly the key it was given, for any key', () => {
    fc.assert(
      fc.property(arbKey, (key) => {
        const cursor = every.encode(key);
        expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(cursor.length).toBeLessThanOrEqual(MAX_CURSOR_LENGTH);
        expect(every.decode(cursor, 'cursor')).toEqual(key);
      }),
    );
  });

  it('answers any string that is not a cursor with the typed 400, never another error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          // Any characters, NUL and lone surrogates included (short: this unit is slow to make).
          fc.string({ unit: 'binary', maxLength: 24 }),
          // Plain text of any length, past the limit.
          fc.string({ maxLength: MAX_CURSOR_LENGTH + 20 }),
          // Text that passes the schema's base64url check, so decoding gets past the first step.
          fc.base64String({ maxLength: 120 }).map((b) => b.replace(/=+$/, '').replace(/\+/g, '-')),
          // Real cursors with one character changed.
          fc.tuple(arbKey, fc.nat(), fc.constantFrom('A', '_', '-', '0')).map(([key, at, c]) => {
            const cursor = every.encode(key);
            const i = at % cursor.length;
            return cursor.slice(0, i) + c + cursor.slice(i + 1);
          }),
        ),
        (text) => {
          let decoded: unknown;
          try {
            decoded = every.decode(text, 'before');
          } catch (error) {
            // Plain checks: a hundred runs of vitest's matchers cost seconds on a busy machine.
            const fields = error instanceof AppError ? error.fields : undefined;
            if (fields?.['querystring.before'] !== BAD_CURSOR_MESSAGE) throw error;
            return;
          }
          // Whatever is accepted is a well-formed key that encodes back to the same cursor.
          expect(every.encode(decoded as never)).toBe(text);
        },
      ),
    );
  }, 20_000); // a hundred generated inputs; seconds on a busy machine

  it('refuses garbage, NUL, huge input, wrong shapes and days that do not exist', () => {
    const key = {
      at: '2026-01-05 10:00:00.123456+00',
      day: '2026-01-05',
      id: '0b6a3f4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      n: 7,
    };
    for (const bad of [
      '',
      'not a cursor',
      'bm9wZQ',
      '%27%3B--',
      '\u0000',
      wrap(['\u0000', key.day, key.id, key.n]),
      'A'.repeat(MAX_CURSOR_LENGTH + 1),
      every.encode(key).repeat(50),
      wrap({ at: key.at, day: key.day, id: key.id, n: key.n }),
      wrap([key.at, key.day, key.id]),
      wrap([key.at, key.day, key.id, key.n, 1]),
      wrap([key.day, key.at, key.id, key.n]),
      wrap([key.at, key.day, 'nope-nope-nope-nope', key.n]),
      wrap([key.at, '2026-02-30', key.id, key.n]),
      wrap([key.at, '0000-01-01', key.id, key.n]),
      wrap(['2026-13-01 10:00:00', key.day, key.id, key.n]),
      wrap(['2026-01-05 24:00:00', key.day, key.id, key.n]),
      wrap([key.at, key.day, key.id, -1]),
      wrap([key.at, key.day, key.id, 1.5]),
      wrap([key.at, key.day, key.id, '7']),
      wrap([key.at, key.day, key.id, 2 ** 60]),
      `${every.encode(key)}=`,
    ]) {
      expectRefused(bad);
    }
    expect(every.decode(every.encode(key), 'cursor')).toEqual(key);
  });

  it('names the parameter the cursor came in', () => {
    const error = refusal(() => keysetCursor({ id: 'uuid' }).decode('x', 'before'));
    expect(error.fields).toEqual({ 'querystring.before': BAD_CURSOR_MESSAGE });
  });
});
