import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZSpaceResponse } from '#shared/schemas/space.ts';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

/**
 * The space I am in, with my partner: GET /api/space, declared once here. The home page, the
 * forms that name the partner and the safety page all read this one query and cache entry, so
 * creating, joining or leaving a space (which set or refresh `queryKeys.space`) updates them all.
 */
export const spaceQuery = queryOptions({
  queryKey: queryKeys.space,
  queryFn: ({ signal }) => apiFetch('/api/space', { schema: ZSpaceResponse, signal }),
});

/** The space query; `enabled: false` waits (for a page that needs it only in some states). */
export function useSpace({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...spaceQuery, enabled });
}
