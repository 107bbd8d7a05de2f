/** The parts of a `KeyboardEvent` the detector looks at. */
export interface KeyPress {
  key: string;
  repeat: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

export interface TripleShiftOptions {
  /** How close together the presses must be, first to last. */
  windowMs?: number;
  /** How many presses trigger. */
  presses?: number;
  /** The clock, in milliseconds; tests pass their own. */
  now?: () => number;
}

export interface TripleShiftDetector {
  /** Feed every keydown; returns true on the press that completes the sequence. */
  press(event: KeyPress): boolean;
  reset(): void;
}

export const QUICK_EXIT_WINDOW_MS = 5_000;
export const QUICK_EXIT_PRESSES = 3;

/**
 * Recognises Shift pressed on its own several times in a short window.
 *
 * Only a bare Shift counts. Any other key in between starts the count again, so typing capital
 * letters (Shift, then a letter) never adds up to an exit. A held Shift auto-repeats keydown
 * events with `repeat: true`; those are ignored, so holding Shift is one press.
 */
export function createTripleShiftDetector(options: TripleShiftOptions = {}): TripleShiftDetector {
  const windowMs = options.windowMs ?? QUICK_EXIT_WINDOW_MS;
  const presses = options.presses ?? QUICK_EXIT_PRESSES;
  const now = options.now ?? Date.now;
  let times: number[] = [];

  return {
    press(event) {
      if (event.repeat) return false;
      const isBareShift =
        event.key === 'Shift' && !event.ctrlKey && !event.altKey && !event.metaKey;
      if (!isBareShift) {
        times = [];
        return false;
      }
      const at = now();
      times = times.filter((time) => at - time <= windowMs);
      times.push(at);
      if (times.length >= presses) {
        times = [];
        return true;
      }
      return false;
    },
    reset() {
      times = [];
    },
  };
}
