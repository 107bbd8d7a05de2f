import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZConversation,
  ZListeningOverview,
  type TAnswerBody,
  type TConversation,
  type TReflectBody,
  type TShareBody,
} from '#shared/schemas/listening.ts';
import { apiFetch, versionConflict } from '#web/core/api-client.ts';
import { useUnreadCount } from '#web/core/live.ts';

const BASE = '/api/listening';

export const listeningKeys = {
  all: ['listening'] as const,
  overview: ['listening', 'overview'] as const,
  conversation: (id: string) => ['listening', 'conversation', id] as const,
};

export function useListening() {
  return useQuery({
    queryKey: listeningKeys.overview,
    // The other's step happens in their browser: look again on coming back, and now and then.
    refetchOnWindowFocus: 'always',
    refetchInterval: 30_000,
    queryFn: ({ signal }) => apiFetch(BASE, { schema: ZListeningOverview, signal }),
  });
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: listeningKeys.conversation(id),
    refetchOnWindowFocus: 'always',
    refetchInterval: 30_000,
    queryFn: ({ signal }) =>
      apiFetch(`${BASE}/conversations/${encodeURIComponent(id)}`, {
        schema: ZConversation,
        signal,
      }),
  });
}

/** The conversation as it is now, from a 412's `current`. */
export function currentOf(error: unknown): TConversation | null {
  return versionConflict(error, (current) => {
    const parsed = ZConversation.safeParse(current);
    return parsed.success ? parsed.data : null;
  });
}

export type Step =
  | { path: 'reflections'; body: TReflectBody }
  | { path: 'answers'; body: TAnswerBody }
  | { path: 'turns'; body: TShareBody };

export function useStartConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TShareBody) =>
      apiFetch(`${BASE}/conversations`, { method: 'POST', body, schema: ZConversation }),
    onSuccess: (conversation) => {
      queryClient.setQueryData(listeningKeys.conversation(conversation.id), conversation);
      void queryClient.invalidateQueries({ queryKey: listeningKeys.overview });
    },
  });
}

export function useTakeStep(conversation: TConversation) {
  const queryClient = useQueryClient();
  const key = listeningKeys.conversation(conversation.id);
  return useMutation({
    mutationFn: (step: Step) =>
      apiFetch(`${BASE}/conversations/${encodeURIComponent(conversation.id)}/${step.path}`, {
        method: 'POST',
        body: step.body,
        ifMatch: conversation.version,
        schema: ZConversation,
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(key, next);
      void queryClient.invalidateQueries({ queryKey: listeningKeys.overview });
    },
    onError: (error) => {
      const current = currentOf(error);
      if (current) queryClient.setQueryData(key, current);
      void queryClient.invalidateQueries({ queryKey: listeningKeys.overview });
    },
  });
}

/**
 * Looks again when a new notification arrives on the open stream (the partner's move is one),
 * so the page follows the other's step without a reload. The count carries no content.
 */
export function useRefreshOnListeningNews() {
  const unread = useUnreadCount();
  const queryClient = useQueryClient();
  const seen = useRef(unread);
  useEffect(() => {
    if (unread !== null && seen.current !== null && unread > seen.current) {
      void queryClient.invalidateQueries({ queryKey: listeningKeys.all });
    }
    seen.current = unread;
  }, [unread, queryClient]);
}
