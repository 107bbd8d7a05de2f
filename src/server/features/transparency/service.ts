import { and, desc, eq, gte, isNull, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import type {
  TOffer,
  TOfferCreateBody,
  TOfferDatesBody,
  TOfferList,
} from '#shared/schemas/transparency.ts';
import type { Database, DbOrTx } from '#server/db/index.ts';
import { transparencyOffers } from '#server/db/schema/index.ts';
import { versionConflict } from '#server/http/versioning.ts';
import { enqueue } from '#server/jobs/index.ts';
import type { SpaceMemberActor } from '#server/policy/actor.ts';
import { myInjuryRolesSql } from '#server/policy/injury-roles.ts';
import { isJointWorkOpen, requireJointWorkOpen } from '#server/policy/joint-work.ts';
import {
  coupleRows,
  ownRows,
  partnerRows,
  spaceRows,
  togetherSince,
} from '#server/policy/rules.ts';

/**
 * Transparency offers (issue 15, item 2, decision 0066): openness the involved partner offers and
 * reports themselves, which the hurt partner accepts or not. Each has a review day and an end
 * day, and either partner may pause one at any time; only the one who paused it resumes it. No
 * part of this reads anyone's device, location or messages: it stores the offer and its standing.
 */

/** The job that tells both partners an offer's review day has come. */
export const OFFER_REVIEW_JOB = 'transparency.review-due';
const REVIEW_HOUR_UTC = 8;

const t = transparencyOffers;
type Row = typeof transparencyOffers.$inferSelect;

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Offers I may read: made in my space by me or my partner now, and (with a partner) only since we
 * came together, so someone who joins later never sees an earlier couple's offers.
 */
function readable(actor: SpaceMemberActor): SQL {
  const since = togetherSince(actor);
  return and(
    spaceRows(actor, t.spaceId),
    coupleRows(actor, t.authorId),
    since ? gte(t.createdAt, since) : undefined,
  )!;
}

function present(row: Row, actor: SpaceMemberActor, today = todayUtc()): TOffer {
  const ended = row.endsOn <= today;
  const state = ended
    ? 'ended'
    : row.answer === null
      ? 'waiting'
      : row.answer === 'declined'
        ? 'declined'
        : row.pausedAt
          ? 'paused'
          : 'accepted';
  return {
    id: row.id,
    text: row.text,
    mine: row.authorId === actor.userId,
    offeredBy: { name: row.authorName, mine: row.authorId === actor.userId },
    offeredAt: row.createdAt.toISOString(),
    version: row.version,
    state,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    paused:
      row.pausedAt && !ended
        ? {
            by: { name: row.pausedByName ?? '', mine: row.pausedById === actor.userId },
            at: row.pausedAt.toISOString(),
          }
        : null,
    reviewOn: row.reviewOn,
    endsOn: row.endsOn,
    reviewDue: row.reviewOn <= today && (state === 'accepted' || state === 'paused'),
  };
}

async function canOffer(db: DbOrTx, actor: SpaceMemberActor): Promise<boolean> {
  const [row] = await db
    .select({ roles: sql<string[]>`${myInjuryRolesSql(actor)}` })
    .from(sql`(select 1) as one`);
  return (row?.roles ?? []).includes('involved');
}

/**
 * Every offer between us, newest first, and whether I may make one. While joint work rests (a
 * safety hold or a screen not yet taken) the offers are not shown at all (clinical.md §4.4): the
 * page shows only the neutral resting words, the same for both, whatever the reason.
 */
export async function listOffers(db: Database, actor: SpaceMemberActor): Promise<TOfferList> {
  const [offer, jointWorkOpen] = await Promise.all([
    canOffer(db, actor),
    isJointWorkOpen(db, actor.space.id),
  ]);
  const rows = jointWorkOpen
    ? await db.select().from(t).where(readable(actor)).orderBy(desc(t.createdAt), desc(t.id))
    : [];
  const today = todayUtc();
  return {
    offers: rows.map((row) => present(row, actor, today)),
    canOffer: offer,
    together: actor.space.partner !== null,
    jointWorkOpen,
  };
}

async function scheduleReview(tx: DbOrTx, id: string, reviewOn: string): Promise<void> {
  const runAt = new Date(`${reviewOn}T00:00:00Z`);
  runAt.setUTCHours(REVIEW_HOUR_UTC);
  await enqueue(tx, {
    kind: OFFER_REVIEW_JOB,
    dedupKey: `${OFFER_REVIEW_JOB}:${id}:${reviewOn}`,
    payload: { offerId: id, reviewOn },
    runAt,
  });
}

/** The involved partner offers something, in their own words. */
export async function createOffer(
  db: Database,
  actor: SpaceMemberActor,
  body: TOfferCreateBody,
): Promise<TOffer> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    if (!actor.space.partner) {
      throw new AppError(
        'conflict',
        'An offer needs someone to answer it. Once your partner has joined, you can make one.',
      );
    }
    if (!(await canOffer(tx, actor))) {
      throw new AppError(
        'conflict',
        'Offers of openness come from the partner who was involved in an injury you have named together. Your part here is to accept an offer, or not, and to pause one whenever you need to.',
      );
    }
    const [row] = await tx
      .insert(t)
      .values({
        spaceId: actor.space.id,
        authorId: actor.userId,
        authorName: actor.displayName,
        text: body.text,
        reviewOn: body.reviewOn,
        endsOn: body.endsOn,
      })
      .returning();
    await scheduleReview(tx, row!.id, body.reviewOn);
    return present(row!, actor);
  });
}

