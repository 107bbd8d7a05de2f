/** Help and safety: the quiet pause, and support services by region. */
export const safety = {
  'safety.button': 'I don’t feel safe',
  'safety.title': 'Help and safety',
  'safety.heading': 'Help and safety',
  'safety.lead':
    'You deserve to be safe, in this work and at home. Here is where to find help, and how to pause the shared exercises for a while.',
  'safety.loading': 'Loading help and safety…',

  'safety.pause.heading': 'Shared exercises',
  'safety.pause.explain':
    'You can pause the shared exercises at any time, for any reason. Your partner gets no message: they only see that shared exercises are resting, with the same words whatever the reason. Your own check-ins, notes and the guide stay open.',
  'safety.pause.pause': 'Pause shared exercises',
  'safety.pause.pausing': 'Pausing…',
  'safety.pause.done': 'Shared exercises are paused.',
  'safety.pause.pausedByMe': 'You have paused the shared exercises. Only you can start them again.',
  'safety.pause.resumeExplain':
    'When you feel ready, and only then, you can start them again. There is no hurry.',
  'safety.pause.resume': 'Start shared exercises again',
  'safety.pause.resuming': 'Starting again…',
  'safety.pause.resumed': 'Shared exercises are open again.',
  'safety.pause.resumedAlone':
    'Your pause is lifted. Shared exercises open once your partner has joined and you have both taken the private moment on safety.',
  'safety.pause.resumedStillResting':
    'Your pause is lifted. Shared exercises are still resting for now.',

  'safety.screen.heading': 'A private moment on safety',
  'safety.screen.explain':
    'Before shared exercises open, each partner answers a few questions alone. Nobody else sees your answers, and we do not keep them. You can take it again at any time.',
  'safety.screen.link': 'Take the private safety questions',

  'safety.resources.heading': 'People who can help',
  'safety.resources.emergency':
    'If you or anyone else is in danger right now, call your local emergency number.',
  'safety.resources.loading': 'Loading support services…',
  'safety.resources.region': 'Show services for',
  'safety.resources.checked': 'Details checked on {date}.',
  'safety.resources.source': 'Where they come from',
  'safety.contact.phone': 'Call',
  'safety.contact.text': 'Text',
  'safety.contact.tty': 'Textphone',
  'safety.contact.web': 'Online',

  'safety.tab.heading': 'In your browser tab',
  'safety.tab.explain':
    'If someone might glance at your screen, the tab can say “Notes” with a plain page icon instead of our name and heart. This is kept with your account, so it follows you to any device once you sign in.',
  'safety.tab.label': 'Show “Notes” and a plain icon in the tab',
  'safety.limits.heading': 'Good to know',
  'safety.limits.partner':
    'Pausing sends your partner nothing, but they may notice that shared exercises are resting. If you are worried about how they might react, a helpline can help you plan what to do.',
  'safety.limits.device':
    'If you think someone may be watching your phone or computer, use a device they cannot reach. Quick exit hides this page fast, but it cannot hide your browsing history.',
  'safety.limits.notTherapy':
    'This app is not therapy, and couples work is not advised when one partner is afraid of the other or feels controlled. Support for you alone comes first.',

  'safety.offer.heading': 'You don’t have to carry this alone',
  'safety.offer.body':
    'What you wrote sounds very heavy, and it is saved as you wrote it. If you are in danger, or thinking about ending your life, please reach out now: call your local emergency number, or talk to one of the people who can help where you live.',
  'safety.offer.link': 'See people who can help',
  'safety.offer.close': 'Close this',
  'safety.offer.announce': 'Support is offered at the top of the page.',
} as const;
