import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZOk } from '#shared/schemas/common.ts';
import { ZSpace, type TSpaceResponse } from '#shared/schemas/space.ts';
import { apiFetch } from '#web/core/api-client.ts';
import { queryKeys } from '#web/core/query-keys.ts';

/** Creating a space always answers with the space itself. */
const ZCreatedSpace = z.object({ space: ZSpace });

export function useCreateSpace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch('/api/space', { method: 'POST', schema: ZCreatedSpace }),
    onSuccess: (data) => {
      queryClient.setQueryData<TSpaceResponse>(queryKeys.space, data);
    },
    // Already in a space (say, joined in another tab): show the space that exists.
    onError: (error) => {
      if (error.code === 'already_in_space') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.space });
      }
    },
  });
}

export function useLeaveSpace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch('/api/space/leave', { method: 'POST', schema: ZOk }),
    onSuccess: () => {
      queryClient.setQueryData<TSpaceResponse>(queryKeys.space, { space: null });
      queryClient.removeQueries({ queryKey: queryKeys.invites });
    },
  });
}
