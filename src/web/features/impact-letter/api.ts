import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZLetter,
  ZOverview,
  ZPublishedLetter,
  ZReflection,
  ZWriterLetter,
  type ReflectionPart,
  type TLetter,
  type TMarkBody,
  type TReflection,
  type TReflectionBody,
  type TSaveLetterBody,
  type TWriterLetter,
} from '#shared/schemas/impact-letter.ts';
import { apiFetch, isVersionConflict } from '#web/core/api-client.ts';
import { useSpace } from '#web/core/space.ts';

const BASE = '/api/impact-letter';

export const letterKeys = {
  all: ['impact-letter'] as const,
  overview: ['impact-letter', 'overview'] as const,
  letter: (id: string) => ['impact-letter', 'letter', id] as const,
  version: (id: string, number: number) => ['impact-letter', 'letter', id, 'v', number] as const,
};

/** The space (for the partner's name); the same query, and cache entry, as the Home page's. */
export function usePartnerName(): { pending: boolean; name: string | null; inSpace: boolean } {
  const space = useSpace();
  return {
    pending: space.isPending,
    name: space.data?.space?.partner?.displayName ?? null,
    inSpace: Boolean(space.data?.space),
  };
}

export const overviewQuery = queryOptions({
  queryKey: letterKeys.overview,
  // A letter shared, or shared exercises resting, happens on the partner's side: look again when
  // the person comes back to the tab, and now and then while it is open.
  refetchOnWindowFocus: 'always',
  refetchInterval: 60_000,
  queryFn: ({ signal }) => apiFetch(BASE, { schema: ZOverview, signal }),
});

export function useOverview() {
  return useQuery(overviewQuery);
}

export function useLetter(id: string) {
  return useQuery({
    queryKey: letterKeys.letter(id),
    queryFn: ({ signal }) =>
      apiFetch(`${BASE}/letters/${encodeURIComponent(id)}`, { schema: ZLetter, signal }),
  });
}

export function useLetterVersion(id: string, number: number | null) {
  return useQuery({
    queryKey: letterKeys.version(id, number ?? 0),
    queryFn: ({ signal }) =>
      apiFetch(`${BASE}/letters/${encodeURIComponent(id)}/versions/${number}`, {
        schema: ZPublishedLetter,
        signal,
      }),
    enabled: number !== null,
    staleTime: Infinity,
  });
}

/** After a write that answers with the letter, keep the cache in step and refresh the list. */
function useLetterWrite<Args>(write: (args: Args) => Promise<TWriterLetter>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (letter) => {
      queryClient.setQueryData<TLetter>(letterKeys.letter(letter.id), letter);
      void queryClient.invalidateQueries({ queryKey: letterKeys.overview });
    },
    onError: (error) => {
      if (error.code === 'joint_work_paused') {
        void queryClient.invalidateQueries({ queryKey: letterKeys.overview });
      }
    },
  });
}

export function useStartLetter() {
  return useLetterWrite((replacing: string | null) =>
    apiFetch(`${BASE}/letters`, { method: 'POST', body: { replacing }, schema: ZWriterLetter }),
  );
}

export function useSaveLetter() {
  return useLetterWrite(
    ({ id, version, body }: { id: string; version: number; body: TSaveLetterBody }) =>
      apiFetch(`${BASE}/letters/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body,
        ifMatch: version,
        schema: ZWriterLetter,
      }),
  );
}

export function useShareLetter() {
  return useLetterWrite(({ id, version }: { id: string; version: number }) =>
    apiFetch(`${BASE}/letters/${encodeURIComponent(id)}/share`, {
      method: 'POST',
      ifMatch: version,
      schema: ZWriterLetter,
    }),
  );
}

export function useUnshareLetter() {
  return useLetterWrite((id: string) =>
    apiFetch(`${BASE}/letters/${encodeURIComponent(id)}/unshare`, {
      method: 'POST',
      schema: ZWriterLetter,
    }),
  );
}

/** After a write that answers with a reflection, refresh the letter it belongs to. */
function useReflectionWrite<Args>(letterId: string, write: (args: Args) => Promise<TReflection>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (reflection) => {
      queryClient.setQueryData<TLetter>(letterKeys.letter(letterId), (letter) =>
        letter ? withReflection(letter, reflection) : letter,
      );
    },
    onError: (error) => {
      if (isVersionConflict(error) || ['joint_work_paused', 'conflict'].includes(error.code)) {
        void queryClient.invalidateQueries({ queryKey: letterKeys.all });
      }
    },
  });
}

function withReflection(letter: TLetter, reflection: TReflection): TLetter {
  const known = letter.reflections.some((r) => r.id === reflection.id);
  return {
    ...letter,
    reflections: known
      ? letter.reflections.map((r) => (r.id === reflection.id ? reflection : r))
      : [...letter.reflections, reflection],
  };
}

export function useStartReflection(letterId: string) {
  return useReflectionWrite(letterId, (body: TReflectionBody) =>
    apiFetch(`${BASE}/letters/${encodeURIComponent(letterId)}/reflections`, {
      method: 'POST',
      body,
      schema: ZReflection,
    }),
  );
}

export function useSaveReflection(letterId: string) {
  return useReflectionWrite(
    letterId,
    ({ id, version, body }: { id: string; version: number; body: TReflectionBody }) =>
      apiFetch(`${BASE}/reflections/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body,
        ifMatch: version,
        schema: ZReflection,
      }),
  );
}

export function useSendReflection(letterId: string) {
  return useReflectionWrite(letterId, ({ id, version }: { id: string; version: number }) =>
    apiFetch(`${BASE}/reflections/${encodeURIComponent(id)}/send`, {
      method: 'POST',
      ifMatch: version,
      schema: ZReflection,
    }),
  );
}

export function useWithdrawReflection(letterId: string) {
  return useReflectionWrite(letterId, (id: string) =>
    apiFetch(`${BASE}/reflections/${encodeURIComponent(id)}/unshare`, {
      method: 'POST',
      schema: ZReflection,
    }),
  );
}

export function useMarkReflection(letterId: string) {
  return useReflectionWrite(
    letterId,
    ({
      id,
      part,
      version,
      body,
    }: {
      id: string;
      part: ReflectionPart;
      version: number;
      body: TMarkBody;
    }) =>
      apiFetch(`${BASE}/reflections/${encodeURIComponent(id)}/marks/${part}`, {
        method: 'PUT',
        body,
        ifMatch: version,
        schema: ZReflection,
      }),
  );
}
