import { and, eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import type {
  TMyReflection,
  TPartnerReflection,
  TReflectionsResponse,
} from '#shared/schemas/guide.ts';
import type { Database, Transaction } from '#server/db/index.ts';
import { guideReflections } from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { isJointWorkOpen, requireJointWorkOpen } from '#server/policy/joint-work.ts';
import { isSpaceMember, ownItems, visibilityChange, visibleItems } from '#server/policy/rules.ts';
import { requireActiveTherapist, therapistShareSet } from '#server/policy/therapist-share.ts';
import { sharesWithPartner, sharesWithTherapist } from '#shared/schemas/common.ts';

const ITEM = {
  authorId: guideReflections.authorId,
  spaceId: guideReflections.spaceId,
  visibility: guideReflections.visibility,
  sharedAt: guideReflections.sharedAt,
};

type Row = typeof guideReflections.$inferSelect;

export function presentMine(row: Row): TMyReflection {
  return {
    body: row.body,
    visibility: sharesWithPartner(row.visibility) ? 'partner' : 'private',
    sharedWithTherapist: sharesWithTherapist(row.visibility),
    sharedAt: sharesWithPartner(row.visibility) ? (row.sharedAt?.toISOString() ?? null) : null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

function presentPartner(row: Row): TPartnerReflection {
  return {
    body: row.body,
    sharedAt: row.sharedAt!.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Mine, and my partner's if they shared it with me, in one scoped query. A private reflection of
 * my partner's is never fetched, so the answer is the same whether it exists or not.
 */
export async function readReflections(
  db: Database,
  actor: SignedInActor,
  slug: string,
): Promise<TReflectionsResponse> {
  const rows = await db
    .select()
    .from(guideReflections)
    .where(and(eq(guideReflections.lessonSlug, slug), visibleItems(actor, ITEM)));
  const mine = rows.find((row) => row.authorId === actor.userId);
  const theirs = rows.find((row) => row.authorId !== actor.userId);
  const partner = actor.space?.partner ?? null;
  return {
    mine: mine ? presentMine(mine) : null,
    partnerName: partner?.displayName ?? null,
    partnerReflection: theirs ? presentPartner(theirs) : null,
    sharingPaused: partner && actor.space ? !(await isJointWorkOpen(db, actor.space.id)) : false,
  };
}

/** What the writer believes is stored: a version they read, or "nothing yet". */
export type Precondition = { kind: 'version'; version: number } | { kind: 'none-yet' };

function staleWrite(current: TMyReflection | null): AppError {
  return new AppError(
    'precondition_failed',
    'This reflection was changed in another tab or on another device. The saved version is shown; what you wrote is still in the box.',
    undefined,
    { current },
  );
}

async function lockMine(tx: Transaction, actor: SignedInActor, slug: string) {
  const [row] = await tx
    .select()
    .from(guideReflections)
    .where(and(eq(guideReflections.lessonSlug, slug), ownItems(actor, ITEM)))
    .for('update');
  return row;
}

/**
 * Writes my reflection. A new one is private. Editing keeps its visibility, so a shared one stays
 * shared — which makes the edit a joint action, held like sharing while joint work is paused.
 */
export async function saveMine(
  db: Database,
  actor: SignedInActor,
  slug: string,
  body: string,
  expected: Precondition,
): Promise<TMyReflection> {
  return db.transaction(async (tx) => {
    const existing = await lockMine(tx, actor, slug);
    if (!existing) {
      if (expected.kind !== 'none-yet') throw staleWrite(null);
      const [created] = await tx
        .insert(guideReflections)
        .values({
          authorId: actor.userId,
          spaceId: actor.space?.id ?? null,
          lessonSlug: slug,
          body,
        })
        .onConflictDoNothing()
        .returning();
      if (created) return presentMine(created);
      // Another tab wrote the first version a moment ago.
      const now = await lockMine(tx, actor, slug);
      throw staleWrite(now ? presentMine(now) : null);
    }
    if (expected.kind !== 'version' || expected.version !== existing.version) {
      throw staleWrite(presentMine(existing));
    }
    // Only the partner share makes an edit joint work; the therapist is a helper, not the partner.
    if (sharesWithPartner(existing.visibility) && isSpaceMember(actor)) {
      await requireJointWorkOpen(tx, actor);
    }
    const [updated] = await tx
      .update(guideReflections)
      .set({ body, version: existing.version + 1, updatedAt: sql`now()` })
      .where(eq(guideReflections.id, existing.id))
      .returning();
    return presentMine(updated!);
  });
}

const NO_PARTNER_YET =
  'There is no partner in your space yet, so there is no one to share this with. It stays private.';

/** Shares my reflection with my partner (two steps in the app; the second lands here). */
export async function shareMine(
  db: Database,
  actor: SignedInActor,
  slug: string,
): Promise<TMyReflection> {
  if (!isSpaceMember(actor)) throw notFound();
  if (!actor.space.partner) throw new AppError('conflict', NO_PARTNER_YET);
  const space = actor.space;
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const [row] = await tx
      .update(guideReflections)
      .set({
        visibility: visibilityChange.addPartner(guideReflections.visibility),
        spaceId: space.id,
        sharedAt: sql`now()`,
      })
      .where(and(eq(guideReflections.lessonSlug, slug), ownItems(actor, ITEM)))
      .returning();
    if (!row) throw notFound();
    return presentMine(row);
  });
}

/** Makes my reflection private again. Never held: narrowing is always allowed. */
export async function unshareMine(
  db: Database,
  actor: SignedInActor,
  slug: string,
): Promise<TMyReflection> {
  const [row] = await db
    .update(guideReflections)
    .set({
      visibility: visibilityChange.removePartner(guideReflections.visibility),
      sharedAt: null,
    })
    .where(and(eq(guideReflections.lessonSlug, slug), ownItems(actor, ITEM)))
    .returning();
  if (!row) throw notFound();
  return presentMine(row);
}

/**
 * Shares my reflection with our therapist, or stops. Its own choice, apart from the partner share,
 * and not joint work, so it is never held. Sharing needs an active therapist; stopping needs none.
 */
export async function setMineTherapistShare(
  db: Database,
  actor: SignedInActor,
  slug: string,
  shared: boolean,
): Promise<TMyReflection> {
  return db.transaction(async (tx) => {
    const existing = await lockMine(tx, actor, slug);
    if (!existing) throw notFound();
    if (shared) await requireActiveTherapist(tx, actor);
    const [row] = await tx
      .update(guideReflections)
      .set({
        ...therapistShareSet(guideReflections.visibility, shared),
        ...(shared ? { spaceId: actor.space!.id } : {}),
      })
      .where(and(eq(guideReflections.id, existing.id), ownItems(actor, ITEM)))
      .returning();
    return presentMine(row!);
  });
}
