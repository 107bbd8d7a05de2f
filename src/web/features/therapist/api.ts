import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZOk } from '#shared/schemas/common.ts';
import {
  ZClaimPreview,
  ZCoupleLinks,
  ZCreatedTherapistLink,
  ZPracticeLink,
  ZTherapistProfile,
  type TCoupleLinks,
  type TTherapistProfileBody,
  type TTherapistSignUpBody,
} from '#shared/schemas/therapist.ts';
import { apiFetch } from '#web/core/api-client.ts';
import { forgetAccountData } from '#web/core/query-client.ts';
import { signInAfterSignUp } from '#web/core/sign-in-after-sign-up.ts';

const keys = {
  links: ['therapist', 'links'] as const,
  profile: ['therapist', 'profile'] as const,
  preview: (token: string) => ['therapist', 'preview', token] as const,
};

export const coupleLinksQuery = queryOptions({
  queryKey: keys.links,
  queryFn: ({ signal }) => apiFetch('/api/therapist', { schema: ZCoupleLinks, signal }),
});

export function useCoupleLinks() {
  return useQuery(coupleLinksQuery);
}

export function useCreateTherapistLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch('/api/therapist/invites', { method: 'POST', schema: ZCreatedTherapistLink }),
    // The token lives only in this mutation's result, in memory; let it go soon after use.
    gcTime: 0,
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.links }),
  });
}

export function useCancelTherapistLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch(`/api/therapist/invites/${encodeURIComponent(id)}`, {
        method: 'DELETE',
        schema: ZOk,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.links }),
  });
}

/** Approving and ending both answer with the links as they are now. */
function useLinkAction(action: 'approve' | 'revoke') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch(`/api/therapist/links/${encodeURIComponent(id)}/${action}`, {
        method: 'POST',
        schema: ZCoupleLinks,
      }),
    onSuccess: (data) => queryClient.setQueryData<TCoupleLinks>(keys.links, data),
    onError: () => queryClient.invalidateQueries({ queryKey: keys.links }),
  });
}

export const useApproveTherapist = () => useLinkAction('approve');
export const useEndTherapistLink = () => useLinkAction('revoke');

/**
 * Sign-up answers the same whether or not the address has an account (decision 0029), so the
 * page then signs in with what was typed: that works for a new account, and for someone who
 * already had one with this password. Otherwise (null) the page says to check the inbox.
 */
export function useTherapistSignUp() {
  return useMutation({
    mutationFn: async (body: TTherapistSignUpBody) => {
      await apiFetch('/api/therapist/signup', { method: 'POST', body, schema: ZOk });
      return signInAfterSignUp(body.email, body.password);
    },
    meta: { unauthenticatedIsExpected: true },
    onSuccess: (me) => {
      if (me) forgetAccountData(me);
    },
  });
}

export function useTherapistProfile(enabled: boolean) {
  return useQuery({
    queryKey: keys.profile,
    queryFn: ({ signal }) =>
      apiFetch('/api/therapist/profile', { schema: ZTherapistProfile, signal }),
    enabled,
  });
}

export function useUpdateTherapistProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TTherapistProfileBody) =>
      apiFetch('/api/therapist/profile', { method: 'PUT', body, schema: ZTherapistProfile }),
    onSuccess: (data) => queryClient.setQueryData(keys.profile, data),
  });
}

/** Who sent a therapist link. A 404 (used, expired, cancelled or never valid) is not retried. */
export function useClaimPreview(token: string | null) {
  return useQuery({
    queryKey: keys.preview(token ?? ''),
    queryFn: ({ signal }) =>
      apiFetch('/api/therapist/claim/preview', {
        method: 'POST',
        body: { token },
        schema: ZClaimPreview,
        signal,
      }),
    enabled: token !== null,
    staleTime: Infinity,
  });
}

export function useClaimLink() {
  return useMutation({
    mutationFn: (token: string) =>
      apiFetch('/api/therapist/claim', { method: 'POST', body: { token }, schema: ZPracticeLink }),
  });
}
