import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { ZMeResponse } from '#shared/schemas/auth.ts';
import { ZOk } from '#shared/schemas/common.ts';
import {
  ZPasskeyInfo,
  ZPasskeyOptions,
  ZRecoveryCodes,
  ZTotpSetup,
  ZTwoStepStatus,
  type TSecondStepBody,
} from '#shared/schemas/two-step.ts';
import { z } from 'zod';
import { apiFetch } from '#web/core/api-client.ts';
import { forgetAccountData } from '#web/core/query-client.ts';
import { queryKeys } from '#web/core/query-keys.ts';

/** Finishing a sign-in with its second step. */
export function useSecondStep() {
  return useMutation({
    mutationFn: (body: TSecondStepBody) =>
      apiFetch('/api/auth/signin/second-step', { method: 'POST', body, schema: ZMeResponse }),
    meta: { unauthenticatedIsExpected: true },
    onSuccess: ({ user, therapist }) => forgetAccountData({ ...user, therapist }),
  });
}

/** The browser's passkey ceremony for the second step of a sign-in. */
export function usePasskeySecondStep() {
  return useMutation({
    mutationFn: async () => {
      const options = await apiFetch('/api/auth/signin/passkey-options', {
        method: 'POST',
        schema: ZPasskeyOptions,
      });
      const response = await startAuthentication({ optionsJSON: options });
      return apiFetch('/api/auth/signin/second-step', {
        method: 'POST',
        body: { method: 'passkey', response },
        schema: ZMeResponse,
      });
    },
    meta: { unauthenticatedIsExpected: true },
    onSuccess: ({ user, therapist }) => forgetAccountData({ ...user, therapist }),
  });
}

export function useTwoStepStatus() {
  return useQuery({
    queryKey: queryKeys.twoStep,
    queryFn: ({ signal }) => apiFetch('/api/auth/two-step', { schema: ZTwoStepStatus, signal }),
  });
}

function useTwoStepMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.twoStep }),
  });
}

export const useStartTotp = () =>
  useTwoStepMutation(() =>
    apiFetch('/api/auth/two-step/totp', { method: 'POST', schema: ZTotpSetup }),
  );

export const useConfirmTotp = () =>
  useTwoStepMutation((code: string) =>
    apiFetch('/api/auth/two-step/totp/confirm', {
      method: 'POST',
      body: { code },
      schema: ZRecoveryCodes,
    }),
  );

export const useTurnOffTotp = () =>
  useTwoStepMutation(() => apiFetch('/api/auth/two-step/totp', { method: 'DELETE', schema: ZOk }));

export const useNewRecoveryCodes = () =>
  useTwoStepMutation(() =>
    apiFetch('/api/auth/two-step/recovery-codes', { method: 'POST', schema: ZRecoveryCodes }),
  );

export const useAddPasskey = () =>
  useTwoStepMutation(async (label: string) => {
    const options = await apiFetch('/api/auth/two-step/passkeys/options', {
      method: 'POST',
      schema: ZPasskeyOptions,
    });
    const response = await startRegistration({ optionsJSON: options as never });
    return apiFetch('/api/auth/two-step/passkeys', {
      method: 'POST',
      body: { label, response },
      schema: ZPasskeyInfo.extend({ recoveryCodes: z.array(z.string()).nullable() }),
    });
  });

export const useRemovePasskey = () =>
  useTwoStepMutation((id: string) =>
    apiFetch(`/api/auth/two-step/passkeys/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      schema: ZOk,
    }),
  );
