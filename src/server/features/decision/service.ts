import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import type {
  TDecisionBody,
  TDecisionRecord,
  TDecisionView,
  TLeaning,
  TMyDecisionReflection,
  TRecordBody,
  TSharedDecisionReflection,
} from '#shared/schemas/decision.ts';
import type { Database, DbOrTx } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';
import {
  decisionRecordVersions,
  decisionRecords,
  decisionReflections,
} from '#server/db/schema/index.ts';
import { notify } from '#server/events/notify.ts';
import { versionConflict } from '#server/http/versioning.ts';
import type { SignedInActor, SpaceMemberActor } from '#server/policy/actor.ts';
import type { FeatureQueries } from '#server/policy/manifest.ts';
import { jointWorkOpenSql, requireJointWorkOpen } from '#server/policy/joint-work.ts';
import {
  isSpaceMember,
  othersRows,
  ownItems,
  partnerSharedItems,
  spaceRows,
  togetherSince,
} from '#server/policy/rules.ts';

/** The phase of the program this exercise belongs to: sharing opens with the couple's pace. */
export const DECISION_PHASE = 3;

const reflections = decisionReflections;
const records = decisionRecords;
const recordVersions = decisionRecordVersions;
type ReflectionRow = typeof reflections.$inferSelect;
type RecordRow = typeof records.$inferSelect;
type Pace = Pick<FeatureQueries, 'couplePhase'>;

const NO_PARTNER =
  'Your partner has not joined your space yet, so there is no one to share with. Your reflection stays with you.';
const NOT_YET =
  'Sharing opens when you both move on to the last phase of the program together. Until then your reflection stays private.';
const NOTHING_YET = 'There is nothing to share yet. Your reflection is still private.';
const BOTH_FIRST =
  'A decision can be written down together once you have both shared your reflections.';
const NOT_YOURS_TO_AGREE =
  'You wrote this version, so it is your partner who says whether they agree with it.';
const CHANGED_MEANWHILE =
  'This was changed meanwhile. Here is what is saved now; your words are still in the form.';
const AGREE_CHANGED =
  'The decision changed since you opened it. Please read the newest version before agreeing.';

interface Facts {
  jointOpen: boolean;
  phase: number;
}

async function facts(db: DbOrTx, actor: SpaceMemberActor, pace: Pace): Promise<Facts> {
  const [row] = await queryRows<{ open: boolean; phase: number }>(
    db,
    sql`select ${jointWorkOpenSql(actor.space.id)} as open, ${pace.couplePhase(actor)} as phase`,
  );
  return { jointOpen: row?.open === true, phase: Number(row?.phase ?? 1) };
}

/** Joint actions: joint work open, a partner here, and the couple's pace at this phase. */
async function requireJointStep(tx: DbOrTx, actor: SpaceMemberActor, pace: Pace) {
  await requireJointWorkOpen(tx, actor);
  const partner = actor.space.partner;
  if (!partner) throw new AppError('conflict', NO_PARTNER);
  if ((await facts(tx, actor, pace)).phase < DECISION_PHASE) {
    throw new AppError('conflict', NOT_YET);
  }
  return partner;
}

function sharedOf(row: ReflectionRow | undefined): TSharedDecisionReflection | null {
  if (!row || row.visibility !== 'partner' || !row.sharedAt) return null;
  return {
    leaning: (row.sharedLeaning as TLeaning | null) ?? null,
    needs: row.sharedNeeds ?? '',
    limits: row.sharedLimits ?? '',
    ownWords: row.sharedOwnWords ?? '',
    sharedAt: row.sharedAt.toISOString(),
  };
}

function presentMine(row: ReflectionRow | undefined): TMyDecisionReflection {
  if (!row) {
    return {
      leaning: null,
      needs: '',
      limits: '',
      ownWords: '',
      version: 0,
      savedAt: null,
      shared: null,
    };
  }
  return {
    leaning: (row.leaning as TLeaning | null) ?? null,
    needs: row.needs,
    limits: row.limits,
    ownWords: row.ownWords,
    version: row.version,
    savedAt: row.updatedAt.toISOString(),
    shared: sharedOf(row),
  };
}

function myScope(actor: SignedInActor): SQL {
  return isSpaceMember(actor)
    ? and(ownItems(actor, reflections), spaceRows(actor, reflections.spaceId))!
    : ownItems(actor, reflections);
}

async function myReflection(db: DbOrTx, actor: SignedInActor) {
  const [row] = await db
    .select()
    .from(reflections)
    .where(myScope(actor))
    .orderBy(desc(reflections.updatedAt))
    .limit(1);
  return row;
}

