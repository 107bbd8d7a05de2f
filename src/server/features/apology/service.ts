import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import {
  CHECK_IN_MAX_DAYS,
  COMMITMENTS_MAX,
  FOLLOW_THROUGHS_MAX,
  REQUIRED_PARTS,
  type TAckBody,
  type TApology,
  type TApologyOverview,
  type TApologyVersion,
  type TCommitment,
  type TCommitmentBody,
  type TFollowThroughBody,
  type TReaderApology,
  type TSaveApologyBody,
  type TWriterApology,
} from '#shared/schemas/apology.ts';
import { visibilityFor } from '#shared/visibility.ts';
import type { Database, DbOrTx } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';
import { isUniqueViolation } from '#server/db/errors.ts';
import { notify } from '#server/events/notify.ts';
import { versionConflict } from '#server/http/versioning.ts';
import type { SignedInActor, SpaceMemberActor } from '#server/policy/actor.ts';
import { spaceInjuriesSql, type SpaceInjury } from '#server/policy/injury-roles.ts';
import { jointWorkOpenSql, requireJointWorkOpen } from '#server/policy/joint-work.ts';
import {
  isSpaceMember,
  othersVisibleItems,
  ownItems,
  spaceRows,
  visibleItems,
} from '#server/policy/rules.ts';
import { sharedWithPartnerSql } from '#server/policy/visibility.ts';
import type { ApologyLanguage } from './language';
import { scheduleCheckIns } from './reminders';
import {
  ackItem,
  acks,
  apologies,
  apologyItem,
  commitmentItem,
  commitments,
  countSql,
  findVisibleApology,
  followThroughItem,
  followThroughs,
  injuryRef,
  latestVersion,
  presentCommitments,
  presentReader,
  presentVersion,
  presentWriter,
  sameAsVersion,
  sentPartsOf,
  versions,
  type ApologyRow,
} from './repo';

const PARTNER = visibilityFor({ partner: true, therapist: false });

const NOT_INVOLVED =
  'An apology is written by the partner whose choice caused the hurt, for an injury you have both named. Please check the roles on the injuries page.';
const ALREADY_STARTED =
  'You have already started an apology for this. You will find it on the page.';
const NO_PARTNER =
  'Your partner has not joined your space yet, so there is no one to send this to. Your apology stays private.';
const SENT_STAYS =
  'Your partner has seen this commitment, so it stays. You can change its words or its check-in day instead.';
const TOO_MANY_COMMITMENTS = `An apology can carry up to ${COMMITMENTS_MAX} commitments. A few concrete ones you can keep are worth more than many.`;
const TOO_MANY_NOTES = `This commitment already has ${FOLLOW_THROUGHS_MAX} notes, the most it can hold.`;
const NOT_SHARED_YET =
  'This commitment has not been sent yet. Send your apology first, then note how you kept it.';
const MISSING_PART = 'Please write something here before sending.';

/** Everything the pages need of the couple's injuries, with the joint-work answer, in one read. */
async function spaceFacts(
  db: DbOrTx,
  actor: SignedInActor,
): Promise<{ open: boolean; injuries: SpaceInjury[] }> {
  if (!isSpaceMember(actor)) return { open: true, injuries: [] };
  const [row] = await queryRows<{ open: boolean; injuries: SpaceInjury[] | string }>(
    db,
    sql`select ${jointWorkOpenSql(actor.space.id)} as open, ${spaceInjuriesSql(actor)} as injuries`,
  );
  const injuries: unknown =
    typeof row?.injuries === 'string' ? JSON.parse(row.injuries) : row?.injuries;
  return { open: row?.open === true, injuries: (injuries ?? []) as SpaceInjury[] };
}

