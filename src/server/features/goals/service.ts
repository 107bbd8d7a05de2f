import { and, asc, eq, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError, notFound } from '#shared/errors.ts';
import {
  GOALS_MAX,
  GOALS_PHASE,
  HARD_DATES_MAX,
  MILESTONES_MAX,
  type TGoal,
  type TGoalValues,
  type TGoalsView,
  type THardDate,
  type THardDateValues,
  type TMilestone,
} from '#shared/schemas/goals.ts';
import type { Database, DbOrTx, Transaction } from '#server/db/index.ts';
import { queryRows } from '#server/db/index.ts';
import { goalMilestones, goals, hardDateParts, hardDates } from '#server/db/schema/index.ts';
import { localDay, timeZonesOf } from '#server/events/local-time.ts';
import { versionConflict } from '#server/http/versioning.ts';
import type { SpaceMemberActor } from '#server/policy/actor.ts';
import { jointWorkOpenSql, requireJointWorkOpen } from '#server/policy/joint-work.ts';
import type { FeatureQueries } from '#server/policy/manifest.ts';
import { coupleRows, othersRows, spaceRows, togetherSince } from '#server/policy/rules.ts';
import { isPast, nextOccurrence } from './dates';
import { scheduleHardDateReminders } from './reminders';

/**
 * Shared goals with milestones, and the hard-dates plan (issue 15, item 8; decision 0073). Both
 * belong to the couple now in the space: read by both, written by both, every shared row with a
 * version for If-Match. Writing needs the couple's pace at phase 3 and joint work open.
 */

export type Queries = Pick<FeatureQueries, 'couplePhase'>;

const NOT_YET =
  'Goals, the hard-dates plan and the progress review open in the third phase, once you have both chosen to go on. There is no hurry.';

/** The couple's rows: this space, and the two people in it now (from when they came together). */
export function coupleScope(
  actor: SpaceMemberActor,
  table: { spaceId: AnyPgColumn; coupleSince: AnyPgColumn },
): SQL {
  const since = togetherSince(actor);
  if (!since) return sql`false`;
  return and(spaceRows(actor, table.spaceId), eq(table.coupleSince, since))!;
}

/**
 * What I may read: the rows of every couple I have been part of in this space while I am still in
 * it (decision 0007, rule 3). A couple here came together after I joined, or when I joined; someone
 * who joins later never reads what was written before, and the one who stays keeps it to read.
 */
function readableScope(
  actor: SpaceMemberActor,
  table: { spaceId: AnyPgColumn; coupleSince: AnyPgColumn },
): SQL {
  return and(spaceRows(actor, table.spaceId), gte(table.coupleSince, actor.space.joinedAt))!;
}

/** Is this row of the couple in the space now (the only rows that can change)? */
function isCurrent(actor: SpaceMemberActor, coupleSince: Date): boolean {
  return togetherSince(actor)?.getTime() === coupleSince.getTime();
}

export interface OpenState {
  phaseOpen: boolean;
  jointWorkOpen: boolean;
}

/** The pace and the joint-work state, in one statement. */
export async function openState(
  db: DbOrTx,
  queries: Queries,
  actor: SpaceMemberActor,
): Promise<OpenState> {
  const [row] = await queryRows<{ open: boolean; phase: number }>(
    db,
    sql`select ${jointWorkOpenSql(actor.space.id)} as open, ${queries.couplePhase(actor)} as phase`,
  );
  return {
    phaseOpen: togetherSince(actor) !== null && Number(row?.phase ?? 1) >= GOALS_PHASE,
    jointWorkOpen: row?.open === true,
  };
}

/**
 * Before any write: joint work open (the same neutral words whoever paused it), the couple's pace
 * at phase 3. Inside the write's transaction, so the check and the write agree.
 */
export async function requireOpen(
  tx: DbOrTx,
  queries: Queries,
  actor: SpaceMemberActor,
): Promise<{ since: Date; partner: { userId: string; displayName: string } }> {
  await requireJointWorkOpen(tx, actor);
  const state = await openState(tx, queries, actor);
  const since = togetherSince(actor);
  const partner = actor.space.partner;
  if (!state.phaseOpen || !since || !partner) throw new AppError('conflict', NOT_YET);
  return { since, partner };
}