async function partnerReflection(db: DbOrTx, actor: SignedInActor) {
  const [row] = await db
    .select()
    .from(reflections)
    .where(partnerSharedItems(actor, reflections))
    .limit(1);
  return row;
}

/** The couple's decision record: of this space, and of the couple now in it. */
function recordScope(actor: SpaceMemberActor): SQL | null {
  const since = togetherSince(actor);
  if (!since) return null;
  return and(spaceRows(actor, records.spaceId), eq(records.coupleSince, since))!;
}

async function findRecord(db: DbOrTx, actor: SpaceMemberActor, lock = false) {
  const where = recordScope(actor);
  if (!where) return undefined;
  const query = db.select().from(records).where(where);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

async function presentRecord(
  db: DbOrTx,
  actor: SignedInActor,
  row: RecordRow | undefined,
): Promise<TDecisionRecord | null> {
  if (!row) return null;
  const history = await db
    .select()
    .from(recordVersions)
    .where(eq(recordVersions.recordId, row.id))
    .orderBy(desc(recordVersions.number));
  return {
    outcome: row.outcome as TLeaning,
    note: row.note,
    reviewOn: row.reviewOn,
    version: row.version,
    proposedByMe: row.proposedBy === actor.userId,
    proposedAt: row.proposedAt.toISOString(),
    agreedAt: row.agreedAt?.toISOString() ?? null,
    history: history.map((v) => ({
      number: v.number,
      outcome: v.outcome as TLeaning,
      note: v.note,
      reviewOn: v.reviewOn,
      byMe: v.authorId === actor.userId,
      at: v.createdAt.toISOString(),
    })),
  };
}

export async function getView(
  db: Database,
  actor: SignedInActor,
  pace: Pace,
): Promise<TDecisionView> {
  const member = isSpaceMember(actor) ? actor : null;
  const [mine, partner, known, record] = await Promise.all([
    myReflection(db, actor),
    partnerReflection(db, actor),
    member ? facts(db, member, pace) : null,
    member ? findRecord(db, member) : undefined,
  ]);
  const partnerPresent = member !== null && member.space.partner !== null;
  const jointOpen =
    partnerPresent && known !== null && known.jointOpen && known.phase >= DECISION_PHASE;
  const myShared = sharedOf(mine);
  const theirs = sharedOf(partner);
  return {
    partnerPresent,
    jointOpen,
    mine: presentMine(mine),
    partner: theirs,
    canRecord: jointOpen && myShared !== null && theirs !== null,
    record: await presentRecord(db, actor, record),
  };
}

/**
 * Saves my private reflection (If-Match: the version, 0 for the first save). Never held, never
 * told: what I write here reaches nobody until I share it.
 */
export async function saveReflection(
  db: Database,
  actor: SpaceMemberActor,
  ifMatch: number,
  body: TDecisionBody,
): Promise<TMyDecisionReflection> {
  const now = new Date();
  const [row] =
    ifMatch === 0
      ? await db
          .insert(reflections)
          .values({
            authorId: actor.userId,
            spaceId: actor.space.id,
            ...body,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning()
      : await db
          .update(reflections)
          .set({ ...body, updatedAt: now, version: sql`${reflections.version} + 1` })
          .where(and(myScope(actor), eq(reflections.version, ifMatch)))
          .returning();
  if (!row) throw versionConflict(presentMine(await myReflection(db, actor)), CHANGED_MEANWHILE);
  return presentMine(row);
}

/** Shares my reflection as it is saved now: my partner reads this copy, never my draft. */
export async function shareReflection(
  db: Database,
  actor: SpaceMemberActor,
  pace: Pace,
  ifMatch: number,
): Promise<TMyDecisionReflection> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(reflections).where(myScope(actor)).for('update');
    if (!row) throw notFound();
    const partner = await requireJointStep(tx, actor, pace);
    if (row.version !== ifMatch) throw versionConflict(presentMine(row), CHANGED_MEANWHILE);
    const empty =
      row.leaning === null &&
      row.needs.trim() === '' &&
      row.limits.trim() === '' &&
      row.ownWords.trim() === '';
    if (empty) {
      throw new AppError('validation_failed', NOTHING_YET, {
        leaning: 'Please choose where you are, or write a few words, before sharing.',
      });
    }
    const now = new Date();
    const [updated] = await tx
      .update(reflections)
      .set({
        visibility: 'partner',
        sharedAt: now,
        sharedLeaning: row.leaning,
        sharedNeeds: row.needs,
        sharedLimits: row.limits,
        sharedOwnWords: row.ownWords,
        version: sql`${reflections.version} + 1`,
      })
      .where(eq(reflections.id, row.id))
      .returning();
    await notify(tx, {
      kind: 'shared',
      recipients: [partner.userId],
      actorId: actor.userId,
      spaceId: actor.space.id,
      link: '/decision',
      joint: true,
    });
    return presentMine(updated);
  });
}

