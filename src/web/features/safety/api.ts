import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TSafetyState } from '#shared/schemas/safety.ts';
import { apiFetch } from '#web/core/api-client.ts';
import { queryKeys } from '#web/core/query-keys.ts';

// Every page's frame uses these (the "I don't feel safe" button, the neutral tab): the schemas
// load with the first answer, not with the page (decision 0028).
const safetySchemas = () => import('#shared/schemas/safety.ts');
const ZSafetyState = () => safetySchemas().then((m) => m.ZSafetyState);
const ZResourcesResponse = () => safetySchemas().then((m) => m.ZResourcesResponse);

export const safetyStateQuery = queryOptions({
  queryKey: queryKeys.safety,
  queryFn: ({ signal }) => apiFetch('/api/safety', { schema: ZSafetyState, signal }),
});

export function useSafetyState(enabled: boolean) {
  return useQuery({ ...safetyStateQuery, enabled });
}

export function useSupportResources(region: string) {
  return useQuery({
    queryKey: queryKeys.supportResources(region),
    queryFn: ({ signal }) =>
      apiFetch(`/api/safety/resources?region=${encodeURIComponent(region)}`, {
        schema: ZResourcesResponse,
        signal,
      }),
    staleTime: Infinity,
  });
}

function useSafetyMutation(path: string, method: 'POST' | 'PUT' = 'POST') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body?: unknown) =>
      apiFetch(path, { method, schema: ZSafetyState, ...(body ? { body } : {}) }),
    onSuccess: async (state: TSafetyState) => {
      // A read that started before this change (the help page opening as "I don't feel safe" is
      // pressed) must not land after it and show the old state.
      await queryClient.cancelQueries({ queryKey: queryKeys.safety });
      queryClient.setQueryData(queryKeys.safety, state);
      // Every joint exercise reads the pause: let them all fetch again.
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== 'safety' && query.queryKey[0] !== 'auth',
      });
    },
  });
}

export const usePauseJointWork = () => useSafetyMutation('/api/safety/pause');
export const useResumeJointWork = () => useSafetyMutation('/api/safety/resume');
export const useSaveRegion = () => useSafetyMutation('/api/safety/region', 'PUT');
export const useSaveNeutralTab = () => useSafetyMutation('/api/safety/tab', 'PUT');

/** The region to show first: the person's own choice, else their browser's language (never their IP). */
export function browserRegion(): string {
  try {
    return new Intl.Locale(navigator.language).maximize().region ?? 'INTL';
  } catch {
    return 'INTL';
  }
}