function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

const by = (actor: SpaceMemberActor, id: string | null, name: string) => ({
  name,
  mine: id === actor.userId,
});

/* ---------- Goals and milestones ---------- */

type GoalRow = typeof goals.$inferSelect;
type MilestoneRow = typeof goalMilestones.$inferSelect;

function presentMilestone(row: MilestoneRow, actor: SpaceMemberActor, today: string): TMilestone {
  return {
    id: row.id,
    title: row.title,
    targetOn: row.targetOn,
    lookAgain: row.reachedOn === null && isPast(row.targetOn, today),
    reachedOn: row.reachedOn,
    reachedBy: row.reachedOn !== null ? by(actor, row.reachedById, row.reachedByName ?? '') : null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: by(actor, row.updatedById, row.updatedByName),
  };
}

function presentGoal(
  row: GoalRow,
  milestones: MilestoneRow[],
  actor: SpaceMemberActor,
  today: string,
): TGoal {
  const allReached = milestones.length > 0 && milestones.every((m) => m.reachedOn !== null);
  return {
    id: row.id,
    title: row.title,
    why: row.why,
    targetOn: row.targetOn,
    lookAgain: !allReached && row.setAsideAt === null && isPast(row.targetOn, today),
    current: isCurrent(actor, row.coupleSince),
    proposedBy: by(actor, row.proposedById, row.proposedByName),
    agreed: row.agreedAt !== null,
    setAside: row.setAsideAt !== null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: by(actor, row.updatedById, row.updatedByName),
    milestones: milestones.map((m) => presentMilestone(m, actor, today)),
  };
}

async function milestonesOf(db: DbOrTx, goalIds: string[]): Promise<Map<string, MilestoneRow[]>> {
  const out = new Map<string, MilestoneRow[]>(goalIds.map((id) => [id, []]));
  if (goalIds.length === 0) return out;
  const rows = await db
    .select()
    .from(goalMilestones)
    .where(inArray(goalMilestones.goalId, goalIds))
    .orderBy(asc(goalMilestones.createdAt), asc(goalMilestones.id));
  for (const row of rows) out.get(row.goalId)?.push(row);
  return out;
}

/** One goal of the couple, with its milestones; 404 when it is not ours. */
async function readGoal(db: DbOrTx, actor: SpaceMemberActor, id: string): Promise<TGoal> {
  const [row] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.id, id), coupleScope(actor, goals)));
  if (!row) throw notFound();
  const milestones = await milestonesOf(db, [row.id]);
  return presentGoal(row, milestones.get(row.id) ?? [], actor, utcToday());
}

export async function listGoals(db: DbOrTx, actor: SpaceMemberActor): Promise<TGoal[]> {
  const rows = await db
    .select()
    .from(goals)
    .where(readableScope(actor, goals))
    .orderBy(asc(goals.createdAt), asc(goals.id));
  const milestones = await milestonesOf(
    db,
    rows.map((r) => r.id),
  );
  const today = utcToday();
  return rows.map((row) => presentGoal(row, milestones.get(row.id) ?? [], actor, today));
}

/** Everything on the page but the review: goals, hard dates, and whether writing is open. */
export async function readGoalsView(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
): Promise<TGoalsView> {
  const [state, goalList, dates] = await Promise.all([
    openState(db, queries, actor),
    listGoals(db, actor),
    listHardDates(db, actor),
  ]);
  return { ...state, goals: goalList, hardDates: dates };
}

function changedBy(actor: SpaceMemberActor) {
  return {
    updatedAt: sql`now()`,
    updatedById: actor.userId,
    updatedByName: actor.displayName,
  };
}

async function refuseOverLimit(tx: DbOrTx, count: SQL, max: number, words: string): Promise<void> {
  const [row] = await queryRows<{ n: number }>(tx, sql`select (${count})::int as n`);
  if (Number(row?.n ?? 0) >= max) throw new AppError('conflict', words);
}

