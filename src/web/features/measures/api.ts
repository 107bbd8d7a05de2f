import {
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { TVisibility } from '#shared/schemas/common.ts';
import {
  ZHistory,
  ZMeasureList,
  ZMeasureResponse,
  ZSubmittedResponse,
  type TSubmitResponseBody,
} from '#shared/schemas/measures.ts';
import { apiFetch } from '#web/core/api-client.ts';

/** The person's own time zone, so "this week" is their week, not the server's. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Query keys of this feature; nothing else reads them. */
const keys = {
  all: ['measures'] as const,
  list: ['measures', 'list'] as const,
  history: (measure: string, whose: 'mine' | 'partner') =>
    ['measures', 'history', measure, whose] as const,
};

export const measuresQuery = queryOptions({
  queryKey: keys.list,
  queryFn: ({ signal }) =>
    apiFetch(`/api/measures?timeZone=${encodeURIComponent(browserTimeZone())}`, {
      schema: ZMeasureList,
      signal,
    }),
});

export function useMeasures() {
  return useQuery(measuresQuery);
}

/** One measure's history, mine or my partner's shared ones, a page of weeks at a time. */
export function useHistory(measure: string, whose: 'mine' | 'partner', enabled = true) {
  return useInfiniteQuery({
    queryKey: keys.history(measure, whose),
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ measure, whose });
      if (pageParam) params.set('cursor', pageParam);
      return apiFetch(`/api/measures/responses?${params.toString()}`, { schema: ZHistory, signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useSubmitResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<TSubmitResponseBody, 'timeZone'>) =>
      apiFetch('/api/measures/responses', {
        method: 'POST',
        body: { ...body, timeZone: browserTimeZone() },
        schema: ZSubmittedResponse,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useSetVisibility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, visibility }: { id: string; visibility: TVisibility }) =>
      apiFetch(`/api/measures/responses/${id}/visibility`, {
        method: 'POST',
        body: { visibility },
        schema: ZMeasureResponse,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** Sharing one of my responses with our therapist, or no longer (apart from the partner share). */
export function useTherapistShareResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, shared }: { id: string; shared: boolean }) =>
      apiFetch(`/api/measures/responses/${id}/therapist`, {
        method: 'PUT',
        body: { shared },
        schema: ZMeasureResponse,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
