import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import {
  FACTORS_MAX,
  type TFactor,
  type TFactorArea,
  type TFactorInput,
  type TFactorMap,
} from '#shared/schemas/meaning.ts';
import type { Database, DbOrTx } from '#server/db/index.ts';
import { meaningFactors as factors } from '#server/db/schema/index.ts';
import { notify } from '#server/events/notify.ts';
import type { SpaceMemberActor } from '#server/policy/actor.ts';
import { requireJointWorkOpen } from '#server/policy/joint-work.ts';
import { ownItems, partnerSharedItems, spaceRows, visibilityChange } from '#server/policy/rules.ts';
import { jointState, requirePaceOpen, type PaceQueries } from './pace';

/**
 * The contributing-factors map: each partner's own entries, private drafts until their author
 * shares them one at a time. The partner's list reads only shared rows of this space (a partial
 * index), so nothing about private drafts — not even how many there are — reaches it.
 */

const NO_PARTNER =
  'Your partner has not joined your space yet, so there is no one to share with. Your entry stays private.';
const TOO_MANY = `Your map already holds ${FACTORS_MAX} entries. Please fold some together before adding more.`;

type Row = typeof factors.$inferSelect;

const present = (row: Row, actor: SpaceMemberActor): TFactor => ({
  id: row.id,
  area: row.area as TFactorArea,
  text: row.text,
  mine: row.authorId === actor.userId,
  shared: row.sharedAt !== null,
  sharedAt: row.sharedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** My entries (in any space I wrote them) and my partner's shared ones in our space. */
export async function readMap(
  db: Database,
  queries: PaceQueries,
  actor: SpaceMemberActor,
): Promise<TFactorMap> {
  const [mine, partner, state] = await Promise.all([
    db
      .select()
      .from(factors)
      .where(ownItems(actor, factors))
      .orderBy(asc(factors.createdAt), asc(factors.id)),
    db
      .select()
      .from(factors)
      .where(
        and(
          partnerSharedItems(actor, factors),
          spaceRows(actor, factors.spaceId),
          isNotNull(factors.sharedAt),
        ),
      )
      .orderBy(asc(factors.createdAt), asc(factors.id)),
    jointState(db, queries, actor),
  ]);
  return {
    mine: mine.map((row) => present(row, actor)),
    partner: partner.map((row) => present(row, actor)),
    sharingOpen: state.paceOpen && state.jointWorkOpen && actor.space.partner !== null,
    ...state,
  };
}

/** Adds a private entry to my map. Never held: it is my own draft until I share it. */
export async function addFactor(
  db: Database,
  actor: SpaceMemberActor,
  input: TFactorInput,
): Promise<TFactor> {
  return db.transaction(async (tx) => {
    const [held] = await tx.select({ n: count() }).from(factors).where(ownItems(actor, factors));
    if ((held?.n ?? 0) >= FACTORS_MAX) {
      throw new AppError('validation_failed', TOO_MANY, { text: TOO_MANY });
    }
    const now = new Date();
    const [row] = await tx
      .insert(factors)
      .values({
        authorId: actor.userId,
        spaceId: actor.space.id,
        area: input.area,
        text: input.text,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return present(row!, actor);
  });
}

async function ownRow(tx: DbOrTx, actor: SpaceMemberActor, id: string): Promise<Row> {
  const [row] = await tx
    .select()
    .from(factors)
    .where(and(ownItems(actor, factors), eq(factors.id, id)))
    .for('update');
  if (!row) throw notFound();
  return row;
}

async function tellPartner(tx: DbOrTx, actor: SpaceMemberActor): Promise<void> {
  const partner = actor.space.partner;
  if (!partner) return;
  // "Sam shared something with you": no words of the entry, only where to look.
  await notify(tx, {
    kind: 'shared',
    recipients: [partner.userId],
    actorId: actor.userId,
    spaceId: actor.space.id,
    link: '/meaning#factors',
    joint: true,
  });
}

/**
 * Changes my entry. While it is shared the partner reads the change, so it is joint work then
 * (held while joint work rests) and the partner is told; a private draft changes freely.
 */
export async function updateFactor(
  db: Database,
  queries: PaceQueries,
  actor: SpaceMemberActor,
  id: string,
  input: TFactorInput,
): Promise<TFactor> {
  return db.transaction(async (tx) => {
    const row = await ownRow(tx, actor, id);
    const shared = row.sharedAt !== null;
    if (shared) {
      await requireJointWorkOpen(tx, actor);
      await requirePaceOpen(tx, queries, actor);
    }
    const [updated] = await tx
      .update(factors)
      .set({ area: input.area, text: input.text, updatedAt: new Date() })
      .where(and(ownItems(actor, factors), eq(factors.id, row.id)))
      .returning();
    if (shared && row.spaceId === actor.space.id) await tellPartner(tx, actor);
    return present(updated!, actor);
  });
}

/** Shares my entry with my partner: joint work of phase 2. */
export async function shareFactor(
  db: Database,
  queries: PaceQueries,
  actor: SpaceMemberActor,
  id: string,
): Promise<TFactor> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const row = await ownRow(tx, actor, id);
    if (!actor.space.partner) throw new AppError('conflict', NO_PARTNER);
    await requirePaceOpen(tx, queries, actor);
    const now = new Date();
    // The share moves the entry into this space and starts now (decision 0007, rule 2).
    const [updated] = await tx
      .update(factors)
      .set({
        visibility: visibilityChange.addPartner(factors.visibility),
        sharedAt: now,
        spaceId: actor.space.id,
      })
      .where(and(ownItems(actor, factors), eq(factors.id, row.id)))
      .returning();
    await tellPartner(tx, actor);
    return present(updated!, actor);
  });
}

/** Makes my entry private again. Never held, never told. */
export async function unshareFactor(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
): Promise<TFactor> {
  const [updated] = await db
    .update(factors)
    .set({ visibility: visibilityChange.removePartner(factors.visibility), sharedAt: null })
    .where(and(ownItems(actor, factors), eq(factors.id, id)))
    .returning();
  if (!updated) throw notFound();
  return present(updated, actor);
}

/** Removes my entry for good. Never held. */
export async function removeFactor(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
): Promise<void> {
  const removed = await db
    .delete(factors)
    .where(and(ownItems(actor, factors), eq(factors.id, id)))
    .returning({ id: factors.id });
  if (removed.length === 0) throw notFound();
}
