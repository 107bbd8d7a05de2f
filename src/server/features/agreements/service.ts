import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  AGREEMENT_KIND_PHASE,
  AGREEMENT_SECTIONS,
  type TAgreement,
  type TAgreementCompare,
  type TAgreementCreateBody,
  type TAgreementEvent,
  type TAgreementKind,
  type TAgreementList,
  type TAgreementSection,
  type TAgreementSections,
  type TAgreementVersion,
  type TAgreementVersions,
} from '#shared/schemas/agreements.ts';
import type { TAcceptance } from '#shared/schemas/co-authored.ts';
import { AppError } from '#shared/errors.ts';
import type { Database, DbOrTx } from '#server/db/index.ts';
import {
  agreementAcceptances,
  agreementEvents,
  agreements,
  agreementVersions,
} from '#server/db/schema/index.ts';
import { versionConflict } from '#server/http/versioning.ts';
import { enqueue } from '#server/jobs/index.ts';
import type { SpaceMemberActor } from '#server/policy/actor.ts';
import {
  acceptCoAuthored,
  coAuthoredMembers,
  compareCoAuthoredVersions,
  createCoAuthored,
  listCoAuthored,
  listCoAuthoredVersions,
  saveCoAuthored,
  withdrawCoAuthored,
  type CoAuthoredEntry,
  type CoAuthoredItem,
  type CoAuthoredKind,
  type CoAuthoredMembers,
  type CoAuthoredVersion,
} from '#server/policy/co-authored.ts';
import { isJointWorkOpen, requireJointWorkOpen } from '#server/policy/joint-work.ts';
import type { FeatureQueries } from '#server/policy/manifest.ts';
import { spaceRows } from '#server/policy/rules.ts';

/**
 * The couple's agreements: many co-authored items per couple (`policy/co-authored.ts` holds the
 * rules: who reads and writes, versions, 412s, acceptance, diffs). This file adds what is only
 * the agreements': a kind that opens with the couple's pace, a review date that brings the
 * agreement back to both, and a visible record of acceptances and withdrawals (decision 0065).
 */
export const AGREEMENT: CoAuthoredKind<TAgreementSection> = {
  sections: AGREEMENT_SECTIONS,
  items: agreements,
  versions: agreementVersions,
  acceptances: agreementAcceptances,
  jointWork: true,
  extra: {
    kind: agreements.kind,
    reviewOn: agreements.reviewOn,
    reviewSetAt: agreements.reviewSetAt,
  },
};

/** The job that tells both partners an agreement's review day has come. */
export const REVIEW_DUE_JOB = 'agreements.review-due';
/** Review reminders go out in the morning (UTC) of the day. */
const REVIEW_HOUR_UTC = 8;
const EVENTS_SHOWN = 20;

const PHASE_NAMES: Record<number, string> = { 2: 'Meaning', 3: 'Moving on' };

type Item = CoAuthoredItem<TAgreementSection>;

function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function kindOf(item: Item): TAgreementKind {
  return item.extra.kind as TAgreementKind;
}

function reviewOf(item: Item): string | null {
  return (item.extra.reviewOn as string | null) ?? null;
}

async function couplePhase(
  db: DbOrTx,
  queries: FeatureQueries,
  actor: SpaceMemberActor,
): Promise<number> {
  const [row] = await db
    .select({ phase: sql<number>`${queries.couplePhase(actor)}` })
    .from(sql`(select 1) as one`);
  return Number(row?.phase ?? 1);
}

/** A kind of a later phase waits until the couple has both chosen to go on to it. */
async function requireKindOpen(
  db: DbOrTx,
  queries: FeatureQueries,
  actor: SpaceMemberActor,
  kind: TAgreementKind,
): Promise<void> {
  const needed = AGREEMENT_KIND_PHASE[kind];
  if (needed > 1 && (await couplePhase(db, queries, actor)) < needed) {
    throw new AppError(
      'conflict',
      `This kind of agreement opens with ${PHASE_NAMES[needed]}, when you have both chosen to go on. There is no hurry.`,
    );
  }
}

interface EventRow {
  agreementId: string;
  what: string;
  version: number;
  reviewOn: string | null;
  at: Date;
  byId: string | null;
  byName: string;
}

async function eventsOf(db: DbOrTx, ids: string[]): Promise<Map<string, EventRow[]>> {
  const out = new Map<string, EventRow[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      agreementId: agreementEvents.agreementId,
      what: agreementEvents.what,
      version: agreementEvents.version,
      reviewOn: agreementEvents.reviewOn,
      at: agreementEvents.at,
      byId: agreementEvents.byId,
      byName: agreementEvents.byName,
    })
    .from(agreementEvents)
    .where(inArray(agreementEvents.agreementId, ids))
    .orderBy(desc(agreementEvents.at), desc(agreementEvents.id));
  for (const row of rows) {
    const list = out.get(row.agreementId) ?? [];
    if (list.length < EVENTS_SHOWN) list.push(row);
    out.set(row.agreementId, list);
  }
  return out;
}

