import { and, eq, gt, isNull, ne, not, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, DbOrTx } from '../db';
import { memberships, sessions, spaces, therapistProfiles, users } from '../db/schema';
import type { Actor, SignedInActor } from '../policy/actor';
import { ANONYMOUS } from '../policy/actor';
import { createToken, hashToken } from './tokens';

/** `last_seen_at` is refreshed at most this often, so most requests stay a single read. */
const TOUCH_INTERVAL_MS = 60_000;

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

  /** Deletes a person's sessions that can no longer be used, so the table does not grow forever. */
  async sweepDead(userId: string, now = new Date()): Promise<void> {
    await this.db.delete(sessions).where(and(eq(sessions.userId, userId), not(this.isLive(now))));
  }

  /** Ends the session behind a token (sign out); unknown tokens are ignored. */
  async endByToken(token: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
  }
}