/** Makes my reflection private again; my partner no longer reads it. Never held. */
export async function unshareReflection(
  db: Database,
  actor: SignedInActor,
): Promise<TMyDecisionReflection> {
  const [row] = await db
    .update(reflections)
    .set({
      visibility: 'private',
      sharedAt: null,
      sharedLeaning: null,
      sharedNeeds: null,
      sharedLimits: null,
      sharedOwnWords: null,
      version: sql`${reflections.version} + 1`,
    })
    .where(myScope(actor))
    .returning();
  if (!row) throw notFound();
  return presentMine(row);
}

/**
 * Writes down the couple's decision, or changes it (If-Match: its version, 0 for the first). Both
 * reflections must be shared. A change is a new version and asks the other for agreement again.
 */
export async function putRecord(
  db: Database,
  actor: SpaceMemberActor,
  pace: Pace,
  ifMatch: number,
  body: TRecordBody,
): Promise<TDecisionRecord> {
  // Without a couple in the space there is no shared decision to write.
  if (!togetherSince(actor)) throw notFound();
  return db.transaction(async (tx) => {
    const partner = await requireJointStep(tx, actor, pace);
    const [mine, theirs] = await Promise.all([
      myReflection(tx, actor),
      partnerReflection(tx, actor),
    ]);
    if (!sharedOf(mine) || !sharedOf(theirs)) throw new AppError('conflict', BOTH_FIRST);
    const since = togetherSince(actor)!;
    const now = new Date();
    const current = await findRecord(tx, actor, true);
    let written: RecordRow | undefined;
    if (ifMatch === 0 && !current) {
      [written] = await tx
        .insert(records)
        .values({
          spaceId: actor.space.id,
          coupleSince: since,
          ...body,
          proposedBy: actor.userId,
          proposedAt: now,
        })
        .onConflictDoNothing()
        .returning();
    } else if (current && current.version === ifMatch) {
      [written] = await tx
        .update(records)
        .set({
          ...body,
          version: sql`${records.version} + 1`,
          proposedBy: actor.userId,
          proposedAt: now,
          agreedBy: null,
          agreedAt: null,
        })
        .where(eq(records.id, current.id))
        .returning();
    }
    if (!written) {
      throw versionConflict(
        await presentRecord(tx, actor, current ?? (await findRecord(tx, actor))),
        CHANGED_MEANWHILE,
      );
    }
    await tx.insert(recordVersions).values({
      recordId: written.id,
      number: written.version,
      outcome: body.outcome,
      note: body.note,
      reviewOn: body.reviewOn,
      authorId: actor.userId,
      createdAt: now,
    });
    await tellPartner(tx, actor, partner.userId);
    return (await presentRecord(tx, actor, written))!;
  });
}

/** The other partner agrees to this exact version (If-Match). */
export async function agreeRecord(
  db: Database,
  actor: SpaceMemberActor,
  pace: Pace,
  ifMatch: number,
): Promise<TDecisionRecord> {
  if (!togetherSince(actor)) throw notFound();
  return db.transaction(async (tx) => {
    const current = await findRecord(tx, actor, true);
    if (!current) throw notFound();
    const partner = await requireJointStep(tx, actor, pace);
    if (current.version !== ifMatch) {
      throw versionConflict(await presentRecord(tx, actor, current), AGREE_CHANGED);
    }
    const [agreed] = await tx
      .update(records)
      .set({ agreedBy: actor.userId, agreedAt: new Date() })
      .where(and(eq(records.id, current.id), othersRows(actor, records.proposedBy)))
      .returning();
    if (!agreed) throw new AppError('conflict', NOT_YOURS_TO_AGREE);
    await tellPartner(tx, actor, partner.userId);
    return (await presentRecord(tx, actor, agreed))!;
  });
}

async function tellPartner(tx: DbOrTx, actor: SpaceMemberActor, partnerId: string) {
  await notify(tx, {
    kind: 'shared',
    recipients: [partnerId],
    actorId: actor.userId,
    spaceId: actor.space.id,
    link: '/decision',
    joint: true,
  });
}
