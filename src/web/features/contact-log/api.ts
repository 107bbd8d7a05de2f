import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZContactEntry,
  ZContactLog,
  type TContactCorrection,
  type TNewContactEntry,
} from '#shared/schemas/contact-log.ts';
import { apiFetch } from '#web/core/api-client.ts';

const BASE = '/api/contact-log';
const KEY = ['contact-log'] as const;

export function useContactLog() {
  return useQuery({
    queryKey: KEY,
    // What the partner tells happens on their side: look again when the person comes back.
    refetchOnWindowFocus: 'always',
    refetchInterval: 60_000,
    queryFn: ({ signal }) => apiFetch(BASE, { schema: ZContactLog, signal }),
  });
}

export function useAddEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TNewContactEntry) =>
      apiFetch(BASE, { method: 'POST', body, schema: ZContactEntry }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useCorrectEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      version,
      body,
    }: {
      id: string;
      version: number;
      body: TContactCorrection;
    }) =>
      apiFetch(`${BASE}/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body,
        ifMatch: version,
        schema: ZContactEntry,
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
