import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError, notFound } from '#shared/errors.ts';
import type {
  TAppreciation,
  TDatePlan,
  TPacing,
  TReconnectingView,
  TRitual,
  ZDatePlanInput,
  ZPacingInput,
  ZRitualInput,
} from '#shared/schemas/reconnecting.ts';
import type { z } from 'zod';
import type { Database, DbOrTx } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';
import {
  reconnectingAppreciations as appreciations,
  reconnectingDateNotes as dateNotes,
  reconnectingDates as dates,
  reconnectingPacing as pacing,
  reconnectingPacingPauses as pauses,
  reconnectingRituals as rituals,
} from '#server/db/schema/index.ts';
import { notify } from '#server/events/notify.ts';
import { versionConflict } from '#server/http/versioning.ts';
import type { SpaceMemberActor } from '#server/policy/actor.ts';
import { JOINT_WORK_PAUSED_MESSAGE, jointWorkOpenSql } from '#server/policy/joint-work.ts';
import type { FeatureQueries } from '#server/policy/manifest.ts';
import {
  ownItems,
  ownRows,
  partnerSharedItems,
  spaceRows,
  togetherSince,
  visibilityChange,
  visibleItems,
} from '#server/policy/rules.ts';

/**
 * Reconnecting (issue 15, item 5): rituals of connection, appreciations, date plans and the
 * intimacy pacing agreement, for the couple now in the space. Joint parts open with the couple's
 * pace (phase 3, through the program's `couplePhase` query) and rest while joint work rests;
 * setting something aside, taking back an unread note and pausing are never held.
 */
export type Queries = Pick<FeatureQueries, 'couplePhase'>;

/** The phase whose joint exercises these are. */
export const RECONNECTING_PHASE = 3;

const NEEDS_BOTH =
  'This is something the two of you do together, so it opens once your partner has joined.';
const NOT_YET =
  'Reconnecting opens when you have both chosen to go on to the third phase. There is no hurry.';
const PACING_PAUSED =
  'The pacing agreement is paused. It can be changed again once the pause is lifted.';
const OWN_PROPOSAL = 'This is your own proposal; it becomes active when your partner agrees too.';
const RITUAL_MOVED =
  'This ritual changed before you agreed. Here it is as it is now; read it again and agree if it still suits you.';
const PACING_MOVED =
  'The pacing agreement changed before you agreed. Here it is as it is now; read it again first.';
const ALREADY_SEEN = 'Your partner has already read this note, so it stays with them.';
const NOTE_NEEDS_DAY = 'You can write how it went once the date has a day.';

/** Rows of the couple now in the space: the space, and the moment this couple came together. */
function ours(actor: SpaceMemberActor, table: { spaceId: AnyPgColumn; coupleSince: AnyPgColumn }) {
  const since = togetherSince(actor);
  return since ? and(spaceRows(actor, table.spaceId), eq(table.coupleSince, since))! : sql`false`;
}

/**
 * Before a joint action: both partners in the space, joint work not resting, and the couple's
 * pace at phase 3. Inside a transaction pass the transaction, so the check and the write agree.
 */
async function requireOpen(db: DbOrTx, queries: Queries, actor: SpaceMemberActor): Promise<Date> {
  const since = togetherSince(actor);
  if (!since) throw new AppError('conflict', NEEDS_BOTH);
  const [row] = await queryRows<{ open: boolean; phase: number }>(
    db,
    sql`select ${jointWorkOpenSql(actor.space.id)} as open, ${queries.couplePhase(actor)} as phase`,
  );
  if (!row?.open) throw new AppError('joint_work_paused', JOINT_WORK_PAUSED_MESSAGE);
  if (Number(row.phase) < RECONNECTING_PHASE) throw new AppError('conflict', NOT_YET);
  return since;
}

/** "Something new from your partner" on the page, with no word of what (a joint notification). */
async function tellPartner(db: DbOrTx, actor: SpaceMemberActor): Promise<void> {
  const partner = actor.space.partner;
  if (!partner) return;
  await notify(db, {
    kind: 'shared',
    recipients: [partner.userId],
    actorId: actor.userId,
    spaceId: actor.space.id,
    link: '/reconnecting',
    joint: true,
  });
}

/* ---------- Rituals ---------- */

type RitualRow = typeof rituals.$inferSelect;

