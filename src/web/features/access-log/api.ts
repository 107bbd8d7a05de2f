import { useInfiniteQuery } from '@tanstack/react-query';
import { ZAccessLogPage, type TAccessLogPage } from '#shared/schemas/access-log.ts';
import { apiFetch } from '#web/core/api-client.ts';

export const accessLogKeys = { all: ['access-log'] as const };

/** When a therapist opened my items, newest first, a page at a time. */
export function useAccessLog() {
  return useInfiniteQuery({
    queryKey: accessLogKeys.all,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: '20' });
      if (pageParam) params.set('before', pageParam);
      return apiFetch(`/api/access-log?${params.toString()}`, { schema: ZAccessLogPage, signal });
    },
    getNextPageParam: (last: TAccessLogPage) => last.next,
  });
}
