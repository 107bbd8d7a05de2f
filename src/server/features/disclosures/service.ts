import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import type {
  TDisclosure,
  TDisclosureDraftBody,
  TDisclosureOverview,
  TReceivedDisclosure,
  TWrittenDisclosure,
} from '#shared/schemas/disclosures.ts';
import type { TInjuryRole } from '#shared/schemas/injuries.ts';
import type { Database, DbOrTx } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';
import { disclosures } from '#server/db/schema/index.ts';
import { notify } from '#server/events/notify.ts';
import { versionConflict } from '#server/http/versioning.ts';
import type { SignedInActor, SpaceMemberActor } from '#server/policy/actor.ts';
import { myInjuryRolesSql } from '#server/policy/injury-roles.ts';
import { jointWorkOpenSql, requireJointWorkOpen } from '#server/policy/joint-work.ts';
import { isSpaceMember, othersVisibleItems, ownItems, visibleItems } from '#server/policy/rules.ts';

/**
 * Sealed disclosures (docs/features/disclosures.md, decision 0060). Every read goes through
 * `visibleItems`: a draft is private, so the partner's queries never reach it; a sealed one is
 * shared with the partner, who gets its words only once they have opened it.
 */

type Row = typeof disclosures.$inferSelect;

/** The item columns the policy rules scope on. */
export const disclosureItem = {
  authorId: disclosures.authorId,
  spaceId: disclosures.spaceId,
  visibility: disclosures.visibility,
  sharedAt: disclosures.sharedAt,
};

const NOT_INVOLVED =
  'Disclosures are written by the partner who was involved in an injury you have named. You can name it, or confirm your partner’s naming, on the injuries page.';
const SEALED =
  'This disclosure is sealed, so it is kept exactly as it was. To add something, you can write a new one.';
const NO_PARTNER =
  'Your partner has not joined your space yet, so there is no one to seal this for. It stays a private draft.';
const NOTHING_TO_SEAL = 'There is nothing to seal yet. Your draft is still private.';

const iso = (date: Date | null) => date?.toISOString() ?? null;

function presentWriter(row: Row): TWrittenDisclosure {
  return {
    view: 'writer',
    id: row.id,
    state: row.openedAt ? 'opened' : row.sealedAt ? 'sealed' : 'draft',
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    savedAt: row.updatedAt.toISOString(),
    sealedAt: iso(row.sealedAt),
    openedAt: iso(row.openedAt),
    version: row.version,
  };
}

/** The partner's view: the words only once opened. */
function presentReader(row: Row): TReceivedDisclosure {
  return {
    view: 'reader',
    id: row.id,
    sealedAt: row.sealedAt!.toISOString(),
    openedAt: iso(row.openedAt),
    body: row.openedAt ? row.body : null,
  };
}

/** Joint work open, and am I the involved partner of one of our injuries; one read. */
async function spaceFacts(
  db: DbOrTx,
  actor: SignedInActor,
): Promise<{ jointWorkOpen: boolean; canWrite: boolean }> {
  if (!isSpaceMember(actor)) return { jointWorkOpen: true, canWrite: false };
  const [row] = await queryRows<{ open: boolean; roles: TInjuryRole[] }>(
    db,
    sql`select ${jointWorkOpenSql(actor.space.id)} as open, ${myInjuryRolesSql(actor)} as roles`,
  );
  return { jointWorkOpen: row?.open === true, canWrite: (row?.roles ?? []).includes('involved') };
}

export async function getOverview(
  db: Database,
  actor: SignedInActor,
): Promise<TDisclosureOverview> {
  const [rows, facts] = await Promise.all([
    db
      .select()
      .from(disclosures)
      .where(visibleItems(actor, disclosureItem))
      .orderBy(desc(disclosures.createdAt), desc(disclosures.id)),
    spaceFacts(db, actor),
  ]);
  const mine: TDisclosureOverview['mine'] = [];
  const forMe: TDisclosureOverview['forMe'] = [];
  for (const row of rows) {
    if (row.authorId === actor.userId) mine.push(presentWriter(row));
    else if (row.sealedAt) {
      forMe.push({ id: row.id, sealedAt: row.sealedAt.toISOString(), openedAt: iso(row.openedAt) });
    }
  }
  forMe.sort((a, b) => b.sealedAt.localeCompare(a.sealedAt));
  return { ...facts, mine, forMe };
}

export async function getDisclosure(
  db: Database,
  actor: SignedInActor,
  id: string,
): Promise<TDisclosure> {
  const [row] = await db
    .select()
    .from(disclosures)
    .where(and(eq(disclosures.id, id), visibleItems(actor, disclosureItem)));
  if (!row) throw notFound();
  return row.authorId === actor.userId ? presentWriter(row) : presentReader(row);
}

