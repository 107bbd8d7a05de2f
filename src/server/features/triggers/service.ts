import { and, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import type { TTriggerEntry, TTriggerEntryValues, TTriggerList } from '#shared/schemas/triggers.ts';
import type { Database } from '#server/db/index.ts';
import { triggerEntries } from '#server/db/schema/index.ts';
import { keysetCursor } from '#server/http/cursor.ts';
import type { SignedInActor, SpaceMemberActor } from '#server/policy/actor.ts';
import { requireJointWorkOpen } from '#server/policy/joint-work.ts';
import {
  isSpaceMember,
  ownItems,
  partnerRows,
  spaceRows,
  visibilityChange,
  visibleItems,
} from '#server/policy/rules.ts';
import { requireActiveTherapist, therapistShareSet } from '#server/policy/therapist-share.ts';
import { sharesWithPartner, sharesWithTherapist } from '#shared/schemas/common.ts';

/**
 * The trigger log: each person's own entries, private unless the author shares one with their
 * partner. Every query carries `ownItems` or `visibleItems` in its WHERE (decision 0015).
 */
const item = {
  authorId: triggerEntries.authorId,
  spaceId: triggerEntries.spaceId,
  visibility: triggerEntries.visibility,
  sharedAt: triggerEntries.sharedAt,
};

type EntryRow = typeof triggerEntries.$inferSelect;

function present(row: EntryRow, actor: SignedInActor): TTriggerEntry {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    cue: row.cue,
    intensity: row.intensity,
    felt: row.felt,
    helped: row.helped,
    nextTime: row.nextTime,
    mine: row.authorId === actor.userId,
    visibility: sharesWithPartner(row.visibility) ? 'partner' : 'private',
    // The partner never learns whether an entry is also shared with the therapist.
    sharedWithTherapist: row.authorId === actor.userId && sharesWithTherapist(row.visibility),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archived: row.archivedAt !== null,
  };
}

/** The page position: the last entry of a page, by when it happened and its id. */
const listCursor = keysetCursor({ occurredAt: 'timestamp', id: 'uuid' });

export async function createEntry(
  db: Database,
  actor: SignedInActor,
  values: TTriggerEntryValues,
): Promise<TTriggerEntry> {
  const now = new Date();
  const [row] = await db
    .insert(triggerEntries)
    .values({
      authorId: actor.userId,
      spaceId: actor.space?.id ?? null,
      occurredAt: values.occurredAt ? new Date(values.occurredAt) : now,
      cue: values.cue,
      intensity: values.intensity,
      felt: values.felt,
      helped: values.helped,
      nextTime: values.nextTime,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return present(row!, actor);
}

export async function listEntries(
  db: Database,
  actor: SignedInActor,
  query: { view: 'mine' | 'archived' | 'partner'; cursor?: string | undefined; limit: number },
): Promise<TTriggerList> {
  const after = query.cursor ? listCursor.decode(query.cursor, 'cursor') : null;
  const conditions: SQL[] = [];
  if (query.view === 'partner') {
    const partner = actor.space?.partner;
    // Nobody to read from. The same empty answer whether or not anyone has written anything.
    if (!actor.space || !partner) return { entries: [], nextCursor: null };
    conditions.push(
      visibleItems(actor, item),
      // Restating parts of the scope at the top level lets the planner use the index of shared
      // rows, so the partner's private entries are never even walked past.
      partnerRows(actor, triggerEntries.authorId),
      spaceRows(actor, triggerEntries.spaceId),
      isNotNull(triggerEntries.sharedAt),
      isNull(triggerEntries.archivedAt),
    );
  } else {
    conditions.push(
      ownItems(actor, item),
      query.view === 'archived'
        ? isNotNull(triggerEntries.archivedAt)
        : isNull(triggerEntries.archivedAt),
    );
  }
  if (after) {
    conditions.push(
      sql`(${triggerEntries.occurredAt}, ${triggerEntries.id}) < (${after.occurredAt}::timestamptz, ${after.id}::uuid)`,
    );
  }
  const rows = await db
    .select()
    .from(triggerEntries)
    .where(and(...conditions))
    .orderBy(desc(triggerEntries.occurredAt), desc(triggerEntries.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map((row) => present(row, actor)),
    nextCursor:
      rows.length > query.limit && last
        ? listCursor.encode({ occurredAt: last.occurredAt.toISOString(), id: last.id })
        : null,
  };
}

/** One entry I may read: my own (archived too), or one my partner shares with me now. */
export async function getEntry(
  db: Database,
  actor: SignedInActor,
  id: string,
): Promise<TTriggerEntry> {
  const [row] = await db
    .select()
    .from(triggerEntries)
    .where(
      and(
        eq(triggerEntries.id, id),
        visibleItems(actor, item),
        sql`(${triggerEntries.archivedAt} is null or ${ownItems(actor, item)})`,
      ),
    )
    .limit(1);
  if (!row) throw notFound();
  return present(row, actor);
}

/**
 * Editing my own entry. While it is shared, the partner reads the change, so that is joint work
 * and waits while joint work is paused; a private entry can always be edited.
 */
export async function updateEntry(
  db: Database,
  actor: SignedInActor,
  id: string,
  values: TTriggerEntryValues,
): Promise<TTriggerEntry> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ visibility: triggerEntries.visibility })
      .from(triggerEntries)
      .where(and(eq(triggerEntries.id, id), ownItems(actor, item)))
      .for('update');
    if (!existing) throw notFound();
    // Only the partner share makes an edit joint work; the therapist is a helper, not the partner.
    if (sharesWithPartner(existing.visibility) && isSpaceMember(actor)) {
      await requireJointWorkOpen(tx, actor);
    }
    const [row] = await tx
      .update(triggerEntries)
      .set({
        ...(values.occurredAt ? { occurredAt: new Date(values.occurredAt) } : {}),
        cue: values.cue,
        intensity: values.intensity,
        felt: values.felt,
        helped: values.helped,
        nextTime: values.nextTime,
        updatedAt: new Date(),
      })
      .where(and(eq(triggerEntries.id, id), ownItems(actor, item)))
      .returning();
    return present(row!, actor);
  });
}

