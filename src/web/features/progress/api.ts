import { useQuery } from '@tanstack/react-query';
import { ZProgressResponse } from '#shared/schemas/progress.ts';
import { apiFetch } from '#web/core/api-client.ts';

export function useProgress() {
  return useQuery({
    queryKey: ['progress'],
    queryFn: ({ signal }) => apiFetch('/api/progress', { schema: ZProgressResponse, signal }),
  });
}
