/**
 * The impact letter and the reflection on it. The page speaks to the person who was hurt; the
 * reflection's words speak to the partner reading the letter.
 */
export const impactLetter = {
  'impact-letter.title': 'Impact letter',
  'impact-letter.heading': 'Your impact letter',
  'impact-letter.lead':
    'A place to put into words how you were hurt, at your own pace. Only you can read it until you choose to share it.',
  'impact-letter.loading': 'Loading your letters…',
  'impact-letter.loadingLetter': 'Loading the letter…',
  'impact-letter.notNow': 'Not now',

  // The involved partner's view, before any letter of their own
  'impact-letter.reader.heading': 'Your partner’s impact letter',
  'impact-letter.reader.lead':
    'Your partner may write a letter about how they were hurt. When they share it, you read it here and write back what you heard: no explaining, just listening.',
  'impact-letter.reader.yourPartner': 'your partner',
  'impact-letter.reader.waiting.heading': 'Waiting for the letter from {name}',
  'impact-letter.reader.waiting.body':
    '{name} has not shared a letter with you yet. Writing one takes time, and there is no need to ask about it. When it is shared, it appears here and on your Today page.',
  'impact-letter.reader.waiting.meanwhile':
    'Meanwhile, the guide’s lesson on taking responsibility can help you get ready to listen.',
  'impact-letter.reader.own': 'If you were hurt too: a letter of your own',

  'impact-letter.jump.label': 'On this page',
  'impact-letter.jump.mine': 'Your letter',
  'impact-letter.jump.partner': 'The letter from {name}',

  'impact-letter.about.heading': 'What this letter is for',
  'impact-letter.about.p1':
    'If you are the one who was hurt, this letter is yours. It is a way to tell your partner what happened for you, how it has affected you, and what you need now. It can be honest without being cruel, and it does not need to soften anything or find perfect words.',
  'impact-letter.about.p2':
    'Many people write it over days or weeks. Save as often as you like: nothing is shared until you say so, and you can make it private again later. If you see a therapist, you may want to read it through with them before you share it.',
  'impact-letter.about.p3':
    'If your partner shares a letter with you, it will appear on this page too, with a place to write back what you heard.',

  // Writing my letter
  'impact-letter.mine.heading': 'Your letter',
  'impact-letter.mine.noSpace':
    'To write a letter, first set up your private space. Any letters you wrote before stay here, for you alone.',
  'impact-letter.mine.toHome': 'Go to Home',
  'impact-letter.mine.start.body':
    'When you feel ready, begin with whichever part comes most easily. Any part can stay empty for now.',
  'impact-letter.mine.start': 'Start my letter',
  'impact-letter.mine.starting': 'Starting…',

  'impact-letter.section.whatHappened': 'What happened for me',
  'impact-letter.section.whatHappened.hint':
    'What you found out or lived through, in your own words. Plain and specific is fine.',
  'impact-letter.section.howItAffectedMe': 'How it affected me',
  'impact-letter.section.howItAffectedMe.hint':
    'Your sleep, your body, your thoughts and feelings, how you see yourself and others, what feels lost.',
  'impact-letter.section.whatINeedNow': 'What I need now',
  'impact-letter.section.whatINeedNow.hint':
    'What would help you now, and what you need from your partner from here on.',
  'impact-letter.section.emptyMine': 'You left this part empty.',
  'impact-letter.section.emptyPartner': '{name} left this part empty.',

  'impact-letter.save': 'Save draft',
  'impact-letter.saving': 'Saving…',
  'impact-letter.saved': 'Your draft is saved.',
  'impact-letter.saveState.saved': 'Saved at {time}.',
  'impact-letter.saveState.unsaved': 'Changes not saved yet.',
  'impact-letter.saveState.auto': 'Your draft also saves itself when you pause.',

  'impact-letter.conflict.body':
    'This was saved from another window or device while you were writing. Nothing is lost: your words are still in the form, and the saved version is beside them. Keep yours, take the saved one, or change yours to bring the two together, then save.',

  // Sharing my letter
  'impact-letter.share.noPartner':
    'Only you can read this letter. Once your partner joins your space, you can choose whether to share it.',
  'impact-letter.share.private': 'Private: only you can read this letter.',
  'impact-letter.share.start': 'Share my letter with {name}…',
  'impact-letter.share.confirmHeading': 'Share your letter with {name}?',
  'impact-letter.share.confirmBody':
    '{name} will be able to read your letter as it is now. Anything you change afterwards stays private until you share it too. You can make it private again at any time.',
  'impact-letter.share.confirm': 'Yes, share it',
  'impact-letter.share.sharing': 'Sharing…',
  'impact-letter.share.done': 'Your letter is shared with {name}.',
  'impact-letter.share.saveFirst':
    'We could not save your latest words, so nothing was shared. Please save your draft and try again.',
  'impact-letter.share.sharedVersion': '{name} can read the version you shared on {date}.',
  'impact-letter.share.unsharedChanges':
    'You have changes {name} has not seen. They stay private until you share them.',
  'impact-letter.share.changes': 'Share my changes with {name}…',
  'impact-letter.share.changesHeading': 'Share your changes with {name}?',
  'impact-letter.share.changesBody':
    '{name} will see your letter as it is now, marked as updated, and can still read the earlier version.',
  'impact-letter.share.makePrivate': 'Make my letter private again',
  'impact-letter.share.makingPrivate': 'Making it private…',
  'impact-letter.share.privateAgain': 'Your letter is private again.',

  'impact-letter.versions.mine': 'Versions you shared ({count})',
  'impact-letter.versions.earlier': 'Earlier versions ({count})',
  'impact-letter.versions.sharedOn': 'Shared on {date}',
  'impact-letter.versions.read': 'Read the version of {date}',
  'impact-letter.versions.hide': 'Hide this version',
  'impact-letter.versions.asShared': 'As it was shared on {date}:',

  'impact-letter.new.start': 'Start a new letter…',
  'impact-letter.new.heading': 'Start a new letter?',
  'impact-letter.new.body':
    'Your current letter will be kept just as it is, in the list of earlier letters. If it is shared, it stays shared until you make it private.',
  'impact-letter.new.confirm': 'Start a new letter',
  'impact-letter.new.cancel': 'Keep writing this one',
  'impact-letter.new.done': 'A new letter is ready for you.',

  'impact-letter.earlier.heading': 'Earlier letters',
  'impact-letter.earlier.body': 'Kept as they were when you moved on to a newer letter.',
  'impact-letter.earlier.item': 'Started on {date}',
  'impact-letter.earlier.private': 'private',
  'impact-letter.earlier.shared': 'shared with {name}',

  // The partner's reflection on my letter
  'impact-letter.received.heading': 'The reflection from {name}',
  'impact-letter.received.none':
    'When {name} sends a reflection on your letter, you will find it here.',
  'impact-letter.received.intro':
    '{name} wrote this after reading your letter. For each part, you can say whether you felt understood. “Not yet” is a perfectly good answer, and {name} can try again.',
  'impact-letter.received.sentOn': '{name} sent this on {date}.',
  'impact-letter.received.paraphrase': 'What {name} heard you say',
  'impact-letter.received.acknowledgement': 'What {name} understands this did to you',
  'impact-letter.received.earlier': 'Earlier reflections ({count})',

  'impact-letter.mark.legend': 'Did you feel understood in this part?',
  'impact-letter.mark.understood': 'I felt understood',
  'impact-letter.mark.notYet': 'Not yet',
  'impact-letter.mark.choose': 'Please choose “I felt understood” or “Not yet”.',
  'impact-letter.mark.noteLabel': 'What is still missing? (optional)',
  'impact-letter.mark.noteHint': 'A few words can help {name} understand.',
  'impact-letter.mark.send': 'Send my answer',
  'impact-letter.mark.sending': 'Sending…',
  'impact-letter.mark.sent': 'Your answer is with {name}.',
  'impact-letter.mark.change': 'Change my answer',
  'impact-letter.mark.conflict':
    'Your answer was changed in another window. The page now shows the newest one; you can still change it.',
  'impact-letter.mark.none': 'You did not answer this one.',
  'impact-letter.mark.youUnderstood': 'You said: I felt understood.',
  'impact-letter.mark.youNotYet': 'You said: not yet.',
  'impact-letter.mark.yourNote': 'Your note: {note}',

  // Reading my partner's letter, and reflecting on it
  'impact-letter.partner.heading': 'The letter from {name}',
  'impact-letter.partner.sharedOn': 'Shared with you on {date}.',
  'impact-letter.partner.updated': 'Updated on {date}.',
  'impact-letter.partner.readGently':
    'Take your time. What {name} wrote may be hard to read. You can come back to it, and to your reflection, whenever you need to.',

  'impact-letter.reflection.heading': 'Your reflection',
  'impact-letter.reflection.why1':
    'Your reflection has two parts: what you heard {name} say, and what you understand this did to {name}. There is no place here to explain or to give reasons, and that is on purpose.',
  'impact-letter.reflection.why2':
    'Right now what helps most is for {name} to feel heard. An explanation given too early can sound like an excuse, even when it is not meant as one. The “why” matters, and it has its own time later on, once {name} feels understood.',
  'impact-letter.reflection.paraphrase': 'What I heard you say',
  'impact-letter.reflection.paraphrase.hint':
    'In your own words, what {name} told you. Try not to add to it or correct it.',
  'impact-letter.reflection.paraphrase.missing':
    'Please write what you heard, in your own words, before sending.',
  'impact-letter.reflection.acknowledgement': 'What I understand this did to you',
  'impact-letter.reflection.acknowledgement.hint':
    'The hurt, as you now understand it. No reasons and no “but”.',
  'impact-letter.reflection.acknowledgement.missing':
    'Please write what you understand this did, before sending.',
  'impact-letter.reflection.bothParts': 'Both parts need some words before you send them.',
  'impact-letter.reflection.draftNote': 'A draft: only you can see it until you send it.',
  'impact-letter.reflection.start': 'Write my reflection',
  'impact-letter.reflection.tryAgain': 'Try again',
  'impact-letter.reflection.tryAgainBody':
    'You can write a new reflection, starting from your last one. What you sent before, and {name}’s answers, stay here.',
  'impact-letter.reflection.letterUpdated':
    '{name} has updated the letter since your last reflection. You can write a new one.',
  'impact-letter.reflection.send': 'Send to {name}…',
  'impact-letter.reflection.sendHeading': 'Send your reflection to {name}?',
  'impact-letter.reflection.sendBody':
    '{name} will read it and can tell you, for each part, whether they felt understood. Once sent, it is kept as it is; you can always write another.',
  'impact-letter.reflection.sendConfirm': 'Yes, send it',
  'impact-letter.reflection.sending': 'Sending…',
  'impact-letter.reflection.sentDone': 'Your reflection is with {name}.',
  'impact-letter.reflection.sendPaused':
    'Sending is resting for now, along with the other shared exercises. Your draft is safe here.',
  'impact-letter.reflection.sentOn': 'You sent this on {date}.',
  'impact-letter.reflection.waiting': '{name} has not answered this part yet.',
  'impact-letter.reflection.understood': '{name} said: I felt understood.',
  'impact-letter.reflection.notYet': '{name} said: not yet.',
  'impact-letter.reflection.note': 'What {name} says is still missing: {note}',
  'impact-letter.reflection.withdraw': 'Make this private again',
  'impact-letter.reflection.withdrawn': 'Private again: {name} cannot see this one.',
  'impact-letter.reflection.withdrawnDone': 'Your reflection is private again.',
} as const;
