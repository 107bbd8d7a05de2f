import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Database, DbOrTx } from '#server/db/index.ts';
import { accountTokens } from '#server/db/schema/index.ts';
import { createToken, hashToken, sameHash } from './tokens';

/**
 * The single-use tokens of the account emails. 256 random bits; only the SHA-256 is stored; the
 * token travels in a link's #fragment (never sent to a server, so never in a log) and comes back
 * in a POST body. A new token of a purpose replaces the person's earlier unused ones.
 */
export type TokenPurpose = 'verify-email' | 'reset-password' | 'change-email';

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  'verify-email': 48 * 3_600_000,
  // ASVS 6.5.5 asks ≤ 10 minutes of out-of-band codes; a reset link is given 15 (issue 13).
  'reset-password': 15 * 60_000,
  'change-email': 24 * 3_600_000,
};

export async function mintAccountToken(
  db: DbOrTx,
  grant: { userId: string; purpose: TokenPurpose; email: string },
  now = new Date(),
): Promise<string> {
  const token = createToken();
  await db
    .delete(accountTokens)
    .where(
      and(
        eq(accountTokens.userId, grant.userId),
        eq(accountTokens.purpose, grant.purpose),
        isNull(accountTokens.usedAt),
      ),
    );
  await db.insert(accountTokens).values({
    tokenHash: hashToken(token),
    userId: grant.userId,
    purpose: grant.purpose,
    email: grant.email,
    createdAt: now,
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[grant.purpose]),
  });
  return token;
}

/** A token that is still good (unused, unexpired), without using it. */
export async function peekAccountToken(
  db: DbOrTx,
  token: string,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<{ userId: string; email: string } | null> {
  if (token.length > 100) return null;
  const hash = hashToken(token);
  const [row] = await db
    .select({
      tokenHash: accountTokens.tokenHash,
      userId: accountTokens.userId,
      email: accountTokens.email,
    })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.tokenHash, hash),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    );
  if (!row || !sameHash(row.tokenHash, hash)) return null;
  return { userId: row.userId, email: row.email };
}

/**
 * Uses a token: marks it used in the same statement that checks it, so two requests racing with
 * one link cannot both succeed. Null when unknown, expired, used, or for another purpose.
 */
export async function useAccountToken(
  db: DbOrTx,
  token: string,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<{ userId: string; email: string } | null> {
  if (token.length > 100) return null;
  const hash = hashToken(token);
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, hash),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning({
      tokenHash: accountTokens.tokenHash,
      userId: accountTokens.userId,
      email: accountTokens.email,
    });
  if (!row || !sameHash(row.tokenHash, hash)) return null;
  return { userId: row.userId, email: row.email };
}

/** Deletes tokens a day after they ran out (run by the job worker's sweep). */
export async function sweepAccountTokens(db: Database, now = Date.now()): Promise<void> {
  await db.delete(accountTokens).where(lt(accountTokens.expiresAt, new Date(now - 24 * 3_600_000)));
}
