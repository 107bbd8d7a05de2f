import { z } from 'zod';
import { ZIsoDate, text } from './common';

/*
 * The program map: three phases, the topics of the guide, and the exercises, defined as data in
 * content/program/program.yaml (checked against ZProgramDefinition when the server starts), and
 * the map as one person sees it (ZProgramView).
 */

export const PHASE_NUMBERS = [1, 2, 3] as const;
export const FIRST_PHASE = 1;
export const LAST_PHASE = 3;

export const ZPhaseNumber = z
  .int({ message: 'Please give a phase number: 1, 2 or 3.' })
  .min(FIRST_PHASE, { message: 'Please give a phase number: 1, 2 or 3.' })
  .max(LAST_PHASE, { message: 'Please give a phase number: 1, 2 or 3.' });

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PATH = /^\/[a-z0-9-]+(?:\/[a-z0-9-]+)*$/;

export const ZExerciseKey = text()
  .max(60, 'An exercise key has at most 60 characters.')
  .regex(SLUG, 'An exercise key is lower-case words joined by hyphens, like daily-check-in.');

/** Individual work, or work the two partners do together (which waits for the couple's pace). */
export const ZExerciseMode = z.enum(['individual', 'joint'], {
  message: 'The mode is individual or joint.',
});
/** Who it is mostly for: the one who was hurt, the one who broke the trust, or both. */
export const ZExerciseFor = z.enum(['hurt', 'involved', 'both'], {
  message: 'Who it is for is hurt, involved or both.',
});
/**
 * `screen`: an exercise with its own page. `reading`: for now, a lesson to read in the guide
 * (exercises of later phases that have no page of their own yet are shown honestly as reading).
 */
export const ZExerciseForm = z.enum(['screen', 'reading'], {
  message: 'The form is screen or reading.',
});

const line = (what: string, max: number) =>
  text({
    error: (issue) => (issue.input === undefined ? `${what} is missing.` : `${what} must be text.`),
  })
    .trim()
    .min(1, `${what} must not be empty.`)
    .max(max, `${what} has at most ${max} characters.`)
    .refine((text) => !/[\r\n]/.test(text), `${what} must be one line.`);

export const ZPhaseDefinition = z.strictObject({
  number: ZPhaseNumber,
  key: text().regex(SLUG, 'A phase key is lower-case words joined by hyphens.'),
  title: line('A phase title', 40),
  subtitle: line('A phase subtitle', 80),
  summary: line('A phase summary', 400),
});

export const ZTopicDefinition = z.strictObject({
  key: text().regex(SLUG, 'A topic key is lower-case words joined by hyphens.'),
  title: line('A topic title', 80),
  /** The guide's lesson for this topic: /guide/<slug>. */
  lesson: text().regex(/^\/guide\/[a-z0-9-]+$/, 'A lesson path looks like /guide/<slug>.'),
});

export const ZExerciseDefinition = z.strictObject({
  key: ZExerciseKey,
  title: line('An exercise title', 80),
  phase: ZPhaseNumber,
  topic: text().regex(SLUG, 'A topic key is lower-case words joined by hyphens.'),
  mode: ZExerciseMode,
  for: ZExerciseFor,
  form: ZExerciseForm,
  /** Where it lives in the app, such as /checkins or /guide/transparency. */
  path: text().regex(PATH, 'A path starts with / and uses lower-case words, like /checkins.'),
  /** One line on why it helps. */
  why: line('The line on why it helps', 200),
});

export const ZProgramDefinition = z
  .strictObject({
    phases: z.array(ZPhaseDefinition),
    topics: z.array(ZTopicDefinition).min(1, 'List at least one topic.'),
    exercises: z.array(ZExerciseDefinition).min(1, 'List at least one exercise.'),
  })
  .superRefine((program, ctx) => {
    const numbers = program.phases.map((phase) => phase.number);
    if (numbers.join() !== PHASE_NUMBERS.join()) {
      ctx.addIssue({
        code: 'custom',
        path: ['phases'],
        message: 'List the three phases, numbered 1, 2 and 3, in that order.',
      });
    }
    const topicKeys = new Set<string>();
    program.topics.forEach((topic, index) => {
      if (topicKeys.has(topic.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['topics', index, 'key'],
          message: `The topic key "${topic.key}" is used twice.`,
        });
      }
      topicKeys.add(topic.key);
    });
    const exerciseKeys = new Set<string>();
    program.exercises.forEach((exercise, index) => {
      if (exerciseKeys.has(exercise.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['exercises', index, 'key'],
          message: `The exercise key "${exercise.key}" is used twice.`,
        });
      }
      exerciseKeys.add(exercise.key);
      if (!topicKeys.has(exercise.topic)) {
        ctx.addIssue({
          code: 'custom',
          path: ['exercises', index, 'topic'],
          message: `There is no topic "${exercise.topic}" in the topics list.`,
        });
      }
      if (exercise.form === 'reading' && !exercise.path.startsWith('/guide/')) {
        ctx.addIssue({
          code: 'custom',
          path: ['exercises', index, 'path'],
          message: 'An exercise to read lives in the guide: its path starts with /guide/.',
        });
      }
    });
  });
