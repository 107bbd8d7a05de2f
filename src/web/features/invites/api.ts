import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZOk } from '#shared/schemas/common.ts';
import {
  ZCreatedInvite,
  ZInviteList,
  ZInvitePreview,
  type TInviteList,
} from '#shared/schemas/invites.ts';
import { ZSpace, type TSpaceResponse } from '#shared/schemas/space.ts';
import { apiFetch } from '#web/core/api-client.ts';
import { queryKeys } from '#web/core/query-keys.ts';

const ZAccepted = z.object({ space: ZSpace });

export const invitesQuery = queryOptions({
  queryKey: queryKeys.invites,
  queryFn: ({ signal }) => apiFetch('/api/invites', { schema: ZInviteList, signal }),
});

export function useInvites() {
  return useQuery(invitesQuery);
}

/** A 409 space_full means the partner joined meanwhile; the space then shows them. */
function refreshIfPartnerJoined(
  queryClient: ReturnType<typeof useQueryClient>,
  code: string,
): void {
  if (code === 'space_full') {
    void queryClient.invalidateQueries({ queryKey: queryKeys.space });
  }
}

export function useCreateInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch('/api/invites', { method: 'POST', schema: ZCreatedInvite }),
    // The token lives only in this mutation's result, in memory; let it go soon after use.
    gcTime: 0,
    onSuccess: ({ id, createdAt, expiresAt }) => {
      // A new link replaces any earlier one. The list never holds the token.
      queryClient.setQueryData<TInviteList>(queryKeys.invites, {
        invites: [{ id, createdAt, expiresAt }],
      });
      void queryClient.invalidateQueries({ queryKey: queryKeys.invites });
    },
    onError: (error) => refreshIfPartnerJoined(queryClient, error.code),
  });
}

export function useCancelInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch(`/api/invites/${encodeURIComponent(id)}`, { method: 'DELETE', schema: ZOk }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.invites }),
  });
}

/** Who sent the invitation. A 404 (used, expired, replaced or never valid) is not retried. */
export function useInvitePreview(token: string | null) {
  return useQuery({
    queryKey: queryKeys.invitePreview(token ?? ''),
    queryFn: ({ signal }) =>
      apiFetch('/api/invites/preview', {
        method: 'POST',
        body: { token },
        schema: ZInvitePreview,
        signal,
      }),
    enabled: token !== null,
    staleTime: Infinity,
  });
}

export function useAcceptInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      apiFetch('/api/invites/accept', { method: 'POST', body: { token }, schema: ZAccepted }),
    onSuccess: (data) => {
      queryClient.setQueryData<TSpaceResponse>(queryKeys.space, data);
      queryClient.removeQueries({ queryKey: ['invites'] });
    },
  });
}
