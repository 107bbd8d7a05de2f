/**
 * The private safety screen. It speaks to one person alone; it never says anything about the
 * partner's answers, results or choices, because it never knows them.
 */
export const safetyScreen = {
  'safety-screen.title': 'A private moment on safety',
  'safety-screen.heading': 'A private moment on safety',
  'safety-screen.lead':
    'Before shared exercises begin, each of you answers a few questions alone. They help us make sure working together is safe for you.',
  'safety-screen.loading': 'Loading the questions…',

  'safety-screen.intro.heading': 'Before you start',
  'safety-screen.intro.private':
    'This is private. Nobody else sees your answers: not your partner, and not a therapist, even one you both invite.',
  'safety-screen.intro.kept':
    'We do not keep your answers, or what they add up to. We only note that you took this moment, and when, so shared exercises know they may open.',
  'safety-screen.intro.stop':
    'You can stop at any time and come back later. If someone comes close to your screen, the Quick exit button at the top of the page hides it at once.',
  'safety-screen.intro.notTest':
    'These are our own questions, not a test or a diagnosis. There are no right answers, and “I’d rather not say” is always fine.',
  'safety-screen.lastTaken': 'You last took this on {date}.',

  'safety-screen.form.heading': 'The questions',
  'safety-screen.form.question': 'Question {number} of {count}',
  'safety-screen.form.unanswered':
    'Please choose an answer to question {number}. “I’d rather not say” is always fine.',
  'safety-screen.form.submit': 'Finish',
  'safety-screen.form.pending': 'Sending…',

  'safety-screen.calm.heading': 'Thank you for taking this moment',
  'safety-screen.calm.body':
    'Thank you. Shared exercises open once you have both taken a moment here.',
  'safety-screen.calm.stillPaused':
    'You paused shared exercises earlier, and they are still paused. Answering again does not start them: that is your choice to make, whenever you feel ready, and there is no hurry.',
  'safety-screen.calm.later':
    'If things change, you can come back and answer again at any time, or press “I don’t feel safe” at the top of any page.',
  'safety-screen.calm.program': 'Go to the program',

  'safety-screen.care.heading': 'Thank you for telling us',
  'safety-screen.care.paused':
    'What you answered matters, and you deserve to feel safe. Because of your answers, we have paused shared exercises for both of you.',
  'safety-screen.care.noSpace':
    'What you answered matters, and you deserve to feel safe. You are not sharing a space with a partner here at the moment, so there are no shared exercises to pause.',
  'safety-screen.care.partner':
    'Your partner gets no message. They only see that shared exercises are resting, in the same words whatever the reason.',
  'safety-screen.care.own': 'Your own check-ins, notes and the guide stay open, just for you.',
  'safety-screen.care.advice':
    'Working on the relationship together is not advised while someone feels afraid, controlled or hurt. Support for you comes first, and the people below can help you think it through.',
  'safety-screen.care.resources': 'People who can help',
  'safety-screen.care.emergency':
    'If you or anyone else is in danger right now, call your local emergency number.',
  'safety-screen.care.loading': 'Loading support services…',
  'safety-screen.care.otherRegions': 'Other regions, and more about staying safe',
  'safety-screen.resume.onlyYou':
    'Only you can start shared exercises again. Nothing starts them by itself: not time, not your partner, and not answering these questions again. When you feel ready, and only then, you can do it on the Help and safety page.',
  'safety-screen.resume.link': 'Start shared exercises again on Help and safety',
  'safety-screen.again': 'Answer again',
  'safety-screen.contact.phone': 'Call',
  'safety-screen.contact.text': 'Text',
  'safety-screen.contact.tty': 'Textphone',
  'safety-screen.contact.web': 'Online',
  'safety-screen.checked': 'Details checked on {date}.',
} as const;
