import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZResourcesResponse, ZSafetyState } from '#shared/schemas/safety.ts';
import {
  ZScreenResult,
  ZScreenView,
  type TScreenAnswerId,
  type TScreenView,
} from '#shared/schemas/safety-screen.ts';
import { apiFetch } from '#web/core/api-client.ts';
import { queryKeys } from '#web/core/query-keys.ts';

export const safetyScreenQuery = queryOptions({
  queryKey: queryKeys.safetyScreen,
  queryFn: ({ signal }) => apiFetch('/api/safety-screen', { schema: ZScreenView, signal }),
});

export const useSafetyScreen = () => useQuery(safetyScreenQuery);

/** My own region choice, from the safety state (the same cache the help page uses). */
export function useMyRegion() {
  return useQuery({
    queryKey: queryKeys.safety,
    queryFn: ({ signal }) => apiFetch('/api/safety', { schema: ZSafetyState, signal }),
    select: (state) => state.region,
  });
}

export function useResourcesFor(region: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.supportResources(region),
    queryFn: ({ signal }) =>
      apiFetch(`/api/safety/resources?region=${encodeURIComponent(region)}`, {
        schema: ZResourcesResponse,
        signal,
      }),
    staleTime: Infinity,
    enabled,
  });
}

/**
 * Sends the answers once. They live only in the form's state and this request: never in the
 * query cache, never in browser storage. Afterwards every query but the session is fetched again,
 * since a care result pauses shared exercises everywhere.
 */
export function useTakeScreen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, TScreenAnswerId>) =>
      apiFetch('/api/safety-screen', {
        method: 'POST',
        body: { answers },
        schema: ZScreenResult,
      }),
    onSuccess: async ({ takenAt }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.safetyScreen });
      queryClient.setQueryData<TScreenView>(queryKeys.safetyScreen, (view) =>
        view ? { ...view, takenAt } : view,
      );
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== 'auth' && query.queryKey[0] !== 'safety-screen',
      });
    },
  });
}

/** The region to show first when none is saved: the browser's language, never the IP address. */
export function browserRegion(): string {
  try {
    return new Intl.Locale(navigator.language).maximize().region ?? 'INTL';
  } catch {
    return 'INTL';
  }
}
