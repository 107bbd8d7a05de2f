import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import {
  ZCommentResponse,
  ZCommentsResponse,
  ZWatchResponse,
  ZWordingsResponse,
  type TCommentItemKind,
  type TNewComment,
  type TWatchMode,
} from '#shared/schemas/comments.ts';
import { apiFetch } from './api-client';
import { useLiveChange, type LiveChange } from './live';
import { queryKeys } from './query-keys';

/**
 * The comments of one shared item (issue 12), for the comments section every page with a
 * commentable item shows (`ui/comments`). Ids go in the address; words only in request bodies.
 */
export function useComments(kind: TCommentItemKind, itemId: string) {
  const client = useQueryClient();
  const key = queryKeys.comments(kind, itemId);
  const query = useInfiniteQuery({
    queryKey: key,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ kind, itemId });
      if (pageParam) params.set('cursor', pageParam);
      return apiFetch(`/api/comments?${params.toString()}`, { schema: ZCommentsResponse, signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  // A change someone else made (a new comment, an edit, a withdrawal) arrives live: read again.
  const onChange = useCallback(
    (change: LiveChange) => {
      if (change.kind === kind && change.itemId === itemId) {
        void client.invalidateQueries({ queryKey: queryKeys.comments(kind, itemId) });
      }
    },
    [client, kind, itemId],
  );
  useLiveChange('comments', onChange);
  return query;
}

function useRefresh(kind: TCommentItemKind, itemId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.comments(kind, itemId) });
}

export function usePostComment(kind: TCommentItemKind, itemId: string) {
  const refresh = useRefresh(kind, itemId);
  return useMutation({
    mutationFn: (input: Omit<TNewComment, 'kind' | 'itemId'>) =>
      apiFetch('/api/comments', {
        method: 'POST',
        body: { kind, itemId, ...input },
        schema: ZCommentResponse,
      }),
    onSuccess: refresh,
  });
}

export function useEditComment(kind: TCommentItemKind, itemId: string) {
  const refresh = useRefresh(kind, itemId);
  return useMutation({
    mutationFn: (input: { id: string; version: number; body: string }) =>
      apiFetch(`/api/comments/${input.id}`, {
        method: 'PATCH',
        body: { body: input.body },
        ifMatch: input.version,
        schema: ZCommentResponse,
      }),
    onSettled: refresh,
  });
}

export function useWithdrawComment(kind: TCommentItemKind, itemId: string) {
  const refresh = useRefresh(kind, itemId);
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch(`/api/comments/${id}/withdraw`, { method: 'POST', schema: ZCommentResponse }),
    onSettled: refresh,
  });
}

/** The earlier wordings of an edited comment, fetched when the person asks for them. */
export function useWordings(commentId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['comments', 'wordings', commentId],
    queryFn: ({ signal }) =>
      apiFetch(`/api/comments/${commentId}/wordings`, { schema: ZWordingsResponse, signal }),
    enabled,
  });
}

export function useSetWatch(kind: TCommentItemKind, itemId: string) {
  const refresh = useRefresh(kind, itemId);
  return useMutation({
    mutationFn: (mode: TWatchMode) =>
      apiFetch('/api/comments/watch', {
        method: 'PUT',
        body: { kind, itemId, mode },
        schema: ZWatchResponse,
      }),
    onSuccess: refresh,
  });
}
