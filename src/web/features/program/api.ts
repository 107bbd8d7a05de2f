import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZProgramView, type TMark, type TProgramView } from '#shared/schemas/program.ts';
import { apiFetch } from '#web/core/api-client.ts';
import { queryKeys } from '#web/core/query-keys.ts';

export const programQuery = queryOptions({
  queryKey: queryKeys.program,
  queryFn: ({ signal }) => apiFetch('/api/program', { schema: ZProgramView, signal }),
});

export function useProgram() {
  return useQuery(programQuery);
}

/** Every program change answers with the whole map as it now is. */
function useProgramChange<V>(call: (variables: V) => Promise<TProgramView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => queryClient.setQueryData(queryKeys.program, view),
    // A 409 (the map changed, or joint work paused) is best answered by the map as it is now.
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.program }),
  });
}

export function useSetMark() {
  return useProgramChange(({ key, mark }: { key: string; mark: TMark | null }) =>
    apiFetch(`/api/program/marks/${encodeURIComponent(key)}`, {
      method: 'PUT',
      body: { mark },
      schema: ZProgramView,
    }),
  );
}

export function useChooseReady() {
  return useProgramChange((phase: number) =>
    apiFetch('/api/program/pace/ready', { method: 'POST', body: { phase }, schema: ZProgramView }),
  );
}

export function useWithdrawReady() {
  return useProgramChange(() =>
    apiFetch('/api/program/pace/ready', { method: 'DELETE', schema: ZProgramView }),
  );
}

export function useStepBack() {
  return useProgramChange((phase: number) =>
    apiFetch('/api/program/pace/step-back', {
      method: 'POST',
      body: { phase },
      schema: ZProgramView,
    }),
  );
}
