import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZErasureStatus, EXPORT_ESTIMATE_HEADER } from '#shared/schemas/my-data.ts';
import { apiFetch, ApiError } from '#web/core/api-client.ts';
import { queryKeys } from '#web/core/query-keys.ts';
import { t } from '#web/i18n/index.ts';

export function useErasure() {
  return useQuery({
    queryKey: queryKeys.erasure,
    queryFn: ({ signal }) => apiFetch('/api/my-data/erasure', { schema: ZErasureStatus, signal }),
  });
}

export function useScheduleErasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch('/api/my-data/erasure', { method: 'POST', schema: ZErasureStatus }),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.erasure, data),
  });
}

export function useCancelErasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch('/api/my-data/erasure', { method: 'DELETE', schema: ZErasureStatus }),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.erasure, data),
  });
}

/**
 * Streams the export, reporting bytes received against the server's estimate, and hands the
 * finished zip to the browser as a download. The file never goes into browser storage.
 */
export async function downloadExport(
  onProgress: (received: number, estimate: number) => void,
): Promise<void> {
  const response = await fetch('/api/my-data/export', { credentials: 'same-origin' });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code: ApiError['code']; message: string };
    } | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'unavailable',
      body?.error?.message ?? t('myData.export.failed'),
    );
  }
  const estimate = Number(response.headers.get(EXPORT_ESTIMATE_HEADER)) || 1;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(received, estimate);
  }
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    'my-data.zip';
  const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
