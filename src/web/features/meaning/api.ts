import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZOk } from '#shared/schemas/common.ts';
import {
  ZCurrentShared,
  ZFactorMap,
  ZFactorResponse,
  ZMyStory,
  ZMyStoryResponse,
  ZSharedCompare,
  ZSharedResponse,
  ZSharedSaveResponse,
  ZSharedVersions,
  ZStoryResponse,
  type TCurrentShared,
  type TFactorInput,
  type TMyStory,
  type TSharedResponse,
  type TSharedSections,
  type TSharedVersions,
  type TStoryResponse,
} from '#shared/schemas/meaning.ts';
import { ApiError, apiFetch, versionConflict } from '#web/core/api-client.ts';

/** Every key of this feature starts with its name, so one call can refresh all of it. */
export const meaningKeys = {
  all: ['meaning'] as const,
  factors: ['meaning', 'factors'] as const,
  story: ['meaning', 'story'] as const,
  shared: ['meaning', 'shared'] as const,
  versions: (id: string) => ['meaning', 'versions', id] as const,
  compare: (id: string, from: number, to: number) => ['meaning', 'compare', id, from, to] as const,
};

function useRefresh(key: readonly string[] = meaningKeys.all) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

/* ---------- Factors ---------- */

export function useFactors() {
  return useQuery({
    queryKey: meaningKeys.factors,
    queryFn: ({ signal }) => apiFetch('/api/meaning/factors', { schema: ZFactorMap, signal }),
  });
}

export function useAddFactor() {
  const refresh = useRefresh(meaningKeys.factors);
  return useMutation({
    mutationFn: (body: TFactorInput) =>
      apiFetch('/api/meaning/factors', { method: 'POST', body, schema: ZFactorResponse }),
    onSuccess: refresh,
  });
}

export function useFactorAction() {
  const refresh = useRefresh(meaningKeys.factors);
  return useMutation({
    mutationFn: (action: {
      id: string;
      kind: 'share' | 'unshare' | 'remove' | 'edit';
      body?: TFactorInput;
    }): Promise<unknown> => {
      const path = `/api/meaning/factors/${action.id}`;
      switch (action.kind) {
        case 'remove':
          return apiFetch(path, { method: 'DELETE', schema: ZOk });
        case 'edit':
          return apiFetch(path, { method: 'PUT', body: action.body, schema: ZFactorResponse });
        default:
          return apiFetch(`${path}/${action.kind}`, { method: 'POST', schema: ZFactorResponse });
      }
    },
    onSettled: refresh,
  });
}

/* ---------- The meaning story ---------- */

export function useStories() {
  return useQuery({
    queryKey: meaningKeys.story,
    queryFn: ({ signal }) => apiFetch('/api/meaning/story', { schema: ZStoryResponse, signal }),
  });
}

/** A draft saved from another window meanwhile: my story as it is now, beside my words. */
export class StoryConflict extends Error {
  constructor(
    readonly current: TMyStory,
    message: string,
  ) {
    super(message);
    this.name = 'StoryConflict';
  }
}

function readStoryConflict(error: unknown): never {
  const current = versionConflict(error, (body) => {
    const parsed = ZMyStory.safeParse(body);
    return parsed.success ? parsed.data : null;
  });
  if (current) throw new StoryConflict(current, (error as Error).message);
  throw error;
}

function useSetMine() {
  const queryClient = useQueryClient();
  return (mine: TMyStory) =>
    queryClient.setQueryData<TStoryResponse>(meaningKeys.story, (previous) =>
      previous ? { ...previous, mine } : previous,
    );
}

export function useSaveStory() {
  const setMine = useSetMine();
  return useMutation({
    mutationFn: async ({ version, text }: { version: number; text: string }) => {
      try {
        return await apiFetch('/api/meaning/story', {
          method: 'PUT',
          body: { text },
          ifMatch: version,
          schema: ZMyStoryResponse,
        });
      } catch (error) {
        return readStoryConflict(error);
      }
    },
    onSuccess: ({ mine }) => setMine(mine),
  });
}

export function useShareStory() {
  const setMine = useSetMine();
  const refresh = useRefresh(meaningKeys.story);
  return useMutation({
    mutationFn: async ({ version }: { version: number }) => {
      try {
        return await apiFetch('/api/meaning/story/share', {
          method: 'POST',
          ifMatch: version,
          schema: ZMyStoryResponse,
        });
      } catch (error) {
        return readStoryConflict(error);
      }
    },
    onSuccess: ({ mine }) => setMine(mine),
    onSettled: refresh,
  });
}

export function useUnshareStory() {
  const setMine = useSetMine();
  return useMutation({
    mutationFn: () =>
      apiFetch('/api/meaning/story/unshare', { method: 'POST', schema: ZMyStoryResponse }),
    onSuccess: ({ mine }) => setMine(mine),
  });
}

/* ---------- The shared story ---------- */

export function useSharedStory() {
  return useQuery({
    queryKey: meaningKeys.shared,
    queryFn: ({ signal }) => apiFetch('/api/meaning/shared', { schema: ZSharedResponse, signal }),
  });
}

/** A save that lost the race: our story as it is now, which the page shows beside my words. */
export class SharedConflict extends Error {
  constructor(
    readonly current: TCurrentShared,
    message: string,
  ) {
    super(message);
    this.name = 'SharedConflict';
  }
}

export function useSaveShared() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, sections }: { version: number; sections: TSharedSections }) => {
      try {
        return await apiFetch('/api/meaning/shared', {
          method: 'PUT',
          body: { sections },
          ifMatch: version,
          schema: ZSharedSaveResponse,
        });
      } catch (error) {
        const current = versionConflict(error, (body) => {
          const parsed = ZCurrentShared.safeParse(body);
          return parsed.success ? parsed.data : null;
        });
        if (current) throw new SharedConflict(current, (error as Error).message);
        throw error;
      }
    },
    onSuccess: ({ story }) => {
      queryClient.setQueryData<TSharedResponse>(meaningKeys.shared, (previous) =>
        previous ? { ...previous, story } : previous,
      );
      void queryClient.invalidateQueries({ queryKey: meaningKeys.all });
    },
    onError: (error) => {
      if (
        error instanceof SharedConflict ||
        (error instanceof ApiError && error.code === 'joint_work_paused')
      ) {
        void queryClient.invalidateQueries({ queryKey: meaningKeys.shared });
      }
    },
  });
}

const VERSIONS_PAGE = 10;

export function useSharedVersions(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: meaningKeys.versions(id),
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(VERSIONS_PAGE) });
      if (pageParam) params.set('cursor', pageParam);
      return apiFetch(`/api/meaning/shared/${id}/versions?${params.toString()}`, {
        schema: ZSharedVersions,
        signal,
      });
    },
    getNextPageParam: (last: TSharedVersions) => last.nextCursor,
  });
}

export function useSharedCompare(id: string, pair: { from: number; to: number } | null) {
  return useQuery({
    queryKey: meaningKeys.compare(id, pair?.from ?? 0, pair?.to ?? 0),
    enabled: pair !== null,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ from: String(pair!.from), to: String(pair!.to) });
      return apiFetch(`/api/meaning/shared/${id}/compare?${params.toString()}`, {
        schema: ZSharedCompare,
        signal,
      });
    },
  });
}
