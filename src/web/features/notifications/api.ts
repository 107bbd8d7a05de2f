import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZNotificationList,
  ZNotificationPreferences,
  ZUnread,
  type TNotificationList,
  type TNotificationPreferences,
  type TNotificationPreferencesBody,
} from '#shared/schemas/notifications.ts';
import { apiFetch } from '#web/core/api-client.ts';
import { queryKeys } from '#web/core/query-keys.ts';

/** `markRead.mutate(ALL)` marks every one read. */
export const ALL = 'all';

/** My notifications, newest first, a page at a time. */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: [...queryKeys.notifications, 'list'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch(`/api/notifications${pageParam ? `?cursor=${pageParam}` : ''}`, {
        schema: ZNotificationList,
        signal,
      }),
    getNextPageParam: (last: TNotificationList) => last.next,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch(id === ALL ? '/api/notifications/read-all' : `/api/notifications/${id}/read`, {
        method: 'POST',
        schema: ZUnread,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...queryKeys.notifications, 'list'] }),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: queryKeys.notificationPreferences,
    queryFn: ({ signal }) =>
      apiFetch('/api/notifications/preferences', { schema: ZNotificationPreferences, signal }),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: TNotificationPreferencesBody; version: number }) =>
      apiFetch('/api/notifications/preferences', {
        method: 'PUT',
        body,
        ifMatch: version,
        schema: ZNotificationPreferences,
      }),
    onSuccess: (saved: TNotificationPreferences) =>
      client.setQueryData(queryKeys.notificationPreferences, saved),
  });
}