async function findOwn(db: DbOrTx, actor: SignedInActor, id: string): Promise<Row | undefined> {
  const [row] = await db
    .select()
    .from(disclosures)
    .where(and(eq(disclosures.id, id), ownItems(actor, disclosureItem)));
  return row;
}

/** Why a scoped write to my draft changed nothing: not mine (404), sealed (409), or stale (412). */
async function draftWriteFailed(db: DbOrTx, actor: SignedInActor, id: string): Promise<AppError> {
  const row = await findOwn(db, actor, id);
  if (!row) return notFound();
  if (row.sealedAt) return new AppError('conflict', SEALED);
  return versionConflict(presentWriter(row));
}

/** Starts a private draft. Only the involved partner of one of our injuries writes one. */
export async function startDisclosure(
  db: Database,
  actor: SpaceMemberActor,
  body: TDisclosureDraftBody,
): Promise<TWrittenDisclosure> {
  const { canWrite } = await spaceFacts(db, actor);
  if (!canWrite) throw new AppError('conflict', NOT_INVOLVED);
  const now = new Date();
  const [row] = await db
    .insert(disclosures)
    .values({
      authorId: actor.userId,
      spaceId: actor.space.id,
      body: body.body,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return presentWriter(row!);
}

/** Saves the draft. Never held: writing for oneself is never paused. */
export async function saveDraft(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  ifMatch: number,
  body: TDisclosureDraftBody,
): Promise<TWrittenDisclosure> {
  const [row] = await db
    .update(disclosures)
    .set({ body: body.body, updatedAt: new Date(), version: sql`${disclosures.version} + 1` })
    .where(
      and(
        eq(disclosures.id, id),
        ownItems(actor, disclosureItem),
        isNull(disclosures.sealedAt),
        eq(disclosures.version, ifMatch),
      ),
    )
    .returning();
  if (!row) throw await draftWriteFailed(db, actor, id);
  return presentWriter(row);
}

/** Throws a draft away; it leaves nothing behind. A sealed disclosure cannot be. */
export async function discardDraft(db: Database, actor: SignedInActor, id: string): Promise<void> {
  const gone = await db
    .delete(disclosures)
    .where(
      and(eq(disclosures.id, id), ownItems(actor, disclosureItem), isNull(disclosures.sealedAt)),
    )
    .returning({ id: disclosures.id });
  if (gone.length > 0) return;
  const row = await findOwn(db, actor, id);
  if (!row) throw notFound();
  throw new AppError('conflict', SEALED);
}

/**
 * Seals the draft as it is: from now on it never changes, and the partner learns that something
 * waits for them (never what, nor how long). A joint action.
 */
export async function sealDisclosure(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  ifMatch: number,
): Promise<TWrittenDisclosure> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const [row] = await tx
      .select()
      .from(disclosures)
      .where(and(eq(disclosures.id, id), ownItems(actor, disclosureItem)))
      .for('update');
    if (!row) throw notFound();
    if (row.sealedAt) throw new AppError('conflict', SEALED);
    if (row.version !== ifMatch) throw versionConflict(presentWriter(row));
    const partner = actor.space.partner;
    if (!partner) throw new AppError('conflict', NO_PARTNER);
    if (row.body.trim() === '') {
      throw new AppError('validation_failed', NOTHING_TO_SEAL, {
        body: 'Please write what you want to tell before sealing.',
      });
    }
    const now = new Date();
    const [sealed] = await tx
      .update(disclosures)
      .set({
        sealedAt: now,
        visibility: 'partner',
        sharedAt: now,
        spaceId: actor.space.id,
        version: sql`${disclosures.version} + 1`,
      })
      .where(eq(disclosures.id, row.id))
      .returning();
    await notify(tx, {
      kind: 'shared',
      recipients: [partner.userId],
      actorId: actor.userId,
      spaceId: actor.space.id,
      link: '/disclosures',
      joint: true,
    });
    return presentWriter(sealed!);
  });
}

/**
 * The partner opens a disclosure sealed for them: the first opening is recorded, and both see
 * when it was. Opening again only reads it. A joint action: it waits while joint work rests.
 */
export async function openDisclosure(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
): Promise<TReceivedDisclosure> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const scope = and(eq(disclosures.id, id), othersVisibleItems(actor, disclosureItem));
    const [opened] = await tx
      .update(disclosures)
      .set({ openedAt: new Date() })
      .where(and(scope, isNotNull(disclosures.sealedAt), isNull(disclosures.openedAt)))
      .returning();
    if (opened) return presentReader(opened);
    const [row] = await tx.select().from(disclosures).where(scope);
    if (!row?.sealedAt) throw notFound();
    return presentReader(row);
  });
}
