/**
 * The words of the reconnecting page: rituals of connection, appreciations, dates and the
 * intimacy pacing agreement. No counts, no streaks, nothing about days missed.
 */
export const reconnecting = {
  'reconnecting.title': 'Reconnecting',
  'reconnecting.heading': 'Reconnecting',
  'reconnecting.lead':
    'Small, regular ways of turning towards each other, chosen together. Nothing here keeps score: a missed day is just a day.',
  'reconnecting.loading': 'Loading…',
  'reconnecting.noSpace':
    'This page is for the two of you. It opens once you and your partner share a space.',
  'reconnecting.noSpace.link': 'Go to Today',
  'reconnecting.alone':
    'Everything here is chosen together, so it opens once your partner has joined you.',
  'reconnecting.notYet':
    'This part of the program opens when you have both chosen to go on to the third phase. There is no hurry; it will be here.',
  'reconnecting.notYet.link': 'See the program and its pace',
  'reconnecting.setAside': 'Set aside',
  'reconnecting.which': '“{name}”',
  'reconnecting.cancel': 'Cancel',
  'reconnecting.saving': 'Saving…',

  // Rituals
  'reconnecting.rituals.heading': 'Rituals of connection',
  'reconnecting.rituals.intro':
    'A ritual is a small moment that belongs to the two of you, every day or once a week. One of you suggests it; it starts once the other says yes. Either of you can set one aside at any time.',
  'reconnecting.rituals.none': 'No rituals yet. The ideas below are a gentle place to start.',
  'reconnecting.rituals.daily': 'Every day',
  'reconnecting.rituals.weekly': 'Once a week',
  'reconnecting.rituals.active': 'You both chose this.',
  'reconnecting.rituals.waiting': 'You suggested this. It starts once {name} says yes too.',
  'reconnecting.rituals.fromPartner': '{name} suggested this.',
  'reconnecting.rituals.agree': 'Yes, let’s do this',
  'reconnecting.rituals.agreed': 'You both chose this ritual.',
  'reconnecting.rituals.change': 'Change',
  'reconnecting.rituals.setAside.done': 'Set aside. You can always suggest it again.',
  'reconnecting.rituals.new': 'Suggest a ritual',
  'reconnecting.rituals.ideas': 'Some ideas to start from (choose one, or write your own):',
  'reconnecting.rituals.idea.1.title': 'Six minutes at the end of the day',
  'reconnecting.rituals.idea.1.detail':
    'Each of us says one thing that was hard today and one thing that was good. The other only listens.',
  'reconnecting.rituals.idea.2.title': 'A proper hello and goodbye',
  'reconnecting.rituals.idea.2.detail':
    'When one of us leaves or comes home, we stop for a moment and really greet each other.',
  'reconnecting.rituals.idea.3.title': 'A walk together',
  'reconnecting.rituals.idea.3.detail': 'An unhurried walk, phones left at home if we can.',
  'reconnecting.rituals.idea.4.title': 'A meal without screens',
  'reconnecting.rituals.idea.4.detail': 'One meal where we sit down together and just talk.',
  'reconnecting.rituals.field.title': 'What would you like to do?',
  'reconnecting.rituals.field.title.hint': 'A short name for it.',
  'reconnecting.rituals.field.detail': 'A little more about it (optional)',
  'reconnecting.rituals.field.cadence': 'How often?',
  'reconnecting.rituals.submit': 'Suggest this ritual',
  'reconnecting.rituals.saveChange': 'Suggest this change',
  'reconnecting.rituals.sent': 'Suggested. {name} can say yes whenever they are ready.',
  'reconnecting.rituals.conflict.heading': 'This ritual changed while you were writing',
  'reconnecting.rituals.conflict.body':
    'Here are your words beside the ones saved now. Take what you want from either, then suggest it again.',

  // Appreciations
  'reconnecting.thanks.heading': 'Appreciations',
  'reconnecting.thanks.intro':
    'A few words to tell {name} something you noticed and valued. They are never counted or compared.',
  'reconnecting.thanks.field': 'What would you like to tell {name}?',
  'reconnecting.thanks.field.hint':
    'You can take it back until {name} has opened it. After that it stays with them.',
  'reconnecting.thanks.submit': 'Send',
  'reconnecting.thanks.sent': 'Sent to {name}.',
  'reconnecting.thanks.received': 'From {name}',
  'reconnecting.thanks.receivedNone': 'When {name} sends you a note, it will be here.',
  'reconnecting.thanks.mine': 'You sent',
  'reconnecting.thanks.on': 'Sent {date}',
  'reconnecting.thanks.withdraw': 'Take back',
  'reconnecting.thanks.withdrawFor': '(the note sent {date})',
  'reconnecting.thanks.withdrawn': 'Taken back. {name} will not see it.',

  // Dates
  'reconnecting.dates.heading': 'Dates',
  'reconnecting.dates.intro':
    'Start with an idea, give it a day and a plan when it feels right, and afterwards each of you can write how it went, for yourself first.',
  'reconnecting.dates.none': 'No date ideas yet.',
  'reconnecting.dates.field.idea': 'An idea for a date',
  'reconnecting.dates.field.idea.hint': 'For example: breakfast at the place we used to go.',
  'reconnecting.dates.add': 'Add the idea',
  'reconnecting.dates.added': 'Added to your date ideas.',
  'reconnecting.dates.stage.idea': 'An idea, no day yet.',
  'reconnecting.dates.stage.planned': 'Planned for {date}.',
  'reconnecting.dates.plan': 'Plan it',
  'reconnecting.dates.replan': 'Change the plan',
  'reconnecting.dates.field.day': 'Which day?',
  'reconnecting.dates.field.day.hint': 'Leave it empty while it is still only an idea.',
  'reconnecting.dates.field.plan': 'What will you do?',
  'reconnecting.dates.savePlan': 'Save the plan',
  'reconnecting.dates.planned': 'The plan is saved. {name} sees it too.',
  'reconnecting.dates.conflict.heading': 'This date changed while you were planning',
  'reconnecting.dates.conflict.body':
    'Here are your words beside the ones saved now. Take what you want from either, then save again.',
  'reconnecting.dates.field.idea.short': 'The idea',
  'reconnecting.dates.went.heading': 'How it went',
  'reconnecting.dates.went.field': 'How was it for you?',
  'reconnecting.dates.went.hint': 'Only you can see this, unless you choose to share it.',
  'reconnecting.dates.went.save': 'Save my note',
  'reconnecting.dates.went.saved': 'Your note is saved. Only you can see it.',
  'reconnecting.dates.went.private': 'Only you can see your note.',
  'reconnecting.dates.went.shared': '{name} can read your note.',
  'reconnecting.dates.went.share': 'Share my note with {name}',
  'reconnecting.dates.went.unshare': 'Keep my note to myself',
  'reconnecting.dates.went.sharedDone': 'Shared with {name}.',
  'reconnecting.dates.went.unsharedDone': 'Your note is yours alone again.',
  'reconnecting.dates.went.partner': '{name}’s note',
  'reconnecting.dates.setAside.done': 'Set aside.',

  // Intimacy pacing
  'reconnecting.pacing.heading': 'Our pace with intimacy',
  'reconnecting.pacing.intro':
    'Closeness comes back in small steps that you both want. Agree together on the pace that feels right for now. Either of you can pause it at any moment, without giving a reason.',
  'reconnecting.pacing.none': 'You have not chosen a pace yet.',
  'reconnecting.pacing.pace.closeness':
    'Close, without sex for now: hugs, holding hands, sitting near.',
  'reconnecting.pacing.pace.gentle':
    'Gentle touch and affection, and we talk before anything more.',
  'reconnecting.pacing.pace.slowly':
    'Slowly finding our way back to sex, checking in with each other every time.',
  'reconnecting.pacing.pace.open':
    'Ready for a full intimate life again, knowing either of us can still slow down.',
  'reconnecting.pacing.agreed': 'You both agreed to this pace.',
  'reconnecting.pacing.waiting': 'You suggested this. {name} has not agreed yet.',
  'reconnecting.pacing.fromPartner': '{name} suggested this pace.',
  'reconnecting.pacing.agree': 'I agree to this pace',
  'reconnecting.pacing.agreedDone': 'You both agreed to this pace.',
  'reconnecting.pacing.suggest': 'Suggest a pace',
  'reconnecting.pacing.change': 'Suggest a change',
  'reconnecting.pacing.field.pace': 'What feels right for now?',
  'reconnecting.pacing.field.words': 'In your own words (optional)',
  'reconnecting.pacing.field.words.hint': 'Anything that would help you both feel at ease.',
  'reconnecting.pacing.submit': 'Suggest this pace',
  'reconnecting.pacing.sent': 'Suggested. {name} can agree when they are ready.',
  'reconnecting.pacing.conflict.heading': 'The pace changed while you were writing',
  'reconnecting.pacing.conflict.body':
    'Here are your words beside the ones saved now. Take what you want, then suggest it again.',
  'reconnecting.pacing.pause': 'Pause',
  'reconnecting.pacing.pause.hint': 'One press. No reason is asked, now or later.',
  'reconnecting.pacing.paused': 'Paused for now.',
  'reconnecting.pacing.paused.mine':
    'You paused this. Only you can lift your pause, whenever you like.',
  'reconnecting.pacing.paused.other':
    'Intimacy is paused for now. Nothing is asked of you; a pause is simply respected.',
  'reconnecting.pacing.resume': 'Lift my pause',
  'reconnecting.pacing.pausedDone':
    'Paused. No reason is asked and no message is sent; your partner sees only that it is paused.',
  'reconnecting.pacing.resumedDone': 'Your pause is lifted.',
  'reconnecting.pacing.whilePaused':
    'While it is paused, the pace stays as it is. It can be changed again after the pause.',
} as const;
