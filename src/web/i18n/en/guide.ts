/**
 * The guide: lessons anyone can read, and a private reflection at the end of each. The words of
 * the page the server fills in before the app starts (src/server/features/guide/pages.ts) match
 * these; a test checks that they agree.
 */
export const guide = {
  'guide.title': 'The guide',
  'guide.lead':
    'Short lessons for the weeks and months after a betrayal comes to light. Read them in any order, alone or together. You do not need an account.',
  'guide.loading': 'Loading the guide…',
  'guide.startHere': 'Start here',
  'guide.minutes': '{minutes} min read',
  'guide.phase.1': 'Phase 1 · Impact',
  'guide.phase.2': 'Phase 2 · Meaning',
  'guide.phase.3': 'Phase 3 · Moving on',
  'guide.phase.1.about':
    'The first weeks: steadying yourselves, naming the hurt, and taking responsibility.',
  'guide.phase.2.about':
    'Later: understanding how it happened, without excusing it, and giving it time.',
  'guide.phase.3.about': 'When you are ready: closeness, and deciding how to go on.',
  'guide.faq': 'Questions people ask',

  'guide.lesson.loading': 'Loading the lesson…',
  'guide.lesson.backToGuide': 'The guide',
  'guide.lesson.drawsOn': 'Draws on',
  'guide.lesson.nav': 'More lessons',
  'guide.lesson.previous': 'Previous',
  'guide.lesson.next': 'Next',
  'guide.lesson.notFound.heading': 'We could not find that lesson',
  'guide.lesson.notFound.body':
    'The address may be mistyped, or the lesson may have moved. All the lessons are listed in the guide.',
  'guide.lesson.notFound.link': 'See all the lessons',

  'guide.reflect.heading': 'A question to sit with',
  'guide.reflect.signIn': 'Sign in to keep a private reflection',
  'guide.reflect.signInAfter':
    'Only you will see it, unless you choose to share it with your partner.',
  'guide.reflect.loading': 'Loading your reflection…',
  'guide.reflect.label': 'Your reflection',
  'guide.reflect.hintPrivate':
    'Private: only you can see it, unless you choose to share it. Up to 4,000 characters.',
  'guide.reflect.hintShared':
    'Shared with {name}: when you save a change, {name} sees the new version. Up to 4,000 characters.',
  'guide.reflect.save': 'Save my reflection',
  'guide.reflect.saveChanges': 'Save changes',
  'guide.reflect.saving': 'Saving…',
  'guide.reflect.saved': 'Your reflection is saved.',
  'guide.reflect.savedAt': 'Last saved {date}.',
  'guide.reflect.conflict':
    'This reflection was changed in another tab or on another device. Nothing is lost: what you wrote is still in the box, and the saved version is beside it. Save again to keep your words, or change them to bring the two together.',
  'guide.reflect.heldShared':
    'While shared exercises rest, a shared reflection stays as it is. You can make it private again, and then change it.',
  'guide.reflect.sharedNow': 'Your reflection is now shared with {name}.',
  'guide.reflect.privateNow': 'Your reflection is private again.',
  'guide.reflect.partnerHeading': '{name}’s reflection',
  'guide.reflect.partnerShared': '{name} shared this with you on {date}.',
  'guide.reflect.partnerEdited': 'Last changed {date}.',
} as const;
