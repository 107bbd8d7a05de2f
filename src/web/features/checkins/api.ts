import {
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  ZCheckinDetail,
  ZCheckinForDay,
  ZCheckinResponse,
  ZTimeline,
  type TCheckin,
  type TCheckinBody,
  type TCheckinForDay,
} from '#shared/schemas/checkins.ts';
import { apiFetch } from '#web/core/api-client.ts';
import { useSpace } from '#web/core/space.ts';

/** Keys of this feature; each starts with its name. */
export const checkinKeys = {
  all: ['checkins'] as const,
  day: (day: string) => ['checkins', 'day', day] as const,
  timeline: ['checkins', 'timeline'] as const,
  detail: (id: string) => ['checkins', 'detail', id] as const,
};

/** The person's own local date, `YYYY-MM-DD`: a check-in belongs to the day where they are. */
export function localDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** My space and partner (the same query and key the home page uses; read-only here). */
export function usePartnerName(): { name: string | null; loaded: boolean } {
  const space = useSpace();
  return {
    name: space.data?.space?.partner?.displayName ?? null,
    loaded: space.isSuccess,
  };
}

export const dayQuery = (day: string) =>
  queryOptions({
    queryKey: checkinKeys.day(day),
    queryFn: ({ signal }) =>
      apiFetch(`/api/checkins/mine/${day}`, { schema: ZCheckinForDay, signal }),
  });

export function useMyCheckin(day: string) {
  return useQuery(dayQuery(day));
}

const PAGE_SIZE = 10;

export function useTimeline() {
  return useInfiniteQuery({
    queryKey: checkinKeys.timeline,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch(
        `/api/checkins?limit=${PAGE_SIZE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
        { schema: ZTimeline, signal },
      ),
    getNextPageParam: (last) => last.next,
  });
}

export function useCheckinDetail(id: string, enabled: boolean) {
  return useQuery({
    queryKey: checkinKeys.detail(id),
    queryFn: ({ signal }) => apiFetch(`/api/checkins/${id}`, { schema: ZCheckinDetail, signal }),
    enabled,
  });
}

/** After any change, today's check-in is set from the answer and the timeline is read again. */
function useSettle() {
  const queryClient = useQueryClient();
  return (checkin: TCheckin) => {
    queryClient.setQueryData<TCheckinForDay>(checkinKeys.day(checkin.day), { checkin });
    void queryClient.invalidateQueries({ queryKey: checkinKeys.timeline });
    void queryClient.invalidateQueries({ queryKey: ['checkins', 'detail'] });
  };
}

export function useSaveCheckin(day: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ body, version }: { body: TCheckinBody; version: number | undefined }) =>
      apiFetch(`/api/checkins/mine/${day}`, {
        method: 'PUT',
        body,
        schema: ZCheckinResponse,
        ...(version !== undefined ? { ifMatch: version } : {}),
      }),
    onSuccess: ({ checkin }) => settle(checkin),
  });
}

export type SharingAction = 'share' | 'share-when-both' | 'private';

/** Sharing my check-in with our therapist, or no longer (apart from the partner share). */
export function useTherapistShare() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ id, shared }: { id: string; shared: boolean }) =>
      apiFetch(`/api/checkins/${id}/therapist`, {
        method: 'PUT',
        body: { shared },
        schema: ZCheckinResponse,
      }),
    onSuccess: ({ checkin }) => settle(checkin),
  });
}

export function useSharing() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: SharingAction }) =>
      apiFetch(`/api/checkins/${id}/${action}`, { method: 'POST', schema: ZCheckinResponse }),
    onSuccess: ({ checkin }) => settle(checkin),
  });
}
