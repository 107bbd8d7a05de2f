import { matchPath } from 'react-router';

/**
 * Which signed-in pages belong to one kind of account. A therapist has no space, so a partner's
 * page would only show them empty forms and errors; the shell shows a plain "this page is for
 * partners" instead (and the other way round). Patterns are the route paths of app.tsx; pages
 * listed in neither (account, the guide, safety, quick exit) are for everyone.
 */
export const PAGE_AUDIENCE = {
  partner: [
    '/home',
    '/access-log',
    '/progress',
    '/measures',
    '/measures/:measureId',
    '/injuries',
    '/program',
    '/impact-letter',
    '/triggers',
    '/checkins',
    '/safety-screen',
    '/session-prep',
    '/session-prep/print',
    '/therapist',
    '/messages',
    '/questions',
    '/apology',
    '/disclosures',
    '/listening',
    '/agreements',
    '/transparency',
    '/reconnecting',
    '/contact-log',
    '/forgiveness',
    '/decision',
    '/meaning',
    '/goals',
  ],
  therapist: [
    '/practice',
    '/practice/couples/:linkId',
    '/practice/notes',
    '/messages/couples/:linkId',
  ],
  everyone: ['/account', '/notifications', '/notifications/settings'],
} as const;

export type PageAudience = keyof typeof PAGE_AUDIENCE;

/** The audience of the page at `pathname`; `everyone` for pages not listed. */
export function audienceOf(pathname: string): PageAudience {
  for (const audience of ['partner', 'therapist'] as const) {
    if (PAGE_AUDIENCE[audience].some((path) => matchPath({ path, end: true }, pathname))) {
      return audience;
    }
  }
  return 'everyone';
}