/**
 * One change of standing, decided in one statement: `who` narrows whose offers it may touch,
 * `when` what state it must be in. If nothing matched, the offer is not there for me (404), it
 * moved on since I read it (412 with it as it is now), or `refused` says why not (409).
 */
async function change(
  tx: DbOrTx,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  who: SQL | undefined,
  when: SQL | undefined,
  set: Partial<Row>,
  refused: (row: Row) => string,
): Promise<TOffer> {
  const [row] = await tx
    .update(t)
    .set({ ...set, version: sql`${t.version} + 1` })
    .where(and(eq(t.id, id), readable(actor), who, eq(t.version, expected), when))
    .returning();
  if (row) return present(row, actor);
  const [now] = await tx
    .select()
    .from(t)
    .where(and(eq(t.id, id), readable(actor), who));
  if (!now) throw notFound();
  if (now.version !== expected) {
    throw versionConflict(
      present(now, actor),
      'This offer changed just now, so here it is as it stands. Please look again before you choose.',
    );
  }
  throw new AppError('conflict', refused(now));
}

const notEnded = () => sql`${t.endsOn} > ${todayUtc()}::date`;

/** The partner it was offered to accepts it, or not. */
export async function answerOffer(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  accept: boolean,
): Promise<TOffer> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    return change(
      tx,
      actor,
      id,
      expected,
      partnerRows(actor, t.authorId),
      and(notEnded(), isNull(t.pausedAt)),
      { answer: accept ? 'accepted' : 'declined', answeredAt: new Date() },
      () => 'This offer has ended or is paused, so it cannot be answered now.',
    );
  });
}

/**
 * Either of us pauses an accepted offer at any time, with no reason asked (never held, like
 * withdrawing an acceptance). Only the one who paused it resumes it, while joint work is open.
 */
export async function pauseOffer(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  paused: boolean,
): Promise<TOffer> {
  return db.transaction(async (tx) => {
    if (paused) {
      return change(
        tx,
        actor,
        id,
        expected,
        undefined,
        and(notEnded(), eq(t.answer, 'accepted'), isNull(t.pausedAt)),
        { pausedAt: new Date(), pausedById: actor.userId, pausedByName: actor.displayName },
        (row) =>
          row.pausedAt
            ? 'This offer is already paused.'
            : 'Only an offer that was accepted and has not ended can be paused.',
      );
    }
    await requireJointWorkOpen(tx, actor);
    return change(
      tx,
      actor,
      id,
      expected,
      undefined,
      and(notEnded(), ownRows(actor, t.pausedById)),
      { pausedAt: null, pausedById: null, pausedByName: null },
      (row) =>
        row.pausedAt
          ? 'Only the one who paused this offer can take the pause away.'
          : 'This offer is not paused.',
    );
  });
}

/** The one who offered changes its review day or its end day (today ends it now). */
export async function setOfferDates(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  dates: TOfferDatesBody,
): Promise<TOffer> {
  return db.transaction(async (tx) => {
    const offer = await change(
      tx,
      actor,
      id,
      expected,
      ownRows(actor, t.authorId),
      notEnded(),
      { reviewOn: dates.reviewOn, endsOn: dates.endsOn },
      () => 'This offer has already ended. You can make a new one.',
    );
    if (offer.state !== 'ended') await scheduleReview(tx, id, dates.reviewOn);
    return offer;
  });
}
