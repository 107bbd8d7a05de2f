import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZStepUpResponse, type TStepUpBody } from '#shared/schemas/two-step.ts';
import { apiFetch, isApiError } from './api-client';
import { queryKeys } from './query-keys';

/**
 * "Confirm it is you": the step-up a sensitive action asks for (export, erasure, a change of the
 * second step or email, inviting a therapist). The server answers such an action with
 * `step_up_required`; the page shows `StepUpForm` (ui/step-up-form), then tries the action again.
 */
export function isStepUpRequired(error: unknown): boolean {
  return isApiError(error) && error.code === 'step_up_required';
}

export function useStepUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TStepUpBody) =>
      apiFetch('/api/auth/step-up', { method: 'POST', body, schema: ZStepUpResponse }),
    // A wrong password or code answers 401: the form says so, the session is not over.
    meta: { unauthenticatedIsExpected: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.twoStep }),
  });
}
