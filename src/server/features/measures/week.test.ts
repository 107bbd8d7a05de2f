import { describe, expect, it } from 'vitest';
import { addDays, currentWeek, isDue, localDate, mondayOf } from './week';

describe('weeks in the person own time zone', () => {
  // Sunday 29 November 2026, 23:30 in London: already Monday in Berlin, still Sunday afternoon in Los Angeles.
  const lateSunday = new Date('2026-11-29T23:30:00Z');

  it('reads today from the time zone, not from the server clock', () => {
    expect(localDate(lateSunday, 'UTC')).toBe('2026-11-29');
    expect(localDate(lateSunday, 'Europe/Berlin')).toBe('2026-11-30');
    expect(localDate(lateSunday, 'America/Los_Angeles')).toBe('2026-11-29');
    expect(localDate(new Date('2026-11-30T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-12-01');
  });

  it('names a week by its Monday', () => {
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(mondayOf('2028-03-01')).toBe('2028-02-28');
    expect(currentWeek(lateSunday, 'UTC')).toBe('2026-11-23');
    expect(currentWeek(lateSunday, 'Europe/Berlin')).toBe('2026-11-30');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-03-02', -7)).toBe('2026-02-23');
  });

  it('is due when nothing was filled in the current round of the cadence', () => {
    expect(isDue(null, '2026-11-30', 1)).toBe(true);
    expect(isDue('2026-11-30', '2026-11-30', 1)).toBe(false);
    expect(isDue('2026-11-23', '2026-11-30', 1)).toBe(true);
    expect(isDue('2026-11-23', '2026-11-30', 2)).toBe(false);
    expect(isDue('2026-11-16', '2026-11-30', 2)).toBe(true);
    expect(isDue('2026-11-09', '2026-11-30', 4)).toBe(false);
    expect(isDue('2026-11-02', '2026-11-30', 4)).toBe(true);
  });
});