function presentRitual(row: RitualRow, actor: SpaceMemberActor): TRitual {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    detail: row.detail,
    cadence: row.cadence as TRitual['cadence'],
    status: row.agreedAt ? 'active' : 'proposed',
    proposedByMe: row.proposedBy === actor.userId,
    createdAt: row.createdAt.toISOString(),
  };
}

const ritualOf = (actor: SpaceMemberActor, id: string) =>
  and(ours(actor, rituals), eq(rituals.id, id), isNull(rituals.setAsideAt))!;

async function currentRitual(db: DbOrTx, actor: SpaceMemberActor, id: string) {
  const [row] = await db.select().from(rituals).where(ritualOf(actor, id)).limit(1);
  if (!row) throw notFound();
  return row;
}

export async function proposeRitual(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  input: z.output<typeof ZRitualInput>,
): Promise<TRitual> {
  return db.transaction(async (tx) => {
    const since = await requireOpen(tx, queries, actor);
    const [row] = await tx
      .insert(rituals)
      .values({ spaceId: actor.space.id, coupleSince: since, ...input, proposedBy: actor.userId })
      .returning();
    await tellPartner(tx, actor);
    return presentRitual(row!, actor);
  });
}

/** A change is a new proposal by whoever made it: the other agrees to it again. */
export async function changeRitual(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  input: z.output<typeof ZRitualInput>,
): Promise<TRitual> {
  return db.transaction(async (tx) => {
    // Someone else's ritual is not there (404) before anything else is said about it.
    await currentRitual(tx, actor, id);
    await requireOpen(tx, queries, actor);
    const [row] = await tx
      .update(rituals)
      .set({
        ...input,
        version: sql`${rituals.version} + 1`,
        proposedBy: actor.userId,
        agreedAt: null,
        updatedAt: new Date(),
      })
      .where(and(ritualOf(actor, id), eq(rituals.version, expected)))
      .returning();
    if (!row) throw versionConflict(presentRitual(await currentRitual(tx, actor, id), actor));
    await tellPartner(tx, actor);
    return presentRitual(row, actor);
  });
}

export async function agreeRitual(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
): Promise<TRitual> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(rituals).where(ritualOf(actor, id)).for('update');
    if (!current) throw notFound();
    await requireOpen(tx, queries, actor);
    if (current.version !== expected) {
      throw versionConflict(presentRitual(current, actor), RITUAL_MOVED);
    }
    if (current.proposedBy === actor.userId) throw new AppError('conflict', OWN_PROPOSAL);
    if (current.agreedAt) return presentRitual(current, actor);
    const [row] = await tx
      .update(rituals)
      .set({ agreedAt: new Date() })
      .where(and(ritualOf(actor, id), eq(rituals.version, expected)))
      .returning();
    return presentRitual(row!, actor);
  });
}

/** Either partner sets a ritual aside, whenever they like: never held, no reason asked. */
export async function setRitualAside(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
): Promise<void> {
  const [row] = await db
    .update(rituals)
    .set({ setAsideAt: new Date() })
    .where(ritualOf(actor, id))
    .returning({ id: rituals.id });
  if (!row) throw notFound();
}

/* ---------- Appreciations ---------- */

type AppreciationRow = typeof appreciations.$inferSelect;

function presentAppreciation(row: AppreciationRow, mine: boolean): TAppreciation {
  return {
    id: row.id,
    note: row.note,
    sentAt: (row.sharedAt ?? row.createdAt).toISOString(),
    canWithdraw: mine && row.seenAt === null,
  };
}

export async function sendAppreciation(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  note: string,
): Promise<TAppreciation> {
  return db.transaction(async (tx) => {
    const since = await requireOpen(tx, queries, actor);
    const now = new Date();
    const [row] = await tx
      .insert(appreciations)
      .values({
        authorId: actor.userId,
        spaceId: actor.space.id,
        coupleSince: since,
        sharedAt: now,
        note,
      })
      .returning();
    await tellPartner(tx, actor);
    return presentAppreciation(row!, true);
  });
}

/** The notes my partner sent me are on my screen now: from here on they stay with me. */
export async function markAppreciationsSeen(db: Database, actor: SpaceMemberActor): Promise<void> {
  await db
    .update(appreciations)
    .set({ seenAt: new Date() })
    .where(and(partnerSharedItems(actor, appreciations), isNull(appreciations.seenAt)));
}