async function present(
  db: DbOrTx,
  language: ApologyLanguage,
  actor: SignedInActor,
  row: ApologyRow,
  injuries: readonly SpaceInjury[],
): Promise<TApology | null> {
  return row.authorId === actor.userId
    ? presentWriter(db, language, actor, row, injuries)
    : presentReader(db, actor, row, injuries);
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function getOverview(
  db: Database,
  language: ApologyLanguage,
  actor: SignedInActor,
): Promise<TApologyOverview> {
  const [facts, rows] = await Promise.all([
    spaceFacts(db, actor),
    db
      .select()
      .from(apologies)
      .where(visibleItems(actor, apologyItem))
      .orderBy(asc(apologies.createdAt), asc(apologies.id)),
  ]);
  const presented = await Promise.all(
    rows.map((row) => present(db, language, actor, row, facts.injuries)),
  );
  const list = presented.filter((a): a is TApology => a !== null);
  list.sort((a, b) => (a.view === b.view ? 0 : a.view === 'writer' ? -1 : 1));
  const started = new Set(rows.filter((r) => r.authorId === actor.userId).map((r) => r.injuryId));
  return {
    jointWorkOpen: facts.open,
    rules: language.rules,
    toStart: facts.injuries
      .filter((i) => i.myRole === 'involved' && !i.archived && !started.has(i.id))
      .flatMap((i) => {
        const ref = injuryRef(facts.injuries, i.id);
        return ref ? [ref] : [];
      }),
    apologies: list,
  };
}

export async function getApology(
  db: Database,
  language: ApologyLanguage,
  actor: SignedInActor,
  id: string,
): Promise<TApology> {
  const row = await findVisibleApology(db, actor, id);
  if (!row) throw notFound();
  const { injuries } = await spaceFacts(db, actor);
  const apology = await present(db, language, actor, row, injuries);
  if (!apology) throw notFound();
  return apology;
}

export async function getVersion(
  db: Database,
  actor: SignedInActor,
  id: string,
  number: number,
): Promise<TApologyVersion> {
  const [row] = await db
    .select({ version: versions })
    .from(versions)
    .innerJoin(apologies, eq(apologies.id, versions.apologyId))
    .where(
      and(eq(apologies.id, id), eq(versions.number, number), visibleItems(actor, apologyItem)),
    );
  if (!row) throw notFound();
  return presentVersion(row.version);
}

// ---------------------------------------------------------------------------------------------
// Writing the apology

function myCurrentApology(actor: SpaceMemberActor, id: string) {
  return and(
    eq(apologies.id, id),
    ownItems(actor, apologyItem),
    spaceRows(actor, apologies.spaceId),
  )!;
}

async function writerView(
  db: DbOrTx,
  language: ApologyLanguage,
  actor: SpaceMemberActor,
  row: ApologyRow,
): Promise<TWriterApology> {
  const { injuries } = await spaceFacts(db, actor);
  return presentWriter(db, language, actor, row, injuries);
}

/** Why a scoped write to my apology changed nothing: not mine here (404) or moved on (412). */
async function apologyWriteFailed(
  db: DbOrTx,
  language: ApologyLanguage,
  actor: SpaceMemberActor,
  id: string,
): Promise<AppError> {
  const [row] = await db.select().from(apologies).where(myCurrentApology(actor, id));
  if (!row) return notFound();
  return versionConflict(await writerView(db, language, actor, row));
}

/** Starts the involved partner's private draft for one injury of the space. */
export async function startApology(
  db: Database,
  language: ApologyLanguage,
  actor: SpaceMemberActor,
  injuryId: string,
): Promise<TWriterApology> {
  const { injuries } = await spaceFacts(db, actor);
  const injury = injuries.find((i) => i.id === injuryId && !i.archived);
  // Someone else's injury, or one of another space, is simply not there for this person.
  if (!injury) throw notFound();
  if (injury.myRole !== 'involved') throw new AppError('conflict', NOT_INVOLVED);
  try {
    const [row] = await db
      .insert(apologies)
      .values({ authorId: actor.userId, spaceId: actor.space.id, injuryId })
      .returning();
    return presentWriter(db, language, actor, row!, injuries);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', ALREADY_STARTED);
    throw error;
  }
}

/** Saves the private draft. Never held: writing for oneself is never paused. */
export async function saveApologyDraft(
  db: Database,
  language: ApologyLanguage,
  actor: SpaceMemberActor,
  id: string,
  ifMatch: number,
  body: TSaveApologyBody,
): Promise<TWriterApology> {
  const [row] = await db
    .update(apologies)
    .set({ ...body, updatedAt: new Date(), version: sql`${apologies.version} + 1` })
    .where(and(myCurrentApology(actor, id), eq(apologies.version, ifMatch)))
    .returning();
  if (!row) throw await apologyWriteFailed(db, language, actor, id);
  return writerView(db, language, actor, row);
}

/**
 * Sends the apology as it is now: a new version (unless nothing changed since the last one), its
 * waiting commitments shared with it, the partner told (no content). A joint action. The
 * language check's findings never stop it.
 */
export async function sendApology(
  db: Database,
  language: ApologyLanguage,
  actor: SpaceMemberActor,
  id: string,
  ifMatch: number,
): Promise<TWriterApology> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const [row] = await tx
      .select()
      .from(apologies)
      .where(and(myCurrentApology(actor, id), eq(apologies.version, ifMatch)))
      .for('update');
    if (!row) throw await apologyWriteFailed(tx, language, actor, id);
    const partner = actor.space.partner;
    if (!partner) throw new AppError('conflict', NO_PARTNER);
    const fields: Record<string, string> = {};
    for (const part of REQUIRED_PARTS) if (row[part].trim() === '') fields[part] = MISSING_PART;
    if (row.askForgiveness && row.forgiveness.trim() === '') fields.forgiveness = MISSING_PART;
    if (Object.keys(fields).length > 0) {
      throw new AppError(
        'validation_failed',
        'Each part of the apology needs some words before it is sent. It is still private.',
        fields,
      );
    }
    const now = new Date();
    const latest = await latestVersion(tx, row.id);
    const changed = !sameAsVersion(row, latest);
    if (changed) {
      await tx.insert(versions).values({
        apologyId: row.id,
        number: (latest?.number ?? 0) + 1,
        sentAt: now,
        ...sentPartsOf(row),
      });
    }
    const newlyShared = await tx
      .update(commitments)
      .set({ visibility: PARTNER, sharedAt: now, version: sql`${commitments.version} + 1` })
      .where(
        and(
          eq(commitments.apologyId, row.id),
          ownItems(actor, commitmentItem),
          sql`not ${sharedWithPartnerSql(commitments.visibility)}`,
        ),
      )
      .returning({ id: commitments.id, checkInOn: commitments.checkInOn });
    const [updated] = await tx
      .update(apologies)
      .set({ visibility: PARTNER, sharedAt: now, version: sql`${apologies.version} + 1` })
      .where(eq(apologies.id, row.id))
      .returning();
    await scheduleCheckIns(tx, actor, newlyShared);
    if (changed || newlyShared.length > 0) {
      await notify(tx, {
        kind: 'shared',
        recipients: [partner.userId],
        actorId: actor.userId,
        spaceId: actor.space.id,
        link: `/apology#apology-${row.id}`,
        joint: true,
      });
    }
    return writerView(tx, language, actor, updated!);
  });
}

