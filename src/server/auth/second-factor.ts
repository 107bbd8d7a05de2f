import type { Config } from '#server/config/index.ts';
import type { DbOrTx } from '#server/db/index.ts';
import { SecretBox } from './secret-box';
import { checkTotpCode, hasSecondStep, secondStepsOf, useRecoveryCode } from './two-step';

/**
 * The one place a password reset asks about a second factor, so a reset by email never gets
 * round two-step sign-in (ASVS 6.4.3).
 *
 * For an account with TOTP or a passkey (two-step.ts) it checks `proof`
 * (a TOTP or recovery code sent with the new password) and answers 'ok', 'required' (none sent)
 * or 'wrong'. The reset route refuses unless the answer is 'not-set' or 'ok'.
 */
export type SecondFactorAnswer = 'not-set' | 'ok' | 'required' | 'wrong';

export interface SecondFactorProof {
  /** A TOTP code or a recovery code, as the person typed it. */
  code?: string | undefined;
}

export async function checkSecondFactorForReset(
  db: DbOrTx,
  userId: string,
  proof: SecondFactorProof,
  config: Pick<Config, 'twoStepKey' | 'dataDir'>,
): Promise<SecondFactorAnswer> {
  if (!hasSecondStep(await secondStepsOf(db, userId))) return 'not-set';
  const code = proof.code?.trim();
  if (!code) return 'required';
  // Six digits: the authenticator app; anything else is tried as a recovery code.
  const ok = /^\d{3}\s?\d{3}$/.test(code)
    ? await checkTotpCode(db, new SecretBox(config), userId, code, { confirmed: true })
    : await useRecoveryCode(db, userId, code);
  return ok ? 'ok' : 'wrong';
}