/** Takes back a note my partner has not opened yet; it is removed, not kept (decision 0069). */
export async function withdrawAppreciation(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ seenAt: appreciations.seenAt })
      .from(appreciations)
      .where(and(ownItems(actor, appreciations), eq(appreciations.id, id)))
      .for('update');
    if (!row) throw notFound();
    if (row.seenAt) throw new AppError('conflict', ALREADY_SEEN);
    await tx
      .delete(appreciations)
      .where(and(ownItems(actor, appreciations), eq(appreciations.id, id)));
  });
}

/* ---------- Dates ---------- */

type DateRow = typeof dates.$inferSelect;
type NoteRow = Pick<
  typeof dateNotes.$inferSelect,
  'dateId' | 'authorId' | 'note' | 'visibility'
> & {
  shared: boolean;
};

function presentDate(row: DateRow, actor: SpaceMemberActor, notes: NoteRow[] = []): TDatePlan {
  const mine = notes.find((n) => n.dateId === row.id && n.authorId === actor.userId);
  const theirs = notes.find((n) => n.dateId === row.id && n.authorId !== actor.userId);
  return {
    id: row.id,
    version: row.version,
    idea: row.idea,
    plannedOn: row.plannedOn,
    plan: row.plan,
    stage: row.plannedOn ? 'planned' : 'idea',
    changedByMe: row.updatedBy === actor.userId,
    updatedAt: row.updatedAt.toISOString(),
    myNote: mine ? { note: mine.note, shared: mine.shared } : null,
    partnerNote: theirs?.note ?? null,
  };
}

const dateOf = (actor: SpaceMemberActor, id: string) =>
  and(ours(actor, dates), eq(dates.id, id), isNull(dates.setAsideAt))!;

/** My notes and the ones my partner shared, for these dates. */
async function notesFor(db: DbOrTx, actor: SpaceMemberActor, ids: string[]): Promise<NoteRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      dateId: dateNotes.dateId,
      authorId: dateNotes.authorId,
      note: dateNotes.note,
      visibility: dateNotes.visibility,
      shared: sql<boolean>`${dateNotes.sharedAt} is not null`,
    })
    .from(dateNotes)
    .where(and(visibleItems(actor, dateNotes), inArray(dateNotes.dateId, ids)));
}

async function readDate(db: DbOrTx, actor: SpaceMemberActor, id: string): Promise<TDatePlan> {
  const [row] = await db.select().from(dates).where(dateOf(actor, id)).limit(1);
  if (!row) throw notFound();
  return presentDate(row, actor, await notesFor(db, actor, [row.id]));
}

export async function addDateIdea(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  idea: string,
): Promise<TDatePlan> {
  return db.transaction(async (tx) => {
    const since = await requireOpen(tx, queries, actor);
    const [row] = await tx
      .insert(dates)
      .values({ spaceId: actor.space.id, coupleSince: since, idea, updatedBy: actor.userId })
      .returning();
    await tellPartner(tx, actor);
    return presentDate(row!, actor);
  });
}

export async function planDate(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  input: z.output<typeof ZDatePlanInput>,
): Promise<TDatePlan> {
  return db.transaction(async (tx) => {
    await readDate(tx, actor, id);
    await requireOpen(tx, queries, actor);
    const [row] = await tx
      .update(dates)
      .set({
        idea: input.idea,
        plannedOn: input.plannedOn,
        plan: input.plan,
        version: sql`${dates.version} + 1`,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      })
      .where(and(dateOf(actor, id), eq(dates.version, expected)))
      .returning();
    if (!row) throw versionConflict(await readDate(tx, actor, id));
    await tellPartner(tx, actor);
    return presentDate(row, actor, await notesFor(tx, actor, [row.id]));
  });
}

export async function setDateAside(db: Database, actor: SpaceMemberActor, id: string) {
  const [row] = await db
    .update(dates)
    .set({ setAsideAt: new Date() })
    .where(dateOf(actor, id))
    .returning({ id: dates.id });
  if (!row) throw notFound();
}

