import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZAgreement,
  ZAgreementCompare,
  ZAgreementList,
  ZAgreementResponse,
  ZAgreementVersions,
  type TAgreement,
  type TAgreementKind,
  type TAgreementSections,
} from '#shared/schemas/agreements.ts';
import { apiFetch, versionConflict } from '#web/core/api-client.ts';

/** Every key of this feature starts with its name, so one call can refresh all of it. */
export const agreementKeys = {
  all: ['agreements'] as const,
  list: ['agreements', 'list'] as const,
  versions: (id: string) => ['agreements', 'versions', id] as const,
  compare: (id: string, from: number, to: number) =>
    ['agreements', 'compare', id, from, to] as const,
};

export function useAgreements() {
  return useQuery({
    queryKey: agreementKeys.list,
    queryFn: ({ signal }) => apiFetch('/api/agreements', { schema: ZAgreementList, signal }),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: agreementKeys.all });
}

export function useDraftAgreement() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { kind: TAgreementKind; sections: TAgreementSections }) =>
      apiFetch('/api/agreements', { method: 'POST', body, schema: ZAgreementResponse }),
    onSuccess: () => refresh(),
  });
}

/** A save or an acceptance that met a newer version: the agreement as it is now. */
export class AgreementConflict extends Error {
  constructor(
    readonly current: TAgreement,
    message: string,
  ) {
    super(message);
    this.name = 'AgreementConflict';
  }
}

function asConflict(error: unknown): never {
  const current = versionConflict(error, (body) => {
    const parsed = ZAgreement.safeParse(body);
    return parsed.success ? parsed.data : null;
  });
  if (current) throw new AgreementConflict(current, (error as Error).message);
  throw error;
}

export function useSaveAgreement() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (input: { id: string; version: number; sections: TAgreementSections }) => {
      try {
        return await apiFetch(`/api/agreements/${input.id}`, {
          method: 'PUT',
          body: { sections: input.sections },
          ifMatch: input.version,
          schema: ZAgreementResponse,
        });
      } catch (error) {
        return asConflict(error);
      }
    },
    onSettled: () => refresh(),
  });
}

/** "I accept this exact version" (with the version on screen), or withdrawing my acceptance. */
export function useAcceptance() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (input: { id: string; accept: boolean; version: number }) => {
      try {
        return await apiFetch(`/api/agreements/${input.id}/acceptance`, {
          method: input.accept ? 'PUT' : 'DELETE',
          ...(input.accept ? { ifMatch: input.version } : {}),
          schema: ZAgreementResponse,
        });
      } catch (error) {
        return asConflict(error);
      }
    },
    onSettled: () => refresh(),
  });
}

export function useReviewDate() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { id: string; reviewOn: string | null }) =>
      apiFetch(`/api/agreements/${input.id}/review`, {
        method: 'PUT',
        body: { reviewOn: input.reviewOn },
        schema: ZAgreementResponse,
      }),
    onSettled: () => refresh(),
  });
}

export function useAgreementVersions(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: agreementKeys.versions(id),
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: '20' });
      if (pageParam) params.set('cursor', pageParam);
      return apiFetch(`/api/agreements/${id}/versions?${params.toString()}`, {
        schema: ZAgreementVersions,
        signal,
      });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAgreementCompare(id: string, pair: { from: number; to: number } | null) {
  return useQuery({
    queryKey: agreementKeys.compare(id, pair?.from ?? 0, pair?.to ?? 0),
    enabled: pair !== null,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ from: String(pair?.from), to: String(pair?.to) });
      return apiFetch(`/api/agreements/${id}/compare?${params.toString()}`, {
        schema: ZAgreementCompare,
        signal,
      });
    },
  });
}
