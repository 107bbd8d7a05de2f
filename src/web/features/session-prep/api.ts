import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZCandidatesResponse,
  ZPrepResponse,
  type TCandidatesResponse,
  type TPick,
  type TPrep,
  type TPrepKind,
} from '#shared/schemas/session-prep.ts';
import { apiFetch } from '#web/core/api-client.ts';

/** Every key of this feature starts with its name, so one call can refresh all of it. */
export const sessionPrepKeys = {
  all: ['session-prep'] as const,
  prep: ['session-prep', 'prep'] as const,
  candidates: (kind: TPrepKind | 'all') => ['session-prep', 'candidates', kind] as const,
};

export function usePrep() {
  return useQuery({
    queryKey: sessionPrepKeys.prep,
    queryFn: async ({ signal }) =>
      (await apiFetch('/api/session-prep', { schema: ZPrepResponse, signal })).prep,
  });
}

export function useCandidates(kind: TPrepKind | 'all') {
  return useInfiniteQuery({
    queryKey: sessionPrepKeys.candidates(kind),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams();
      if (kind !== 'all') params.set('kind', kind);
      if (pageParam) params.set('cursor', pageParam);
      const query = params.toString();
      return apiFetch(`/api/session-prep/candidates${query ? `?${query}` : ''}`, {
        schema: ZCandidatesResponse,
        signal,
      });
    },
    getNextPageParam: (last: TCandidatesResponse) => last.nextCursor,
  });
}

export interface PrepDraft {
  topics: string;
  questions: string;
  picks: TPick[];
}

export function useSavePrep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, draft }: { version: number; draft: PrepDraft }) =>
      (
        await apiFetch('/api/session-prep', {
          method: 'PUT',
          ifMatch: version,
          body: draft,
          schema: ZPrepResponse,
        })
      ).prep,
    onSuccess: (prep: TPrep) => client.setQueryData(sessionPrepKeys.prep, prep),
  });
}

export function useClearPrep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (await apiFetch('/api/session-prep', { method: 'DELETE', schema: ZPrepResponse })).prep,
    onSuccess: (prep: TPrep) => client.setQueryData(sessionPrepKeys.prep, prep),
  });
}
