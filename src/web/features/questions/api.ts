import { useEffect, useRef } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZOk } from '#shared/schemas/common.ts';
import {
  ZPaceResponse,
  ZQuestionDetail,
  ZQuestionList,
  ZQuestionResponse,
  ZQuestionsOverview,
  ZReleaseResponse,
  type TPaceBody,
  type TQuestionDetail,
  type TQuestionList,
  type TQuestionMark,
  type TQuestionState,
} from '#shared/schemas/questions.ts';
import { apiFetch, versionConflict } from '#web/core/api-client.ts';
import { useUnreadCount } from '#web/core/live.ts';

/** Every key of this feature starts with its name, so one call refreshes all of it. */
export const questionKeys = {
  all: ['questions'] as const,
  overview: ['questions', 'overview'] as const,
  list: (injuryId: string, state: TQuestionState) =>
    ['questions', 'list', injuryId, state] as const,
  one: (id: string) => ['questions', 'one', id] as const,
};

export function useOverview() {
  return useQuery({
    queryKey: questionKeys.overview,
    queryFn: ({ signal }) => apiFetch('/api/questions', { schema: ZQuestionsOverview, signal }),
  });
}

export function useQuestionList(injuryId: string, state: TQuestionState) {
  return useInfiniteQuery({
    queryKey: questionKeys.list(injuryId, state),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ injuryId, state });
      if (pageParam) params.set('cursor', pageParam);
      return apiFetch(`/api/questions/list?${params.toString()}`, {
        schema: ZQuestionList,
        signal,
      });
    },
    getNextPageParam: (last: TQuestionList) => last.nextCursor,
  });
}

/** One question with every answer version (only fetched once it has an answer). */
export function useQuestion(id: string, enabled: boolean) {
  return useQuery({
    queryKey: questionKeys.one(id),
    enabled,
    queryFn: ({ signal }) =>
      apiFetch(`/api/questions/${id}`, { schema: ZQuestionResponse, signal }),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: questionKeys.all });
}

export function useWriteQuestion() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { injuryId: string; body: string }) =>
      apiFetch('/api/questions', { method: 'POST', body, schema: ZQuestionResponse }),
    onSuccess: () => refresh(),
  });
}

export function useEditDraft() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: string; version: number }) =>
      apiFetch(`/api/questions/${id}`, {
        method: 'PUT',
        body: { body },
        ifMatch: version,
        schema: ZQuestionResponse,
      }),
    onSuccess: () => refresh(),
  });
}

export function useDeleteDraft() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/questions/${id}`, { method: 'DELETE', schema: ZOk }),
    onSettled: () => refresh(),
  });
}

export function useRelease() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (ids: string[]) =>
      apiFetch('/api/questions/release', {
        method: 'POST',
        body: { ids },
        schema: ZReleaseResponse,
      }),
    onSettled: () => refresh(),
  });
}

export function useSavePace() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ injuryId, body }: { injuryId: string; body: TPaceBody }) =>
      apiFetch(`/api/questions/pace/${injuryId}`, {
        method: 'PUT',
        body,
        schema: ZPaceResponse,
      }),
    onSuccess: () => refresh(),
  });
}

export function useAnswer() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: string; version: number }) =>
      apiFetch(`/api/questions/${id}/answer`, {
        method: 'PUT',
        body: { body },
        ifMatch: version,
        schema: ZQuestionResponse,
      }),
    onSuccess: () => refresh(),
  });
}

export function useAskForTime() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, until }: { id: string; until: string }) =>
      apiFetch(`/api/questions/${id}/time`, {
        method: 'PUT',
        body: { until },
        schema: ZQuestionResponse,
      }),
    onSuccess: () => refresh(),
  });
}

export function useMark() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, mark }: { id: string; mark: TQuestionMark }) =>
      apiFetch(`/api/questions/${id}/mark`, {
        method: 'PUT',
        body: { mark },
        schema: ZQuestionResponse,
      }),
    onSuccess: () => refresh(),
  });
}

/** The question as it is now, from a 412 (another window or device was first). */
export function conflictOf(error: unknown): TQuestionDetail | null {
  return versionConflict(error, (current) => {
    const parsed = ZQuestionDetail.safeParse(current);
    return parsed.success ? parsed.data : null;
  });
}

/**
 * Reads the queue again when a new notification arrives on the open stream (a question let go, an
 * answer, a mark: the partner's move is one), so the page follows without a reload. The count
 * carries no content.
 */
export function useRefreshOnQuestionNews() {
  const unread = useUnreadCount();
  const queryClient = useQueryClient();
  const seen = useRef(unread);
  useEffect(() => {
    if (unread !== null && seen.current !== null && unread > seen.current) {
      void queryClient.invalidateQueries({ queryKey: questionKeys.all });
    }
    seen.current = unread;
  }, [unread, queryClient]);
}
