import type { layout } from '#web/i18n/en/layout.ts';

/** The menu's words: keys of the layout catalog, none of which takes a parameter. */
type LayoutKey = keyof typeof layout;

/** Whose menu: a partner's, a therapist's, or a visitor's who is not signed in. */
export type Viewer = 'partner' | 'therapist' | 'visitor';

export interface NavEntry {
  to: string;
  label: LayoutKey;
}

export interface NavGroup {
  label: LayoutKey;
  entries: readonly NavEntry[];
}

/**
 * Every page a person can reach from the menu, in groups, for each kind of viewer: the one place
 * that lists them (decision 0023). The phone's menu and the desktop's side navigation both render
 * this. A new feature adds one entry to the group it belongs in, for example
 *   { to: '/questions', label: 'layout.nav.questions' }   under "Facing what happened"
 *   { to: '/meaning', label: 'layout.nav.meaning' }       under "Understanding and going on"
 *   { to: '/notifications', label: 'layout.nav.notifications' } under "You and your safety"
 * and, if only one kind of account may open it, one line in page-audience.ts.
 */
export const NAVIGATION: Record<Viewer, readonly NavGroup[]> = {
  partner: [
    {
      label: 'layout.group.day',
      entries: [
        { to: '/home', label: 'layout.nav.home' },
        { to: '/checkins', label: 'layout.nav.checkins' },
        { to: '/triggers', label: 'layout.nav.triggers' },
      ],
    },
    {
      label: 'layout.group.program',
      entries: [
        { to: '/program', label: 'layout.nav.program' },
        { to: '/guide', label: 'layout.nav.guide' },
        { to: '/injuries', label: 'layout.nav.injuries' },
      ],
    },
    {
      // Phase 1's exercises in which the partners speak to each other (issue 14, issue 15).
      label: 'layout.group.facing',
      entries: [
        { to: '/impact-letter', label: 'layout.nav.impactLetter' },
        { to: '/questions', label: 'layout.nav.questions' },
        { to: '/apology', label: 'layout.nav.apology' },
        { to: '/disclosures', label: 'layout.nav.disclosures' },
        { to: '/contact-log', label: 'layout.nav.contactLog' },
        { to: '/transparency', label: 'layout.nav.transparency' },
        { to: '/agreements', label: 'layout.nav.agreements' },
      ],
    },
    {
      // Phases 2 and 3: understanding, reconnecting and going on.
      label: 'layout.group.onward',
      entries: [
        { to: '/listening', label: 'layout.nav.listening' },
        { to: '/meaning', label: 'layout.nav.meaning' },
        { to: '/forgiveness', label: 'layout.nav.forgiveness' },
        { to: '/reconnecting', label: 'layout.nav.reconnecting' },
        { to: '/decision', label: 'layout.nav.decision' },
        { to: '/goals', label: 'layout.nav.goals' },
      ],
    },
    {
      label: 'layout.group.lookingBack',
      entries: [
        { to: '/measures', label: 'layout.nav.measures' },
        { to: '/progress', label: 'layout.nav.progress' },
      ],
    },
    {
      label: 'layout.group.therapist',
      entries: [
        { to: '/messages', label: 'layout.nav.messages' },
        { to: '/session-prep', label: 'layout.nav.sessionPrep' },
        { to: '/therapist', label: 'layout.nav.therapist' },
      ],
    },
    {
      label: 'layout.group.you',
      entries: [
        { to: '/safety', label: 'layout.nav.safety' },
        { to: '/safety-screen', label: 'layout.nav.safetyScreen' },
        { to: '/quick-exit', label: 'layout.nav.quickExit' },
        { to: '/notifications', label: 'layout.nav.notifications' },
        { to: '/account', label: 'layout.nav.account' },
      ],
    },
  ],
  therapist: [
    {
      label: 'layout.group.practice',
      entries: [
        { to: '/practice', label: 'layout.nav.practice' },
        { to: '/practice/notes', label: 'layout.nav.practiceNotes' },
      ],
    },
    {
      label: 'layout.group.reading',
      entries: [
        { to: '/guide', label: 'layout.nav.guide' },
        { to: '/quick-exit', label: 'layout.nav.quickExit' },
      ],
    },
    {
      label: 'layout.group.account',
      entries: [
        { to: '/notifications', label: 'layout.nav.notifications' },
        { to: '/account', label: 'layout.nav.account' },
      ],
    },
  ],
  visitor: [
    {
      label: 'layout.group.reading',
      entries: [
        { to: '/guide', label: 'layout.nav.guide' },
        { to: '/safety', label: 'layout.nav.safety' },
        { to: '/quick-exit', label: 'layout.nav.quickExit' },
      ],
    },
    {
      label: 'layout.group.account',
      entries: [
        { to: '/signin', label: 'layout.nav.signIn' },
        { to: '/signup', label: 'layout.nav.signUp' },
      ],
    },
  ],
};
