/** Every word of the transparency page (issue 15, item 2). */
export const transparency = {
  'transparency.title': 'Openness',
  'transparency.heading': 'Offers of openness',
  'transparency.lead':
    'Openness that one of you offers freely, in your own words, and the other accepts or not. Each offer has a day to look at it again and a day it ends, and either of you can pause one at any time.',
  'transparency.loading': 'Loading the offers…',
  'transparency.noSpace':
    'Offers are made between partners. Once you and your partner share a space, they live here.',
  'transparency.noSpace.link': 'Go to your home page',

  'transparency.why.heading': 'Why nothing here checks on anyone',
  'transparency.why.body':
    'This app never reads a phone, a location or anyone’s messages, and it never will. Trust grows back through openness that is offered and kept, not through watching: checking tends to keep both of you on guard. If an offer is not enough for now, that is worth saying, here or with a counsellor.',

  'transparency.offer.heading': 'Make an offer',
  'transparency.offer.intro':
    'Say what you will tell your partner of your own accord. Start from one of these, or write your own.',
  'transparency.starter.contact':
    'I will tell you the same day if there has been any contact with them, even a message I did not answer.',
  'transparency.starter.plans': 'I will share my plans for the day, and tell you if they change.',
  'transparency.starter.asked':
    'If someone asks me about what happened, I will tell you who asked and what I said.',
  'transparency.starter.questions':
    'When you ask where I have been, I will answer plainly and without getting defensive.',
  'transparency.starter.use': 'Use these words',
  'transparency.starter.used': 'The words are in the box below, ready to change.',
  'transparency.field.text': 'Your offer, in your own words',
  'transparency.field.reviewOn': 'Look at it again on',
  'transparency.field.reviewOn.hint': 'On that day it comes back to both of you.',
  'transparency.field.endsOn': 'It ends on',
  'transparency.field.endsOn.hint': 'You can make a new offer when it ends.',
  'transparency.offer.submit': 'Make this offer',
  'transparency.offer.saving': 'Sending…',
  'transparency.offer.saved': 'Your offer is made. {name} can accept it, or not.',
  'transparency.offer.notYours':
    'Offers come from the partner who was involved. Yours is to accept one, or not, and to pause one whenever you need to.',
  'transparency.offer.alone': 'Offers wait until your partner has joined.',

  'transparency.list.heading': 'Offers between you',
  'transparency.list.empty': 'No offers yet.',
  'transparency.offeredByYou': 'Offered by you on {date}',
  'transparency.offeredBy': 'Offered by {name} on {date}',
  'transparency.dates': 'Look again on {review} · ends on {ends}',
  'transparency.state.waiting.mine': 'Waiting for {name} to answer.',
  'transparency.state.waiting.theirs': 'Waiting for your answer. There is no hurry.',
  'transparency.state.accepted': 'Accepted. It holds until it ends.',
  'transparency.state.declined': 'Not accepted.',
  'transparency.state.ended': 'This offer has ended.',
  'transparency.state.pausedByYou': 'Paused by you on {date}.',
  'transparency.state.pausedBy': 'Paused by {name} on {date}.',
  'transparency.reviewDue':
    'It is time to look at this offer again together: keep it, change its dates, or let it end.',

  'transparency.accept': 'Accept this offer',
  'transparency.decline': 'Not now',
  'transparency.accepted': 'You accepted the offer.',
  'transparency.declined': 'You said not now.',
  'transparency.pause': 'Pause it',
  'transparency.paused': 'It is paused. {name} sees that it is.',
  'transparency.resume': 'Take my pause away',
  'transparency.resumed': 'Your pause is taken away.',
  'transparency.endNow': 'End it today',
  'transparency.ended': 'The offer has ended.',
  'transparency.pausedCheckin':
    'A pause is fine. If it helps, a check-in is a quiet place to note how you are.',
  'transparency.pausedCheckinLink': 'Go to check-ins',
  'transparency.pauseNote': 'Either of you can pause it at any time, without giving a reason.',
} as const;