export async function createGoal(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  input: TGoalValues,
): Promise<TGoal> {
  return db.transaction(async (tx) => {
    const { since } = await requireOpen(tx, queries, actor);
    await refuseOverLimit(
      tx,
      sql`select count(*) from ${goals} where ${coupleScope(actor, goals)}`,
      GOALS_MAX,
      `You keep ${GOALS_MAX} goals already. Setting some aside does not make room; they stay here to look back on.`,
    );
    const [row] = await tx
      .insert(goals)
      .values({
        spaceId: actor.space.id,
        coupleSince: since,
        title: input.title,
        why: input.why,
        targetOn: input.targetOn,
        proposedById: actor.userId,
        proposedByName: actor.displayName,
        updatedById: actor.userId,
        updatedByName: actor.displayName,
      })
      .returning();
    return presentGoal(row!, [], actor, utcToday());
  });
}

/**
 * One guarded change of a goal: applied only when the goal is ours and still at `expected`;
 * otherwise 404 (not ours) or 412 with the goal as it is now.
 */
async function changeGoal(
  tx: Transaction,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  set: Partial<typeof goals.$inferInsert>,
  extra?: SQL,
): Promise<TGoal> {
  const updated = await tx
    .update(goals)
    .set({ ...set, ...changedBy(actor), version: sql`${goals.version} + 1` })
    .where(and(eq(goals.id, id), coupleScope(actor, goals), eq(goals.version, expected), extra))
    .returning({ id: goals.id });
  const current = await readGoal(tx, actor, id);
  // Not applied: a newer version is a 412; the same version means `extra` refused it.
  if (updated.length === 0 && current.version !== expected) throw versionConflict(current);
  return current;
}

export async function updateGoal(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  input: TGoalValues,
): Promise<TGoal> {
  return db.transaction(async (tx) => {
    // Not ours is not found, before anything else is said about it.
    await readGoal(tx, actor, id);
    await requireOpen(tx, queries, actor);
    return changeGoal(tx, actor, id, expected, {
      title: input.title,
      why: input.why,
      targetOn: input.targetOn,
    });
  });
}

/** "Yes, let's": the partner who did not propose the goal takes it on too. */
export async function agreeToGoal(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
): Promise<TGoal> {
  return db.transaction(async (tx) => {
    // Not ours is not found, before anything else is said about it.
    await readGoal(tx, actor, id);
    await requireOpen(tx, queries, actor);
    const goal = await changeGoal(
      tx,
      actor,
      id,
      expected,
      { agreedAt: new Date() },
      and(isNull(goals.agreedAt), othersRows(actor, goals.proposedById)),
    );
    if (goal.version === expected) {
      throw new AppError(
        'conflict',
        goal.agreed
          ? 'You have both taken this goal on already.'
          : 'You proposed this goal; it waits for your partner to take it on.',
      );
    }
    return goal;
  });
}

export async function setGoalAside(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  setAside: boolean,
): Promise<TGoal> {
  return db.transaction(async (tx) => {
    // Not ours is not found, before anything else is said about it.
    await readGoal(tx, actor, id);
    await requireOpen(tx, queries, actor);
    return changeGoal(tx, actor, id, expected, { setAsideAt: setAside ? new Date() : null });
  });
}

export async function addMilestone(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  goalId: string,
  input: { title: string; targetOn: string | null },
): Promise<TGoal> {
  return db.transaction(async (tx) => {
    // Not ours is not found, before anything else is said about it.
    const goal = await readGoal(tx, actor, goalId);
    await requireOpen(tx, queries, actor);
    if (goal.milestones.length >= MILESTONES_MAX) {
      throw new AppError(
        'conflict',
        `A goal holds up to ${MILESTONES_MAX} steps. Perhaps some of them could become a goal of their own.`,
      );
    }
    await tx.insert(goalMilestones).values({
      goalId: goal.id,
      title: input.title,
      targetOn: input.targetOn,
      updatedById: actor.userId,
      updatedByName: actor.displayName,
    });
    return readGoal(tx, actor, goalId);
  });
}

/** Milestones of the couple's goals only. */
function ourMilestones(actor: SpaceMemberActor): SQL {
  return inArray(
    goalMilestones.goalId,
    sql`(select ${goals.id} from ${goals} where ${coupleScope(actor, goals)})`,
  );
}

