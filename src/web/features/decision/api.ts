import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZDecisionRecord,
  ZDecisionView,
  ZMyDecisionReflection,
  type TDecisionBody,
  type TRecordBody,
} from '#shared/schemas/decision.ts';
import { apiFetch } from '#web/core/api-client.ts';

const BASE = '/api/decision';
const KEY = ['decision'] as const;

export function useDecision() {
  return useQuery({
    queryKey: KEY,
    // What the partner shares or agrees to happens on their side: look again on return.
    refetchOnWindowFocus: 'always',
    refetchInterval: 60_000,
    queryFn: ({ signal }) => apiFetch(BASE, { schema: ZDecisionView, signal }),
  });
}

/** Saves the private reflection; the page keeps its own draft (useDraft). */
export function useSaveReflection() {
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: TDecisionBody }) =>
      apiFetch(`${BASE}/reflection`, {
        method: 'PUT',
        body,
        ifMatch: version,
        schema: ZMyDecisionReflection,
      }),
  });
}

export function useShareReflection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      apiFetch(`${BASE}/reflection/share`, {
        method: 'POST',
        ifMatch: version,
        schema: ZMyDecisionReflection,
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUnshareReflection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch(`${BASE}/reflection/unshare`, { method: 'POST', schema: ZMyDecisionReflection }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function usePutRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: TRecordBody }) =>
      apiFetch(`${BASE}/record`, {
        method: 'PUT',
        body,
        ifMatch: version,
        schema: ZDecisionRecord,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useAgreeRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      apiFetch(`${BASE}/record/agree`, {
        method: 'POST',
        ifMatch: version,
        schema: ZDecisionRecord,
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
