/** The decision reflection's words (src/web/features/decision). */
export const decision = {
  'decision.title': 'What comes next',
  'decision.heading': 'Thinking about what comes next',
  'decision.lead':
    'Each of you considers, privately first, whether you want to rebuild together, to part, or whether it is too soon to say. Sharing is your choice, and so is the pace.',
  'decision.loading': 'Loading…',
  'decision.yourPartner': 'your partner',
  'decision.noSpace':
    'This reflection is written within a space you share. You are not in one now.',
  'decision.about.heading': 'About this reflection',
  'decision.about.p1':
    'Recovering from a betrayal leads to a decision, made with as much understanding as you can gather: to go on together, or to go on apart. Both can be the right one.',
  'decision.about.p2':
    'Not knowing yet is an honest answer too. Many couples take months, and a decision written down here can carry a date to look at it again.',
  'decision.about.p3':
    'What you write stays private until you share it. If you share, your partner reads the copy you shared, not what you go on writing afterwards.',
  'decision.leaning.recommit': 'Recommit: I want us to rebuild together',
  'decision.leaning.separate': 'Separate: I think we should part',
  'decision.leaning.not_sure': 'Not sure yet',
  'decision.leaning.none': 'Not chosen',
  'decision.mine.heading': 'Your reflection',
  'decision.mine.intro':
    'Only you can read this. It saves itself as you write. There is no right answer and no deadline.',
  'decision.mine.leaning': 'Where I am leaning',
  'decision.part.needs': 'What I need in order to go on',
  'decision.part.needs.hint': 'Together or apart: what would have to be true for you.',
  'decision.part.limits': 'What I could not accept',
  'decision.part.limits.hint': 'The lines you know you would not cross, and the fears behind them.',
  'decision.part.ownWords': 'In my own words',
  'decision.part.ownWords.hint': 'Anything else you want to say about where you stand.',
  'decision.save': 'Save',
  'decision.saving': 'Saving…',
  'decision.savedNow': 'Saved. Only you can read it.',
  'decision.saveState.unsaved': 'Not saved yet. It saves itself a moment after you stop.',
  'decision.saveState.saved': 'Saved {when}.',
  'decision.conflict.body':
    'This reflection was saved in another window meanwhile. Here are both; choose what to keep.',
  'decision.share.heading': 'Sharing',
  'decision.share.notNow':
    'Sharing opens when you both move on to the last phase of the program together, and rests while shared exercises rest. Writing here is never paused.',
  'decision.share.toProgram': 'See the program and your pace',
  'decision.share.saveFirst':
    'Your latest words could not be saved, so nothing was shared. Please try again.',
  'decision.share.done': '{name} can read your reflection now.',
  'decision.share.privateAgain': 'Your reflection is private again.',
  'decision.share.sharedCopy': 'Your partner reads the copy you shared {when}.',
  'decision.share.differs':
    'You have changed your words since; they stay private until you share again.',
  'decision.share.again': 'Share my newest words with {name}',
  'decision.partner.heading': 'What {name} shared',
  'decision.partner.none':
    '{name} has not shared a reflection. Their thinking is theirs until they choose to share it.',
  'decision.partner.sharedAt': 'Shared {when}',
  'decision.record.heading': 'Your decision, together',
  'decision.record.intro':
    'Now that you have both shared, you can write down what you decide. One of you writes it, the other says whether they agree with that exact wording. Either of you can change it later; every version is kept.',
  'decision.record.outcome': 'What we decide',
  'decision.record.note': 'A few words about it',
  'decision.record.note.hint': 'For example: what you will do next, or who you will talk to.',
  'decision.record.reviewOn': 'When we look at it again (optional)',
  'decision.record.reviewOn.hint':
    'A date to come back to this together. Leave it empty if you do not want one.',
  'decision.record.noReview': 'No date set',
  'decision.record.save': 'Write this down',
  'decision.record.saving': 'Saving…',
  'decision.record.savedNow': 'Written down. {name} can read it and say whether they agree.',
  'decision.record.agreed': 'You both agree with this version (since {when}).',
  'decision.record.waiting': 'Waiting for {name} to read it and say whether they agree.',
  'decision.record.yourTurn': '{name} wrote this version. If it is what you decided too, say so.',
  'decision.record.agree': 'I agree with this',
  'decision.record.agreedNow': 'You agreed. Your partner will see it.',
  'decision.record.change': 'Change it',
  'decision.record.formLabel': 'Our decision',
  'decision.record.history': 'Earlier versions',
  'decision.record.historyLine': '{outcome}, written by {who}, {when}',
  'decision.record.byYou': 'you',
  'decision.record.conflict':
    'The decision was changed meanwhile. Here is the saved version beside yours; choose what to keep, then save.',
  'decision.separating.heading': 'If you decide to part',
  'decision.separating.p1':
    'Separating with care is a real outcome of this work, not a failure of it. It can be done kindly, and it can protect what matters to both of you, including children if you have them.',
  'decision.separating.guide': 'Practical guidance for parting well',
  'decision.separating.tip1':
    'Talk about how and when you will tell others — children first, in words suited to their age, ideally together.',
  'decision.separating.tip2':
    'Make the practical arrangements step by step (where each of you will live, money, shared things), and get advice where you need it.',
  'decision.separating.tip3':
    'A therapist can help you part with less harm, the same as they can help couples who stay.',
  'decision.separating.tip4':
    'Keep what you each wrote here for yourselves: you can download your own data from your account at any time.',
  'decision.separating.tip5':
    'Be gentle with yourself. Grief is part of parting, even when it is the right choice.',
  'decision.separating.closing': 'Closing this space',
  'decision.separating.closingIntro':
    'When you are ready, either of you can leave the space below. Before anything happens, this is what it means:',
  'decision.separating.rule1':
    'What each of you kept private stays with its author, readable only by them, wherever they go next.',
  'decision.separating.rule2':
    'What was shared between you stops being shared, in both directions; each of you keeps your own words.',
  'decision.separating.rule3':
    'Things you wrote together stay in the space as history, read-only, for the one who stays.',
  'decision.separating.rule4': 'Nobody is sent a message about it.',
  'decision.separating.safety':
    'If leaving could make you less safe, please think about that first.',
  'decision.separating.safetyLink': 'Safety and support',
} as const;
