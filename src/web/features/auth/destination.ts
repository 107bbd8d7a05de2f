import type { ReturnState } from '#web/core/session.ts';

/**
 * Where to go once signed in: back to an invitation if one is waiting, else back to the page
 * that asked for sign-in, else Home. Only same-site paths are followed.
 */
export function destinationAfterAuth(state: unknown, hasPendingInvite: boolean): string {
  if (hasPendingInvite) return '/join';
  const from = (state as ReturnState | null)?.from;
  if (
    typeof from === 'string' &&
    from.startsWith('/') &&
    !from.startsWith('//') &&
    from !== '/signin' &&
    from !== '/signup'
  ) {
    return from;
  }
  return '/home';
}
