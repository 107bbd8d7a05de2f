/** The contact log's words (src/web/features/contact-log). */
export const contactLog = {
  'contact-log.title': 'Contact log',
  'contact-log.heading': 'Contact with the affair partner',
  'contact-log.lead':
    'A plain record, kept by the one who broke the trust: when contact ended, and any contact since, told before anyone has to ask.',
  'contact-log.loading': 'Loading the contact log…',
  'contact-log.yourPartner': 'your partner',
  'contact-log.about.heading': 'Why telling first helps',
  'contact-log.about.p1':
    'After a betrayal, the hardest part is often not knowing. Every unexplained silence can feel like another secret, and the one who was hurt ends up searching for answers.',
  'contact-log.about.p2':
    'When the partner who broke the trust says so first — that contact has ended, and when it has happened again, how, and what was said — the other no longer has to look. Over time, things said freely and found to be true are what trust grows back from.',
  'contact-log.about.p3':
    'A contact you tell about is not a failure of this log; it is the log working. Nothing here is ever changed quietly: a correction sits beside what was first written, for both of you to see.',
  'contact-log.noPartner':
    'Your partner has not joined your space yet. This log is for telling them, so it opens once they are here.',
  'contact-log.ended.heading': 'Say that contact has ended',
  'contact-log.ended.intro':
    'Write down the day contact with the affair partner ended, and anything you want {name} to know about how it ended.',
  'contact-log.ended.submit': 'Tell {name} contact has ended',
  'contact-log.contact.heading': 'Tell about a contact',
  'contact-log.contact.intro':
    'If there has been any contact since — a message, a call, meeting by chance — say so here, in your own words, before {name} has to ask.',
  'contact-log.contact.submit': 'Tell {name} about this contact',
  'contact-log.field.endedOn': 'The day contact ended',
  'contact-log.field.occurredOn': 'When it happened',
  'contact-log.field.how': 'How it happened',
  'contact-log.field.how.hint': 'For example: a text message, a phone call, we met at work.',
  'contact-log.field.whatWasSaid': 'What was said',
  'contact-log.field.whatWasSaid.hint': 'As plainly as you can, from both sides.',
  'contact-log.field.note': 'Anything else you want to say',
  'contact-log.field.endedNote': 'How it ended (if you want to say)',
  'contact-log.field.endedNote.hint':
    'For example: what you said, and what you changed so it stays ended.',
  'contact-log.confirm.heading': 'Tell {name} now?',
  'contact-log.confirm.body':
    '{name} will be able to read this as soon as you confirm, and gets a notification that something was shared (without any of your words in it). You can correct it later; the first wording stays visible.',
  'contact-log.confirm.yes': 'Yes, tell them',
  'contact-log.confirm.pending': 'Telling…',
  'contact-log.confirm.no': 'Not yet',
  'contact-log.told': '{name} can read it now.',
  'contact-log.list.mine': 'What you have told {name}',
  'contact-log.list.theirs': 'What {name} has told you',
  'contact-log.list.emptyMine': 'Nothing written yet.',
  'contact-log.list.emptyTheirs':
    'Nothing here yet. When your partner writes that contact has ended, or tells of a contact, it appears here and you get a notification.',
  'contact-log.kind.ended': 'Contact ended',
  'contact-log.kind.contact': 'A contact, told',
  'contact-log.writtenAt': 'Written {when}',
  'contact-log.corrected.one': 'corrected once',
  'contact-log.corrected.other': 'corrected {count} times',
  'contact-log.earlier.one': 'The first wording',
  'contact-log.earlier.other': 'The {count} earlier wordings',
  'contact-log.wordingLabel': 'Wording {number}',
  'contact-log.wordingMeta': 'Wording {number}, written {when}',
  'contact-log.correct': 'Correct this',
  'contact-log.correctForm': 'Correct this entry',
  'contact-log.correctIntro':
    'A correction is added beside what you first wrote; both stay visible to your partner.',
  'contact-log.correctSubmit': 'Add this correction',
  'contact-log.correcting': 'Adding…',
  'contact-log.correctCancel': 'Cancel',
  'contact-log.correctedDone': 'Your correction was added.',
  'contact-log.conflict.body':
    'This entry was corrected in another window meanwhile. Here is what is saved now beside your words; choose what to keep, then add your correction.',
} as const;
