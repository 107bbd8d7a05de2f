import { createHash } from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '#shared/errors.ts';
import type { Config } from '#server/config/index.ts';
import type { Database } from '#server/db/index.ts';
import { queryRows } from '#server/db/index.ts';
import { rateLimits } from '#server/db/schema/index.ts';

/**
 * Rate limits for the credential routes, counted in the database so every server process shares
 * them (a per-process memory store lets an attacker multiply their tries by the process count).
 * Fixed windows, one atomic upsert per counter. Counters name a hashed address, an account id or
 * a hashed client address, never the address itself.
 */

const HOUR_MS = 3_600_000;

function hashed(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}

/** Counts one try against `key`; returns the tries in the window so far and when it ends. */
export async function countTry(
  db: Database,
  key: string,
  windowMs: number,
  now = new Date(),
): Promise<{ hits: number; resetAt: Date }> {
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  const [row] = await queryRows<{ hits: number; window_start: string }>(
    db,
    sql`insert into ${rateLimits} (key, window_start, hits)
        values (${key}, ${now.toISOString()}::timestamptz, 1)
        on conflict (key) do update set
          hits = case when ${rateLimits}.window_start > ${cutoff}::timestamptz
                      then ${rateLimits}.hits + 1 else 1 end,
          window_start = case when ${rateLimits}.window_start > ${cutoff}::timestamptz
                              then ${rateLimits}.window_start else excluded.window_start end
        returning hits, window_start`,
  );
  return {
    hits: Number(row!.hits),
    resetAt: new Date(new Date(row!.window_start).getTime() + windowMs),
  };
}

export interface CredentialTry {
  /** The route's short name, part of every key ("signin", "reset", ...). */
  route: string;
  /** The email address the try is about, when there is one. */
  address?: string;
  /** The signed-in account making the try, when there is one. */
  userId?: string;
}

const TOO_MANY =
  'That was a lot of tries in a short time. Please wait a while and try again; nothing is lost.';

/**
 * Counts a try per client address (AUTH_RATE_LIMIT_PER_MINUTE a minute) and per email address
 * or account (AUTH_RATE_LIMIT_PER_ACCOUNT_HOUR an hour); refuses with a 429 and `Retry-After`
 * once either is over. The answer is the same whether or not the address has an account.
 */
export async function limitCredentialTry(
  db: Database,
  config: Pick<Config, 'authRateLimitPerMinute' | 'authRateLimitPerAccountHour'>,
  request: FastifyRequest,
  reply: FastifyReply,
  what: CredentialTry,
): Promise<void> {
  const now = new Date();
  const counters: [string, number, number][] = [
    [`${what.route}:ip:${hashed(request.ip)}`, 60_000, config.authRateLimitPerMinute],
  ];
  if (what.address)
    counters.push([
      `${what.route}:addr:${hashed(what.address.toLowerCase())}`,
      HOUR_MS,
      config.authRateLimitPerAccountHour,
    ]);
  if (what.userId)
    counters.push([
      `${what.route}:user:${what.userId}`,
      HOUR_MS,
      config.authRateLimitPerAccountHour,
    ]);
  let retryAt: Date | undefined;
  for (const [key, windowMs, max] of counters) {
    const { hits, resetAt } = await countTry(db, key, windowMs, now);
    if (hits > max && (!retryAt || resetAt > retryAt)) retryAt = resetAt;
  }
  if (retryAt) {
    reply.header(
      'retry-after',
      String(Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000))),
    );
    throw new AppError('rate_limited', TOO_MANY);
  }
}

/** Deletes counters whose window ended long ago (run by the job worker's sweep). */
export async function sweepRateLimits(db: Database, now = Date.now()): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now - 2 * HOUR_MS)));
}
