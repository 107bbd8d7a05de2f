/**
 * The words of the program map (/program). The phases, topics and exercises themselves are content,
 * in content/program/program.yaml; these are the words around them.
 */
export const program = {
  'program.title': 'The program',
  'program.heading': 'Your program',
  'program.lead':
    'A map, not a test. Go at your own pace, come back to anything, and step back whenever you need to. There is no order you have to follow.',
  'program.loading': 'Loading the map…',

  'program.where.heading': 'Where you are',
  'program.where.together': 'Together, you are in phase {number}: {title}, {subtitle}.',
  'program.where.alone': 'You are in phase {number}: {title}, {subtitle}.',
  'program.where.solo':
    'A new phase opens when you both choose it, so that can start once your partner has joined. Everything here is yours to read and try in the meantime.',
  'program.where.last':
    'This is the last phase. Nothing more needs opening; you can stay as long as you like, or step back.',

  'program.pace.offer':
    'When you feel ready, you can say so. The shared exercises of {title} open when you have both chosen it. There is no hurry.',
  'program.pace.ready': 'I’m ready to go on to {title}',
  'program.pace.readyPending': 'Saving…',
  'program.pace.youAreReady':
    'You’ve said you’re ready to go on to {title}. A new phase opens when you both choose it.',
  'program.pace.wait': 'I’d rather wait after all',
  'program.pace.waitPending': 'Saving…',
  'program.pace.readyDone': 'Saved: you’re ready to go on.',
  'program.pace.opened': '{title} is open to you both now.',
  'program.pace.waitDone': 'Saved: you’d rather wait. Nothing else changed.',

  'program.back.intro': 'Stepping back is a normal part of healing, and it never needs a reason.',
  'program.back.button': 'Step back to {title}',
  'program.back.heading': 'Step back to {title}?',
  'program.back.body1':
    'The shared exercises of later phases will rest until you both choose to go on again.',
  'program.back.body2': 'Any choice either of you made to go on is cleared.',
  'program.back.body3': 'Nothing you wrote is lost, and you do not need to give a reason.',
  'program.back.confirm': 'Step back',
  'program.back.pending': 'Stepping back…',
  'program.back.cancel': 'Stay here',
  'program.back.done': 'You are back in {title}.',

  'program.history.heading': 'Along the way',
  'program.history.opened': '{date}: {title} opened.',
  'program.history.steppedBack': '{date}: stepped back to {title}.',

  'program.next.heading': 'Suggested next',
  'program.next.intro': 'Only suggestions. Anything on the map is yours to choose instead.',
  'program.next.none': 'Nothing in particular. Anything on the map is open to you.',
  'program.reason.name_injury':
    'Naming what happened, or looking at what your partner has named, gives everything else firm ground.',
  'program.reason.come_back': 'You said you would like to come back to this.',
  'program.reason.for_your_role': 'This one is mostly for you, in the part you hold.',
  'program.reason.next_in_phase': 'A good next step in the phase you are in.',
  'program.reason.look_ahead': 'You can read ahead at any time; it helps to know what is coming.',

  'program.phase.heading': 'Phase {number}: {title}',
  'program.phase.open': 'Open to you both.',
  'program.phase.openAlone': 'Open.',
  'program.phase.closed':
    'Its shared exercises open when you both choose to go on. Reading ahead is always open.',

  'program.exercise.joint': 'Together',
  'program.exercise.reading': 'A lesson to read',
  'program.exercise.suggested': 'Suggested by your therapist',
  'program.exercise.togetherLater': 'Together, once you both go on',
  'program.mark.about': 'Only you see your marks.',
  'program.mark.label': 'Your mark for {title}',
  'program.mark.none': 'No mark',
  'program.mark.spentShort': 'Spent time',
  'program.mark.comeBackShort': 'Come back',
  'program.mark.saved': 'Mark saved for {title}.',
  'program.mark.cleared': 'Mark cleared for {title}.',
  'program.injuries.link': 'Name what happened',
} as const;
