/** The access log: who opened what I shared with our therapist, and when. */
export const accessLog = {
  'accessLog.title': 'Who opened what you shared',
  'accessLog.heading': 'Who opened what you shared',
  'accessLog.lead':
    'Each time your therapist opens something you shared with them, it is noted here: which item, who opened it, and when.',
  'accessLog.onlyYou':
    'This list is about your own items, and only you can see it. Your partner has a list of their own, about theirs.',
  'accessLog.listHeading': 'Opened by your therapist',
  'accessLog.loading': 'Loading the list…',
  'accessLog.empty':
    'Nothing yet. When your therapist opens something you shared with them, you will see it here.',
  'accessLog.more': 'Show earlier',
  'accessLog.loadingMore': 'Loading earlier entries…',
  'accessLog.openedBy': 'Opened by {who} on',
  'accessLog.therapist.withPractice': '{name} ({practice})',
  'accessLog.therapist.gone': 'a therapist who has since closed their account',
  'accessLog.item.checkin': 'Check-in of {date}',
  'accessLog.item.trigger': 'Trigger note of {date}',
  'accessLog.item.measure': 'Weekly check-in for the week of {date}',
  'accessLog.item.reflection': 'Lesson reflection (last changed {date})',
  'accessLog.item.other': 'An item of {date}',
  'accessLog.item.gone.checkin': 'A check-in you have since removed',
  'accessLog.item.gone.trigger': 'A trigger note you have since removed',
  'accessLog.item.gone.measure': 'A weekly check-in you have since removed',
  'accessLog.item.gone.reflection': 'A lesson reflection you have since removed',
  'accessLog.item.gone.other': 'An item you shared',
  'accessLog.how.heading': 'How this list is kept',
  'accessLog.how.body':
    'Entries are only ever added, never changed or removed. Each one is linked to the one before it, so the people who run this service can check that nothing was altered.',
  'accessLog.how.stop':
    'You can stop sharing any item with your therapist at any time, from the item itself. They will not be able to open it after that.',
  'accessLog.backToAccount': 'Back to your account',
  'accessLog.link': 'Who opened what you shared',
} as const;