// ---------------------------------------------------------------------------------------------
// Commitments

/** A check-in day from yesterday (time zones) to a little over a year ahead. */
function checkCheckInDay(day: string): void {
  const at = Date.parse(`${day}T00:00:00Z`);
  const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const days = (at - today) / 86_400_000;
  if (days < -1) {
    throw new AppError('validation_failed', 'Please choose a check-in day from today on.', {
      checkInOn: 'Please choose today or a later day.',
    });
  }
  if (days > CHECK_IN_MAX_DAYS) {
    throw new AppError('validation_failed', 'Please choose a check-in day within about a year.', {
      checkInOn: `Please choose a day within ${CHECK_IN_MAX_DAYS} days.`,
    });
  }
}

async function commitmentView(db: DbOrTx, actor: SignedInActor, id: string): Promise<TCommitment> {
  const rows = await db
    .select()
    .from(commitments)
    .where(and(eq(commitments.id, id), visibleItems(actor, commitmentItem)));
  const [view] = await presentCommitments(db, actor, rows);
  if (!view) throw notFound();
  return view;
}

/** Adds a commitment to my apology; it waits, private, until the apology is next sent. */
export async function addCommitment(
  db: Database,
  actor: SpaceMemberActor,
  apologyId: string,
  body: TCommitmentBody,
): Promise<TCommitment> {
  checkCheckInDay(body.checkInOn);
  return db.transaction(async (tx) => {
    const [apology] = await tx
      .select({ id: apologies.id })
      .from(apologies)
      .where(myCurrentApology(actor, apologyId))
      .for('update');
    if (!apology) throw notFound();
    const [count] = await tx
      .select({ n: countSql })
      .from(commitments)
      .where(and(eq(commitments.apologyId, apology.id), ownItems(actor, commitmentItem)));
    if ((count?.n ?? 0) >= COMMITMENTS_MAX) throw new AppError('conflict', TOO_MANY_COMMITMENTS);
    const [row] = await tx
      .insert(commitments)
      .values({
        authorId: actor.userId,
        spaceId: actor.space.id,
        apologyId: apology.id,
        text: body.text,
        checkInOn: body.checkInOn,
      })
      .returning({ id: commitments.id });
    return commitmentView(tx, actor, row!.id);
  });
}

function myCommitment(actor: SpaceMemberActor, id: string) {
  return and(
    eq(commitments.id, id),
    ownItems(actor, commitmentItem),
    spaceRows(actor, commitments.spaceId),
  )!;
}

/**
 * Changes a commitment's words or check-in day (If-Match). Once shared, a change is seen by the
 * partner at once, so it is a joint action, and a new day gets its own reminder.
 */
