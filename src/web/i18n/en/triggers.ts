/** The words of the triggers page: the log, the partner's shared entries and the couple's plan. */
export const triggers = {
  'triggers.title': 'Triggers',
  'triggers.heading': 'Triggers, and how we meet them',
  'triggers.lead':
    'A trigger is a moment when something — a song, a place, a date, a message — brings the hurt back as if it were new. It is a normal part of healing, and it usually softens with time and care.',
  'triggers.loading': 'Loading your log…',

  // Logging a trigger
  'triggers.log.heading': 'Log a trigger',
  'triggers.log.intro':
    'A few words are enough. Only you can see what you write here, unless you choose to share an entry.',
  'triggers.field.cue': 'What set it off?',
  'triggers.field.cue.hint': 'For example: a song, a place, a message, a time of day.',
  'triggers.field.intensity': 'How strong was it?',
  'triggers.field.intensity.hint': '0 is barely there; 10 is as strong as it gets.',
  'triggers.field.intensity.option': '{value} out of 10',
  'triggers.more': 'Add more (optional)',
  'triggers.field.when': 'When did it happen?',
  'triggers.field.when.hint': 'Leave it empty for just now.',
  'triggers.field.when.invalid': 'Please give a date and a time, or leave it empty for just now.',
  'triggers.field.felt': 'What did you feel?',
  'triggers.field.felt.hint': 'A word or two is fine.',
  'triggers.field.helped': 'What helped, if anything?',
  'triggers.field.nextTime': 'What would you like next time?',
  'triggers.field.nextTime.hint': 'Something you, or your partner, could do.',
  'triggers.log.submit': 'Save to my log',
  'triggers.log.pending': 'Saving…',
  'triggers.log.saved': 'Saved to your log. Only you can see it.',

  // One entry
  'triggers.entry.strength': 'How strong: {value} out of 10',
  'triggers.entry.felt': 'Felt',
  'triggers.entry.helped': 'What helped',
  'triggers.entry.nextTime': 'Next time',
  'triggers.entry.edited': 'Edited',
  'triggers.entry.actions': 'What to do with this entry',
  'triggers.entry.which': '(the entry from {date})',
  'triggers.entry.edit': 'Edit',
  'triggers.entry.archive': 'Put away',
  'triggers.entry.archived': 'Put away. It is private again, and you can bring it back any time.',
  'triggers.entry.restore': 'Bring back',
  'triggers.entry.restored': 'Brought back to your log.',
  'triggers.edit.heading': 'Edit this entry',
  'triggers.edit.save': 'Save changes',
  'triggers.edit.pending': 'Saving…',
  'triggers.edit.cancel': 'Cancel',
  'triggers.edit.saved': 'Your changes are saved.',

  // Lists
  'triggers.mine.heading': 'My log',
  'triggers.mine.empty': 'Nothing here yet. When a moment comes, a few words are enough.',
  'triggers.archived.heading': 'Entries I put away',
  'triggers.archived.empty': 'You have not put any entries away.',
  'triggers.archived.show': 'Show entries I put away',
  'triggers.archived.hide': 'Back to my log',
  'triggers.partner.heading': 'Shared by {name}',
  'triggers.partner.empty':
    'When {name} shares an entry from their log with you, it will appear here.',
  'triggers.list.loading': 'Loading the entries…',
  'triggers.more.load': 'Show older entries',
  'triggers.more.loading': 'Loading…',

  // The couple's plan
  'triggers.plan.heading': 'Our plan for triggers',
  'triggers.plan.intro':
    'A trigger is easier to meet when you have agreed beforehand what each of you will do. Either of you can change any part, and every change is kept with who made it and when.',
  'triggers.plan.solo':
    'You are on your own in the space for now, so this is your draft. When your partner joins, the two of you start a fresh plan together. This draft stays yours alone: they will not see it, though you can start the shared plan from it if you wish.',
  'triggers.plan.noSpace':
    'The plan is something you make together, so it lives in your shared space. You can create your space, and invite your partner, from the Today page.',
  'triggers.plan.noSpace.link': 'Go to Today',
  'triggers.plan.loading': 'Loading the plan…',
  'triggers.plan.section.signs': 'Signs that a trigger is happening',
  'triggers.plan.section.signs.hint':
    'What either of you might notice: going quiet, a tight chest, sharp words.',
  'triggers.plan.section.signal': 'What the hurt partner will say or do',
  'triggers.plan.section.signal.hint':
    'For example, a word you both know means “I have been triggered”.',
  'triggers.plan.section.response': 'What the involved partner will do',
  'triggers.plan.section.response.hint':
    'For example: stop what you are doing, stay close, say that you see the hurt, and answer without defending yourself.',
  'triggers.plan.section.timeOut': 'If it gets too heated',
  'triggers.plan.section.timeOut.hint':
    'For example: a time-out of twenty minutes, and where and when you will come back together.',
  'triggers.plan.section.afterwards': 'After it passes',
  'triggers.plan.section.afterwards.hint':
    'How you will reconnect, and whether you want to talk it over later.',
  'triggers.plan.empty': 'Nothing written here yet.',
  'triggers.plan.nothingYet':
    'You have not written your plan yet. Start with whichever part feels easiest.',
  'triggers.plan.changedBy': 'Last changed by {name} on {date}.',
  'triggers.plan.changedByYou': 'Last changed by you on {date}.',
  'triggers.plan.edit': 'Change the plan',
  'triggers.plan.start': 'Start the plan',
  'triggers.plan.save': 'Save the plan',
  'triggers.plan.saving': 'Saving…',
  'triggers.plan.stop': 'Stop editing',
  'triggers.plan.saved': 'The plan is saved. Your partner sees it too.',
  'triggers.plan.savedDraft': 'Your draft is saved.',
  'triggers.plan.editing': 'Editing the plan',
  'triggers.plan.conflict.heading': '{name} changed the plan while you were writing',
  'triggers.plan.conflict.headingYou':
    'The plan was saved from another window while you were writing',
  'triggers.plan.conflict.body':
    'Nothing is lost. The saved version is shown above each box, and your own words are still in the boxes. Keep what you want from each, then save again.',
  'triggers.plan.conflict.saved': 'Saved version',
  'triggers.plan.conflict.useSaved': 'Use these saved words',
  'triggers.plan.conflict.useSavedFor': 'for “{part}”',
  'triggers.plan.conflict.usedSaved': 'The box for “{part}” now holds the saved words.',
  'triggers.plan.history.heading': 'Earlier versions',
  'triggers.plan.history.item': 'Version {version}, changed by {name} on {date}',
  'triggers.plan.history.itemYou': 'Version {version}, changed by you on {date}',
  'triggers.plan.history.show': 'Show version {version}',
  'triggers.plan.history.hide': 'Hide version {version}',
  'triggers.plan.history.more': 'Show older versions',
  'triggers.plan.history.loading': 'Loading the history…',
  'triggers.plan.earlier.heading': 'Earlier plans',
  'triggers.plan.earlier.intro':
    'Plans from an earlier time in this space. You can read them, but they cannot be changed.',
  'triggers.plan.earlier.solo': 'Your draft from when you were on your own, started on {date}',
  'triggers.plan.earlier.couple': 'A plan started on {date}',
  'triggers.plan.earlier.use': 'Start from this draft',
  'triggers.plan.earlier.used':
    'Your draft is in the boxes below. Nothing is shared until you save it.',
  'triggers.plan.agree.heading': 'Do we both agree to this plan?',
  'triggers.plan.agree.both': 'You both agree to this version of the plan.',
  'triggers.plan.agree.mine': 'You agree to this version. Your partner has not said so yet.',
  'triggers.plan.agree.partner':
    'Your partner agrees to this version. Read it through, and say so if you agree too.',
  'triggers.plan.agree.none': 'Neither of you has said you agree to this version yet.',
  'triggers.plan.agree.note':
    'Any change to the plan makes a new version, and you each agree to it again.',
  'triggers.plan.agree.button': 'I agree to this version',
  'triggers.plan.agree.withdraw': 'Take back my agreement',
  'triggers.plan.agree.done': 'You agree to this version of the plan.',
  'triggers.plan.agree.withdrawn': 'Your agreement is taken back.',
  'triggers.plan.compare.heading': 'Compare two versions',
  'triggers.plan.compare.intro': 'Words taken out are struck through; words put in are underlined.',
  'triggers.plan.compare.from': 'From version',
  'triggers.plan.compare.to': 'To version',
  'triggers.plan.compare.option': 'Version {version}',
  'triggers.plan.compare.show': 'Compare',
  'triggers.plan.compare.loading': 'Comparing the versions…',
  'triggers.plan.compare.result': 'What changed from version {from} to version {to}',
} as const;
