import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZLessonList,
  ZMyReflectionResponse,
  ZReflectionsResponse,
  type TMyReflection,
  type TReflectionsResponse,
} from '#shared/schemas/guide.ts';
import { apiFetch, isVersionConflict } from '#web/core/api-client.ts';
import { queryKeys } from '#web/core/query-keys.ts';

/** Slugs come from our own lesson list, but they still go into a path: encode them. */
const base = (slug: string) => `/api/guide/${encodeURIComponent(slug)}`;

/** Lessons change only when the server restarts with new content. */
const LESSON_STALE_MS = 10 * 60_000;

export const lessonsQuery = queryOptions({
  queryKey: queryKeys.guideLessons,
  queryFn: ({ signal }) => apiFetch('/api/guide', { schema: ZLessonList, signal }),
  staleTime: LESSON_STALE_MS,
});

export function useLessons() {
  return useQuery(lessonsQuery);
}

/** Only for someone signed in; a visitor sees an invitation to sign in instead. */
export function useReflections(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.guideReflections(slug),
    queryFn: ({ signal }) =>
      apiFetch(`${base(slug)}/reflections`, { schema: ZReflectionsResponse, signal }),
    enabled,
    // What the partner shares can change at any time; look again when the page is revisited.
    staleTime: 0,
  });
}

function useStoreMine(slug: string) {
  const queryClient = useQueryClient();
  return (reflection: TMyReflection) => {
    queryClient.setQueryData<TReflectionsResponse>(queryKeys.guideReflections(slug), (old) =>
      old ? { ...old, mine: reflection } : old,
    );
  };
}

/**
 * Saves my reflection. The version I started from goes in `If-Match` (or `If-None-Match: *` for
 * the first one), so a change made in another tab is never silently overwritten.
 */
export function useSaveReflection(slug: string) {
  const store = useStoreMine(slug);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: string; version: number | null }) =>
      apiFetch(`${base(slug)}/reflections/mine`, {
        method: 'PUT',
        body: { body },
        headers: version === null ? { 'if-none-match': '*' } : { 'if-match': `"${version}"` },
        schema: ZMyReflectionResponse,
      }),
    onSuccess: ({ reflection }) => store(reflection),
    onError: (error) => {
      if (isVersionConflict(error) || error.code === 'joint_work_paused') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.guideReflections(slug) });
      }
    },
  });
}

/** Sharing my reflection with our therapist, or no longer (apart from the partner share). */
export function useTherapistShareReflection(slug: string) {
  const store = useStoreMine(slug);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (shared: boolean) =>
      apiFetch(`${base(slug)}/reflections/mine/therapist`, {
        method: 'PUT',
        body: { shared },
        schema: ZMyReflectionResponse,
      }),
    onSuccess: ({ reflection }) => store(reflection),
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.guideReflections(slug) });
    },
  });
}

export function useShareReflection(slug: string) {
  const store = useStoreMine(slug);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (share: boolean) =>
      apiFetch(`${base(slug)}/reflections/mine/${share ? 'share' : 'unshare'}`, {
        method: 'POST',
        schema: ZMyReflectionResponse,
      }),
    onSuccess: ({ reflection }) => store(reflection),
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.guideReflections(slug) });
    },
  });
}
