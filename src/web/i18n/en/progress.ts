/** The progress page: a path with ups and downs, never a score. */
export const progress = {
  'progress.title': 'Progress',
  'progress.heading': 'Your path so far',
  'progress.lead':
    'Healing after a betrayal does not move in a straight line. Hard weeks come back, often around dates and reminders, and that is part of healing, not a step backwards.',
  'progress.loading': 'Loading your path…',
  'progress.since.thisWeek': 'You started this week, on {date}. Welcome.',
  'progress.since.weeks.one': 'You started a week ago, on {date}.',
  'progress.since.weeks.other': 'You started {count} weeks ago, on {date}.',
  'progress.checkins.heading': 'Your check-ins, week by week',
  'progress.checkins.note':
    'Each point is the average of the check-ins you wrote that week. Only your own check-ins count here, and only you see this page.',
  'progress.checkins.none': 'Your weekly path appears here once you have written a check-in.',
  'progress.pain.caption': 'How much it hurt',
  'progress.pain.series': 'Pain, 0 to 10',
  'progress.pain.summary.one':
    'Your average pain for the one week you have checked in so far, on a scale of 0 to 10.',
  'progress.pain.summary.other':
    'Your average pain for each of the {count} weeks you checked in, on a scale of 0 to 10. Weeks without a check-in are left out.',
  'progress.intensity.caption': 'How strong the feelings were',
  'progress.intensity.series': 'Strength of feelings, 1 to 5',
  'progress.intensity.summary.one':
    'How strong your feelings were on average, for the one week you have checked in so far, on a scale of 1 to 5.',
  'progress.intensity.summary.other':
    'How strong your feelings were on average, for each of the {count} weeks you checked in, on a scale of 1 to 5.',
  'progress.milestones.heading': 'Steps along the way',
  'progress.milestones.note': 'Not a checklist: just some of the things you have done, with when.',
  'progress.milestone.started': 'You started here',
  'progress.milestone.together': 'You and your partner were both in your shared space',
  'progress.milestone.first_checkin': 'Your first check-in',
  'progress.milestone.first_shared_checkin': 'You shared a check-in for the first time',
  'progress.milestone.first_trigger': 'You wrote down a hard moment for the first time',
  'progress.milestone.trigger_plan': 'You began your trigger plan together',
  'progress.milestone.first_lesson_reflection': 'Your first reflection on a lesson',
  'progress.milestone.roles_confirmed': 'You both confirmed what happened and your parts in it',
  'progress.milestone.phase_2': 'You both chose to go on to understanding what happened',
  'progress.milestone.phase_3': 'You both chose to go on to moving forward',
  'progress.milestone.letter_shared': 'You shared your letter',
  'progress.milestone.reflection_sent': 'You sent a reflection on your partner’s letter',
  'progress.milestone.felt_understood': 'Your partner told you they felt understood',
  'progress.milestone.first_measure': 'Your first weekly check-in',
} as const;
