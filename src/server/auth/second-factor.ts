import type { Database, Transaction } from '../db';

/**
 * The one place a password reset asks about a second factor, so a reset by email never gets
 * round two-step sign-in (ASVS 6.4.3).
 *
 * Today no account has a second factor, so this answers 'not-set'. Two-step sign-in (issue 13,
 * branch accounts-mfa) fills it in: for an account with TOTP or a passkey it checks `proof`
 * (a TOTP or recovery code sent with the new password) and answers 'ok', 'required' (none sent)
 * or 'wrong'. The reset route refuses unless the answer is 'not-set' or 'ok'.
 */
export type SecondFactorAnswer = 'not-set' | 'ok' | 'required' | 'wrong';

export interface SecondFactorProof {
  /** A TOTP code or a recovery code, as the person typed it. */
  code?: string | undefined;
}

export async function checkSecondFactorForReset(
  _db: Database | Transaction,
  _userId: string,
  _proof: SecondFactorProof,
): Promise<SecondFactorAnswer> {
  return 'not-set';
}