/** My own note on how it went: private until I share it. Writing it alone is never held. */
export async function writeDateNote(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  note: string,
): Promise<TDatePlan> {
  return db.transaction(async (tx) => {
    const [date] = await tx.select().from(dates).where(dateOf(actor, id)).limit(1);
    if (!date) throw notFound();
    if (!date.plannedOn) throw new AppError('conflict', NOTE_NEEDS_DAY);
    const now = new Date();
    await tx
      .insert(dateNotes)
      .values({ authorId: actor.userId, spaceId: actor.space.id, dateId: date.id, note })
      .onConflictDoUpdate({
        target: [dateNotes.dateId, dateNotes.authorId],
        set: { note, updatedAt: now },
      });
    return presentDate(date, actor, await notesFor(tx, actor, [date.id]));
  });
}

/** Shares my note with my partner (joint), or makes it mine alone again (never held). */
export async function shareDateNote(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  id: string,
  share: boolean,
): Promise<TDatePlan> {
  return db.transaction(async (tx) => {
    const [date] = await tx.select().from(dates).where(dateOf(actor, id)).limit(1);
    if (!date) throw notFound();
    if (share) await requireOpen(tx, queries, actor);
    const mine = and(ownItems(actor, dateNotes), eq(dateNotes.dateId, date.id));
    const [row] = await tx
      .update(dateNotes)
      .set(
        share
          ? { visibility: visibilityChange.addPartner(dateNotes.visibility), sharedAt: new Date() }
          : { visibility: visibilityChange.removePartner(dateNotes.visibility), sharedAt: null },
      )
      .where(
        share ? and(mine, isNull(dateNotes.sharedAt)) : and(mine, isNotNull(dateNotes.sharedAt)),
      )
      .returning({ id: dateNotes.id });
    if (row && share) await tellPartner(tx, actor);
    if (!row) {
      const [exists] = await tx.select({ id: dateNotes.id }).from(dateNotes).where(mine);
      if (!exists) throw notFound();
    }
    return presentDate(date, actor, await notesFor(tx, actor, [date.id]));
  });
}

/* ---------- Intimacy pacing ---------- */

type PacingRow = typeof pacing.$inferSelect;

function presentPacing(
  row: PacingRow | undefined,
  pause: { paused: boolean; pausedByMe: boolean },
  actor: SpaceMemberActor,
): TPacing {
  return {
    version: row?.version ?? 0,
    pace: (row?.pace as TPacing['pace'] | undefined) ?? null,
    words: row?.words ?? '',
    status: !row ? 'none' : row.agreedAt ? 'agreed' : 'proposed',
    proposedByMe: row ? row.proposedBy === actor.userId : false,
    paused: pause.paused,
    pausedByMe: pause.pausedByMe,
  };
}

/** Is the agreement paused, and is one of the pauses mine? Nothing else about a pause exists. */
async function pauseState(db: DbOrTx, actor: SpaceMemberActor) {
  const [row] = await queryRows<{ paused: boolean; mine: boolean }>(
    db,
    sql`select exists (select 1 from ${pauses} where ${ours(actor, pauses)}) as paused,
      exists (select 1 from ${pauses}
        where ${ours(actor, pauses)} and ${ownRows(actor, pauses.userId)}) as mine`,
  );
  return { paused: row?.paused === true, pausedByMe: row?.mine === true };
}

export async function readPacing(db: DbOrTx, actor: SpaceMemberActor): Promise<TPacing> {
  const [[row], pause] = await Promise.all([
    db.select().from(pacing).where(ours(actor, pacing)).limit(1),
    pauseState(db, actor),
  ]);
  return presentPacing(row, pause, actor);
}

async function requireNotPaused(tx: DbOrTx, actor: SpaceMemberActor): Promise<void> {
  if ((await pauseState(tx, actor)).paused) throw new AppError('conflict', PACING_PAUSED);
}

/** Proposes the pace (or a change of it) as a new version: the other partner agrees to it. */
export async function proposePacing(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  expected: number,
  input: z.output<typeof ZPacingInput>,
): Promise<TPacing> {
  return db.transaction(async (tx) => {
    const since = await requireOpen(tx, queries, actor);
    await requireNotPaused(tx, actor);
    const values = { pace: input.pace, words: input.words };
    const [row] =
      expected === 0
        ? await tx
            .insert(pacing)
            .values({
              spaceId: actor.space.id,
              coupleSince: since,
              ...values,
              proposedBy: actor.userId,
            })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(pacing)
            .set({
              ...values,
              version: sql`${pacing.version} + 1`,
              proposedBy: actor.userId,
              agreedAt: null,
            })
            .where(and(ours(actor, pacing), eq(pacing.version, expected)))
            .returning();
    if (!row) throw versionConflict(await readPacing(tx, actor));
    await tellPartner(tx, actor);
    return presentPacing(row, await pauseState(tx, actor), actor);
  });
}

