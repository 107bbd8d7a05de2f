import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZGoalResponse,
  ZGoalsView,
  ZHardDateResponse,
  ZMilestoneResponse,
  ZReviewView,
  type TGoalInput,
  type THardDateInput,
  type TMilestoneInput,
  type TReviewInput,
} from '#shared/schemas/goals.ts';
import { apiFetch } from '#web/core/api-client.ts';

/** Every key of this feature starts with its name, so one call refreshes all of it. */
export const goalKeys = {
  all: ['goals'] as const,
  view: ['goals', 'view'] as const,
  review: ['goals', 'review'] as const,
};

export function useGoalsView() {
  return useQuery({
    queryKey: goalKeys.view,
    queryFn: ({ signal }) => apiFetch('/api/goals', { schema: ZGoalsView, signal }),
  });
}

export function useReview() {
  return useQuery({
    queryKey: goalKeys.review,
    queryFn: ({ signal }) => apiFetch('/api/goals/review', { schema: ZReviewView, signal }),
  });
}

/** After any change, success or not (a 412 or a pause), the page reads everything again. */
function useChange<V, R>(call: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => queryClient.invalidateQueries({ queryKey: goalKeys.all }),
  });
}

export const useProposeGoal = () =>
  useChange((body: TGoalInput) =>
    apiFetch('/api/goals', { method: 'POST', body, schema: ZGoalResponse }),
  );

export const useEditGoal = () =>
  useChange(({ id, version, body }: { id: string; version: number; body: TGoalInput }) =>
    apiFetch(`/api/goals/${id}`, { method: 'PUT', body, ifMatch: version, schema: ZGoalResponse }),
  );

export const useAgreeToGoal = () =>
  useChange(({ id, version }: { id: string; version: number }) =>
    apiFetch(`/api/goals/${id}/agreement`, {
      method: 'PUT',
      ifMatch: version,
      schema: ZGoalResponse,
    }),
  );

export const useGoalAside = () =>
  useChange(({ id, version, setAside }: { id: string; version: number; setAside: boolean }) =>
    apiFetch(`/api/goals/${id}/aside`, {
      method: 'PUT',
      body: { setAside },
      ifMatch: version,
      schema: ZGoalResponse,
    }),
  );

export const useAddMilestone = () =>
  useChange(({ goalId, body }: { goalId: string; body: TMilestoneInput }) =>
    apiFetch(`/api/goals/${goalId}/milestones`, { method: 'POST', body, schema: ZGoalResponse }),
  );

export const useEditMilestone = () =>
  useChange(({ id, version, body }: { id: string; version: number; body: TMilestoneInput }) =>
    apiFetch(`/api/goals/milestones/${id}`, {
      method: 'PUT',
      body,
      ifMatch: version,
      schema: ZMilestoneResponse,
    }),
  );

export const useMarkMilestone = () =>
  useChange(({ id, version, reached }: { id: string; version: number; reached: boolean }) =>
    apiFetch(`/api/goals/milestones/${id}/reached`, {
      method: 'PUT',
      body: { reached },
      ifMatch: version,
      schema: ZMilestoneResponse,
    }),
  );

export const useAddHardDate = () =>
  useChange((body: THardDateInput) =>
    apiFetch('/api/goals/hard-dates', { method: 'POST', body, schema: ZHardDateResponse }),
  );

export const useEditHardDate = () =>
  useChange(({ id, version, body }: { id: string; version: number; body: THardDateInput }) =>
    apiFetch(`/api/goals/hard-dates/${id}`, {
      method: 'PUT',
      body,
      ifMatch: version,
      schema: ZHardDateResponse,
    }),
  );

export const useHardDateAside = () =>
  useChange(({ id, version, setAside }: { id: string; version: number; setAside: boolean }) =>
    apiFetch(`/api/goals/hard-dates/${id}/aside`, {
      method: 'PUT',
      body: { setAside },
      ifMatch: version,
      schema: ZHardDateResponse,
    }),
  );

export const useSaveMyPart = () =>
  useChange(({ id, plan }: { id: string; plan: string }) =>
    apiFetch(`/api/goals/hard-dates/${id}/my-part`, {
      method: 'PUT',
      body: { plan },
      schema: ZHardDateResponse,
    }),
  );

export const useSaveReview = () =>
  useChange((body: TReviewInput) =>
    apiFetch('/api/goals/review/mine', { method: 'PUT', body, schema: ZReviewView }),
  );

export const useFinishReview = () =>
  useChange(() =>
    apiFetch('/api/goals/review/mine/finish', { method: 'POST', schema: ZReviewView }),
  );

export const useReopenReview = () =>
  useChange(() =>
    apiFetch('/api/goals/review/mine/reopen', { method: 'POST', schema: ZReviewView }),
  );
