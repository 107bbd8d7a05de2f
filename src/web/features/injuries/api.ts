import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZInjury,
  ZInjuryList,
  ZInjuryResponse,
  type TChangeInjuryBody,
  type TInjury,
  type TInjuryList,
  type TInjuryRole,
  type TNameInjuryBody,
} from '#shared/schemas/injuries.ts';
import { apiFetch, type ApiError, versionConflict } from '#web/core/api-client.ts';
import { queryKeys } from '#web/core/query-keys.ts';

export const injuriesQuery = queryOptions({
  queryKey: queryKeys.injuries,
  queryFn: ({ signal }) => apiFetch('/api/injuries', { schema: ZInjuryList, signal }),
});

export function useInjuries() {
  return useQuery(injuriesQuery);
}

type QueryClient = ReturnType<typeof useQueryClient>;

/** Puts one changed injury into the list, and lets the program map (which reads roles) refresh. */
function storeInjury(queryClient: QueryClient, injury: TInjury): void {
  queryClient.setQueryData<TInjuryList>(queryKeys.injuries, (list) => {
    if (!list) return list;
    const known = list.injuries.some((item) => item.id === injury.id);
    return {
      ...list,
      injuries: known
        ? list.injuries.map((item) => (item.id === injury.id ? injury : item))
        : [...list.injuries, injury],
    };
  });
  void queryClient.invalidateQueries({ queryKey: queryKeys.program });
}

/**
 * After a 412 the server sent the injury as it is now: show that, so the person chooses again
 * from what is really there. Anything else (joint work paused, say) reloads the list.
 */
function onChangeError(queryClient: QueryClient, error: ApiError): void {
  const current = versionConflict(error, (body) => {
    const parsed = ZInjury.safeParse(body);
    return parsed.success ? parsed.data : null;
  });
  if (current) storeInjury(queryClient, current);
  else void queryClient.invalidateQueries({ queryKey: queryKeys.injuries });
}

export function useNameInjury() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TNameInjuryBody) =>
      apiFetch('/api/injuries', { method: 'POST', body, schema: ZInjuryResponse }),
    onSuccess: ({ injury }) => storeInjury(queryClient, injury),
    onError: (error) => {
      if (error.code === 'joint_work_paused') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.injuries });
      }
    },
  });
}

export type InjuryChange =
  | { action: 'confirm' }
  | { action: 'roles'; myRole: TInjuryRole }
  | { action: 'archive' }
  | { action: 'restore' }
  | { action: 'change'; body: TChangeInjuryBody };

/** Every change to a shared injury names the version it starts from (If-Match). */
export function useChangeInjury(injury: TInjury) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: InjuryChange) => {
      const base = `/api/injuries/${encodeURIComponent(injury.id)}`;
      const common = { ifMatch: injury.version, schema: ZInjuryResponse };
      switch (change.action) {
        case 'change':
          return apiFetch(base, { ...common, method: 'PATCH', body: change.body });
        case 'roles':
          return apiFetch(`${base}/roles`, {
            ...common,
            method: 'POST',
            body: { myRole: change.myRole },
          });
        default:
          return apiFetch(`${base}/${change.action}`, { ...common, method: 'POST' });
      }
    },
    onSuccess: ({ injury: changed }) => storeInjury(queryClient, changed),
    onError: (error) => onChangeError(queryClient, error),
  });
}

export function useSaveNote(injuryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      apiFetch(`/api/injuries/${encodeURIComponent(injuryId)}/note`, {
        method: 'PUT',
        body: { note },
        schema: ZInjuryResponse,
      }),
    onSuccess: ({ injury }) => storeInjury(queryClient, injury),
  });
}
