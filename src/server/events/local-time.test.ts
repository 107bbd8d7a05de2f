import { describe, expect, it } from 'vitest';
import { atLocalTime } from './local-time';

describe('a minute of a day in a time zone', () => {
  it('is that wall-clock time in the zone, summer or winter', () => {
    expect(atLocalTime('2027-01-10', 9 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2027-01-10T08:00:00.000Z',
    );
    expect(atLocalTime('2027-07-10', 9 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2027-07-10T07:00:00.000Z',
    );
    expect(atLocalTime('2027-01-10', 9 * 60, 'Pacific/Auckland').toISOString()).toBe(
      '2027-01-09T20:00:00.000Z',
    );
    expect(atLocalTime('2027-01-10', 9 * 60, 'America/New_York').toISOString()).toBe(
      '2027-01-10T14:00:00.000Z',
    );
  });

  it('is UTC without a zone, or with one we do not know', () => {
    expect(atLocalTime('2027-03-01', 9 * 60, null).toISOString()).toBe('2027-03-01T09:00:00.000Z');
    expect(atLocalTime('2027-03-01', 9 * 60, 'Nowhere/Special').toISOString()).toBe(
      '2027-03-01T09:00:00.000Z',
    );
  });

  it('on the day clocks go forward, 09:00 is still 09:00 local', () => {
    // Europe/Berlin moves from +1 to +2 at 02:00 on 28 March 2027.
    expect(atLocalTime('2027-03-28', 9 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2027-03-28T07:00:00.000Z',
    );
  });
});
