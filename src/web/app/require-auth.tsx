import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadError } from '#web/ui/index.ts';
import { PageLoading } from '#web/ui/lazy-page.tsx';
import type { SignedOutState } from './landing-page';
import { wasSignedOutByChoice } from '#web/core/query-client.ts';
import { useMe, type ReturnState } from '#web/core/session.ts';

/** Pages below this need an account; signed-out visitors go to /signin and come back after. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();

  if (me.data) return <Outlet />;
  // The page's own placeholder: the same height, so the footer does not jump twice.
  if (me.isPending) return <PageLoading />;
  if (me.isError) {
    return <LoadError message={me.error.message} onRetry={() => void me.refetch()} />;
  }
  if (wasSignedOutByChoice()) {
    const signedOut: SignedOutState = { signedOut: true };
    return <Navigate to="/" replace state={signedOut} />;
  }
  const state: ReturnState = { from: location.pathname };
  return <Navigate to="/signin" replace state={state} />;
}
