/**
 * The apology and its commitments. The writing side speaks to the partner whose choice caused
 * the hurt; the reading side to the partner who was hurt. No scores, no counts, no hurry.
 */
export const apology = {
  'apology.title': 'Apology',
  'apology.heading': 'Apology and commitments',
  'apology.lead':
    'Owning what happened, in your own words and at your own pace, and the concrete promises that come with it.',
  'apology.loading': 'Loading…',
  'apology.notNow': 'Not now',
  'apology.yourPartner': 'your partner',

  'apology.about.heading': 'About this exercise',
  'apology.about.p1':
    'An apology that helps names what was done and what it did, takes the whole of the choice without excuses, and says what will be different. The parts below walk through that one step at a time.',
  'apology.about.p2':
    'The apology stays private while you write it. When you send it, your partner can read it, comment on any part, and you can revise it; every version you send is kept, so nothing is quietly rewritten.',
  'apology.about.p3':
    'Asking for forgiveness is left out unless you choose to add it. Forgiveness is your partner’s to give in their own time, and never owed in return.',

  'apology.why.heldBack':
    'There is no place here for why it happened. Explanations, however true, tend to sound like excuses this early. The “why” has its own time later, in the meaning phase, once your partner feels heard.',

  'apology.injury.label': '{kind}, came to light in {month}',
  'apology.injury.unknown': 'An injury no longer listed',
  'apology.injury.affair': 'An affair',
  'apology.injury.emotional_affair': 'An emotional affair',
  'apology.injury.hidden_money': 'Hidden money or debts',
  'apology.injury.lies': 'Lies or deception',
  'apology.injury.other': 'Something else',

  'apology.start.heading': 'Write an apology',
  'apology.start.body':
    'Start when you feel ready. Nothing is sent until you choose to send it, and you can come back to it any time.',
  'apology.start.button': 'Start writing',
  'apology.start.starting': 'Starting…',

  'apology.empty.heading': 'Nothing here yet',
  'apology.empty.body':
    'An apology is written by the partner whose choice caused the hurt, for an injury you have named together. When one is sent to you, it will be here.',
  'apology.empty.injuries': 'Name an injury or check its roles',

  'apology.mine.heading': 'Your apology',
  'apology.part.whatIDid': 'What I did',
  'apology.part.whatIDid.hint':
    'Plainly, without softening words. Your partner knows what happened; hearing you say it matters.',
  'apology.part.harm': 'The harm it caused',
  'apology.part.harm.hint':
    'What it did to your partner, and to the two of you, as far as you understand it. Their letter may help.',
  'apology.part.responsibility': 'My responsibility',
  'apology.part.responsibility.hint':
    'That the choice was yours, with nothing that shares it out. No “but”, no “because”.',
  'apology.part.regret': 'What I regret',
  'apology.part.regret.hint': 'What you are sorry for: the act and its effect, not their feelings.',
  'apology.part.change': 'What will change',
  'apology.part.change.hint':
    'How you will act differently. Concrete promises go in the commitments below, each with a day to look at it together.',
  'apology.part.repair': 'What I offer to repair',
  'apology.part.repair.hint':
    'What you are willing to do to help mend things, such as answering questions or going to counselling.',
  'apology.part.forgiveness': 'Asking for forgiveness',
  'apology.part.forgiveness.hint':
    'If you ask, ask without pressing. Your partner may not be able to answer for a long time.',
  'apology.ask.label': 'Add a part asking for forgiveness',
  'apology.ask.hint':
    'Optional, and off to begin with. Many people leave it out of a first apology.',

  'apology.language.heading': 'A gentle suggestion',
  'apology.language.instead': 'You could try:',

  'apology.save': 'Save draft',
  'apology.saving': 'Saving…',
  'apology.saved': 'Your draft is saved.',
  'apology.saveState.saved': 'Saved at {time}.',
  'apology.saveState.unsaved': 'Not saved yet.',
  'apology.saveState.private': 'Your draft saves itself and stays private until you send it.',
  'apology.conflict.body':
    'This draft was saved from another window while you were writing. Here are both; choose what to keep.',

  'apology.send.noPartner':
    'Your partner has not joined your space yet, so there is no one to send this to. It stays private.',
  'apology.send.private': 'Only you can read this. {name} will see it once you send it.',
  'apology.send.sentOn': 'You sent this to {name} on {date}.',
  'apology.send.unsentChanges':
    'You have changes {name} has not seen yet. Sending them adds a new version; the earlier ones stay readable.',
  'apology.send.resting':
    'Shared exercises are resting for now, so sending and answering wait. Your draft is still yours to write.',
  'apology.send.start': 'Send to {name}…',
  'apology.send.revise': 'Send the revised apology to {name}…',
  'apology.send.confirmHeading': 'Send your apology to {name}?',
  'apology.send.confirmBody':
    '{name} will be able to read it as it is now, with its commitments, and to comment on it. You can revise it later; every version you send is kept.',
  'apology.send.withSuggestions':
    'The language check still has a suggestion or two. They are only suggestions; you can send as it is.',
  'apology.send.confirm': 'Send it',
  'apology.send.sending': 'Sending…',
  'apology.send.done': 'Your apology was sent to {name}.',
  'apology.send.saveFirst':
    'Your latest words could not be saved, so nothing was sent. Please try again.',

  'apology.versions.mine': 'Versions you have sent',
  'apology.versions.reader': 'Earlier versions from {name}',
  'apology.versions.item': 'Version {number}, sent {date}',
  'apology.versions.show': 'Show',
  'apology.versions.compare': 'Compared with',
  'apology.versions.noCompare': 'No comparison',
  'apology.versions.loading': 'Loading the version…',
  'apology.diff.removed': 'taken out:',
  'apology.diff.added': 'put in:',

  'apology.reader.heading': 'An apology from {name}',
  'apology.reader.sent': 'version {number}, sent {date}',
  'apology.reader.lead':
    'Read it when you are ready. You can answer any part below: select words to quote them in a comment. There is nothing you have to say back.',
  'apology.reader.articleLabel': 'The apology',

  'apology.commitments.heading': 'Commitments',
  'apology.commitments.lead':
    'The concrete promises of your apology, each with a day to look at it together. They are sent with your apology.',
  'apology.commitments.reader.heading': 'What {name} commits to',
  'apology.commitments.checkIn': 'Check-in day: {date}',
  'apology.commitments.shared': '{name} can see this',
  'apology.commitments.waiting': 'Waits to be sent with your apology',
  'apology.commitments.add': 'Add a commitment',
  'apology.commitments.text': 'The promise',
  'apology.commitments.text.hint':
    'Something you can do and your partner can see, in one sentence.',
  'apology.commitments.day': 'Check-in day',
  'apology.commitments.day.hint': 'A day to look at it together. You will both get a reminder.',
  'apology.commitments.addButton': 'Add commitment',
  'apology.commitments.added': 'The commitment is added.',
  'apology.commitments.edit': 'Change',
  'apology.commitments.save': 'Save the change',
  'apology.commitments.saved': 'The commitment is changed.',
  'apology.commitments.remove': 'Remove',
  'apology.commitments.removed': 'The commitment is removed.',

  'apology.follow.open': 'Note how I kept it',
  'apology.follow.note': 'How I kept it',
  'apology.follow.note.hint': 'A few words about what you did to keep this promise.',
  'apology.follow.on': 'When',
  'apology.follow.on.words': 'On {date}',
  'apology.follow.submit': 'Share this note',
  'apology.follow.noted': 'Your note is shared.',
  'apology.follow.listLabel': 'Notes on keeping this promise',
  'apology.follow.noneYet': 'No notes from {name} on this one yet.',

  'apology.ack.none': '{name} has not answered this yet. There is no hurry.',
  'apology.ack.seenBy': '{name} sees it.',
  'apology.ack.notYetBy': '{name} says: not yet.',
  'apology.ack.youSaw': 'You answered: I see it.',
  'apology.ack.youNotYet': 'You answered: not yet.',
  'apology.ack.change': 'Change my answer',
  'apology.ack.note': 'A note (optional)',
  'apology.ack.note.hint': 'What you noticed, or what you still need to see.',
  'apology.ack.seen': 'I see it',
  'apology.ack.notYet': 'Not yet',
  'apology.ack.doneSeen': 'Your answer is shared: I see it.',
  'apology.ack.doneNotYet': 'Your answer is shared: not yet.',
  'apology.ack.answer': 'Answer',
  'apology.ack.conflict':
    'You answered this from another window a moment ago. Here are both answers; keep yours or the one already saved.',
} as const;
