/**
 * Every page of the web app, as React Router path patterns (`:name` is one segment; '' is the
 * landing page). The server answers 200 with the app for these and 404 for every other path, so
 * a scanner's `/account.bak` is not mistaken for a file. `src/shared/pages.test.ts` checks the list
 * against the routes in src/web/app/app.tsx, so a page added there without a line here fails.
 */
export const APP_PAGES = [
  '',
  'signup',
  'signin',
  'join',
  'therapist/signup',
  'therapist/join',
  'quick-exit',
  'safety',
  'guide',
  'guide/:slug',
  'home',
  'account',
  'account/check-email',
  'account/verify',
  'account/forgot',
  'account/reset',
  'account/email-confirm',
  'access-log',
  'progress',
  'measures',
  'measures/:measureId',
  'injuries',
  'program',
  'impact-letter',
  'triggers',
  'questions',
  'checkins',
  'safety-screen',
  'session-prep',
  'session-prep/print',
  'therapist',
  'messages',
  'messages/couples/:linkId',
  'practice',
  'practice/couples/:linkId',
  'practice/notes',
  'notifications',
  'notifications/settings',
  'apology',
  'disclosures',
  'listening',
  'agreements',
  'transparency',
  'reconnecting',
  'contact-log',
  'forgiveness',
  'decision',
  'meaning',
  'goals',
] as const;

const patterns = APP_PAGES.map((page) => page.split('/').filter(Boolean));

/** Whether a URL path (no query) is one of the app's pages; one trailing slash is allowed. */
export function isAppPage(pathname: string): boolean {
  if (!pathname.startsWith('/')) return false;
  const segments = pathname.slice(1).replace(/\/$/, '').split('/');
  if (segments.length === 1 && segments[0] === '') segments.length = 0;
  return patterns.some(
    (pattern) =>
      pattern.length === segments.length &&
      pattern.every((part, i) =>
        part.startsWith(':') ? segments[i] !== '' : part === segments[i],
      ),
  );
}