async function readMilestone(db: DbOrTx, actor: SpaceMemberActor, id: string): Promise<TMilestone> {
  const [row] = await db
    .select()
    .from(goalMilestones)
    .where(and(eq(goalMilestones.id, id), ourMilestones(actor)));
  if (!row) throw notFound();
  return presentMilestone(row, actor, utcToday());
}

async function changeMilestone(
  tx: Transaction,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  set: Partial<typeof goalMilestones.$inferInsert>,
): Promise<TMilestone> {
  const updated = await tx
    .update(goalMilestones)
    .set({ ...set, ...changedBy(actor), version: sql`${goalMilestones.version} + 1` })
    .where(
      and(eq(goalMilestones.id, id), ourMilestones(actor), eq(goalMilestones.version, expected)),
    )
    .returning({ id: goalMilestones.id });
  const current = await readMilestone(tx, actor, id);
  if (updated.length === 0) throw versionConflict(current);
  return current;
}

export async function updateMilestone(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  input: { title: string; targetOn: string | null },
): Promise<TMilestone> {
  return db.transaction(async (tx) => {
    // Not ours is not found, before anything else is said about it.
    await readMilestone(tx, actor, id);
    await requireOpen(tx, queries, actor);
    return changeMilestone(tx, actor, id, expected, {
      title: input.title,
      targetOn: input.targetOn,
    });
  });
}

/** Marks a step reached (today, where the person lives) or not reached after all. */
export async function markMilestone(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  reached: boolean,
): Promise<TMilestone> {
  return db.transaction(async (tx) => {
    // Not ours is not found, before anything else is said about it.
    await readMilestone(tx, actor, id);
    await requireOpen(tx, queries, actor);
    const zones = await timeZonesOf(tx, [actor.userId]);
    const today = localDay(new Date(), zones.get(actor.userId) ?? null);
    return changeMilestone(
      tx,
      actor,
      id,
      expected,
      reached
        ? { reachedOn: today, reachedById: actor.userId, reachedByName: actor.displayName }
        : { reachedOn: null, reachedById: null, reachedByName: null },
    );
  });
}

/* ---------- The hard-dates plan ---------- */

type HardDateRow = typeof hardDates.$inferSelect;
type PartRow = typeof hardDateParts.$inferSelect;

function presentHardDate(
  row: HardDateRow,
  parts: PartRow[],
  actor: SpaceMemberActor,
  today: string,
): THardDate {
  const current = isCurrent(actor, row.coupleSince);
  // An earlier couple's date shows my own part only: my partner now never wrote on it.
  const partner = current ? actor.space.partner : null;
  const mine = parts.find((p) => p.userId === actor.userId);
  const theirs = partner ? parts.find((p) => p.userId === partner.userId) : undefined;
  return {
    id: row.id,
    title: row.title,
    day: row.day,
    yearly: row.yearly,
    remindDays: row.remindDays,
    current,
    nextOn: current ? nextOccurrence(row.day, row.yearly, today) : null,
    setAside: row.setAsideAt !== null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: by(actor, row.updatedById, row.updatedByName),
    parts: [
      { name: actor.displayName, mine: true, plan: mine?.plan ?? '' },
      ...(partner ? [{ name: partner.displayName, mine: false, plan: theirs?.plan ?? '' }] : []),
    ],
  };
}

async function partsOf(
  db: DbOrTx,
  actor: SpaceMemberActor,
  ids: string[],
): Promise<Map<string, PartRow[]>> {
  const out = new Map<string, PartRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db
    .select()
    .from(hardDateParts)
    .where(and(inArray(hardDateParts.hardDateId, ids), coupleRows(actor, hardDateParts.userId)));
  for (const row of rows) out.get(row.hardDateId)?.push(row);
  return out;
}

export async function listHardDates(db: DbOrTx, actor: SpaceMemberActor): Promise<THardDate[]> {
  const rows = await db
    .select()
    .from(hardDates)
    .where(readableScope(actor, hardDates))
    .orderBy(asc(hardDates.day), asc(hardDates.id));
  const parts = await partsOf(
    db,
    actor,
    rows.map((r) => r.id),
  );
  const today = utcToday();
  const presented = rows.map((row) => presentHardDate(row, parts.get(row.id) ?? [], actor, today));
  // The next to come first; a one-off date that has passed goes last.
  return presented.sort((a, b) =>
    (a.nextOn ?? '9999-12-31').localeCompare(b.nextOn ?? '9999-12-31'),
  );
}

