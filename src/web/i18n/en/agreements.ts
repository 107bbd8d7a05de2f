/** Every word of the agreements page (issue 15, item 1). */
export const agreements = {
  'agreements.title': 'Agreements',
  'agreements.heading': 'Our agreements',
  'agreements.lead':
    'Agreements you write together: ground rules, boundaries, what you share with others. Each one holds only when you both accept the very same words, and either of you can step back from it at any time.',
  'agreements.loading': 'Loading your agreements…',
  'agreements.noSpace':
    'Agreements are written by two. Once you and your partner share a space, you can start them here.',
  'agreements.noSpace.link': 'Go to your home page',
  'agreements.alone':
    'Your partner has not joined yet. You can draft an agreement now; accepting one waits until you are both here.',

  'agreements.kind.ground-rules': 'Ground rules',
  'agreements.kind.ground-rules.hint':
    'Time-outs, when and how you talk about the affair, and who else is told.',
  'agreements.kind.boundaries': 'Boundaries and expectations',
  'agreements.kind.boundaries.hint':
    'What each of you needs to feel safe, and what is acceptable between you and what is not.',
  'agreements.kind.walls-and-windows': 'Walls and windows',
  'agreements.kind.walls-and-windows.hint':
    'What stays open between the two of you, and what you keep closed to people outside.',
  'agreements.kind.affair-partner-contact': 'Contact with the affair partner',
  'agreements.kind.affair-partner-contact.hint':
    'That contact has ended, what happens if it cannot be avoided, and how you will hear about it.',
  'agreements.kind.relapse-prevention': 'Looking after what you rebuilt',
  'agreements.kind.relapse-prevention.hint':
    'What each of you will do to protect the relationship from here, and the early signs you will watch for together.',
  'agreements.kind.waits2': 'Opens with Meaning, when you have both chosen to go on.',
  'agreements.kind.waits3': 'Opens with Moving on, when you have both chosen to go on.',

  'agreements.draft.heading': 'Start an agreement',
  'agreements.draft.intro':
    'Either of you can write the first draft. Nothing holds until you have both read it and accepted it.',
  'agreements.draft.kind': 'What kind of agreement is it?',
  'agreements.field.title': 'A short name',
  'agreements.field.title.hint': 'Something you will both recognise, like “Time-outs”.',
  'agreements.field.body': 'The agreement, in your own words',
  'agreements.field.body.hint':
    'Plain words work best: what each of you will do, and what you will do if it gets hard.',
  'agreements.draft.submit': 'Save the draft',
  'agreements.draft.saving': 'Saving…',
  'agreements.draft.saved': 'The draft is saved. Your partner can read it now.',

  'agreements.list.heading': 'Your agreements',
  'agreements.list.empty': 'No agreements yet. When either of you starts one, it appears here.',
  'agreements.status.active': 'You both accept this version. It holds.',
  'agreements.status.mine': 'You accept this version. {name} has not accepted it yet.',
  'agreements.status.partner': '{name} accepts this version. You have not accepted it yet.',
  'agreements.status.none': 'Neither of you has accepted this version yet. It does not hold yet.',
  'agreements.status.alone': 'A draft. Accepting waits until your partner has joined.',
  'agreements.version': 'Version {version}',
  'agreements.changedBy': 'Last changed by {name} on {date}',
  'agreements.changedByYou': 'Last changed by you on {date}',
  'agreements.earlier':
    'Made with a different partner in this space. You can read it, but not change it.',

  'agreements.accept': 'I accept version {version}',
  'agreements.accepted': 'You accept this version.',
  'agreements.withdraw': 'Withdraw my acceptance',
  'agreements.withdrawn':
    'Your acceptance is withdrawn. Your partner will see that you stepped back.',
  'agreements.accept.note':
    'Any change makes a new version, which you both accept again. Withdrawing is always possible, and both of you see it.',

  'agreements.edit': 'Propose a change',
  'agreements.edit.heading': 'Your proposed change',
  'agreements.edit.save': 'Save the change',
  'agreements.edit.saving': 'Saving…',
  'agreements.edit.stop': 'Stop without saving',
  'agreements.edit.saved':
    'Your change is saved as a new version. It holds once you have both accepted it.',
  'agreements.conflict.heading': '{name} changed this agreement while you were writing',
  'agreements.conflict.headingYou':
    'This agreement was changed somewhere else while you were writing',
  'agreements.conflict.body':
    'Nothing is lost. Your words are still in the form, and the newest version is beside them. Take the saved words where you like them, keep your own where you prefer them, then save.',
  'agreements.part.title': 'Name',
  'agreements.part.body': 'Agreement',

  'agreements.review.heading': 'Review date',
  'agreements.review.none': 'No review date yet.',
  'agreements.review.on': 'You will both be asked to look at it again on {date}.',
  'agreements.review.field': 'Look at it again on',
  'agreements.review.field.hint':
    'On that day it comes back to both of you, to confirm it or change it. It keeps holding meanwhile.',
  'agreements.review.save': 'Set the review date',
  'agreements.review.clear': 'Remove the review date',
  'agreements.review.saved': 'The review date is set.',
  'agreements.review.cleared': 'The review date is removed.',
  'agreements.review.due':
    'It is time to look at this agreement again. Does it still work for you both? Confirm it as it is, or propose a change.',
  'agreements.review.confirm': 'It still works for me',
  'agreements.review.confirmed': 'You have confirmed it.',
  'agreements.review.partnerConfirmed': '{name} has confirmed it.',
  'agreements.review.empty': 'Please choose a day.',

  'agreements.events.heading': 'What has happened',
  'agreements.events.accepted': '{who} accepted version {version} on {date}',
  'agreements.events.withdrew': '{who} withdrew acceptance of version {version} on {date}',
  'agreements.events.review-date': '{who} set the review date to {day} on {date}',
  'agreements.events.review-cleared': '{who} removed the review date on {date}',
  'agreements.events.you': 'You',

  'agreements.history.heading': 'Every version',
  'agreements.history.item': 'Version {version}, by {name} on {date}',
  'agreements.history.itemYou': 'Version {version}, by you on {date}',
  'agreements.history.show': 'Show version {version}',
  'agreements.history.hide': 'Hide version {version}',
  'agreements.history.more': 'Show older versions',
  'agreements.history.loading': 'Loading the versions…',
  'agreements.compare.heading': 'Compare two versions',
  'agreements.compare.intro': 'Words taken out are struck through; words put in are underlined.',
  'agreements.compare.from': 'From version',
  'agreements.compare.to': 'To version',
  'agreements.compare.option': 'Version {version}',
  'agreements.compare.show': 'Compare',
  'agreements.compare.loading': 'Comparing the versions…',
  'agreements.compare.result': 'What changed from version {from} to version {to}',
} as const;
