import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZAccount,
  ZActivity,
  type TChangeEmail,
  type TChangeName,
  type TChangePassword,
  type TResetComplete,
} from '#shared/schemas/account.ts';
import { ZOk } from '#shared/schemas/common.ts';
import { apiFetch } from '#web/core/api-client.ts';
import { queryKeys } from '#web/core/query-keys.ts';

// Not under `me`: forgetAccountData() drops every key but `me` when the person changes.
const accountKey = ['account'] as const;
const activityKey = ['account', 'activity'] as const;

export const accountQuery = queryOptions({
  queryKey: accountKey,
  queryFn: ({ signal }) => apiFetch('/api/account', { schema: ZAccount, signal }),
});
export const useAccount = () => useQuery(accountQuery);

export const useActivity = () =>
  useQuery({
    queryKey: activityKey,
    queryFn: ({ signal }) => apiFetch('/api/account/activity', { schema: ZActivity, signal }),
  });

/** After a change: my details and my activity list are stale. */
function useRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: accountKey });
    await queryClient.invalidateQueries({ queryKey: queryKeys.me });
  };
}

const post = (path: string, body?: unknown) =>
  apiFetch(path, { method: 'POST', ...(body === undefined ? {} : { body }), schema: ZOk });

export function useChangeName() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TChangeName) =>
      apiFetch('/api/account/name', { method: 'PUT', body, schema: ZOk }),
    onSuccess: refresh,
  });
}

export function useChangePassword() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TChangePassword) => post('/api/account/password', body),
    onSuccess: refresh,
  });
}

export function useChangeEmail() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TChangeEmail) => post('/api/account/email', body),
    onSuccess: refresh,
  });
}

export const useResendVerification = () =>
  useMutation({ mutationFn: () => post('/api/account/verify-email/resend') });

export const useVerifyEmail = () =>
  useMutation({
    mutationFn: (token: string) => post('/api/account/verify-email', { token }),
    meta: { unauthenticatedIsExpected: true },
  });

export const useConfirmEmail = () =>
  useMutation({ mutationFn: (token: string) => post('/api/account/email/confirm', { token }) });

export const useRequestReset = () =>
  useMutation({ mutationFn: (email: string) => post('/api/account/password-reset', { email }) });

export const useCompleteReset = () =>
  useMutation({
    mutationFn: (body: TResetComplete) => post('/api/account/password-reset/complete', body),
  });

export const useSignOutEverywhere = () =>
  useMutation({ mutationFn: () => post('/api/account/sign-out-everywhere') });
