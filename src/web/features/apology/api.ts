import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZApologyOverview,
  ZApologyVersion,
  ZCommitment,
  ZWriterApology,
  type TAckBody,
  type TCommitmentBody,
  type TFollowThroughBody,
  type TSaveApologyBody,
} from '#shared/schemas/apology.ts';
import { apiFetch } from '#web/core/api-client.ts';
import { useSpace } from '#web/core/space.ts';

const BASE = '/api/apology';

export const apologyKeys = {
  all: ['apology'] as const,
  overview: ['apology', 'overview'] as const,
  version: (id: string, number: number) => ['apology', 'version', id, number] as const,
};

/** The partner's name from the space (the same cache entry as the Home page's). */
export function usePartnerName(): { pending: boolean; name: string | null; inSpace: boolean } {
  const space = useSpace();
  return {
    pending: space.isPending,
    name: space.data?.space?.partner?.displayName ?? null,
    inSpace: Boolean(space.data?.space),
  };
}

export function useApologyOverview() {
  return useQuery({
    queryKey: apologyKeys.overview,
    // What the partner sends, notes or answers happens on their side: look again on return.
    refetchOnWindowFocus: 'always',
    refetchInterval: 60_000,
    queryFn: ({ signal }) => apiFetch(BASE, { schema: ZApologyOverview, signal }),
  });
}

export function useApologyVersion(id: string, number: number | null) {
  return useQuery({
    queryKey: apologyKeys.version(id, number ?? 0),
    queryFn: ({ signal }) =>
      apiFetch(`${BASE}/${encodeURIComponent(id)}/versions/${number}`, {
        schema: ZApologyVersion,
        signal,
      }),
    enabled: number !== null,
    staleTime: Infinity,
  });
}

/** Every write refreshes the page's one query; a resting answer does too. */
function useApologyWrite<Args, Result>(write: (args: Args) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: apologyKeys.overview }),
  });
}

export function useStartApology() {
  return useApologyWrite((injuryId: string) =>
    apiFetch(BASE, { method: 'POST', body: { injuryId }, schema: ZWriterApology }),
  );
}

/** Saving the draft answers with the apology; the page's list is refreshed by the editor. */
export function useSaveApology() {
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: TSaveApologyBody }) =>
      apiFetch(`${BASE}/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body,
        ifMatch: version,
        schema: ZWriterApology,
      }),
  });
}

export function useSendApology() {
  return useApologyWrite(({ id, version }: { id: string; version: number }) =>
    apiFetch(`${BASE}/${encodeURIComponent(id)}/send`, {
      method: 'POST',
      ifMatch: version,
      schema: ZWriterApology,
    }),
  );
}

export function useAddCommitment() {
  return useApologyWrite(({ apologyId, body }: { apologyId: string; body: TCommitmentBody }) =>
    apiFetch(`${BASE}/${encodeURIComponent(apologyId)}/commitments`, {
      method: 'POST',
      body,
      schema: ZCommitment,
    }),
  );
}

export function useEditCommitment() {
  return useApologyWrite(
    ({ id, version, body }: { id: string; version: number; body: TCommitmentBody }) =>
      apiFetch(`${BASE}/commitments/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body,
        ifMatch: version,
        schema: ZCommitment,
      }),
  );
}

export function useRemoveCommitment() {
  return useApologyWrite((id: string) =>
    apiFetch(`${BASE}/commitments/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      schema: z.undefined(),
    }),
  );
}

export function useFollowThrough() {
  return useApologyWrite(({ id, body }: { id: string; body: TFollowThroughBody }) =>
    apiFetch(`${BASE}/commitments/${encodeURIComponent(id)}/follow-through`, {
      method: 'POST',
      body,
      schema: ZCommitment,
    }),
  );
}

export function useAcknowledge() {
  return useApologyWrite(({ id, version, body }: { id: string; version: number; body: TAckBody }) =>
    apiFetch(`${BASE}/commitments/follow-through/${encodeURIComponent(id)}/acknowledgement`, {
      method: 'PUT',
      body,
      ifMatch: version,
      schema: ZCommitment,
    }),
  );
}
