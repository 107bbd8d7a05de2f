import { describe, expect, it } from 'vitest';
import { localMinutes, quietUntil } from './quiet-hours';

const at = (iso: string) => new Date(iso);

describe('quiet hours', () => {
  it('reads the local time in the person’s zone', () => {
    expect(localMinutes(at('2026-07-01T20:30:00Z'), 'Europe/Berlin')).toBe(22 * 60 + 30);
    expect(localMinutes(at('2026-07-01T20:30:00Z'), null)).toBe(20 * 60 + 30);
    expect(localMinutes(at('2026-07-01T20:30:00Z'), 'Not/AZone')).toBe(20 * 60 + 30);
  });

  it('lets things go at once outside quiet hours, and at their end inside them', () => {
    const night = { start: 22 * 60, end: 7 * 60, timeZone: 'Europe/Berlin' };
    // 21:00 in Berlin (summer, UTC+2): outside.
    expect(quietUntil(at('2026-07-01T19:00:00Z'), night)).toEqual(at('2026-07-01T19:00:00Z'));
    // 23:15 in Berlin: until 07:00 Berlin = 05:00 UTC the next day.
    expect(quietUntil(at('2026-07-01T21:15:00Z'), night)).toEqual(at('2026-07-02T05:00:00Z'));
    // 03:00 in Berlin, after midnight: the same morning.
    expect(quietUntil(at('2026-07-02T01:00:00Z'), night)).toEqual(at('2026-07-02T05:00:00Z'));
    const lunch = { start: 12 * 60, end: 13 * 60, timeZone: null };
    expect(quietUntil(at('2026-07-01T12:30:00Z'), lunch)).toEqual(at('2026-07-01T13:00:00Z'));
    expect(quietUntil(at('2026-07-01T13:00:00Z'), lunch)).toEqual(at('2026-07-01T13:00:00Z'));
    expect(quietUntil(at('2026-07-01T12:30:00Z'), null)).toEqual(at('2026-07-01T12:30:00Z'));
  });
});
