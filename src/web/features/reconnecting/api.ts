import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ZodType } from 'zod';
import { ZOk } from '#shared/schemas/common.ts';
import {
  ZAppreciationResponse,
  ZDatePlan,
  ZDatePlanResponse,
  ZPacing,
  ZPacingResponse,
  ZReconnectingView,
  ZRitual,
  ZRitualResponse,
  type TDatePlan,
  type TDatePlanInput,
  type TPacing,
  type TPacingInput,
  type TRitual,
  type TRitualInput,
} from '#shared/schemas/reconnecting.ts';
import { apiFetch, versionConflict } from '#web/core/api-client.ts';

/** Every key of this feature starts with its name, so one call refreshes all of it. */
export const reconnectingKeys = { all: ['reconnecting'] as const };

export function useReconnecting() {
  return useQuery({
    queryKey: reconnectingKeys.all,
    queryFn: ({ signal }) => apiFetch('/api/reconnecting', { schema: ZReconnectingView, signal }),
  });
}

/** A change that lost the race (412): the item as it is now, shown beside the person's words. */
export class Conflict<T> extends Error {
  constructor(
    readonly current: T,
    message: string,
  ) {
    super(message);
    this.name = 'Conflict';
  }
}

/** Runs a versioned write; a 412 becomes a `Conflict` carrying the item as it is now. */
async function versioned<T, C>(write: () => Promise<T>, schema: ZodType<C>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const current = versionConflict(error, (body) => {
      const parsed = schema.safeParse(body);
      return parsed.success ? parsed.data : null;
    });
    if (current) throw new Conflict<C>(current, (error as Error).message);
    throw error;
  }
}

/** Any write of this page: afterwards the page reads everything again. */
function useWrite<V, T>(write: (vars: V) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () => queryClient.invalidateQueries({ queryKey: reconnectingKeys.all }),
  });
}

export const useProposeRitual = () =>
  useWrite((body: TRitualInput) =>
    apiFetch('/api/reconnecting/rituals', { method: 'POST', body, schema: ZRitualResponse }),
  );

export const useChangeRitual = () =>
  useWrite(({ id, version, body }: { id: string; version: number; body: TRitualInput }) =>
    versioned<unknown, TRitual>(
      () =>
        apiFetch(`/api/reconnecting/rituals/${id}`, {
          method: 'PUT',
          body,
          ifMatch: version,
          schema: ZRitualResponse,
        }),
      ZRitual,
    ),
  );

export const useAgreeRitual = () =>
  useWrite(({ id, version }: { id: string; version: number }) =>
    apiFetch(`/api/reconnecting/rituals/${id}/agree`, {
      method: 'POST',
      ifMatch: version,
      schema: ZRitualResponse,
    }),
  );

export const useSetAside = () =>
  useWrite(({ what, id }: { what: 'rituals' | 'dates'; id: string }) =>
    apiFetch(`/api/reconnecting/${what}/${id}/set-aside`, { method: 'POST', schema: ZOk }),
  );

export const useSendAppreciation = () =>
  useWrite((note: string) =>
    apiFetch('/api/reconnecting/appreciations', {
      method: 'POST',
      body: { note },
      schema: ZAppreciationResponse,
    }),
  );

export const useWithdrawAppreciation = () =>
  useWrite((id: string) =>
    apiFetch(`/api/reconnecting/appreciations/${id}`, { method: 'DELETE', schema: ZOk }),
  );

/** The notes from my partner are on my screen: from now on they stay with me. */
export function useMarkSeen() {
  return useMutation({
    mutationFn: () =>
      apiFetch('/api/reconnecting/appreciations/seen', { method: 'POST', schema: ZOk }),
  });
}

export const useAddDateIdea = () =>
  useWrite((idea: string) =>
    apiFetch('/api/reconnecting/dates', {
      method: 'POST',
      body: { idea },
      schema: ZDatePlanResponse,
    }),
  );

export const usePlanDate = () =>
  useWrite(({ id, version, body }: { id: string; version: number; body: TDatePlanInput }) =>
    versioned<unknown, TDatePlan>(
      () =>
        apiFetch(`/api/reconnecting/dates/${id}`, {
          method: 'PUT',
          body,
          ifMatch: version,
          schema: ZDatePlanResponse,
        }),
      ZDatePlan,
    ),
  );

export const useDateNote = () =>
  useWrite(({ id, note }: { id: string; note: string }) =>
    apiFetch(`/api/reconnecting/dates/${id}/note`, {
      method: 'PUT',
      body: { note },
      schema: ZDatePlanResponse,
    }),
  );

export const useShareDateNote = () =>
  useWrite(({ id, share }: { id: string; share: boolean }) =>
    apiFetch(`/api/reconnecting/dates/${id}/note/${share ? 'share' : 'unshare'}`, {
      method: 'POST',
      schema: ZDatePlanResponse,
    }),
  );

export const useProposePacing = () =>
  useWrite(({ version, body }: { version: number; body: TPacingInput }) =>
    versioned<unknown, TPacing>(
      () =>
        apiFetch('/api/reconnecting/pacing', {
          method: 'PUT',
          body,
          ifMatch: version,
          schema: ZPacingResponse,
        }),
      ZPacing,
    ),
  );

export const useAgreePacing = () =>
  useWrite((version: number) =>
    apiFetch('/api/reconnecting/pacing/agree', {
      method: 'POST',
      ifMatch: version,
      schema: ZPacingResponse,
    }),
  );

/** Pause (or lift my own pause): one request with no body, so there is nothing to say why. */
export const usePause = () =>
  useWrite((pause: boolean) =>
    apiFetch(`/api/reconnecting/pacing/${pause ? 'pause' : 'resume'}`, {
      method: 'POST',
      schema: ZPacingResponse,
    }),
  );