/**
 * Sharing one entry with my partner: joint work, so it waits while joint work is paused. The
 * entry moves into our space and the share starts now, so an entry shared with someone earlier
 * never reaches a later partner by itself (decision 0007, rule 2).
 */
export async function shareEntry(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
): Promise<TTriggerEntry> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: triggerEntries.id })
      .from(triggerEntries)
      .where(
        and(eq(triggerEntries.id, id), ownItems(actor, item), isNull(triggerEntries.archivedAt)),
      )
      .for('update');
    if (!existing) throw notFound();
    await requireJointWorkOpen(tx, actor);
    if (!actor.space.partner) {
      throw new AppError(
        'conflict',
        'There is nobody to share with yet. Once your partner joins your space, you can share entries with them.',
      );
    }
    const [row] = await tx
      .update(triggerEntries)
      .set({
        visibility: visibilityChange.addPartner(triggerEntries.visibility),
        sharedAt: new Date(),
        spaceId: actor.space.id,
      })
      .where(and(eq(triggerEntries.id, id), ownItems(actor, item)))
      .returning();
    return present(row!, actor);
  });
}

/** Private again: never blocked, takes effect on the partner's next request. */
export async function unshareEntry(
  db: Database,
  actor: SignedInActor,
  id: string,
): Promise<TTriggerEntry> {
  const [row] = await db
    .update(triggerEntries)
    .set({ visibility: visibilityChange.removePartner(triggerEntries.visibility), sharedAt: null })
    .where(and(eq(triggerEntries.id, id), ownItems(actor, item)))
    .returning();
  if (!row) throw notFound();
  return present(row, actor);
}

/**
 * Sharing one entry with our therapist, or no longer: a separate choice from the partner share,
 * and not joint work, so it works while joint work is paused. Sharing needs an active therapist;
 * stopping never needs anything. The partner's view of the entry does not change either way.
 */
export async function setEntryTherapistShare(
  db: Database,
  actor: SignedInActor,
  id: string,
  shared: boolean,
): Promise<TTriggerEntry> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: triggerEntries.id })
      .from(triggerEntries)
      .where(
        and(
          eq(triggerEntries.id, id),
          ownItems(actor, item),
          shared ? isNull(triggerEntries.archivedAt) : undefined,
        ),
      )
      .for('update');
    if (!existing) throw notFound();
    if (shared) await requireActiveTherapist(tx, actor);
    const [row] = await tx
      .update(triggerEntries)
      .set({
        ...therapistShareSet(triggerEntries.visibility, shared),
        ...(shared ? { spaceId: actor.space!.id } : {}),
      })
      .where(and(eq(triggerEntries.id, id), ownItems(actor, item)))
      .returning();
    return present(row!, actor);
  });
}

/**
 * Putting an entry away. It also becomes private, so bringing it back never shows it to anyone
 * again without a new, explicit share.
 */
export async function archiveEntry(
  db: Database,
  actor: SignedInActor,
  id: string,
): Promise<TTriggerEntry> {
  const now = new Date();
  const [row] = await db
    .update(triggerEntries)
    .set({
      archivedAt: sql`coalesce(${triggerEntries.archivedAt}, ${now})`,
      visibility: 'private',
      sharedAt: null,
      therapistSharedAt: null,
    })
    .where(and(eq(triggerEntries.id, id), ownItems(actor, item)))
    .returning();
  if (!row) throw notFound();
  return present(row, actor);
}

export async function restoreEntry(
  db: Database,
  actor: SignedInActor,
  id: string,
): Promise<TTriggerEntry> {
  const [row] = await db
    .update(triggerEntries)
    .set({ archivedAt: null })
    .where(and(eq(triggerEntries.id, id), ownItems(actor, item)))
    .returning();
  if (!row) throw notFound();
  return present(row, actor);
}
