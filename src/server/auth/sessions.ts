import { and, eq, gt, inArray, isNull, ne, not, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, DbOrTx } from '#server/db/index.ts';
import {
  memberships,
  sessionStepUps,
  sessions,
  spaces,
  therapistProfiles,
  twoStepSettings,
  users,
} from '#server/db/schema/index.ts';
import type { Actor, SignedInActor } from '#server/policy/actor.ts';
import { ANONYMOUS } from '#server/policy/actor.ts';
import { createToken, hashToken } from './tokens';

/** `last_seen_at` is refreshed at most this often, so most requests stay a single read. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * The re-lock after a pause (a per-person setting, off by default). The page locks itself after
 * exactly that many idle minutes and tells the server; this is the server's own check for when
 * the page could not (closed, asleep, offline): a session not seen for longer than the setting
 * plus one touch interval (`last_seen_at` may lag that much) is locked on its next request.
 */
export function idleTooLong(relockMinutes: number | null, lastSeenAt: Date, now: Date): boolean {
  if (relockMinutes === null) return false;
  return now.getTime() - lastSeenAt.getTime() > relockMinutes * 60_000 + TOUCH_INTERVAL_MS;
}

/** Locks a session's private areas until its next step-up (kept in `session_step_ups`). */
export async function lockSession(db: DbOrTx, sessionId: string, now = new Date()) {
  await db
    .insert(sessionStepUps)
    .values({ sessionId, lockedAt: now })
    .onConflictDoUpdate({ target: sessionStepUps.sessionId, set: { lockedAt: now } });
}

export interface SessionTimeouts {
  idleMs: number;
  maxMs: number;
}

const partnerMembership = alias(memberships, 'partner_membership');
const partnerUser = alias(users, 'partner_user');

/**
 * The whole actor — session, person, active space, partner, therapist profile — in one indexed query.
 * Every signed-in request pays for exactly this, so it is prepared once per database.
 */
function prepareActorQuery(db: Database) {
  return db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      spaceId: spaces.id,
      spaceCreatedAt: spaces.createdAt,
      joinedAt: memberships.joinedAt,
      partnerId: partnerUser.id,
      partnerName: partnerUser.displayName,
      partnerJoinedAt: partnerMembership.joinedAt,
      therapistSince: therapistProfiles.createdAt,
      therapistVerifiedAt: therapistProfiles.verifiedAt,
      relockMinutes: twoStepSettings.relockMinutes,
      lockedAt: sessionStepUps.lockedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, and(eq(memberships.userId, users.id), isNull(memberships.leftAt)))
    .leftJoin(spaces, and(eq(spaces.id, memberships.spaceId), isNull(spaces.closedAt)))
    .leftJoin(
      partnerMembership,
      and(
        eq(partnerMembership.spaceId, spaces.id),
        isNull(partnerMembership.leftAt),
        ne(partnerMembership.userId, users.id),
      ),
    )
    .leftJoin(partnerUser, eq(partnerUser.id, partnerMembership.userId))
    .leftJoin(therapistProfiles, eq(therapistProfiles.userId, users.id))
    .leftJoin(twoStepSettings, eq(twoStepSettings.userId, users.id))
    .leftJoin(sessionStepUps, eq(sessionStepUps.sessionId, sessions.id))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.lastSeenAt, sql.placeholder('idleCutoff')),
      ),
    )
    .limit(1)
    .prepare('actor_by_session');
}

export class SessionStore {
  private readonly actorQuery: ReturnType<typeof prepareActorQuery>;

  constructor(
    private readonly db: Database,
    private readonly timeouts: SessionTimeouts,
  ) {
    this.actorQuery = prepareActorQuery(db);
  }

  /** Starts a session and returns the token for the cookie; only its hash is stored. */
  async create(
    userId: string,
    device: string,
    options: { now?: Date; db?: DbOrTx } = {},
  ): Promise<string> {
    const now = options.now ?? new Date();
    const token = createToken();
    await (options.db ?? this.db).insert(sessions).values({
      tokenHash: hashToken(token),
      userId,
      device,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.timeouts.maxMs),
    });
    return token;
  }

  async resolveActor(token: string | undefined, now = new Date()): Promise<Actor> {
    if (!token || token.length > 100) return ANONYMOUS;
    const [row] = await this.actorQuery.execute({
      tokenHash: hashToken(token),
      now,
      idleCutoff: new Date(now.getTime() - this.timeouts.idleMs),
    });
    if (!row) return ANONYMOUS;
    const locked = row.lockedAt !== null || idleTooLong(row.relockMinutes, row.lastSeenAt, now);
    // A pause longer than the person's re-lock time locks the session until a step-up; kept, so
    // the touch below (which ends the pause) does not unlock it.
    if (locked && row.lockedAt === null) await lockSession(this.db, row.sessionId, now);
    if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.sessionId));
    }
    const actor: SignedInActor = {
      kind: 'user',
      userId: row.userId,
      displayName: row.displayName,
      email: row.email,
      sessionId: row.sessionId,
      sessionLastSeenAt: row.lastSeenAt,
      space:
        row.spaceId && row.spaceCreatedAt && row.joinedAt
          ? {
              id: row.spaceId,
              createdAt: row.spaceCreatedAt,
              joinedAt: row.joinedAt,
              partner:
                row.partnerId && row.partnerName && row.partnerJoinedAt
                  ? {
                      userId: row.partnerId,
                      displayName: row.partnerName,
                      joinedAt: row.partnerJoinedAt,
                    }
                  : null,
            }
          : null,
      therapist: row.therapistSince ? { verified: row.therapistVerifiedAt !== null } : null,
      locked,
    };
    return actor;
  }

  /** A session is live until its absolute lifetime ends or it has been idle too long. */
  isLive(now = new Date()) {
    return and(
      gt(sessions.expiresAt, now),
      gt(sessions.lastSeenAt, new Date(now.getTime() - this.timeouts.idleMs)),
    )!;
  }

  /**
   * Which of these sessions may still hold open event streams (issue 12): live, and not locked
   * after a pause, whether the page said so or the person's re-lock time has simply passed. A
   * locked session's streams end; the page opens a new one after the step-up.
   */
  async liveAmong(ids: readonly string[], now = new Date()): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .select({
        id: sessions.id,
        lastSeenAt: sessions.lastSeenAt,
        relockMinutes: twoStepSettings.relockMinutes,
        lockedAt: sessionStepUps.lockedAt,
      })
      .from(sessions)
      .leftJoin(twoStepSettings, eq(twoStepSettings.userId, sessions.userId))
      .leftJoin(sessionStepUps, eq(sessionStepUps.sessionId, sessions.id))
      .where(and(inArray(sessions.id, [...ids]), this.isLive(now)));
    return rows
      .filter(
        (row) =>
          row.lockedAt === null && !idleTooLong(row.relockMinutes ?? null, row.lastSeenAt, now),
      )
      .map((row) => row.id);
  }

  /** Deletes a person's sessions that can no longer be used, so the table does not grow forever. */
  async sweepDead(userId: string, now = new Date()): Promise<void> {
    await this.db.delete(sessions).where(and(eq(sessions.userId, userId), not(this.isLive(now))));
  }

  /** Ends the session behind a token (sign out); unknown tokens are ignored. */
  async endByToken(token: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
  }
}