async function readHardDateRow(
  db: DbOrTx,
  actor: SpaceMemberActor,
  id: string,
): Promise<HardDateRow> {
  const [row] = await db
    .select()
    .from(hardDates)
    .where(and(eq(hardDates.id, id), coupleScope(actor, hardDates)));
  if (!row) throw notFound();
  return row;
}

async function readHardDate(db: DbOrTx, actor: SpaceMemberActor, id: string): Promise<THardDate> {
  const row = await readHardDateRow(db, actor, id);
  const parts = await partsOf(db, actor, [row.id]);
  return presentHardDate(row, parts.get(row.id) ?? [], actor, utcToday());
}

export async function createHardDate(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  input: THardDateValues,
): Promise<THardDate> {
  return db.transaction(async (tx) => {
    const { since, partner } = await requireOpen(tx, queries, actor);
    await refuseOverLimit(
      tx,
      sql`select count(*) from ${hardDates} where ${coupleScope(actor, hardDates)}`,
      HARD_DATES_MAX,
      `Your plan holds ${HARD_DATES_MAX} dates already.`,
    );
    const [row] = await tx
      .insert(hardDates)
      .values({
        spaceId: actor.space.id,
        coupleSince: since,
        title: input.title,
        day: input.day,
        yearly: input.yearly,
        remindDays: input.remindDays,
        updatedById: actor.userId,
        updatedByName: actor.displayName,
      })
      .returning();
    await scheduleHardDateReminders(tx, row!, [actor.userId, partner.userId]);
    return presentHardDate(row!, [], actor, utcToday());
  });
}

async function changeHardDate(
  tx: Transaction,
  queries: Queries,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  set: Partial<typeof hardDates.$inferInsert>,
): Promise<THardDate> {
  // Not ours is not found, before anything else is said about it.
  await readHardDateRow(tx, actor, id);
  const { partner } = await requireOpen(tx, queries, actor);
  const [row] = await tx
    .update(hardDates)
    .set({ ...set, ...changedBy(actor), version: sql`${hardDates.version} + 1` })
    .where(
      and(eq(hardDates.id, id), coupleScope(actor, hardDates), eq(hardDates.version, expected)),
    )
    .returning();
  if (!row) throw versionConflict(await readHardDate(tx, actor, id));
  // A changed date gets reminders of its own; a reminder of an earlier version stays silent.
  if (row.setAsideAt === null) {
    await scheduleHardDateReminders(tx, row, [actor.userId, partner.userId]);
  }
  return readHardDate(tx, actor, id);
}

export async function updateHardDate(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  input: THardDateValues,
): Promise<THardDate> {
  return db.transaction((tx) =>
    changeHardDate(tx, queries, actor, id, expected, {
      title: input.title,
      day: input.day,
      yearly: input.yearly,
      remindDays: input.remindDays,
    }),
  );
}

export async function setHardDateAside(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  setAside: boolean,
): Promise<THardDate> {
  return db.transaction((tx) =>
    changeHardDate(tx, queries, actor, id, expected, {
      setAsideAt: setAside ? new Date() : null,
    }),
  );
}

/** Writes my own part of a hard date's plan; only I write it, so there is nothing to race. */
export async function saveMyPart(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  id: string,
  plan: string,
): Promise<THardDate> {
  return db.transaction(async (tx) => {
    // Not ours is not found, before anything else is said about it.
    const row = await readHardDateRow(tx, actor, id);
    await requireOpen(tx, queries, actor);
    await tx
      .insert(hardDateParts)
      .values({ hardDateId: row.id, userId: actor.userId, plan })
      .onConflictDoUpdate({
        target: [hardDateParts.hardDateId, hardDateParts.userId],
        set: { plan, updatedAt: sql`now()` },
      });
    return readHardDate(tx, actor, id);
  });
}
