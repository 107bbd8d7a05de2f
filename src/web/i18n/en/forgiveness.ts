/** The forgiveness reflection's words (src/web/features/forgiveness). */
export const forgiveness = {
  'forgiveness.title': 'Forgiveness',
  'forgiveness.heading': 'Reflecting on forgiveness',
  'forgiveness.lead':
    'A private place to think about where you are with forgiveness, in your own time. Nothing you write here is shown to your partner, and there is no score or verdict.',
  'forgiveness.leadPartner':
    'This reflection belongs to the partner who was hurt, and it stays theirs. If they choose to share something they wrote, it appears here.',
  'forgiveness.loading': 'Loading…',
  'forgiveness.yourPartner': 'your partner',
  'forgiveness.about.heading': 'What forgiveness is, and is not',
  'forgiveness.about.p1':
    'Forgiving is not forgetting, excusing what happened, or promising to stay. Whether to go on together is a separate question, with its own page.',
  'forgiveness.about.p2':
    'Many people describe forgiveness as a slow loosening: seeing what happened and the person who did it in a fuller, more balanced way, being less ruled by the hurt, and feeling less need for them to pay for it.',
  'forgiveness.about.p3':
    'It cannot be rushed, and it cannot be asked for. Where you are today is simply where you are; it may look different next month.',
  'forgiveness.private.heading': 'Your reflection, only for you',
  'forgiveness.private.intro':
    'Write as much or as little as you like. It saves itself as you go, and only you can ever read it.',
  'forgiveness.prompt.whereIAm': 'Where I am with forgiveness right now',
  'forgiveness.prompt.whereIAm.hint':
    'Today, honestly. "Nowhere near it" is a real answer, and so is "closer than I expected".',
  'forgiveness.prompt.wouldMean': 'What forgiving would mean for me',
  'forgiveness.prompt.wouldMean.hint':
    'What might change in you, in how you carry this, if you forgave.',
  'forgiveness.prompt.wouldNotMean': 'What forgiving would not mean',
  'forgiveness.prompt.wouldNotMean.hint':
    'What you would not be saying or giving up, for example that it was acceptable, or that you must stay.',
  'forgiveness.prompt.whatINeed': 'What I need before I could go further',
  'forgiveness.prompt.whatINeed.hint':
    'From your partner, from yourself, from time. Nothing here is a demand unless you make it one.',
  'forgiveness.prompt.toShare': 'Words I might share',
  'forgiveness.prompt.toShare.hint':
    'Private like the rest until you choose to share it. Your partner would read this text and nothing else.',
  'forgiveness.save': 'Save',
  'forgiveness.saving': 'Saving…',
  'forgiveness.savedNow': 'Saved. Only you can read it.',
  'forgiveness.saveState.unsaved': 'Not saved yet. It saves itself a moment after you stop typing.',
  'forgiveness.saveState.saved': 'Saved {when}. Only you can read it.',
  'forgiveness.conflict.body':
    'This reflection was saved in another window meanwhile. Here are both; choose what to keep.',
  'forgiveness.share.heading': 'If you want to share something',
  'forgiveness.share.intro':
    'You never have to. If a few words about where you are would help your partner understand, you can write them below and share them; the rest of your reflection stays with you.',
  'forgiveness.share.noPartner':
    'Your partner has not joined your space yet, so there is no one to share with.',
  'forgiveness.share.notNow':
    'Sharing opens when you both move on to the last phase of the program together, and rests while shared exercises rest. Your writing here is never paused.',
  'forgiveness.share.toProgram': 'See the program and your pace',
  'forgiveness.share.writeFirst':
    'Write the words you might share above, and a share button appears.',
  'forgiveness.share.start': 'Share these words with {name}…',
  'forgiveness.share.confirmHeading': 'Share these words with {name}?',
  'forgiveness.share.confirmBody':
    '{name} will be able to read the words in "Words I might share", as they are now, and nothing else of your reflection. You can take them back at any time.',
  'forgiveness.share.confirm': 'Yes, share them',
  'forgiveness.share.sharing': 'Sharing…',
  'forgiveness.share.cancel': 'Not now',
  'forgiveness.share.done': '{name} can read these words now.',
  'forgiveness.mine.heading': 'What you have shared',
  'forgiveness.mine.sharedAt': 'Shared with {name} {when}',
  'forgiveness.mine.takenBack': 'Written {when}; taken back, so only you can read it',
  'forgiveness.mine.takeBack': 'Take back',
  'forgiveness.mine.takenBackDone': 'Taken back. Only you can read it now.',
  'forgiveness.partner.heading': 'What {name} chose to share',
  'forgiveness.partner.none':
    'Nothing shared. This is {name}’s own reflection, and there is nothing to wait for or to ask about: forgiveness is not something anyone can be asked for.',
  'forgiveness.partner.intro':
    '{name} chose to share these words. Reading them quietly, without answering straight away, is often the kindest response.',
  'forgiveness.partner.sharedAt': 'Shared {when}',
} as const;
