import { and, desc, eq, gt, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import {
  RECENT_ENDED_LINKS,
  THERAPIST_LINK_DAYS,
  type TActivePracticeLink,
  type TClaimPreview,
  type TCoupleLink,
  type TCreatedTherapistLink,
  type TPracticeLink,
  type TTherapistProfile,
  type TTherapistProfileBody,
} from '#shared/schemas/therapist.ts';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { createToken, hashToken } from '#server/auth/tokens.ts';
import type { Database, DbOrTx } from '#server/db/index.ts';
import {
  memberships,
  spaces,
  therapistApprovals,
  therapistLinks,
  therapistProfiles,
  users,
} from '#server/db/schema/index.ts';
import type { SignedInActor, SpaceMemberActor, TherapistActor } from '#server/policy/actor.ts';
import {
  activeTherapistLinks,
  spaceHasActiveTherapistSql,
  ownRows,
  rowsOf,
  spaceRows,
  therapistLinkActiveSql,
} from '#server/policy/rules.ts';

const DAY_MS = 86_400_000;

const LINK_ENDED =
  'This therapist link has already been ended, so it cannot be approved. If you want to work with this therapist again, make a new link.';
const NOT_CLAIMED =
  'No therapist has used this link yet. You can approve once they have, so you know who you are approving.';
const NOT_A_THERAPIST =
  'This link is for a therapist. Please sign in with a therapist account, or create one at /therapist/signup — a partner account cannot accept it.';
const HAS_ACTIVE_THERAPIST =
  'You already have a therapist working with you both, so no new link was made. To invite a different therapist, end the current link on this page first.';
const ALREADY_LINKED =
  'You already have a link with this couple. Their approvals are on that link, so this one was not used.';

/** Has `userId` approved the link in the query since `joinedAt` (their joining the space)? */
function approvedSince(userId: string, joinedAt: Date): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${therapistApprovals} a
    where a.link_id = ${therapistLinks.id} and ${rowsOf(sql`a.user_id`, userId)}
      and a.approved_at >= ${joinedAt})`;
}

/** Is the link's creator still a partner in its space? A link from someone who left is dead. */
const creatorStillMember = sql`exists (select 1 from ${memberships} cm
  where cm.space_id = ${therapistLinks.spaceId} and cm.user_id = ${therapistLinks.createdBy}
    and cm.left_at is null)`;

const therapistSummaryColumns = {
  therapistName: users.displayName,
  practiceName: therapistProfiles.practiceName,
  verifiedAt: therapistProfiles.verifiedAt,
};

function summary(row: {
  therapistName: string | null;
  practiceName: string | null;
  verifiedAt: Date | null;
}) {
  return {
    displayName: row.therapistName ?? '',
    practiceName: row.practiceName ?? '',
    verified: row.verifiedAt !== null,
  };
}

/**
 * The space's therapist links as a partner sees them: open invitations, claimed links waiting
 * for approvals, active ones, and the few most recently ended (since I joined).
 */
export async function listCoupleLinks(db: DbOrTx, actor: SpaceMemberActor): Promise<TCoupleLink[]> {
  const now = new Date();
  const partner = actor.space.partner;
  const open = await db
    .select({
      id: therapistLinks.id,
      createdAt: therapistLinks.createdAt,
      expiresAt: therapistLinks.expiresAt,
      claimedAt: therapistLinks.claimedAt,
      ...therapistSummaryColumns,
      approvedByMe: approvedSince(actor.userId, actor.space.joinedAt),
      approvedByPartner: partner
        ? approvedSince(partner.userId, partner.joinedAt)
        : sql<boolean>`false`,
      active: sql<boolean>`${therapistLinkActiveSql()}`,
      since: sql`(select max(a.approved_at) from ${therapistApprovals} a
        where a.link_id = ${therapistLinks.id})`.mapWith(therapistApprovals.approvedAt),
    })
    .from(therapistLinks)
    .leftJoin(users, eq(users.id, therapistLinks.therapistId))
    .leftJoin(therapistProfiles, eq(therapistProfiles.userId, therapistLinks.therapistId))
    .where(
      and(
        spaceRows(actor, therapistLinks.spaceId),
        isNull(therapistLinks.revokedAt),
        or(
          isNotNull(therapistLinks.therapistId),
          and(gt(therapistLinks.expiresAt, now), creatorStillMember),
        ),
      ),
    )
    .orderBy(desc(therapistLinks.createdAt))
    .limit(50);

  const ended = await db
    .select({
      id: therapistLinks.id,
      revokedAt: therapistLinks.revokedAt,
      revokedBy: therapistLinks.revokedBy,
      ...therapistSummaryColumns,
    })
    .from(therapistLinks)
    .innerJoin(users, eq(users.id, therapistLinks.therapistId))
    .leftJoin(therapistProfiles, eq(therapistProfiles.userId, therapistLinks.therapistId))
    .where(
      and(
        spaceRows(actor, therapistLinks.spaceId),
        isNotNull(therapistLinks.revokedAt),
        gt(therapistLinks.revokedAt, actor.space.joinedAt),
      ),
    )
    .orderBy(desc(therapistLinks.revokedAt))
    .limit(RECENT_ENDED_LINKS);

  const links: TCoupleLink[] = open.map((row): TCoupleLink => {
    if (row.claimedAt === null) {
      return {
        id: row.id,
        state: 'invited',
        createdAt: row.createdAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
      };
    }
    if (row.active) {
      return {
        id: row.id,
        state: 'active',
        therapist: summary(row),
        since: (row.since ?? row.claimedAt).toISOString(),
      };
    }
    return {
      id: row.id,
      state: 'awaiting',
      therapist: summary(row),
      claimedAt: row.claimedAt.toISOString(),
      approved: { me: row.approvedByMe, partner: partner ? row.approvedByPartner : null },
    };
  });
  // What needs the partners comes first: an active link, then ones waiting for approval.
  const rank = { active: 0, awaiting: 1, invited: 2, ended: 3 } as const;
  links.sort((x, y) => rank[x.state] - rank[y.state]);
  for (const row of ended) {
    links.push({
      id: row.id,
      state: 'ended',
      therapist: summary(row),
      endedAt: row.revokedAt!.toISOString(),
      endedByMe: row.revokedBy === actor.userId,
    });
  }
  return links;
}

/**
 * A new single-use link for a therapist; only its hash is kept. Refused while the couple already
 * has an active therapist: a second link then is more likely a mistake (or one partner bringing in
 * their own therapist) than a wish, and the page stops offering it. End the current one first.
 */
export async function createLink(
  db: Database,
  actor: SpaceMemberActor,
): Promise<TCreatedTherapistLink> {
  const [existing] = await db
    .select({ has: sql<boolean>`${spaceHasActiveTherapistSql(actor.space.id)}` })
    .from(sql`(select 1) as one`);
  if (existing?.has) throw new AppError('conflict', HAS_ACTIVE_THERAPIST);
  const now = new Date();
  const token = createToken();
  const [row] = await db
    .insert(therapistLinks)
    .values({
      spaceId: actor.space.id,
      createdBy: actor.userId,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + THERAPIST_LINK_DAYS * DAY_MS),
    })
    .returning({
      id: therapistLinks.id,
      createdAt: therapistLinks.createdAt,
      expiresAt: therapistLinks.expiresAt,
    });
  return {
    id: row!.id,
    createdAt: row!.createdAt.toISOString(),
    expiresAt: row!.expiresAt.toISOString(),
    token,
  };
}

/** Cancels a link no therapist has claimed yet. */
export async function cancelInvite(
  db: Database,
  actor: SpaceMemberActor,
  linkId: string,
): Promise<void> {
  const cancelled = await db
    .update(therapistLinks)
    .set({ revokedAt: new Date(), revokedBy: actor.userId })
    .where(
      and(
        eq(therapistLinks.id, linkId),
        spaceRows(actor, therapistLinks.spaceId),
        isNull(therapistLinks.therapistId),
        isNull(therapistLinks.revokedAt),
      ),
    )
    .returning({ id: therapistLinks.id });
  if (cancelled.length === 0) throw notFound();
}

/**
 * My approval of a claimed link. The link row is locked first, so an approval and an ending of
 * the same link happen one after the other: an ended link is never approved back to life (and
 * nothing can clear `revoked_at` anyway). Approving twice changes nothing.
 */
export async function approveLink(
  db: Database,
  actor: SpaceMemberActor,
  linkId: string,
): Promise<TCoupleLink[]> {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select({ therapistId: therapistLinks.therapistId, revokedAt: therapistLinks.revokedAt })
      .from(therapistLinks)
      .where(and(eq(therapistLinks.id, linkId), spaceRows(actor, therapistLinks.spaceId)))
      .for('update')
      .limit(1);
    if (!link) throw notFound();
    if (link.revokedAt !== null) throw new AppError('conflict', LINK_ENDED);
    if (link.therapistId === null) throw new AppError('conflict', NOT_CLAIMED);
    const now = new Date();
    // An approval from before I (re)joined the space does not count; a fresh one replaces it.
    await tx
      .insert(therapistApprovals)
      .values({ linkId, userId: actor.userId, approvedAt: now })
      .onConflictDoUpdate({
        target: [therapistApprovals.linkId, therapistApprovals.userId],
        set: { approvedAt: now },
        setWhere: sql`${therapistApprovals.approvedAt} < ${actor.space.joinedAt}`,
      });
    return listCoupleLinks(tx, actor);
  });
}

/**
 * Ends a link in any state, at once: every therapist read checks the link in SQL on each
 * request, so there is nothing cached to expire. Ending an ended link is a no-op.
 */
export async function revokeLink(
  db: Database,
  actor: SpaceMemberActor,
  linkId: string,
): Promise<TCoupleLink[]> {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select({ revokedAt: therapistLinks.revokedAt })
      .from(therapistLinks)
      .where(and(eq(therapistLinks.id, linkId), spaceRows(actor, therapistLinks.spaceId)))
      .for('update')
      .limit(1);
    if (!link) throw notFound();
    if (link.revokedAt === null) {
      await tx
        .update(therapistLinks)
        .set({ revokedAt: new Date(), revokedBy: actor.userId })
        .where(eq(therapistLinks.id, linkId));
    }
    return listCoupleLinks(tx, actor);
  });
}

/**
 * A link a therapist can still claim: never claimed, not cancelled, not expired, its space open,
 * and the partner who made it still there. Anything else looks like a link that never existed.
 */
function claimable(token: string, now: Date) {
  return and(
    eq(therapistLinks.tokenHash, hashToken(token)),
    isNull(therapistLinks.therapistId),
    isNull(therapistLinks.revokedAt),
    gt(therapistLinks.expiresAt, now),
    isNull(spaces.closedAt),
    creatorStillMember,
  );
}

export async function previewClaim(db: Database, token: string): Promise<TClaimPreview> {
  const [row] = await db
    .select({ inviterName: users.displayName, expiresAt: therapistLinks.expiresAt })
    .from(therapistLinks)
    .innerJoin(spaces, eq(spaces.id, therapistLinks.spaceId))
    .innerJoin(users, eq(users.id, therapistLinks.createdBy))
    .where(claimable(token, new Date()))
    .limit(1);
  if (!row) throw notFound();
  return { inviterName: row.inviterName, expiresAt: row.expiresAt.toISOString() };
}

/** The therapist takes the link; from now on the partners see who they are asked to approve. */
export async function claimLink(
  db: Database,
  actor: SignedInActor,
  token: string,
): Promise<TPracticeLink> {
  if (!actor.therapist) throw new AppError('not_a_therapist', NOT_A_THERAPIST);
  const now = new Date();
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select({
        id: therapistLinks.id,
        spaceId: therapistLinks.spaceId,
        inviter: users.displayName,
      })
      .from(therapistLinks)
      .innerJoin(spaces, eq(spaces.id, therapistLinks.spaceId))
      .innerJoin(users, eq(users.id, therapistLinks.createdBy))
      .where(claimable(token, now))
      .for('update', { of: [therapistLinks] })
      .limit(1);
    if (!link) throw notFound();
    const [already] = await tx
      .select({ id: therapistLinks.id })
      .from(therapistLinks)
      .where(
        and(
          rowsOf(therapistLinks.spaceId, link.spaceId),
          eq(therapistLinks.therapistId, actor.userId),
          isNull(therapistLinks.revokedAt),
        ),
      )
      .limit(1);
    if (already) throw new AppError('conflict', ALREADY_LINKED);
    await tx
      .update(therapistLinks)
      .set({ therapistId: actor.userId, claimedAt: now })
      .where(eq(therapistLinks.id, link.id));
    return {
      id: link.id,
      state: 'pending' as const,
      claimedAt: now.toISOString(),
      inviterName: link.inviter,
    };
  });
}

/** The names of a space's current partners, in joining order (only asked for active links). */
const partnerNamesSql = sql<string[]>`array(select pu.display_name from ${memberships} pm
  join ${users} pu on pu.id = pm.user_id
  where pm.space_id = ${therapistLinks.spaceId} and pm.left_at is null
  order by pm.joined_at)`;

/**
 * The therapist's own links. A pending one names only the partner who sent it; an active one
 * names both partners; an ended one names no one.
 */
export async function listPracticeLinks(
  db: Database,
  actor: TherapistActor,
): Promise<TPracticeLink[]> {
  const rows = await db
    .select({
      id: therapistLinks.id,
      claimedAt: therapistLinks.claimedAt,
      revokedAt: therapistLinks.revokedAt,
      closed: sql<boolean>`${spaces.closedAt} is not null`,
      active: sql<boolean>`${therapistLinkActiveSql()}`,
      partnerNames: sql<string[] | null>`case when ${therapistLinkActiveSql()}
        then ${partnerNamesSql} end`,
      inviterName: sql<string | null>`case when ${therapistLinks.revokedAt} is null
        then ${users.displayName} end`,
    })
    .from(therapistLinks)
    .innerJoin(spaces, eq(spaces.id, therapistLinks.spaceId))
    .innerJoin(users, eq(users.id, therapistLinks.createdBy))
    .where(eq(therapistLinks.therapistId, actor.userId))
    .orderBy(desc(therapistLinks.claimedAt))
    .limit(200);
  return rows.map((row): TPracticeLink => {
    const claimedAt = (row.claimedAt ?? new Date(0)).toISOString();
    if (row.active) {
      return { id: row.id, state: 'active', claimedAt, partnerNames: row.partnerNames ?? [] };
    }
    if (row.revokedAt !== null || row.closed) return { id: row.id, state: 'ended', claimedAt };
    return { id: row.id, state: 'pending', claimedAt, inviterName: row.inviterName ?? '' };
  });
}

/** One link the therapist works through, only while it is active (checked in this query). */
export async function readActivePracticeLink(
  db: Database,
  actor: TherapistActor,
  linkId: string,
): Promise<TActivePracticeLink> {
  const [row] = await db
    .select({ id: therapistLinks.id, claimedAt: therapistLinks.claimedAt, names: partnerNamesSql })
    .from(therapistLinks)
    // A join keeps Drizzle naming the table in the subquery's columns (single-table selects don't).
    .innerJoin(spaces, eq(spaces.id, therapistLinks.spaceId))
    .where(and(eq(therapistLinks.id, linkId), activeTherapistLinks(actor)))
    .limit(1);
  if (!row) throw notFound();
  return {
    id: row.id,
    state: 'active',
    claimedAt: (row.claimedAt ?? new Date(0)).toISOString(),
    partnerNames: row.names,
  };
}

function presentProfile(row: {
  practiceName: string;
  licence: string;
  verifiedAt: Date | null;
}): TTherapistProfile {
  return {
    practiceName: row.practiceName,
    licence: row.licence,
    verified: row.verifiedAt !== null,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
  };
}

const profileColumns = {
  practiceName: therapistProfiles.practiceName,
  licence: therapistProfiles.licence,
  verifiedAt: therapistProfiles.verifiedAt,
};

export async function readProfile(db: Database, actor: TherapistActor): Promise<TTherapistProfile> {
  const [row] = await db
    .select(profileColumns)
    .from(therapistProfiles)
    .where(ownRows(actor, therapistProfiles.userId));
  if (!row) throw notFound();
  return presentProfile(row);
}

/**
 * The therapist's own words about their practice; the verified mark stays the operator's. It was
 * given for particular details (decision 0022): saving the same ones keeps it, and any change
 * clears it until the operator verifies again (the table's CHECK refuses anything else).
 */
export async function updateProfile(
  db: Database,
  actor: TherapistActor,
  body: TTherapistProfileBody,
): Promise<TTherapistProfile> {
  const { practiceName, licence } = body;
  const same = sql`(${therapistProfiles.practiceName} = ${practiceName} and ${therapistProfiles.licence} = ${licence})`;
  const keepIfSame = (column: SQL | AnyPgColumn) => sql`case when ${same} then ${column} end`;
  const [row] = await db
    .update(therapistProfiles)
    .set({
      practiceName,
      licence,
      verifiedAt: keepIfSame(therapistProfiles.verifiedAt),
      verifiedName: keepIfSame(therapistProfiles.verifiedName),
      verifiedPractice: keepIfSame(therapistProfiles.verifiedPractice),
      verifiedLicence: keepIfSame(therapistProfiles.verifiedLicence),
    })
    .where(ownRows(actor, therapistProfiles.userId))
    .returning(profileColumns);
  if (!row) throw notFound();
  return presentProfile(row);
}

/** What the operator is about to verify: the details as they are now. */
export interface TherapistDetails {
  userId: string;
  name: string;
  practiceName: string;
  licence: string;
  /** When the current mark was given (for exactly these details), or null. */
  verifiedAt: Date | null;
}

export type FindOutcome =
  | { found: true; details: TherapistDetails }
  | { found: false; reason: 'unknown-email' | 'not-therapist' };

/** The therapist account with this email, with the details a mark would be bound to. */
export async function findTherapistByEmail(db: Database, email: string): Promise<FindOutcome> {
  const [user] = await db
    .select({
      userId: users.id,
      name: users.displayName,
      profile: therapistProfiles.userId,
      practiceName: therapistProfiles.practiceName,
      licence: therapistProfiles.licence,
      verifiedAt: therapistProfiles.verifiedAt,
    })
    .from(users)
    .leftJoin(therapistProfiles, eq(therapistProfiles.userId, users.id))
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  if (!user) return { found: false, reason: 'unknown-email' };
  if (user.profile === null || user.practiceName === null || user.licence === null) {
    return { found: false, reason: 'not-therapist' };
  }
  return {
    found: true,
    details: {
      userId: user.userId,
      name: user.name,
      practiceName: user.practiceName,
      licence: user.licence,
      verifiedAt: user.verifiedAt,
    },
  };
}

export type VerifyOutcome = 'verified' | 'unverified' | 'unchanged' | 'details-changed';

/**
 * The operator's mark that they checked a therapist's licence (`npm run therapist:verify`), bound
 * to exactly the details they were shown: if the name, practice or licence changed in between,
 * nothing is marked (`details-changed`) and the operator looks again. Marking the same details
 * again keeps the first date; taking the mark away clears the details with it.
 */
export async function setTherapistVerified(
  db: Database,
  shown: TherapistDetails,
  verified: boolean,
): Promise<VerifyOutcome> {
  if (!verified) {
    const cleared = await db
      .update(therapistProfiles)
      .set({ verifiedAt: null, verifiedName: null, verifiedPractice: null, verifiedLicence: null })
      .where(
        and(
          rowsOf(therapistProfiles.userId, shown.userId),
          isNotNull(therapistProfiles.verifiedAt),
        ),
      )
      .returning({ userId: therapistProfiles.userId });
    return cleared.length > 0 ? 'unverified' : 'unchanged';
  }
  const stillAsShown = and(
    rowsOf(therapistProfiles.userId, shown.userId),
    eq(therapistProfiles.practiceName, shown.practiceName),
    eq(therapistProfiles.licence, shown.licence),
    sql`(select ${users.displayName} from ${users} where ${users.id} = ${shown.userId}) = ${shown.name}`,
  );
  const marked = await db
    .update(therapistProfiles)
    .set({
      verifiedAt: sql`coalesce(${therapistProfiles.verifiedAt}, now())`,
      verifiedName: shown.name,
      verifiedPractice: shown.practiceName,
      verifiedLicence: shown.licence,
    })
    .where(stillAsShown)
    .returning({ verifiedAt: therapistProfiles.verifiedAt });
  if (marked.length === 0) return 'details-changed';
  return shown.verifiedAt === null ? 'verified' : 'unchanged';
}
