import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZMeResponse,
  ZSessionList,
  ZSignOutOthersResponse,
  type TSignInBody,
  type TSignUpBody,
} from '#shared/schemas/auth.ts';
import { ZOk } from '#shared/schemas/common.ts';
import { ZSecondStepNeeded } from '#shared/schemas/two-step.ts';
import { z } from 'zod';
import { apiFetch } from '#web/core/api-client.ts';
import { forgetAccountData } from '#web/core/query-client.ts';
import { signInAfterSignUp } from '#web/core/sign-in-after-sign-up.ts';
import { queryKeys } from '#web/core/query-keys.ts';

/**
 * Sign-up answers the same whether or not the address already has an account, and signs nobody
 * in. So the page signs in next with the same details: that works for a new account (private
 * work can start at once); for an address that had an account it does not, and the person is
 * sent to "check your email", where the email says what to do. Resolves to who is signed in.
 */
export function useSignUp() {
  return useMutation({
    mutationFn: async (body: TSignUpBody) => {
      await apiFetch('/api/auth/signup', { method: 'POST', body, schema: ZOk });
      return signInAfterSignUp(body.email, body.password);
    },
    meta: { unauthenticatedIsExpected: true },
    onSuccess: (me) => {
      if (me) forgetAccountData(me);
    },
  });
}

export function useSignIn() {
  return useMutation({
    mutationFn: (body: TSignInBody) =>
      apiFetch('/api/auth/signin', {
        method: 'POST',
        body,
        schema: z.union([ZMeResponse, ZSecondStepNeeded]),
      }),
    meta: { unauthenticatedIsExpected: true },
    // With a second step, the password alone signs nobody in: the page asks for the next step.
    onSuccess: (result) => {
      if ('user' in result) forgetAccountData({ ...result.user, therapist: result.therapist });
    },
  });
}

/** Signing out; on success the caller runs `completeSignOut()`. */
export function useSignOut() {
  return useMutation({
    mutationFn: () => apiFetch('/api/auth/signout', { method: 'POST', schema: ZOk }),
  });
}

export const sessionsQuery = queryOptions({
  queryKey: queryKeys.sessions,
  queryFn: ({ signal }) => apiFetch('/api/auth/sessions', { schema: ZSessionList, signal }),
});

export function useSessions() {
  return useQuery(sessionsQuery);
}

export function useSignOutSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE', schema: ZOk }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions }),
  });
}

export function useSignOutOthers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch('/api/auth/sessions/signout-others', {
        method: 'POST',
        schema: ZSignOutOthersResponse,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions }),
  });
}
