/**
 * The words of the question queue: the hurt partner writes questions in private and lets them go
 * at a pace they choose; the involved partner answers, corrects in the open, or asks for time.
 */
export const questions = {
  'questions.title': 'Questions',
  'questions.heading': 'Questions and answers',
  'questions.lead':
    'Questions after a betrayal are normal, and answering them honestly is part of rebuilding trust. Here the one who was hurt asks at a pace that is bearable, and the one who broke the trust answers openly, without rushing and without going quiet.',
  'questions.loading': 'Loading your questions…',
  'questions.noSpace':
    'Questions go between the two of you, so they need a shared space. Invite your partner from the home page first.',
  'questions.noSpace.link': 'Go to the home page',
  'questions.noInjury':
    'Questions belong to something that happened. Once you have named it together, they can start here.',
  'questions.noInjury.link': 'Name what happened',
  'questions.kind.affair': 'the affair',
  'questions.kind.emotional_affair': 'the emotional affair',
  'questions.kind.hidden_money': 'the hidden money',
  'questions.kind.lies': 'the lies',
  'questions.kind.other': 'what happened',
  'questions.injury.asking': 'Your questions about {what} ({month})',
  'questions.injury.answering': 'Questions from {name} about {what} ({month})',
  'questions.paused':
    'You can still write questions for yourself. Letting them go, and answering, wait until shared exercises open again.',

  // Writing (the hurt partner)
  'questions.write.heading': 'Write a question',
  'questions.write.intro':
    'Write whatever you want to ask, whenever it comes to you. It stays with you alone until you choose to let it go. Nobody is told that you wrote it.',
  'questions.write.label': 'Your question',
  'questions.write.submit': 'Keep it as a draft',
  'questions.write.pending': 'Keeping…',
  'questions.write.saved': 'Kept as a draft. Only you can see it.',

  // The pace
  'questions.pace.heading': 'Your pace',
  'questions.pace.intro':
    'Many couples find a few questions at a time easier to carry, for both of you. Choose how many may go in a day or in a week; you can change it whenever you like.',
  'questions.pace.cap': 'How many at most',
  'questions.pace.window': 'In any',
  'questions.pace.window.day': 'day (24 hours)',
  'questions.pace.window.week': 'week (7 days)',
  'questions.pace.selfCheck':
    'Before I let a question go, show me a moment to check in with myself',
  'questions.pace.save': 'Keep this pace',
  'questions.pace.saved': 'Your pace is kept.',
  'questions.pace.notChosen': 'Until you choose, the pace is {cap} a day.',
  'questions.pace.status.none': 'None has gone yet in this window.',
  'questions.pace.status.one': '{count} question has gone in this window.',
  'questions.pace.status.other': '{count} questions have gone in this window.',
  'questions.pace.next': 'The next can go from {when}.',

  // Drafts
  'questions.drafts.heading': 'Your drafts',
  'questions.drafts.empty': 'No drafts. A question you write waits here until you let it go.',
  'questions.drafts.choose': 'Choose to let go',
  'questions.drafts.written': 'Written {when}',
  'questions.drafts.edit': 'Edit',
  'questions.drafts.editLabel': 'Edit your question',
  'questions.drafts.saveEdit': 'Save the draft',
  'questions.drafts.cancel': 'Cancel',
  'questions.drafts.delete': 'Throw away',
  'questions.drafts.deleted': 'The draft is gone.',
  'questions.drafts.conflict': 'This draft changed in another window',
  'questions.drafts.conflictBody':
    'Here is the draft as it was saved there, beside your words. Choose which to keep.',
  'questions.release.button.one': 'Let {count} question go',
  'questions.release.button.other': 'Let {count} questions go',
  'questions.release.none': 'Choose the drafts you want to let go first.',
  'questions.release.done.one': '{count} question went to {name}.',
  'questions.release.done.other': '{count} questions went to {name}.',
  'questions.release.nextLocal': 'By your clock, the next can go from {when}.',
  'questions.selfCheck.heading': 'A moment before you let go',
  'questions.selfCheck.body':
    'Will the answer help you heal, or could it add pictures you cannot unsee? Questions about what it meant, and what is true now, often help more than questions about graphic detail. You know what you need; this is only a pause.',
  'questions.selfCheck.go': 'Let it go now',
  'questions.selfCheck.wait': 'Not yet',

  // Released questions (the hurt partner's view)
  'questions.released.heading': 'Questions you let go',
  'questions.released.empty': 'Nothing let go yet.',
  'questions.released.when': 'Let go {when}',
  'questions.status.waiting': 'Waiting for an answer.',
  'questions.status.time': '{name} needs time to answer this well, until {date}.',
  'questions.status.timeMine': 'You asked for time until {date}.',
  'questions.answer.version': 'Answer, version {version}, {when}',
  'questions.answer.versionLatest': 'Newest answer, version {version}, {when}',
  'questions.answer.earlier': 'Earlier versions of this answer',
  'questions.mark.legend': 'How was this answer for you?',
  'questions.mark.helped': 'This helped',
  'questions.mark.more': 'I need more',
  'questions.mark.therapist': "Let's take this to our therapist",
  'questions.mark.saved': 'Your word on the answer is kept.',
  'questions.mark.shown.helped': 'You said this helped (version {version}).',
  'questions.mark.shown.more': 'You said you need more (version {version}).',
  'questions.mark.shown.therapist':
    'You marked this for your therapist (version {version}). It is on your session prep list.',
  'questions.mark.partner.helped': '{name} said this answer helped.',
  'questions.mark.partner.more': '{name} said they need more.',
  'questions.mark.partner.therapist':
    '{name} would like to take this to your therapist. It is on your session prep list too.',
  'questions.more': 'Show older questions',

  // Answering (the involved partner)
  'questions.inbox.empty': 'No questions for you yet.',
  'questions.inbox.intro':
    'Answer as honestly as you can. If you later see that an answer was incomplete, correct it: the correction is kept as a new version beside the first, and {name} sees both.',
  'questions.answer.label': 'Your answer',
  'questions.answer.correctLabel': 'Your corrected answer',
  'questions.answer.send': 'Send my answer',
  'questions.answer.correct': 'Send the correction',
  'questions.answer.pending': 'Sending…',
  'questions.answer.sent': 'Your answer went to {name}.',
  'questions.answer.conflict': 'An answer was sent from another window or device',
  'questions.answer.conflictBody':
    'Both are here: the answer that was sent, and your words. Nothing is lost. You can send yours as a correction, or keep the one that was sent.',
  'questions.time.label': 'I need time to answer this well, until',
  'questions.time.hint':
    'Saying so is kind: it tells {name} the question was heard. You can still answer sooner.',
  'questions.time.send': 'Ask for time',
  'questions.time.sent': '{name} will see that you need time.',
} as const;
