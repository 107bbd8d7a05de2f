import {
  skipToken,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { ZOk } from '#shared/schemas/common.ts';
import {
  ZCoupleOverview,
  ZCouplesResponse,
  ZMyNotesResponse,
  ZNoteResponse,
  ZNotesResponse,
  ZOpenedItemResponse,
  ZSuggestionResponse,
  type TCoupleOverview,
  type TPracticeItemKind,
} from '#shared/schemas/practice.ts';
import { apiFetch } from '#web/core/api-client.ts';

/** Every key of this feature starts with its name, so one call can refresh all of it. */
export const practiceKeys = {
  all: ['practice'] as const,
  couples: ['practice', 'couples'] as const,
  couple: (linkId: string) => ['practice', 'couple', linkId] as const,
  item: (linkId: string, kind: string, id: string) =>
    ['practice', 'item', linkId, kind, id] as const,
  notes: (linkId: string) => ['practice', 'notes', linkId] as const,
  myNotes: ['practice', 'my-notes'] as const,
};

export function useCouples() {
  return useQuery({
    queryKey: practiceKeys.couples,
    queryFn: async ({ signal }) =>
      (await apiFetch('/api/practice/couples', { schema: ZCouplesResponse, signal })).couples,
  });
}

export function useCouple(linkId: string) {
  return useInfiniteQuery({
    queryKey: practiceKeys.couple(linkId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch(
        `/api/practice/couples/${linkId}${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ''}`,
        { schema: ZCoupleOverview, signal },
      ),
    getNextPageParam: (last: TCoupleOverview) => last.nextCursor,
  });
}

/** An item's content, fetched only when it is opened (each fetch is one access-log entry). */
export function useOpenedItem(
  linkId: string,
  item: { kind: TPracticeItemKind; id: string } | null,
) {
  return useQuery({
    queryKey: practiceKeys.item(linkId, item?.kind ?? '', item?.id ?? ''),
    queryFn: item
      ? async ({ signal }) =>
          (
            await apiFetch(`/api/practice/couples/${linkId}/items/${item.kind}/${item.id}`, {
              schema: ZOpenedItemResponse,
              signal,
            })
          ).item
      : skipToken,
    // Opened content is not kept around: closing it and opening it again reads it again.
    gcTime: 0,
    staleTime: Infinity,
  });
}

export function useCoupleNotes(linkId: string) {
  return useQuery({
    queryKey: practiceKeys.notes(linkId),
    queryFn: async ({ signal }) =>
      (await apiFetch(`/api/practice/couples/${linkId}/notes`, { schema: ZNotesResponse, signal }))
        .notes,
  });
}

export function useMyNotes() {
  return useQuery({
    queryKey: practiceKeys.myNotes,
    queryFn: async ({ signal }) =>
      (await apiFetch('/api/practice/notes', { schema: ZMyNotesResponse, signal })).notes,
  });
}

function useRefreshNotes() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({
      predicate: (query) => query.queryKey[0] === 'practice' && query.queryKey[1] !== 'item',
    });
}

export function useAddNote(linkId: string) {
  const refresh = useRefreshNotes();
  return useMutation({
    mutationFn: async (body: string) =>
      (
        await apiFetch(`/api/practice/couples/${linkId}/notes`, {
          method: 'POST',
          body: { body },
          schema: ZNoteResponse,
        })
      ).note,
    onSuccess: refresh,
  });
}

export function useEditNote() {
  const refresh = useRefreshNotes();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: string; version: number; body: string }) =>
      (
        await apiFetch(`/api/practice/notes/${id}`, {
          method: 'PUT',
          ifMatch: version,
          body: { body },
          schema: ZNoteResponse,
        })
      ).note,
    onSettled: refresh,
  });
}

export function useDeleteNote() {
  const refresh = useRefreshNotes();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch(`/api/practice/notes/${id}`, { method: 'DELETE', schema: ZOk }),
    onSuccess: refresh,
  });
}

export function useSuggest(linkId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { exercise: string; note: string }) =>
      (
        await apiFetch(`/api/practice/couples/${linkId}/suggestions`, {
          method: 'POST',
          body,
          schema: ZSuggestionResponse,
        })
      ).suggestion,
    onSuccess: () => client.invalidateQueries({ queryKey: practiceKeys.couple(linkId) }),
  });
}

export function useWithdraw(linkId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch(`/api/practice/couples/${linkId}/suggestions/${id}`, {
        method: 'DELETE',
        schema: ZOk,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: practiceKeys.couple(linkId) }),
  });
}
