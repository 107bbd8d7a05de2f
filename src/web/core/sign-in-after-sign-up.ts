import { ZMeResponse } from '#shared/schemas/auth.ts';
import { ApiError, apiFetch } from './api-client';
import type { TMe } from './session';

/**
 * After a sign-up (which always answers the same, decision 0029), try the same email and
 * password: who is now signed in, or null when the address already had an account with another
 * password or must be verified first (the page then says to check the inbox).
 */
export async function signInAfterSignUp(email: string, password: string): Promise<TMe | null> {
  try {
    const { user, therapist } = await apiFetch('/api/auth/signin', {
      method: 'POST',
      body: { email, password },
      schema: ZMeResponse,
    });
    return { ...user, therapist };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
