import { useQuery } from '@tanstack/react-query';
import { ZSpaceTherapist } from '#shared/schemas/space.ts';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

/**
 * Whether the two of us have an active therapist (invited, and approved by both), for the
 * "share with our therapist" control. Its own key under the space's, so refreshing the space
 * refreshes it too; false while loading or without a space.
 */
export function useSpaceHasTherapist(): boolean {
  const query = useQuery({
    queryKey: queryKeys.spaceTherapist,
    queryFn: ({ signal }) => apiFetch('/api/space/therapist', { schema: ZSpaceTherapist, signal }),
  });
  return query.data?.therapist ?? false;
}
