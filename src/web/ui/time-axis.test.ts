import { describe, expect, it } from 'vitest';
import { MIN_AXIS_WEEKS, timeAxisRange } from './time-axis';

const WEEK_S = 7 * 24 * 3600;
const week = (iso: string) => new Date(`${iso}T12:00:00Z`);
const seconds = (date: Date) => date.getTime() / 1000;
const year = (s: number) => new Date(s * 1000).getUTCFullYear();

describe('the time axis of a weekly chart', () => {
  it('has nothing to span without points', () => {
    expect(timeAxisRange([])).toBeNull();
  });

  it('shows one point within a few weeks that end just after it, not years', () => {
    const only = week('2026-11-30');
    const [min, max] = timeAxisRange([only])!;
    expect(max - min).toBe(MIN_AXIS_WEEKS * WEEK_S);
    expect(max).toBe(seconds(only) + WEEK_S / 2);
    expect(min).toBeLessThan(seconds(only));
    expect([year(min), year(max)]).toEqual([2026, 2026]);
  });

  it('shows two points a week apart within the same few weeks, both inside', () => {
    const points = [week('2026-11-23'), week('2026-11-30')];
    const [min, max] = timeAxisRange(points)!;
    expect(max - min).toBe(MIN_AXIS_WEEKS * WEEK_S);
    for (const point of points) {
      expect(seconds(point)).toBeGreaterThan(min);
      expect(seconds(point)).toBeLessThan(max);
    }
  });

  it('spans a year of weeks from the first to the last, with half a week either side', () => {
    const points = Array.from({ length: 52 }, (_, n) => new Date(Date.UTC(2026, 0, 5 + 7 * n, 12)));
    const [min, max] = timeAxisRange(points)!;
    expect(min).toBe(seconds(points[0]!) - WEEK_S / 2);
    expect(max).toBe(seconds(points[51]!) + WEEK_S / 2);
    expect(max - min).toBe(52 * WEEK_S);
  });

  it('does not care about the order of the points', () => {
    const points = [week('2026-11-30'), week('2026-09-07')];
    expect(timeAxisRange(points)).toEqual(timeAxisRange([...points].reverse()));
  });
});
