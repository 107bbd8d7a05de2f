import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZOk } from '#shared/schemas/common.ts';
import {
  ZDisclosure,
  ZDisclosureOverview,
  ZReceivedDisclosure,
  ZWrittenDisclosure,
  type TWrittenDisclosure,
} from '#shared/schemas/disclosures.ts';
import { apiFetch, versionConflict } from '#web/core/api-client.ts';
import { useUnreadCount } from '#web/core/live.ts';

const BASE = '/api/disclosures';

export const disclosureKeys = {
  all: ['disclosures'] as const,
  overview: ['disclosures', 'overview'] as const,
  one: (id: string) => ['disclosures', 'one', id] as const,
};

export function useDisclosures() {
  return useQuery({
    queryKey: disclosureKeys.overview,
    // A disclosure sealed for me arrives from my partner's side: look again on coming back.
    refetchOnWindowFocus: 'always',
    refetchInterval: 60_000,
    queryFn: ({ signal }) => apiFetch(BASE, { schema: ZDisclosureOverview, signal }),
  });
}

export function useDisclosure(id: string, enabled: boolean) {
  return useQuery({
    queryKey: disclosureKeys.one(id),
    enabled,
    queryFn: ({ signal }) =>
      apiFetch(`${BASE}/${encodeURIComponent(id)}`, { schema: ZDisclosure, signal }),
  });
}

/** The draft as it is saved now, from a 412's `current`. */
export function savedDraftOf(error: unknown): TWrittenDisclosure | null {
  return versionConflict(error, (current) => {
    const parsed = ZWrittenDisclosure.safeParse(current);
    return parsed.success ? parsed.data : null;
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: disclosureKeys.all });
}

export function useStartDisclosure() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () =>
      apiFetch(BASE, { method: 'POST', body: { body: '' }, schema: ZWrittenDisclosure }),
    onSuccess: () => refresh(),
  });
}

export function useSaveDraft() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: string }) =>
      apiFetch(`${BASE}/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body: { body },
        ifMatch: version,
        schema: ZWrittenDisclosure,
      }),
    onSuccess: () => refresh(),
  });
}

export function useSealDisclosure() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiFetch(`${BASE}/${encodeURIComponent(id)}/seal`, {
        method: 'POST',
        ifMatch: version,
        schema: ZWrittenDisclosure,
      }),
    onSettled: () => refresh(),
  });
}

export function useDiscardDraft() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch(`${BASE}/${encodeURIComponent(id)}`, { method: 'DELETE', schema: ZOk }),
    onSettled: () => refresh(),
  });
}

export function useOpenDisclosure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch(`${BASE}/${encodeURIComponent(id)}/open`, {
        method: 'POST',
        schema: ZReceivedDisclosure,
      }),
    onSuccess: (opened) => {
      queryClient.setQueryData(disclosureKeys.one(opened.id), opened);
      void queryClient.invalidateQueries({ queryKey: disclosureKeys.overview });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: disclosureKeys.overview }),
  });
}

/**
 * Looks again when a new notification arrives on the open stream (the partner's move is one),
 * so the page follows the other's step without a reload. The count carries no content.
 */
export function useRefreshOnDisclosuresNews() {
  const unread = useUnreadCount();
  const queryClient = useQueryClient();
  const seen = useRef(unread);
  useEffect(() => {
    if (unread !== null && seen.current !== null && unread > seen.current) {
      void queryClient.invalidateQueries({ queryKey: disclosureKeys.all });
    }
    seen.current = unread;
  }, [unread, queryClient]);
}
