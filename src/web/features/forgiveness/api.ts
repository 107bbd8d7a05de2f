import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZForgivenessReflection,
  ZForgivenessShare,
  ZForgivenessView,
  type TForgivenessBody,
} from '#shared/schemas/forgiveness.ts';
import { apiFetch } from '#web/core/api-client.ts';

const BASE = '/api/forgiveness';
export const KEY = ['forgiveness'] as const;

export function useForgiveness() {
  return useQuery({
    queryKey: KEY,
    refetchOnWindowFocus: 'always',
    queryFn: ({ signal }) => apiFetch(BASE, { schema: ZForgivenessView, signal }),
  });
}

/** Saves the private reflection; the page keeps its own draft (useDraft), so no refetch here. */
export function useSaveReflection() {
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: TForgivenessBody }) =>
      apiFetch(`${BASE}/reflection`, {
        method: 'PUT',
        body,
        ifMatch: version,
        schema: ZForgivenessReflection,
      }),
  });
}

export function useShare() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      apiFetch(`${BASE}/shares`, { method: 'POST', body: { body }, schema: ZForgivenessShare }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUnshare() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch(`${BASE}/shares/${encodeURIComponent(id)}/unshare`, {
        method: 'POST',
        schema: ZForgivenessShare,
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
