import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZMessageResponse,
  ZPartnerMessagesResponse,
  ZTherapistConversation,
  ZThreadView,
  type TMessage,
  type TThread,
  type TThreadView,
} from '#shared/schemas/messages.ts';
import { apiFetch } from '#web/core/api-client.ts';

/** Every key of this feature starts with its name, so one call can refresh all of it. */
export const messagesKeys = {
  all: ['messages'] as const,
  mine: ['messages', 'mine'] as const,
  couple: (linkId: string) => ['messages', 'couple', linkId] as const,
};

/** A partner's conversations, one per therapist of the space. */
export function useMyConversations() {
  return useQuery({
    queryKey: messagesKeys.mine,
    queryFn: async ({ signal }) =>
      (await apiFetch('/api/messages', { schema: ZPartnerMessagesResponse, signal })).conversations,
  });
}

/** One couple, as their therapist reads it. */
export function useCoupleConversation(linkId: string) {
  return useQuery({
    queryKey: messagesKeys.couple(linkId),
    queryFn: ({ signal }) =>
      apiFetch(`/api/messages/couples/${encodeURIComponent(linkId)}`, {
        schema: ZTherapistConversation,
        signal,
      }),
  });
}

/** Where older messages of one thread come from. */
export interface ThreadAddress {
  linkId: string;
  thread: TThread;
  /** For a therapist reading a partner's private thread. */
  partnerId?: string;
}

export function fetchOlder(address: ThreadAddress, before: string): Promise<TThreadView> {
  const params = new URLSearchParams({ linkId: address.linkId, thread: address.thread, before });
  if (address.partnerId) params.set('partnerId', address.partnerId);
  return apiFetch(`/api/messages/older?${params.toString()}`, { schema: ZThreadView });
}

export interface Outgoing {
  thread: TThread;
  partnerId?: string | undefined;
  body: string;
}

/** Sends a message as a partner (`linkId` in the body) or as the therapist (in the path). */
export function useSendMessage(as: 'partner' | 'therapist', linkId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (outgoing: Outgoing): Promise<TMessage> => {
      const request =
        as === 'partner'
          ? {
              path: '/api/messages',
              body: { linkId, thread: outgoing.thread, body: outgoing.body },
            }
          : {
              path: `/api/messages/couples/${encodeURIComponent(linkId)}`,
              body: {
                thread: outgoing.thread,
                body: outgoing.body,
                ...(outgoing.partnerId ? { partnerId: outgoing.partnerId } : {}),
              },
            };
      return (
        await apiFetch(request.path, {
          method: 'POST',
          body: request.body,
          schema: ZMessageResponse,
        })
      ).message;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: messagesKeys.all }),
  });
}
