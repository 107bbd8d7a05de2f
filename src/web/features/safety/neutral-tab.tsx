import { useEffect } from 'react';
import { useMe } from '#web/core/session.ts';
import { setNeutralTab } from '#web/ui/index.ts';
import { useSafetyState } from './api';

/** Applies the person's neutral-tab choice on every page; the layout renders it once. */
export function NeutralTab() {
  const me = useMe();
  const state = useSafetyState(Boolean(me.data));
  const neutral = Boolean(me.data) && (state.data?.neutralTab ?? false);
  useEffect(() => setNeutralTab(neutral), [neutral]);
  return null;
}
