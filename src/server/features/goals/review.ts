import { and, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AppError } from '#shared/errors.ts';
import type { TReviewAnswers, TReviewRound, TReviewView } from '#shared/schemas/goals.ts';
import type { Database, DbOrTx } from '#server/db/index.ts';
import { progressReviewAnswers } from '#server/db/schema/index.ts';
import { notify } from '#server/events/notify.ts';
import type { SpaceMemberActor } from '#server/policy/actor.ts';
import { ownRows, partnerRows, togetherSince } from '#server/policy/rules.ts';
import { coupleScope, openState, requireOpen, type Queries } from './service';

/**
 * The progress review (decision 0074): each partner answers a few questions privately, round by
 * round; a round is read together once both have finished it, never before. Nothing of an
 * unfinished or unmatched answer reaches the partner: no row of theirs is read for me unless I
 * have finished that round too, and nothing counts, notifies or changes the partner's view until
 * the second of us finishes. Rounds are numbered per couple; mine is one more than the rounds we
 * have both finished.
 */

const mine = progressReviewAnswers;
const theirs = alias(progressReviewAnswers, 'theirs');

const TOGETHER_LIMIT = 24;

/** My answers in this couple's rounds. */
function myAnswers(actor: SpaceMemberActor): SQL {
  return and(coupleScope(actor, mine), ownRows(actor, mine.userId))!;
}

/** The partner's finished answer to the same round as my finished one: a join, then scoped. */
function theirFinishedMatch(actor: SpaceMemberActor): SQL {
  return and(
    eq(theirs.spaceId, progressReviewAnswers.spaceId),
    eq(theirs.coupleSince, mine.coupleSince),
    eq(theirs.round, mine.round),
    partnerRows(actor, theirs.userId),
    isNotNull(theirs.finishedAt),
    isNotNull(mine.finishedAt),
  )!;
}

/** The last round we both finished (0 before the first). */
async function roundsDone(db: DbOrTx, actor: SpaceMemberActor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${mine.round}), 0)::int` })
    .from(mine)
    .innerJoin(theirs, theirFinishedMatch(actor))
    .where(myAnswers(actor));
  return Number(row?.n ?? 0);
}

async function myRow(db: DbOrTx, actor: SpaceMemberActor, round: number) {
  const [row] = await db
    .select()
    .from(mine)
    .where(and(myAnswers(actor), eq(mine.round, round)));
  return row;
}

async function together(db: DbOrTx, actor: SpaceMemberActor): Promise<TReviewRound[]> {
  const partner = actor.space.partner;
  if (!partner) return [];
  const rows = await db
    .select({
      round: mine.round,
      readyAt: sql<string>`greatest(${mine.finishedAt}, ${theirs.finishedAt})`,
      myGrown: mine.grown,
      myHurts: mine.hurts,
      myNext: mine.next,
      grown: theirs.grown,
      hurts: theirs.hurts,
      next: theirs.next,
    })
    .from(mine)
    .innerJoin(theirs, theirFinishedMatch(actor))
    .where(myAnswers(actor))
    .orderBy(desc(mine.round))
    .limit(TOGETHER_LIMIT);
  return rows.map((row) => ({
    round: row.round,
    readyAt: new Date(row.readyAt).toISOString(),
    mine: { grown: row.myGrown, hurts: row.myHurts, next: row.myNext },
    partner: { name: partner.displayName, grown: row.grown, hurts: row.hurts, next: row.next },
  }));
}

export async function readReview(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
): Promise<TReviewView> {
  const [state, done, list] = await Promise.all([
    openState(db, queries, actor),
    roundsDone(db, actor),
    together(db, actor),
  ]);
  const round = done + 1;
  const row = togetherSince(actor) ? await myRow(db, actor, round) : undefined;
  return {
    ...state,
    round,
    mine: {
      grown: row?.grown ?? '',
      hurts: row?.hurts ?? '',
      next: row?.next ?? '',
      finished: row?.finishedAt != null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    },
    together: list,
  };
}

const FINISHED_ALREADY =
  'You have finished this round. If you want to change something, open it again first.';

/** Saves my draft of this round: private, seen by nobody else, whatever my partner is doing. */
export async function saveMyReview(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  answers: TReviewAnswers,
): Promise<TReviewView> {
  await db.transaction(async (tx) => {
    const { since } = await requireOpen(tx, queries, actor);
    const round = (await roundsDone(tx, actor)) + 1;
    const saved = await tx
      .insert(progressReviewAnswers)
      .values({
        spaceId: actor.space.id,
        coupleSince: since,
        userId: actor.userId,
        round,
        ...answers,
      })
      .onConflictDoUpdate({
        target: [mine.spaceId, mine.coupleSince, mine.userId, mine.round],
        set: { ...answers, updatedAt: sql`now()` },
        setWhere: isNull(mine.finishedAt),
      })
      .returning({ id: mine.id });
    if (saved.length === 0) throw new AppError('conflict', FINISHED_ALREADY);
  });
  return readReview(db, queries, actor);
}

/**
 * Finishes my answers to this round. If my partner has finished it too, the round is ready for
 * both of us now, and they are told (without a word of either's answers). The couple's lock makes
 * two finishes at once take turns, so exactly one of them tells the other.
 */
export async function finishMyReview(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
): Promise<TReviewView> {
  await db.transaction(async (tx) => {
    const { partner } = await requireOpen(tx, queries, actor);
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`goals-review:${actor.space.id}`}))`,
    );
    const round = (await roundsDone(tx, actor)) + 1;
    const row = await myRow(tx, actor, round);
    if (!row || (row.grown === '' && row.hurts === '' && row.next === '')) {
      throw new AppError(
        'conflict',
        'Please write something for at least one of the questions before you finish.',
      );
    }
    if (row.finishedAt) throw new AppError('conflict', FINISHED_ALREADY);
    await tx
      .update(mine)
      .set({ finishedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(myAnswers(actor), eq(mine.round, round)));
    if ((await roundsDone(tx, actor)) === round) {
      await notify(tx, {
        kind: 'shared',
        recipients: [partner.userId],
        actorId: actor.userId,
        spaceId: actor.space.id,
        link: '/goals#review',
        joint: true,
      });
    }
  });
  return readReview(db, queries, actor);
}

/** Opens my finished answers again, while my partner has not finished the round. */
export async function reopenMyReview(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
): Promise<TReviewView> {
  await db.transaction(async (tx) => {
    await requireOpen(tx, queries, actor);
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`goals-review:${actor.space.id}`}))`,
    );
    const round = (await roundsDone(tx, actor)) + 1;
    const reopened = await tx
      .update(mine)
      .set({ finishedAt: null, updatedAt: sql`now()` })
      .where(and(myAnswers(actor), eq(mine.round, round), isNotNull(mine.finishedAt)))
      .returning({ id: mine.id });
    if (reopened.length === 0) {
      throw new AppError('conflict', 'There is nothing finished to open again in this round.');
    }
  });
  return readReview(db, queries, actor);
}