function presentEvent(row: EventRow, actor: SpaceMemberActor): TAgreementEvent {
  return {
    what: row.what as TAgreementEvent['what'],
    version: row.version,
    reviewOn: row.reviewOn,
    at: row.at.toISOString(),
    by: { name: row.byName, mine: row.byId === actor.userId },
  };
}

function present(
  entry: CoAuthoredEntry<TAgreementSection>,
  members: CoAuthoredMembers,
  actor: SpaceMemberActor,
  events: EventRow[],
  today = todayUtc(),
): TAgreement {
  const { item, acceptance, acceptedAt } = entry;
  const reviewOn = reviewOf(item);
  // A review is confirmed by accepting on or after its day, and after it was set: an acceptance
  // from before someone asked for the review does not answer it.
  const setAt = (item.extra.reviewSetAt as Date | null) ?? null;
  const day = reviewOn ? new Date(`${reviewOn}T00:00:00Z`) : null;
  const since = day && setAt && setAt > day ? setAt : day;
  const mineConfirmed = since !== null && acceptedAt.mine !== null && acceptedAt.mine >= since;
  const partnerConfirmed =
    since !== null && acceptedAt.partner !== null && acceptedAt.partner >= since;
  return {
    id: item.id,
    kind: kindOf(item),
    version: item.version,
    sections: item.sections,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    updatedBy: { name: item.updatedByName, mine: item.updatedById === actor.userId },
    acceptance,
    active: acceptance.both,
    current: entry.current,
    together: members.two !== null && item.memberTwoId !== null,
    review: {
      reviewOn,
      due: reviewOn !== null && reviewOn <= today && !(mineConfirmed && partnerConfirmed),
      mineConfirmed,
      partnerConfirmed,
    },
    events: events.map((row) => presentEvent(row, actor)),
  };
}

async function readOne(db: DbOrTx, actor: SpaceMemberActor, id: string): Promise<TAgreement> {
  const { members, entries } = await listCoAuthored(db, AGREEMENT, actor, id);
  const events = await eventsOf(db, [id]);
  return present(entries[0]!, members, actor, events.get(id) ?? []);
}

/** Every agreement I may read, newest change first, with the pause state and our phase. */
export async function listAgreements(
  db: Database,
  queries: FeatureQueries,
  actor: SpaceMemberActor,
): Promise<TAgreementList> {
  const [{ members, entries }, jointWorkOpen, phase] = await Promise.all([
    listCoAuthored(db, AGREEMENT, actor),
    isJointWorkOpen(db, actor.space.id),
    couplePhase(db, queries, actor),
  ]);
  const events = await eventsOf(
    db,
    entries.map((e) => e.item.id),
  );
  const today = todayUtc();
  return {
    agreements: entries.map((e) => present(e, members, actor, events.get(e.item.id) ?? [], today)),
    jointWorkOpen,
    phase,
  };
}

export async function getAgreement(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
): Promise<TAgreement> {
  return readOne(db, actor, id);
}

/** Drafts a new agreement: version 1, which nobody has accepted yet. */
export async function createAgreement(
  db: Database,
  queries: FeatureQueries,
  actor: SpaceMemberActor,
  body: TAgreementCreateBody,
): Promise<TAgreement> {
  return db.transaction(async (tx) => {
    await requireKindOpen(tx, queries, actor, body.kind);
    const saved = await createCoAuthored(tx, AGREEMENT, actor, body.sections, { kind: body.kind });
    return readOne(tx, actor, saved.item.id);
  });
}

/** The kind of an agreement of the people in the space now (404 for anything else). */
async function currentKind(
  db: DbOrTx,
  actor: SpaceMemberActor,
  id: string,
): Promise<{ kind: TAgreementKind; entry: CoAuthoredEntry<TAgreementSection> }> {
  const { entries } = await listCoAuthored(db, AGREEMENT, actor, id);
  const entry = entries[0]!;
  if (!entry.current) {
    throw new AppError(
      'conflict',
      'This agreement was made with a different partner in the space. It can be read, not changed.',
    );
  }
  return { kind: kindOf(entry.item), entry };
}

/**
 * Proposes a change: the whole text as a new version, which ends both acceptances until each of
 * us accepts again. A save from an older version gets a 412 with the agreement as it is now.
 */
