import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTripleShiftDetector, type KeyPress } from './triple-shift';

const shift: KeyPress = {
  key: 'Shift',
  repeat: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
};
const heldShift: KeyPress = { ...shift, repeat: true };
const letter: KeyPress = { ...shift, key: 'A' };

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-01T09:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createTripleShiftDetector', () => {
  it('triggers on the third Shift within five seconds', () => {
    const detector = createTripleShiftDetector();
    expect(detector.press(shift)).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(detector.press(shift)).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(detector.press(shift)).toBe(true);
  });

  it('counts a press exactly five seconds after the first', () => {
    const detector = createTripleShiftDetector();
    detector.press(shift);
    vi.advanceTimersByTime(2_500);
    detector.press(shift);
    vi.advanceTimersByTime(2_500);
    expect(detector.press(shift)).toBe(true);
  });

  it('does not trigger when the presses are spread over more than five seconds', () => {
    const detector = createTripleShiftDetector();
    detector.press(shift);
    vi.advanceTimersByTime(3_000);
    detector.press(shift);
    vi.advanceTimersByTime(2_001);
    expect(detector.press(shift)).toBe(false);
  });

  it('keeps the recent presses when an old one falls out of the window', () => {
    const detector = createTripleShiftDetector();
    detector.press(shift);
    vi.advanceTimersByTime(4_000);
    detector.press(shift);
    vi.advanceTimersByTime(2_000);
    expect(detector.press(shift)).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(detector.press(shift)).toBe(true);
  });

  it('ignores the auto-repeat of a held Shift', () => {
    const detector = createTripleShiftDetector();
    detector.press(shift);
    for (let i = 0; i < 10; i += 1) {
      vi.advanceTimersByTime(30);
      expect(detector.press(heldShift)).toBe(false);
    }
    expect(detector.press(shift)).toBe(false);
  });

  it('starts again when another key comes between, so capital letters never add up', () => {
    const detector = createTripleShiftDetector();
    detector.press(shift);
    detector.press(letter);
    detector.press(shift);
    detector.press(letter);
    expect(detector.press(shift)).toBe(false);
  });

  it('ignores Shift pressed together with Ctrl, Alt or Meta', () => {
    const detector = createTripleShiftDetector();
    detector.press(shift);
    detector.press(shift);
    expect(detector.press({ ...shift, ctrlKey: true })).toBe(false);
    expect(detector.press(shift)).toBe(false);
  });

  it('starts counting afresh after it has triggered', () => {
    const detector = createTripleShiftDetector();
    detector.press(shift);
    detector.press(shift);
    expect(detector.press(shift)).toBe(true);
    expect(detector.press(shift)).toBe(false);
    expect(detector.press(shift)).toBe(false);
    expect(detector.press(shift)).toBe(true);
  });

  it('forgets earlier presses on reset', () => {
    const detector = createTripleShiftDetector();
    detector.press(shift);
    detector.press(shift);
    detector.reset();
    expect(detector.press(shift)).toBe(false);
  });

  it('uses the clock and limits it is given', () => {
    let clock = 0;
    const detector = createTripleShiftDetector({ windowMs: 100, presses: 2, now: () => clock });
    detector.press(shift);
    clock = 150;
    expect(detector.press(shift)).toBe(false);
    clock = 200;
    expect(detector.press(shift)).toBe(true);
  });
});
