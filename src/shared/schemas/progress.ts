import { z } from 'zod';
import { ZIsoDate, text } from './common';

export const ZProgressWeek = z.object({
  /** The Monday of the week, YYYY-MM-DD. */
  week: text(),
  checkins: z.int().min(1),
  /** Averages over the week's check-ins, to one decimal. */
  intensity: z.number(),
  pain: z.number(),
});

export const ZMilestoneKey = z.enum([
  'started',
  'together',
  'first_checkin',
  'first_shared_checkin',
  'first_trigger',
  'trigger_plan',
  'first_lesson_reflection',
  'roles_confirmed',
  'phase_2',
  'phase_3',
  'letter_shared',
  'reflection_sent',
  'felt_understood',
  'first_measure',
]);
export type TMilestoneKey = z.infer<typeof ZMilestoneKey>;

export const ZProgressResponse = z.object({
  startedAt: ZIsoDate,
  /** Weeks with at least one check-in, oldest first, at most a year back. */
  weeks: z.array(ZProgressWeek),
  milestones: z.array(z.object({ key: ZMilestoneKey, at: ZIsoDate })),
});
export type TProgressResponse = z.infer<typeof ZProgressResponse>;
