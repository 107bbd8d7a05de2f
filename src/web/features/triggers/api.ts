import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import { ZAcceptanceResponse } from '#shared/schemas/co-authored.ts';
import {
  ZCurrentPlan,
  ZPlanCompare,
  ZPlanResponse,
  ZPlanSaveResponse,
  ZPlanVersions,
  ZTriggerEntryResponse,
  ZTriggerList,
  type TCurrentPlan,
  type TPlanResponse,
  type TPlanSections,
  type TTriggerEntryInput,
  type TTriggerList,
} from '#shared/schemas/triggers.ts';
import { ApiError, apiFetch, versionConflict } from '#web/core/api-client.ts';

export type ListView = 'mine' | 'archived' | 'partner';

/** Every key of this feature starts with its name, so one call can refresh all of it. */
export const triggerKeys = {
  all: ['triggers'] as const,
  list: (view: ListView) => ['triggers', 'list', view] as const,
  plan: ['triggers', 'plan'] as const,
  versions: (planId: string) => ['triggers', 'versions', planId] as const,
  compare: (planId: string, from: number, to: number) =>
    ['triggers', 'compare', planId, from, to] as const,
};

const PAGE_SIZE = 10;

export function useTriggerList(view: ListView, enabled = true) {
  return useInfiniteQuery({
    queryKey: triggerKeys.list(view),
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ view, limit: String(PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return apiFetch(`/api/triggers?${params.toString()}`, { schema: ZTriggerList, signal });
    },
    getNextPageParam: (last: TTriggerList) => last.nextCursor,
  });
}

export type TriggerPages = InfiniteData<TTriggerList, string | null>;

function useRefreshTriggers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: triggerKeys.all });
}

export function useLogTrigger() {
  const refresh = useRefreshTriggers();
  return useMutation({
    mutationFn: (body: TTriggerEntryInput) =>
      apiFetch('/api/triggers', { method: 'POST', body, schema: ZTriggerEntryResponse }),
    onSuccess: () => refresh(),
  });
}

export function useEditTrigger() {
  const refresh = useRefreshTriggers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TTriggerEntryInput }) =>
      apiFetch(`/api/triggers/${id}`, { method: 'PUT', body, schema: ZTriggerEntryResponse }),
    onSuccess: () => refresh(),
  });
}

export type EntryAction = 'share' | 'unshare' | 'archive' | 'restore';

export function useEntryAction() {
  const refresh = useRefreshTriggers();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: EntryAction }) =>
      apiFetch(`/api/triggers/${id}/${action}`, { method: 'POST', schema: ZTriggerEntryResponse }),
    onSettled: () => refresh(),
  });
}

/** Sharing one of my entries with our therapist, or no longer (apart from the partner share). */
export function useTherapistShareEntry() {
  const refresh = useRefreshTriggers();
  return useMutation({
    mutationFn: ({ id, shared }: { id: string; shared: boolean }) =>
      apiFetch(`/api/triggers/${id}/therapist`, {
        method: 'PUT',
        body: { shared },
        schema: ZTriggerEntryResponse,
      }),
    onSettled: () => refresh(),
  });
}

export function usePlan() {
  return useQuery({
    queryKey: triggerKeys.plan,
    queryFn: ({ signal }) => apiFetch('/api/triggers/plan', { schema: ZPlanResponse, signal }),
  });
}

/** A save that lost the race: the plan as it is now, which the page shows beside the person's words. */
export class PlanConflict extends Error {
  constructor(
    readonly current: TCurrentPlan,
    message: string,
  ) {
    super(message);
    this.name = 'PlanConflict';
  }
}

export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, sections }: { version: number; sections: TPlanSections }) => {
      try {
        return await apiFetch('/api/triggers/plan', {
          method: 'PUT',
          body: { sections },
          headers: { 'if-match': `"${version}"` },
          schema: ZPlanSaveResponse,
        });
      } catch (error) {
        const current = versionConflict(error, (body) => {
          const parsed = ZCurrentPlan.safeParse(body);
          return parsed.success ? parsed.data : null;
        });
        if (current) throw new PlanConflict(current, (error as Error).message);
        throw error;
      }
    },
    onSuccess: ({ plan }) => {
      queryClient.setQueryData<TPlanResponse>(triggerKeys.plan, (previous) =>
        previous ? { ...previous, plan } : previous,
      );
      void queryClient.invalidateQueries({ queryKey: triggerKeys.all });
    },
    onError: (error) => {
      if (error instanceof PlanConflict) {
        void queryClient.invalidateQueries({ queryKey: triggerKeys.all });
      }
      // Paused meanwhile: fetch the plan again so the page shows the pause.
      if (error instanceof ApiError && error.code === 'joint_work_paused') {
        void queryClient.invalidateQueries({ queryKey: triggerKeys.plan });
      }
    },
  });
}

export function usePlanVersions(planId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: triggerKeys.versions(planId),
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: '10' });
      if (pageParam) params.set('cursor', pageParam);
      return apiFetch(`/api/triggers/plans/${planId}/versions?${params.toString()}`, {
        schema: ZPlanVersions,
        signal,
      });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Two versions of a plan and the word diff of each part, fetched when the person asks. */
export function usePlanCompare(planId: string, pair: { from: number; to: number } | null) {
  return useQuery({
    queryKey: triggerKeys.compare(planId, pair?.from ?? 0, pair?.to ?? 0),
    enabled: pair !== null,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ from: String(pair?.from), to: String(pair?.to) });
      return apiFetch(`/api/triggers/plans/${planId}/compare?${params.toString()}`, {
        schema: ZPlanCompare,
        signal,
      });
    },
  });
}

/**
 * "I agree to this version" (`agree: true`, with the version the person read) or taking it back.
 * Whatever the answer, the plan is read again: a 412 means it changed meanwhile, and the page
 * then shows the newer version, which nobody has agreed to yet.
 */
export function usePlanAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ agree, version }: { agree: boolean; version: number }) =>
      apiFetch('/api/triggers/plan/acceptance', {
        method: agree ? 'PUT' : 'DELETE',
        ...(agree ? { ifMatch: version } : {}),
        schema: ZAcceptanceResponse,
      }),
    onSuccess: ({ acceptance }) => {
      queryClient.setQueryData<TPlanResponse>(triggerKeys.plan, (previous) =>
        previous && previous.plan.version === acceptance.version
          ? { ...previous, plan: { ...previous.plan, acceptance } }
          : previous,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: triggerKeys.plan }),
  });
}
