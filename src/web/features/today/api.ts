import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { ZOk } from '#shared/schemas/common.ts';
import { ZTodayResponse } from '#shared/schemas/today.ts';
import { apiFetch } from '#web/core/api-client.ts';

/** Today in the person's own time zone, as YYYY-MM-DD. */
export function localDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * What the partner does (shares, or a pause of shared exercises) changes today without my doing
 * anything: look again whenever the person comes back to the tab, and now and then while it is
 * open. Nothing is added to other requests; this is only the today route, read again.
 */
export const TODAY_REFRESH = {
  refetchOnWindowFocus: 'always',
  refetchInterval: 60_000,
} as const;

/** Today's query, also fetched ahead by the app shell when a visit starts on home. */
export function todayQuery(day: string) {
  return queryOptions({
    queryKey: ['today', day],
    queryFn: ({ signal }) => apiFetch(`/api/today?day=${day}`, { schema: ZTodayResponse, signal }),
  });
}

export function useToday(day: string) {
  return useQuery({ ...TODAY_REFRESH, ...todayQuery(day) });
}

export function useMarkSeen() {
  return useMutation({
    mutationFn: (at: string) =>
      apiFetch('/api/today/seen', { method: 'POST', body: { at }, schema: ZOk }),
  });
}
