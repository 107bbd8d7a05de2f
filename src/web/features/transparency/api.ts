import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZOfferList, ZOfferResponse, type TOfferCreateBody } from '#shared/schemas/transparency.ts';
import { apiFetch } from '#web/core/api-client.ts';

export const transparencyKeys = { all: ['transparency'] as const };

export function useOffers() {
  return useQuery({
    queryKey: transparencyKeys.all,
    queryFn: ({ signal }) => apiFetch('/api/transparency', { schema: ZOfferList, signal }),
  });
}

export function useMakeOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TOfferCreateBody) =>
      apiFetch('/api/transparency', { method: 'POST', body, schema: ZOfferResponse }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: transparencyKeys.all }),
  });
}

/**
 * A change of an offer's standing, with the version on screen. Whatever the answer the list is
 * read again: a 412 means it changed meanwhile, and the page then shows it as it is.
 */
export function useOfferChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      id: string;
      what: 'answer' | 'pause' | 'dates';
      version: number;
      body: unknown;
    }) =>
      apiFetch(`/api/transparency/${input.id}/${input.what}`, {
        method: 'PUT',
        body: input.body,
        ifMatch: input.version,
        schema: ZOfferResponse,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: transparencyKeys.all }),
  });
}