export async function agreePacing(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
  expected: number,
): Promise<TPacing> {
  return db.transaction(async (tx) => {
    await requireOpen(tx, queries, actor);
    await requireNotPaused(tx, actor);
    const [current] = await tx.select().from(pacing).where(ours(actor, pacing)).for('update');
    if (!current || current.version !== expected) {
      throw versionConflict(await readPacing(tx, actor), PACING_MOVED);
    }
    if (current.proposedBy === actor.userId) throw new AppError('conflict', OWN_PROPOSAL);
    if (!current.agreedAt) {
      await tx.update(pacing).set({ agreedAt: new Date() }).where(ours(actor, pacing));
    }
    return readPacing(tx, actor);
  });
}

/**
 * One action, no reason, never held: my pause on our pacing agreement. Nobody is notified; the
 * partner's page shows only that it is paused (decision 0070).
 */
export async function pausePacing(db: Database, actor: SpaceMemberActor): Promise<TPacing> {
  const since = togetherSince(actor);
  if (!since) throw new AppError('conflict', NEEDS_BOTH);
  await db
    .insert(pauses)
    .values({ spaceId: actor.space.id, coupleSince: since, userId: actor.userId })
    .onConflictDoNothing();
  return readPacing(db, actor);
}

/** Lifts my own pause; my partner's pause, if there is one, stays until they lift it. */
export async function resumePacing(db: Database, actor: SpaceMemberActor): Promise<TPacing> {
  await db.delete(pauses).where(and(ours(actor, pauses), ownRows(actor, pauses.userId)));
  return readPacing(db, actor);
}

/* ---------- The whole page ---------- */

/** Everything of the couple now in the space that I may read, without the page's state. */
export async function readContent(
  db: DbOrTx,
  actor: SpaceMemberActor,
): Promise<Omit<TReconnectingView, 'together' | 'phaseOpen' | 'jointWorkOpen'>> {
  const since = togetherSince(actor);
  const ritualRows = await db
    .select()
    .from(rituals)
    .where(and(ours(actor, rituals), isNull(rituals.setAsideAt)))
    .orderBy(asc(rituals.createdAt), asc(rituals.id));
  const inThisCouple: SQL = since ? eq(appreciations.coupleSince, since) : sql`false`;
  const received = await db
    .select()
    .from(appreciations)
    .where(and(partnerSharedItems(actor, appreciations), inThisCouple))
    .orderBy(asc(appreciations.createdAt), asc(appreciations.id));
  const sent = await db
    .select()
    .from(appreciations)
    .where(
      and(ownItems(actor, appreciations), spaceRows(actor, appreciations.spaceId), inThisCouple),
    )
    .orderBy(asc(appreciations.createdAt), asc(appreciations.id));
  const dateRows = await db
    .select()
    .from(dates)
    .where(and(ours(actor, dates), isNull(dates.setAsideAt)))
    .orderBy(asc(dates.createdAt), asc(dates.id));
  const notes = await notesFor(
    db,
    actor,
    dateRows.map((d) => d.id),
  );
  return {
    rituals: ritualRows.map((row) => presentRitual(row, actor)),
    appreciations: {
      received: received.map((row) => presentAppreciation(row, false)),
      sent: sent.map((row) => presentAppreciation(row, true)),
    },
    dates: dateRows.map((row) => presentDate(row, actor, notes)),
    pacing: await readPacing(db, actor),
  };
}

export async function readReconnecting(
  db: Database,
  queries: Queries,
  actor: SpaceMemberActor,
): Promise<TReconnectingView> {
  const [state] = await queryRows<{ open: boolean; phase: number }>(
    db,
    sql`select ${jointWorkOpenSql(actor.space.id)} as open, ${queries.couplePhase(actor)} as phase`,
  );
  return {
    together: togetherSince(actor) !== null,
    phaseOpen: Number(state?.phase ?? 1) >= RECONNECTING_PHASE,
    jointWorkOpen: state?.open === true,
    ...(await readContent(db, actor)),
  };
}
