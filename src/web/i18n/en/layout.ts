/**
 * The frame around every page: the safety bar, the menu and its groups, the colour switch, and
 * the message shown when a page is for the other kind of account.
 */
export const layout = {
  'layout.skipLink': 'Skip to main content',
  'layout.safetyBar.label': 'Safety',
  'layout.nav.label': 'Main',
  'layout.nav.menu': 'Menu',

  'layout.group.day': 'Day to day',
  'layout.group.program': 'The program',
  'layout.group.lookingBack': 'Looking back',
  'layout.group.therapist': 'With a therapist',
  'layout.group.you': 'You and your safety',
  'layout.group.practice': 'Your practice',
  'layout.group.reading': 'Reading',
  'layout.group.account': 'Your account',

  'layout.nav.home': 'Today',
  'layout.nav.checkins': 'Daily check-in',
  'layout.nav.triggers': 'Triggers',
  'layout.nav.questions': 'Questions',
  'layout.nav.program': 'Program',
  'layout.nav.guide': 'Guide',
  'layout.nav.injuries': 'What happened',
  'layout.nav.impactLetter': 'Impact letter',
  'layout.nav.apology': 'Apology',
  'layout.nav.disclosures': 'Sealed disclosures',
  'layout.nav.listening': 'Listening turns',
  'layout.nav.measures': 'Weekly check-ins',
  'layout.nav.progress': 'Progress',
  'layout.nav.messages': 'Messages',
  'layout.nav.sessionPrep': 'Session prep',
  'layout.nav.therapist': 'Your therapist',
  'layout.nav.safety': 'Help and safety',
  'layout.nav.safetyScreen': 'Private safety questions',
  'layout.nav.quickExit': 'About quick exit',
  'layout.nav.account': 'Account',
  'layout.nav.notifications': 'Notifications',
  'layout.nav.practice': 'Couples',
  'layout.nav.practiceNotes': 'My notes',
  'layout.nav.signIn': 'Sign in',
  'layout.nav.signUp': 'Create an account',
  'layout.nav.agreements': 'Agreements',
  'layout.nav.transparency': 'Offers of openness',

  'layout.theme.legend': 'Colours',
  'layout.theme.system': 'As my device',
  'layout.theme.light': 'Light',
  'layout.theme.dark': 'Dark',

  'layout.footer.label': 'About this site',
  'layout.footer.note': 'Open-source software. What you write stays on this server.',
  'layout.footer.privacy': 'What we do with your data',
  'layout.footer.quickExit': 'About quick exit',

  'layout.forPartners.title': 'For partners',
  'layout.forPartners.heading': 'This page is for partners',
  'layout.forPartners.body':
    'It belongs to the couples who use Healing Hearts, so there is nothing here for a therapist’s account. What a couple shares with you is in your practice.',
  'layout.forPartners.link': 'Go to your couples',
  'layout.forTherapists.title': 'For therapists',
  'layout.forTherapists.heading': 'This page is for therapists',
  'layout.forTherapists.body':
    'It belongs to a therapist’s account. Everything for you and your partner is in the menu.',
  'layout.forTherapists.link': 'Go to Today',
} as const;