export type TProgramDefinition = z.infer<typeof ZProgramDefinition>;
export type TExerciseDefinition = z.infer<typeof ZExerciseDefinition>;

/* ---------- The map as one person sees it ---------- */

/** A person's own mark on an exercise; private to them. */
export const ZMark = z.enum(['spent_time', 'come_back'], {
  message: 'Choose "I’ve spent time on this", "I’d like to come back to this", or no mark.',
});
export type TMark = z.infer<typeof ZMark>;

export const ZMarkBody = z.object({ mark: ZMark.nullable() });
export type TMarkBody = z.infer<typeof ZMarkBody>;

export const ZMarkParams = z.object({ key: ZExerciseKey });

export const ZPhaseBody = z.object({ phase: ZPhaseNumber });
export type TPhaseBody = z.infer<typeof ZPhaseBody>;

export const ZExerciseView = z.object({
  key: text(),
  title: text(),
  mode: ZExerciseMode,
  for: ZExerciseFor,
  form: ZExerciseForm,
  path: text(),
  why: text(),
  /** My own mark, or null. */
  mark: ZMark.nullable(),
  /** A joint exercise with its own page in a phase that is not open yet: shown without a link. */
  waitsForPace: z.boolean(),
  /** Open suggestions of the couple's active therapist for this exercise, with their notes. */
  therapistSuggestions: z.array(z.object({ note: text(), at: ZIsoDate })),
});
export type TExerciseView = z.infer<typeof ZExerciseView>;

export const ZTopicView = z.object({
  key: text(),
  title: text(),
  lesson: text(),
  exercises: z.array(ZExerciseView),
});

export const ZPhaseView = z.object({
  number: ZPhaseNumber,
  key: text(),
  title: text(),
  subtitle: text(),
  summary: text(),
  /** Are this phase's joint exercises open for the couple (isPhaseOpen on the server)? */
  open: z.boolean(),
  topics: z.array(ZTopicView),
});
export type TPhaseView = z.infer<typeof ZPhaseView>;

export const ZPhaseChange = z.object({
  at: ZIsoDate,
  phase: ZPhaseNumber,
  /** Never who: the partner cannot read from this which of them made the change. */
  change: z.enum(['opened', 'stepped_back']),
});

export const ZPace = z.object({
  /** The couple's phase: the highest phase whose joint exercises are open. */
  currentPhase: ZPhaseNumber,
  partnerPresent: z.boolean(),
  /** The phase one could choose to go on to, or null at the last phase. */
  nextPhase: ZPhaseNumber.nullable(),
  /** Only my own choice. The partner's choice is never sent (decision 0016). */
  iAmReady: z.boolean(),
  history: z.array(ZPhaseChange),
  jointWorkOpen: z.boolean(),
});
export type TPace = z.infer<typeof ZPace>;

export const ZSuggestionReason = z.enum([
  'name_injury',
  'come_back',
  'for_your_role',
  'next_in_phase',
  'look_ahead',
]);
export type TSuggestionReason = z.infer<typeof ZSuggestionReason>;

export const ZSuggestion = z.object({
  exerciseKey: text(),
  reason: ZSuggestionReason,
});
export type TSuggestion = z.infer<typeof ZSuggestion>;

export const ZProgramView = z.object({
  phases: z.array(ZPhaseView),
  pace: ZPace,
  /** My roles across the injuries I have named or confirmed (may be both, or none yet). */
  myRoles: z.array(z.enum(['hurt', 'involved'])),
  suggestions: z.array(ZSuggestion),
});
export type TProgramView = z.infer<typeof ZProgramView>;
