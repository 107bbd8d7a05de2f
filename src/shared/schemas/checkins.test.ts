import { describe, expect, it } from 'vitest';
import { FEELINGS, isRealDay, utcDay, ZCheckinBody, ZCheckinDay } from './checkins';

const DAY_MS = 86_400_000;

describe('the check-in day', () => {
  it('is a real calendar date', () => {
    expect(isRealDay('2024-02-29')).toBe(true);
    expect(isRealDay('2025-02-29')).toBe(false);
    expect(isRealDay('2026-04-31')).toBe(false);
    expect(isRealDay('2026-4-01')).toBe(false);
    expect(isRealDay('2026-04-01T00:00')).toBe(false);
  });

  it('may be tomorrow in UTC (somewhere it already is), never later', () => {
    expect(ZCheckinDay.safeParse(utcDay(Date.now())).success).toBe(true);
    expect(ZCheckinDay.safeParse(utcDay(Date.now() + DAY_MS)).success).toBe(true);
    expect(ZCheckinDay.safeParse(utcDay(Date.now() + 2 * DAY_MS)).success).toBe(false);
    expect(ZCheckinDay.safeParse('1999-12-31').success).toBe(false);
  });
});

describe('the check-in body', () => {
  const base = { feelings: ['hurt'], intensity: 3, pain: 4 };

  it('refuses, never clamps, values out of range, and names the field', () => {
    for (const [patch, field] of [
      [{ pain: 11 }, 'pain'],
      [{ intensity: 0 }, 'intensity'],
      [{ feelings: ['not-a-feeling'] }, 'feelings'],
      [{ feelings: [7] }, 'feelings'],
      [{ note: 'x'.repeat(4001) }, 'note'],
    ] as const) {
      const parsed = ZCheckinBody.safeParse({ ...base, ...patch });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual([field]);
    }
  });

  it('fills in empty text and keeps every feeling of the list', () => {
    const parsed = ZCheckinBody.parse({ ...base, feelings: FEELINGS.slice(20, 30) });
    expect(parsed).toMatchObject({ triggers: '', needs: '', note: '' });
    expect(parsed.feelings).toHaveLength(10);
    expect(new Set(FEELINGS).size).toBe(FEELINGS.length);
    expect(FEELINGS.length).toBeGreaterThanOrEqual(20);
  });
});
