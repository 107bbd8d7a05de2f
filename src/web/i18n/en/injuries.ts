/** The words of the injuries page (/injuries): naming what happened, and agreeing on the roles. */
export const injuries = {
  'injuries.title': 'What happened',
  'injuries.heading': 'What happened',
  'injuries.lead':
    'Here you name the betrayal that brought you here, and agree together on who holds which part of it. A few words are enough: what kind it was, and when it came to light.',
  'injuries.loading': 'Loading what you have named…',

  'injuries.noSpace.heading': 'First, your space',
  'injuries.noSpace.body':
    'Naming what happened is something the two of you share, so it lives in your space. You can create your space, and invite your partner when you are ready, from the Today page.',
  'injuries.noSpace.link': 'Go to Today',

  'injuries.list.heading': 'Named so far',
  'injuries.list.empty': 'Nothing is named yet. When you are ready, you can start below.',
  'injuries.archived.heading': 'Put away',
  'injuries.archived.intro':
    'These are no longer on your list. Nothing was deleted, and either of you can bring one back.',

  'injuries.kind.affair': 'An affair',
  'injuries.kind.emotional_affair': 'An emotional affair',
  'injuries.kind.hidden_money': 'Hidden money or debts',
  'injuries.kind.lies': 'Lies or deception',
  'injuries.kind.other': 'Something else',

  'injuries.role.hurt': 'the one who was hurt',
  'injuries.role.involved': 'the one who broke the trust',
  'injuries.card.cameToLight': 'Came to light in {month}',
  'injuries.card.rolesLabel': 'Roles',
  'injuries.card.you': 'You',
  'injuries.card.yourPartner': 'Your partner',

  'injuries.status.both': 'You have both confirmed these roles.',
  'injuries.status.waiting': 'Waiting for both of you to confirm.',
  'injuries.status.youConfirmed': 'Your part is done; your partner will be asked to look too.',
  'injuries.status.beforeJoin':
    'Your part is done. When your partner joins your space, they will be asked to look at it too.',
  'injuries.status.kept':
    'This is kept as it was written, because someone has left the space since. It no longer changes.',
  'injuries.status.archivedOn': 'Put away on {date}.',

  'injuries.confirm.question': 'Do these roles look right to you?',
  'injuries.confirm.yes': 'Yes, that is right',
  'injuries.confirm.pending': 'Confirming…',
  'injuries.confirm.swap': 'It was the other way round',
  'injuries.confirm.swapping': 'Suggesting…',
  'injuries.confirm.done': 'You confirmed the roles.',
  'injuries.confirm.swapped':
    'You suggested the roles the other way round. Your partner will be asked to confirm.',
  'injuries.swapOwn': 'Swap the roles',

  'injuries.change.button': 'Change the kind or month',
  'injuries.change.heading': 'Change what is named',
  'injuries.change.hint':
    'After a change, you will both be asked to confirm again, so that nothing changes without the other knowing.',
  'injuries.change.save': 'Save the change',
  'injuries.change.saving': 'Saving…',
  'injuries.change.cancel': 'Cancel',
  'injuries.change.done': 'Saved. You will both be asked to confirm again.',
  'injuries.conflict.body':
    'Your partner changed this while you were looking. It now shows their version; please look again before you choose.',

  'injuries.archive.button': 'Put this away',
  'injuries.archive.heading': 'Put this away?',
  'injuries.archive.body':
    'It will move off your list for both of you. Nothing is deleted, and either of you can bring it back at any time.',
  'injuries.archive.confirm': 'Put it away',
  'injuries.archive.pending': 'Putting away…',
  'injuries.archive.cancel': 'Keep it',
  'injuries.archive.done': 'Put away.',
  'injuries.restore.button': 'Bring it back',
  'injuries.restore.pending': 'Bringing back…',
  'injuries.restore.done': 'Brought back to your list.',

  'injuries.note.label': 'Your private note',
  'injuries.note.hint':
    'Only you can ever read this, even if you leave the space one day. Your partner has a private note of their own.',
  'injuries.note.save': 'Save my note',
  'injuries.note.saving': 'Saving…',
  'injuries.note.saved': 'Your private note is saved.',

  'injuries.form.heading': 'Name what happened',
  'injuries.form.intro':
    'You can come back and change this later. Your partner will see the kind, the month and the roles you suggest, and confirm them or suggest them the other way round. They never see your private note.',
  'injuries.form.both':
    'If you both broke trust in different ways, name each one separately, with the roles the other way round.',
  'injuries.form.solo':
    'Your partner has not joined yet. You can name it now; when they join, they will be asked to confirm the roles.',
  'injuries.field.kind': 'What kind of betrayal was it?',
  'injuries.field.when': 'When did it come to light?',
  'injuries.field.when.hint': 'The month is enough.',
  'injuries.field.month': 'Month',
  'injuries.field.month.choose': 'Choose a month',
  'injuries.field.year': 'Year',
  'injuries.field.role': 'In this, which one are you?',
  'injuries.field.role.hurt': 'I am the one who was hurt',
  'injuries.field.role.involved': 'I am the one who broke the trust',
  'injuries.field.note': 'A private note (optional)',
  'injuries.field.note.hint':
    'Anything you want to keep about it, in your own words. Only you will ever read this.',
  'injuries.form.submit': 'Name it',
  'injuries.form.pending': 'Saving…',
  'injuries.form.done': 'Named. It is on your list now.',

  'injuries.earlier.heading': 'Your earlier notes',
  'injuries.earlier.intro':
    'Private notes you wrote in a space you have since left. They are still yours, and only yours.',
  'injuries.earlier.written': 'Written on {date}',

  'injuries.program.link': 'See where this fits in the program',
} as const;
