import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify, parse } from 'yaml';
import { ConfigError } from '#server/config/index.ts';
import { loadProgram, parseProgram, PROGRAM_FILE } from './content';
import { buildView, suggestNext, type ProgramState } from './service';

const TEXT = readFileSync(PROGRAM_FILE, 'utf8');

/** The real file with one change made to its data. */
function withChange(change: (data: Record<string, unknown[]>) => void): string {
  const data = parse(TEXT) as Record<string, unknown[]>;
  change(data);
  return stringify(data);
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the program definition', () => {
  it('loads the shipped file: three phases, ten topics, every exercise on a known topic', () => {
    const program = loadProgram();
    expect(program.phases.map((phase) => phase.key)).toEqual(['impact', 'meaning', 'moving-on']);
    expect(program.topics).toHaveLength(10);
    const topics = new Set(program.topics.map((topic) => topic.key));
    for (const exercise of program.exercises) expect(topics.has(exercise.topic)).toBe(true);
    // Every topic's lesson is on the map as something to read.
    for (const topic of program.topics) {
      expect(program.exercises.some((e) => e.form === 'reading' && e.path === topic.lesson)).toBe(
        true,
      );
    }
    // The exercises that have their own pages in this release.
    const screens = program.exercises.filter((e) => e.form === 'screen').map((e) => e.path);
    expect(new Set(screens)).toEqual(
      new Set([
        '/injuries',
        '/checkins',
        '/triggers',
        '/impact-letter',
        '/measures',
        '/session-prep',
        '/therapist',
        '/safety-screen',
        '/questions',
        '/apology',
        '/listening',
        '/disclosures',
        '/agreements',
        '/transparency',
        '/reconnecting',
        '/contact-log',
        '/forgiveness',
        '/decision',
        '/meaning',
        '/goals',
      ]),
    );
  });

  it('stops with a line naming the place when an exercise names an unknown topic', () => {
    const text = withChange((data) => {
      (data.exercises![2] as { topic: string }).topic = 'no-such-topic';
    });
    expect(problemsOf(() => parseProgram(text, 'program.yaml'))).toEqual([
      'Program content: program.yaml: exercises[2].topic: There is no topic "no-such-topic" in the topics list.',
    ]);
  });

  it('names every problem in the entries: a bad mode, a missing why, a two-line title', () => {
    const text = withChange((data) => {
      const exercises = data.exercises as Record<string, unknown>[];
      exercises[3]!.mode = 'together';
      delete exercises[4]!.why;
      exercises[5]!.title = 'Two\nlines';
    });
    expect(problemsOf(() => parseProgram(text, 'program.yaml'))).toEqual([
      'Program content: program.yaml: exercises[3].mode: The mode is individual or joint.',
      'Program content: program.yaml: exercises[4].why: The line on why it helps is missing.',
      'Program content: program.yaml: exercises[5].title: An exercise title must be one line.',
    ]);
  });

  it('refuses an exercise key used twice', () => {
    const text = withChange((data) => {
      const exercises = data.exercises as Record<string, unknown>[];
      exercises[1]!.key = exercises[0]!.key;
    });
    expect(problemsOf(() => parseProgram(text, 'program.yaml'))).toEqual([
      'Program content: program.yaml: exercises[1].key: The exercise key "name-the-injury" is used twice.',
    ]);
  });

  it('refuses an unknown field, a reading exercise outside the guide, and missing phases', () => {
    const text = withChange((data) => {
      (data.exercises![0] as Record<string, unknown>).colour = 'blue';
      (data.exercises![1] as Record<string, unknown>).path = '/checkins';
      data.phases!.pop();
    });
    const problems = problemsOf(() => parseProgram(text, 'program.yaml'));
    expect(problems.join('\n')).toMatch(/exercises\[0\]: .*colour/);
    expect(problems.join('\n')).toMatch(
      /exercises\[1\]\.path: An exercise to read lives in the guide/,
    );
    expect(problems.join('\n')).toMatch(/phases: List the three phases/);
  });

  it('names the line of a YAML mistake, and a file that is not there', () => {
    expect(problemsOf(() => parseProgram('phases: [\n  - a: b', 'program.yaml'))[0]).toMatch(
      /^Program content: program.yaml: line \d+: /,
    );
    expect(problemsOf(() => loadProgram('/nowhere/program.yaml'))).toEqual([
      'Program content: /nowhere/program.yaml: the file could not be read.',
    ]);
  });
});

describe('what the map suggests', () => {
  const program = loadProgram();
  const state = (over: Partial<ProgramState> = {}): ProgramState => ({
    marks: new Map(),
    currentPhase: 1,
    partnerPresent: true,
    myReadyPhase: null,
    myRoles: [],
    history: [],
    jointWorkOpen: true,
    therapistSuggestions: new Map(),
    ...over,
  });

  it('starts with naming the injury while I hold no role', () => {
    expect(suggestNext(program, state())[0]).toEqual({
      exerciseKey: 'name-the-injury',
      reason: 'name_injury',
    });
  });

  it('puts what I want to come back to first, then what is for my role', () => {
    const hurt = suggestNext(
      program,
      state({ myRoles: ['hurt'], marks: new Map([['read-transparency', 'come_back']]) }),
    );
    expect(hurt).toEqual([
      { exerciseKey: 'read-transparency', reason: 'come_back' },
      { exerciseKey: 'impact-letter', reason: 'for_your_role' },
      { exerciseKey: 'trigger-log', reason: 'for_your_role' },
    ]);
    const involved = suggestNext(program, state({ myRoles: ['involved'] }));
    expect(involved[0]).toEqual({ exerciseKey: 'impact-reflection', reason: 'for_your_role' });
    expect(involved.map((s) => s.exerciseKey)).not.toContain('impact-letter');
  });

  it('never suggests what I marked as done, and reads ahead when the phase is done', () => {
    const allPhaseOne = new Map(
      program.exercises.filter((e) => e.phase === 1).map((e) => [e.key, 'spent_time' as const]),
    );
    const suggestions = suggestNext(program, state({ myRoles: ['hurt'], marks: allPhaseOne }));
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) {
      expect(s.reason).toBe('look_ahead');
      expect(program.exerciseByKey.get(s.exerciseKey)!.phase).toBe(2);
    }
  });

  it('shows joint exercises with their own page only once their phase is open', () => {
    const phaseTwoJointScreen = {
      ...program,
      exercises: [
        ...program.exercises,
        {
          key: 'together-later',
          title: 'Later, together',
          phase: 2,
          topic: 'learning-from-it',
          mode: 'joint' as const,
          for: 'both' as const,
          form: 'screen' as const,
          path: '/later',
          why: 'A test exercise.',
        },
      ],
    };
    const find = (view: ReturnType<typeof buildView>) =>
      view.phases[1]!.topics.flatMap((t) => t.exercises).find((e) => e.key === 'together-later')!;
    expect(find(buildView(phaseTwoJointScreen, state())).waitsForPace).toBe(true);
    expect(find(buildView(phaseTwoJointScreen, state({ currentPhase: 2 }))).waitsForPace).toBe(
      false,
    );
    const view = buildView(program, state());
    expect(view.phases.map((p) => p.open)).toEqual([true, false, false]);
    expect(view.pace).toMatchObject({ currentPhase: 1, nextPhase: 2, iAmReady: false });
  });
});
