import { describe, expect, it } from 'vitest';
import { addDays, isPast, nextOccurrence, reminderDay } from './dates';

describe('hard-date arithmetic', () => {
  it('finds the next time a yearly date comes, today included', () => {
    expect(nextOccurrence('2024-03-14', true, '2026-03-14')).toBe('2026-03-14');
    expect(nextOccurrence('2024-03-14', true, '2026-03-15')).toBe('2027-03-14');
    expect(nextOccurrence('2024-12-31', true, '2026-01-02')).toBe('2026-12-31');
  });

  it('moves 29 February to the 28th in a year without it', () => {
    expect(nextOccurrence('2024-02-29', true, '2026-01-10')).toBe('2026-02-28');
    expect(nextOccurrence('2024-02-29', true, '2027-03-01')).toBe('2028-02-29');
  });

  it('keeps a one-off date until it has passed', () => {
    expect(nextOccurrence('2026-06-01', false, '2026-05-01')).toBe('2026-06-01');
    expect(nextOccurrence('2026-06-01', false, '2026-06-01')).toBe('2026-06-01');
    expect(nextOccurrence('2026-06-01', false, '2026-06-02')).toBeNull();
  });

  it('reminds a few days before, or today when that day has gone', () => {
    expect(reminderDay('2026-06-10', 3, '2026-05-01')).toBe('2026-06-07');
    expect(reminderDay('2026-06-10', 3, '2026-06-09')).toBe('2026-06-09');
    expect(reminderDay('2026-03-02', 3, '2026-01-01')).toBe('2026-02-27');
  });

  it('adds days across months and years, and tells a passed target', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isPast('2026-01-01', '2026-01-02')).toBe(true);
    expect(isPast('2026-01-02', '2026-01-02')).toBe(false);
    expect(isPast(null, '2026-01-02')).toBe(false);
  });
});
