import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '#web/core/api-client.ts';
import { queryKeys } from '#web/core/query-keys.ts';

/** Lessons change only when the server restarts with new content. */
const LESSON_STALE_MS = 10 * 60_000;

/**
 * One lesson, for a lesson reached inside the app. Its schema (and zod with it) loads with the
 * answer, not with the page: a lesson opened from its address is already in the page the server
 * sent and needs no request at all (decision 0057).
 */
export function useLesson(slug: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.guideLesson(slug),
    queryFn: ({ signal }) =>
      apiFetch(`/api/guide/${encodeURIComponent(slug)}`, {
        schema: () => import('#shared/schemas/guide.ts').then((m) => m.ZLessonResponse),
        signal,
      }),
    staleTime: LESSON_STALE_MS,
    enabled,
  });
}
