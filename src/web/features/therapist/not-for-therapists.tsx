import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useMe } from '#web/core/session.ts';

/** A partner's page: a therapist's account goes to their own workspace instead. */
export function NotForTherapists({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.data?.therapist) return <Navigate to="/practice" replace />;
  return <>{children}</>;
}
