import { describe, expect, it } from 'vitest';
import { formatScore, formatWeek, formatWeekShort } from './format';

describe('weeks and scores as the page writes them', () => {
  it('writes a week by its Monday, never a day earlier or later', () => {
    // A calendar date read as midnight UTC shows as the day before west of Greenwich; not here.
    expect(formatWeek('2026-11-23')).toMatch(/23/);
    expect(formatWeek('2026-11-23')).not.toMatch(/22|24/);
    expect(formatWeekShort('2027-01-04')).toMatch(/4/);
    expect(formatWeekShort('2027-01-04')).toMatch(/2027/);
  });

  it('keeps whole scores whole and rounds the rest to one place', () => {
    expect(formatScore(12)).toBe('12');
    expect(formatScore(2.75)).toBe('2.8');
    expect(formatScore(1.5)).toBe('1.5');
  });
});
