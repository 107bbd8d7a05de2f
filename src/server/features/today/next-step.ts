/**
 * Which exercises the today screen should not offer as the next step, from what the today query
 * already knows: work that is plainly done, and joint work that is resting. The program decides
 * the order of suggestions; this only says which ones are settled for now.
 */

/** What the today screen needs to know about one exercise of the program. */
export interface ExerciseRef {
  key: string;
  mode: 'individual' | 'joint';
}

/** Facts read in the today statement, about me only. */
export interface DoneFacts {
  /** I have written today's check-in. */
  checkedInToday: boolean;
  /** My current impact letter is shared with my partner. */
  letterShared: boolean;
  /** I have sent a reflection on my partner's current impact letter. */
  reflectionSent: boolean;
  /** The couple's joint work is paused (a hold, or a partner has not taken the safety screen). */
  jointWorkPaused: boolean;
}

/**
 * Exercises done as far as the today screen can see, by their key in the program. The program map
 * still shows them (with the person's own marks); only the next step moves on.
 */
const DONE_WHEN: Record<string, (facts: DoneFacts) => boolean> = {
  'daily-check-in': (facts) => facts.checkedInToday,
  'impact-letter': (facts) => facts.letterShared,
  'impact-reflection': (facts) => facts.reflectionSent,
};

/**
 * Is this exercise settled for now, so that the next step should skip it: done, or a joint
 * exercise while joint work rests? (Joint exercises of a phase the couple has not opened are never
 * suggested by the program in the first place.)
 */
export function settledExercise(facts: DoneFacts): (exercise: ExerciseRef) => boolean {
  return (exercise) =>
    (exercise.mode === 'joint' && facts.jointWorkPaused) ||
    (DONE_WHEN[exercise.key]?.(facts) ?? false);
}
