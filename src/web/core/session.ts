import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TMeTherapist, TUser } from '#shared/schemas/auth.ts';
import { ApiError, apiFetch } from './api-client';
import { queryKeys } from './query-keys';

/** The signed-in person, with their therapist profile when the account is a therapist's. */
export type TMe = TUser & { therapist: TMeTherapist | null };

/** Who is signed in: the user, or `null` when nobody is. A 401 here is an answer, not an error. */
export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: async ({ signal }): Promise<TMe | null> => {
    try {
      const { user, therapist } = await apiFetch('/api/auth/me', {
        // Loaded with the first answer that needs checking: a signed-out visitor never needs it.
        schema: () => import('#shared/schemas/auth.ts').then((m) => m.ZMeResponse),
        signal,
      });
      return { ...user, therapist };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}

/** Where sign-in sends someone back to, carried in router state (a path, nothing secret). */
export interface ReturnState {
  from?: string;
}