export async function saveAgreement(
  db: Database,
  queries: FeatureQueries,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  sections: TAgreementSections,
): Promise<TAgreement> {
  return db.transaction(async (tx) => {
    const { kind } = await currentKind(tx, actor, id);
    await requireKindOpen(tx, queries, actor, kind);
    await withConflictAsRead(tx, actor, id, () =>
      saveCoAuthored(tx, AGREEMENT, actor, expected, sections, () => null, id),
    );
    return readOne(tx, actor, id);
  });
}

/**
 * Runs a core write; its 412 carries the agreement as this feature reads it (with the review
 * and the events), read after the write's own statement so it is the version that won.
 */
async function withConflictAsRead<T>(
  tx: DbOrTx,
  actor: SpaceMemberActor,
  id: string,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof AppError && error.code === 'precondition_failed') {
      throw versionConflict(await readOne(tx, actor, id), error.message);
    }
    throw error;
  }
}

async function record(
  tx: DbOrTx,
  actor: SpaceMemberActor,
  id: string,
  what: TAgreementEvent['what'],
  version: number,
  reviewOn: string | null = null,
): Promise<void> {
  const members = await coAuthoredMembers(tx, actor);
  await tx.insert(agreementEvents).values({
    agreementId: id,
    membershipId: members.mine,
    byId: actor.userId,
    byName: actor.displayName,
    what,
    version,
    reviewOn,
  });
}

/**
 * "I accept this exact version" (If-Match). Accepting a version that is no longer the newest is
 * refused with a 412 and the newest version. Accepting again after the review day confirms it.
 */
export async function acceptAgreement(
  db: Database,
  queries: FeatureQueries,
  actor: SpaceMemberActor,
  id: string,
  version: number,
): Promise<TAgreement> {
  return db.transaction(async (tx) => {
    const { kind } = await currentKind(tx, actor, id);
    await requireKindOpen(tx, queries, actor, kind);
    const acceptance: TAcceptance = await withConflictAsRead(tx, actor, id, () =>
      acceptCoAuthored(tx, AGREEMENT, actor, version, () => null, id),
    );
    await record(tx, actor, id, 'accepted', acceptance.version);
    return readOne(tx, actor, id);
  });
}

/** Withdraws my acceptance: never held, and both see that I did. */
export async function withdrawAgreement(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
): Promise<TAgreement> {
  return db.transaction(async (tx) => {
    const before = await readOne(tx, actor, id);
    await withdrawCoAuthored(tx, AGREEMENT, actor, id);
    if (before.acceptance.mine) await record(tx, actor, id, 'withdrew', before.version);
    return readOne(tx, actor, id);
  });
}

/**
 * Sets (or clears) the day the agreement comes back to both of us. On that morning both are
 * told; until both confirm it (accept again) or change it, the page marks it as due.
 */
export async function setReviewDate(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  reviewOn: string | null,
): Promise<TAgreement> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const { entry } = await currentKind(tx, actor, id);
    await tx
      .update(agreements)
      .set({ reviewOn, reviewSetAt: reviewOn === null ? null : new Date() })
      .where(and(eq(agreements.id, id), spaceRows(actor, agreements.spaceId)));
    await record(tx, actor, id, 'review-date', entry.item.version, reviewOn);
    if (reviewOn !== null) {
      const runAt = new Date(`${reviewOn}T00:00:00Z`);
      runAt.setUTCHours(REVIEW_HOUR_UTC);
      await enqueue(tx, {
        kind: REVIEW_DUE_JOB,
        dedupKey: `${REVIEW_DUE_JOB}:${id}:${reviewOn}`,
        payload: { agreementId: id, reviewOn },
        runAt,
      });
    }
    return readOne(tx, actor, id);
  });
}

function presentVersion(
  row: CoAuthoredVersion<TAgreementSection>,
  actor: SpaceMemberActor,
): TAgreementVersion {
  return {
    version: row.version,
    sections: row.sections,
    createdAt: row.createdAt.toISOString(),
    author: { name: row.authorName, mine: row.authorId === actor.userId },
  };
}

/** Every version of an agreement I may read, newest first. */
export async function listAgreementVersions(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<TAgreementVersions> {
  const page = await listCoAuthoredVersions(db, AGREEMENT, actor, id, query);
  return {
    versions: page.versions.map((row) => presentVersion(row, actor)),
    nextCursor: page.nextCursor,
  };
}

/** Two versions of an agreement I may read, with the word diff of its name and its text. */
export async function compareAgreementVersions(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  versions: { from: number; to: number },
): Promise<TAgreementCompare> {
  const compared = await compareCoAuthoredVersions(db, AGREEMENT, actor, id, versions);
  return {
    from: presentVersion(compared.from, actor),
    to: presentVersion(compared.to, actor),
    diff: compared.diff,
  };
}
