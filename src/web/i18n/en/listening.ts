/**
 * Listening turns. The words speak to whoever holds the next step: the one speaking, the one
 * listening, or both when a turn is done. Nothing here grades, counts or compares anyone.
 */
export const listening = {
  'listening.title': 'Listening turns',
  'listening.heading': 'Taking turns to listen',
  'listening.lead':
    'One of you says what you feel and need. The other writes back what they heard, and why it makes sense. You go on until the one speaking feels understood.',
  'listening.loading': 'Loading…',
  'listening.you': 'You',
  'listening.sent': 'Sent. Your partner will see it is their turn.',
  'listening.cancel': 'Not now',

  'listening.about.heading': 'How a listening turn goes',
  'listening.about.speak':
    'The one speaking writes what they feel, and what they need. Speak about yourself: “I feel…”, “I need…”.',
  'listening.about.reflect':
    'The one listening writes back, in their own words, what they heard, and a line that says why it makes sense. Understanding is not the same as agreeing; no defending, no fixing.',
  'listening.about.answer':
    'The one speaking says whether they felt understood: yes, partly, or not yet. If not quite, they can say a little more, and the listener tries again.',
  'listening.about.swap':
    'Once the one speaking says yes, the turn is done. Then you can swap: the listener speaks, and the speaker listens.',
  'listening.about.noScore':
    'There are no points and no right answers here. “Not yet” is simply part of how listening works.',

  'listening.alone':
    'Listening turns are for the two of you. Once your partner has joined your space, you can begin.',
  'listening.pace':
    'This exercise belongs to phase {phase}, and opens when you have both chosen to go on to it. The one who needs more time sets the pace.',
  'listening.pace.link': 'See where you both are on the program page',

  'listening.start.heading': 'Begin a conversation',
  'listening.start.intro':
    'You speak first. Your partner will see that it is their turn to listen, but never a word of what you wrote in the notification itself.',
  'listening.start.submit': 'Share with my partner',

  'listening.list.heading': 'Your conversations',
  'listening.list.item': 'Started {date} · {turns} turns',
  'listening.list.itemOne': 'Started {date} · one turn',
  'listening.list.yourMove': 'Your turn',
  'listening.list.new': 'Begin a new conversation',

  'listening.conversation.heading': 'The conversation',
  'listening.conversation.started': 'Started {date}. You can both read all of it.',

  'listening.turn.heading': 'Turn {number}: {speaker} speaking, {listener} listening',
  'listening.turn.feeling': '{name}: what I feel',
  'listening.turn.need': 'What I need',
  'listening.turn.heard': '{name}: what I heard',
  'listening.turn.validation': 'Why it makes sense',
  'listening.turn.answer': '{name}: “I felt understood” — {answer}',
  'listening.turn.done': '{name} felt understood ({date}).',

  'listening.understood.yes': 'Yes',
  'listening.understood.partly': 'Partly',
  'listening.understood.not_yet': 'Not yet',

  'listening.field.feeling': 'What I feel',
  'listening.field.feeling.hint': 'About you, not about your partner: “I feel … when …”.',
  'listening.field.need': 'What I need',
  'listening.field.need.hint': 'Something your partner could do or say.',
  'listening.field.heard': 'What I heard',
  'listening.field.heard.hint': 'Their words, as you understood them. Leave out your side for now.',
  'listening.field.validation': 'Why it makes sense',
  'listening.field.validation.hint':
    'You could start: “I can see why you would feel …, because …”. Understanding is not agreeing.',
  'listening.field.clarification': 'Anything to add (optional)',
  'listening.field.clarification.hint':
    'What {name} missed, or what matters most. A few words are enough.',
  'listening.field.clarification.yesHint': 'A word of thanks, if you like.',

  'listening.wait.reflect': 'It is {name}’s turn to write back what they heard.',
  'listening.wait.answer': 'It is {name}’s turn to say whether they felt understood.',

  'listening.reflect.heading': 'Write back to {name}',
  'listening.reflect.againHeading': 'Try again with what {name} added',
  'listening.reflect.intro':
    'Take your time. Your aim is for your partner to feel heard, not to be right.',
  'listening.reflect.submit': 'Send to {name}',

  'listening.answer.heading': 'Did you feel understood by {name}?',
  'listening.answer.legend': 'I felt understood',
  'listening.answer.choose': 'Please choose yes, partly or not yet.',
  'listening.answer.submit': 'Send my answer',
  'listening.answer.heard': 'This turn is done. You can swap whenever you are both ready.',

  'listening.next.heading': 'The next turn',
  'listening.next.swap': 'Now you can speak, and {name} listens.',
  'listening.next.again': 'You can speak again, or wait for {name} to take a turn.',
  'listening.next.submit': 'Share with my partner',

  'listening.conflict.heading': 'Your partner took this step while you were writing',
  'listening.conflict.body':
    'The conversation above shows what was saved. Your words are kept here, so nothing is lost; you can use them in the next step.',
} as const;