export async function editCommitment(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  ifMatch: number,
  body: TCommitmentBody,
): Promise<TCommitment> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(commitments).where(myCommitment(actor, id)).for('update');
    if (!row) throw notFound();
    // A day already passed may stay as it is when only the words change.
    if (body.checkInOn !== row.checkInOn) checkCheckInDay(body.checkInOn);
    const shared = row.sharedAt !== null && row.visibility === PARTNER;
    if (shared) await requireJointWorkOpen(tx, actor);
    if (row.version !== ifMatch) throw versionConflict(await commitmentView(tx, actor, id));
    await tx
      .update(commitments)
      .set({
        text: body.text,
        checkInOn: body.checkInOn,
        updatedAt: new Date(),
        version: sql`${commitments.version} + 1`,
      })
      .where(eq(commitments.id, row.id));
    if (shared && body.checkInOn !== row.checkInOn) {
      await scheduleCheckIns(tx, actor, [{ id: row.id, checkInOn: body.checkInOn }]);
    }
    return commitmentView(tx, actor, id);
  });
}

/** Removes a commitment that was never sent; one the partner has seen stays. */
export async function removeCommitment(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
): Promise<void> {
  const [row] = await db.select().from(commitments).where(myCommitment(actor, id));
  if (!row) throw notFound();
  if (row.sharedAt !== null) throw new AppError('conflict', SENT_STAYS);
  await db
    .delete(commitments)
    .where(and(myCommitment(actor, id), sql`${commitments.sharedAt} is null`));
}

/** Notes how I kept a shared commitment: shared with my partner as it is written. Joint. */
export async function addFollowThrough(
  db: Database,
  actor: SpaceMemberActor,
  commitmentId: string,
  body: TFollowThroughBody,
): Promise<TCommitment> {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  if (body.on > tomorrow) {
    throw new AppError('validation_failed', 'A follow-through is something already done.', {
      on: 'Please choose today or an earlier day.',
    });
  }
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const [row] = await tx
      .select()
      .from(commitments)
      .where(myCommitment(actor, commitmentId))
      .for('update');
    if (!row) throw notFound();
    const partner = actor.space.partner;
    if (row.sharedAt === null || row.visibility !== PARTNER || !partner) {
      throw new AppError('conflict', NOT_SHARED_YET);
    }
    const [count] = await tx
      .select({ n: countSql })
      .from(followThroughs)
      .where(and(eq(followThroughs.commitmentId, row.id), ownItems(actor, followThroughItem)));
    if ((count?.n ?? 0) >= FOLLOW_THROUGHS_MAX) throw new AppError('conflict', TOO_MANY_NOTES);
    const now = new Date();
    await tx.insert(followThroughs).values({
      authorId: actor.userId,
      spaceId: actor.space.id,
      visibility: PARTNER,
      sharedAt: now,
      commitmentId: row.id,
      note: body.note,
      on: body.on,
      createdAt: now,
      updatedAt: now,
    });
    await notify(tx, {
      kind: 'shared',
      recipients: [partner.userId],
      actorId: actor.userId,
      spaceId: actor.space.id,
      link: `/apology#commitment-${row.id}`,
      joint: true,
    });
    return commitmentView(tx, actor, row.id);
  });
}

/**
 * The hurt partner's answer to a follow-through note: "I see it" or "not yet", with an optional
 * note. If-Match carries the answer's version, or 0 for a first answer. Joint. No scores: the
 * answers are never counted anywhere.
 */
export async function acknowledge(
  db: Database,
  actor: SpaceMemberActor,
  followThroughId: string,
  ifMatch: number,
  body: TAckBody,
): Promise<TCommitment> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const [note] = await tx
      .select({ id: followThroughs.id, commitmentId: followThroughs.commitmentId })
      .from(followThroughs)
      .where(
        and(eq(followThroughs.id, followThroughId), othersVisibleItems(actor, followThroughItem)),
      );
    if (!note) throw notFound();
    const now = new Date();
    const written =
      ifMatch === 0
        ? await tx
            .insert(acks)
            .values({
              authorId: actor.userId,
              spaceId: actor.space.id,
              visibility: PARTNER,
              sharedAt: now,
              followThroughId: note.id,
              answer: body.answer,
              note: body.note ?? '',
              createdAt: now,
              updatedAt: now,
            })
            .onConflictDoNothing()
            .returning({ id: acks.id })
        : await tx
            .update(acks)
            .set({
              answer: body.answer,
              note: body.note ?? '',
              updatedAt: now,
              version: sql`${acks.version} + 1`,
            })
            .where(
              and(
                eq(acks.followThroughId, note.id),
                ownItems(actor, ackItem),
                eq(acks.version, ifMatch),
              ),
            )
            .returning({ id: acks.id });
    const current = await commitmentView(tx, actor, note.commitmentId);
    if (written.length === 0) throw versionConflict(current);
    return current;
  });
}

export type { TReaderApology };
