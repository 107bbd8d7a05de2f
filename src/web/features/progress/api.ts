import { useQuery } from '@tanstack/react-query';
import { ZProgressResponse } from '../../../shared/schemas/progress';
import { apiFetch } from '../../core/api-client';

export function useProgress() {
  return useQuery({
    queryKey: ['progress'],
    queryFn: ({ signal }) => apiFetch('/api/progress', { schema: ZProgressResponse, signal }),
  });
}
