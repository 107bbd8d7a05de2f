import { and, asc, eq, gt, gte, lte, not, notExists, or, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import type {
  TChangeInjuryBody,
  TConfirmation,
  TEarlierNote,
  TInjury,
  TInjuryKind,
  TInjuryList,
  TInjuryRole,
  TNameInjuryBody,
} from '#shared/schemas/injuries.ts';
import type { Database, DbOrTx, Transaction } from '#server/db/index.ts';
import { injuries, injuryChanges, injuryNotes, memberships } from '#server/db/schema/index.ts';
import type { Actor, SignedInActor, SpaceMemberActor } from '#server/policy/actor.ts';
import { isJointWorkOpen, requireJointWorkOpen } from '#server/policy/joint-work.ts';
import { isSpaceMember, ownItems, spaceRows } from '#server/policy/rules.ts';
import { versionConflict } from '#server/http/versioning.ts';

/*
 * Who may see an injury, and who may change it (docs/features/injuries.md):
 *
 * - An injury belongs to its space. A member reads it if it was written while they were in the
 *   space, or if nobody left the space between its writing and their joining. So the partner who
 *   joins after a solo start sees it and is asked to confirm, while someone who joins after an
 *   earlier partner left never sees what that earlier couple wrote (decision 0007, rule 3).
 * - It can be changed only while nobody has left since it was written: once a co-author leaves,
 *   it is kept as it was, read-only.
 */

/** Someone left the injury's space after it was written (and, if given, no later than `until`). */
function departedSince(until: Date | null): SQL {
  return and(
    eq(memberships.spaceId, injuries.spaceId),
    gt(memberships.leftAt, injuries.createdAt),
    until ? lte(memberships.leftAt, until) : undefined,
  )!;
}

/** Injuries `actor` may read. */
export function visibleInjuries(actor: Actor, db: DbOrTx): SQL {
  if (!isSpaceMember(actor)) return sql`false`;
  const joinedAt = actor.space.joinedAt;
  return and(
    spaceRows(actor, injuries.spaceId),
    or(
      gte(injuries.createdAt, joinedAt),
      notExists(
        db
          .select({ one: sql`1` })
          .from(memberships)
          .where(departedSince(joinedAt)),
      ),
    ),
  )!;
}

/** True in SQL while nobody has left the injury's space since it was written. */
function stillOpen(db: DbOrTx): SQL<boolean> {
  return sql<boolean>`${notExists(
    db
      .select({ one: sql`1` })
      .from(memberships)
      .where(departedSince(null)),
  )}`;
}

const injuryColumns = {
  id: injuries.id,
  kind: injuries.kind,
  cameToLight: injuries.cameToLight,
  proposedBy: injuries.proposedBy,
  proposerRole: injuries.proposerRole,
  confirmedBy: injuries.confirmedBy,
  version: injuries.version,
  createdAt: injuries.createdAt,
  updatedAt: injuries.updatedAt,
  archivedAt: injuries.archivedAt,
};

type InjuryRow = {
  id: string;
  kind: string;
  cameToLight: string;
  proposedBy: string | null;
  proposerRole: string;
  confirmedBy: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
  canChange: boolean;
  note: string | null;
};

export function otherRole(role: TInjuryRole): TInjuryRole {
  return role === 'hurt' ? 'involved' : 'hurt';
}

function roleOf(actor: SignedInActor, row: InjuryRow): TInjuryRole {
  const proposerRole = row.proposerRole as TInjuryRole;
  return row.proposedBy === actor.userId ? proposerRole : otherRole(proposerRole);
}

function confirmationFor(actor: SpaceMemberActor, row: InjuryRow): TConfirmation {
  if (row.confirmedBy !== null) return 'both';
  if (row.proposedBy !== actor.userId)
    return row.canChange ? 'waiting_for_you' : 'waiting_for_partner';
  return actor.space.partner ? 'waiting_for_partner' : 'waiting_for_partner_to_join';
}

/** `2026-03-01` (first of the month, as stored) → `2026-03`. */
const toMonth = (stored: string) => stored.slice(0, 7);
const fromMonth = (month: string) => `${month}-01`;

function present(actor: SpaceMemberActor, row: InjuryRow): TInjury {
  return {
    id: row.id,
    kind: row.kind as TInjuryKind,
    cameToLight: toMonth(row.cameToLight),
    myRole: roleOf(actor, row),
    confirmation: confirmationFor(actor, row),
    canChange: row.canChange,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    note: row.note === null || row.note === '' ? null : row.note,
  };
}

/** One query: the injuries I may read, with whether each can still change, and my own note. */
function selectInjuries(db: DbOrTx, actor: SpaceMemberActor) {
  return db
    .select({ ...injuryColumns, canChange: stillOpen(db), note: injuryNotes.body })
    .from(injuries)
    .leftJoin(
      injuryNotes,
      and(
        eq(injuryNotes.injuryId, injuries.id),
        ownItems(actor, { authorId: injuryNotes.authorId }),
      ),
    );
}

export async function listInjuries(db: Database, actor: SignedInActor): Promise<TInjuryList> {
  const earlierNotes = await listEarlierNotes(db, actor);
  if (!isSpaceMember(actor)) return { injuries: [], earlierNotes, jointWorkOpen: true };
  const [rows, jointWorkOpen] = await Promise.all([
    selectInjuries(db, actor)
      .where(visibleInjuries(actor, db))
      .orderBy(asc(injuries.createdAt), asc(injuries.id)),
    isJointWorkOpen(db, actor.space.id),
  ]);
  return { injuries: rows.map((row) => present(actor, row)), earlierNotes, jointWorkOpen };
}

/**
 * My private notes on injuries I can no longer see (I left the space they were written in).
 * They stay mine to read (decision 0007, rule 1); the injury itself stays with the space.
 */
async function listEarlierNotes(db: Database, actor: SignedInActor): Promise<TEarlierNote[]> {
  const rows = await db
    .select({ id: injuryNotes.id, note: injuryNotes.body, writtenAt: injuryNotes.createdAt })
    .from(injuryNotes)
    .innerJoin(injuries, eq(injuries.id, injuryNotes.injuryId))
    .where(
      and(
        ownItems(actor, { authorId: injuryNotes.authorId }),
        sql`${injuryNotes.body} <> ''`,
        not(visibleInjuries(actor, db)),
      ),
    )
    .orderBy(asc(injuryNotes.createdAt));
  return rows.map((row) => ({ ...row, writtenAt: row.writtenAt.toISOString() }));
}

export async function getInjury(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
): Promise<TInjury> {
  const [row] = await selectInjuries(db, actor)
    .where(and(visibleInjuries(actor, db), eq(injuries.id, id)))
    .limit(1);
  if (!row) throw notFound();
  return present(actor, row);
}

export async function nameInjury(
  db: Database,
  actor: SpaceMemberActor,
  body: TNameInjuryBody,
): Promise<TInjury> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const now = new Date();
    const [row] = await tx
      .insert(injuries)
      .values({
        spaceId: actor.space.id,
        createdBy: actor.userId,
        kind: body.kind,
        cameToLight: fromMonth(body.cameToLight),
        proposedBy: actor.userId,
        proposerRole: body.myRole,
        proposedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning(injuryColumns);
    const note = body.note ?? '';
    if (note !== '') {
      await tx.insert(injuryNotes).values({
        injuryId: row!.id,
        authorId: actor.userId,
        spaceId: actor.space.id,
        body: note,
        createdAt: now,
        updatedAt: now,
      });
    }
    await recordChange(tx, actor, row!, 'named');
    return present(actor, { ...row!, canChange: true, note: note === '' ? null : note });
  });
}

type Change = 'named' | 'changed' | 'confirmed' | 'roles' | 'archived' | 'restored';

async function recordChange(
  tx: Transaction,
  actor: SignedInActor,
  row: Pick<InjuryRow, 'id' | 'version' | 'kind' | 'cameToLight' | 'proposerRole'>,
  change: Change,
) {
  await tx.insert(injuryChanges).values({
    injuryId: row.id,
    changedBy: actor.userId,
    change,
    version: row.version,
    kind: row.kind,
    cameToLight: row.cameToLight,
    proposerRole: row.proposerRole,
  });
}

const KEPT_AS_IT_WAS =
  'This is kept as it was when it was written, because someone has left the space since. It can no longer be changed.';

/**
 * The common steps of every change to an injury, in one transaction: find it (404 when I may not
 * see it), lock it, check that joint work is open, that it can still change, and that I started
 * from its current version (412 with the current injury otherwise). Then `apply` decides.
 */
async function changeInjury(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  ifMatch: number,
  apply: (row: InjuryRow, tx: Transaction) => Promise<InjuryRow | null>,
): Promise<TInjury> {
  return db.transaction(async (tx) => {
    const [row] = await selectInjuries(tx, actor)
      .where(and(visibleInjuries(actor, tx), eq(injuries.id, id)))
      .for('update', { of: injuries })
      .limit(1);
    if (!row) throw notFound();
    await requireJointWorkOpen(tx, actor);
    if (!row.canChange) throw new AppError('conflict', KEPT_AS_IT_WAS);
    if (row.version !== ifMatch) throw versionConflict(present(actor, row));
    const changed = await apply(row, tx);
    return present(actor, changed ?? row);
  });
}

async function update(
  tx: Transaction,
  actor: SignedInActor,
  row: InjuryRow,
  values: Partial<typeof injuries.$inferInsert>,
  change: Change,
): Promise<InjuryRow> {
  const [updated] = await tx
    .update(injuries)
    .set({ ...values, version: row.version + 1, updatedAt: new Date() })
    .where(eq(injuries.id, row.id))
    .returning(injuryColumns);
  await recordChange(tx, actor, updated!, change);
  return { ...updated!, canChange: row.canChange, note: row.note };
}

/** Asking afresh: I propose (or re-propose) the roles, and the other partner's confirmation is cleared. */
function proposal(actor: SignedInActor, myRole: TInjuryRole, now: Date) {
  return {
    proposedBy: actor.userId,
    proposerRole: myRole,
    proposedAt: now,
    confirmedBy: null,
    confirmedAt: null,
  };
}

export function changeKindOrMonth(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  ifMatch: number,
  body: TChangeInjuryBody,
): Promise<TInjury> {
  return changeInjury(db, actor, id, ifMatch, async (row, tx) => {
    const kind = body.kind ?? row.kind;
    const cameToLight = body.cameToLight ? fromMonth(body.cameToLight) : row.cameToLight;
    if (kind === row.kind && cameToLight === row.cameToLight) return null;
    // Changing what is named asks both to confirm again; the one changing it has, by changing it.
    return update(
      tx,
      actor,
      row,
      { kind, cameToLight, ...proposal(actor, roleOf(actor, row), new Date()) },
      'changed',
    );
  });
}

export function confirmRoles(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  ifMatch: number,
): Promise<TInjury> {
  return changeInjury(db, actor, id, ifMatch, async (row, tx) => {
    if (row.confirmedBy !== null) return null;
    if (row.proposedBy === actor.userId) {
      throw new AppError(
        'conflict',
        'You have confirmed these roles already. They need your partner’s confirmation too.',
      );
    }
    return update(
      tx,
      actor,
      row,
      { confirmedBy: actor.userId, confirmedAt: new Date() },
      'confirmed',
    );
  });
}

export function proposeRoles(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  ifMatch: number,
  myRole: TInjuryRole,
): Promise<TInjury> {
  return changeInjury(db, actor, id, ifMatch, async (row, tx) => {
    if (myRole === roleOf(actor, row)) {
      if (row.proposedBy === actor.userId) return null;
      throw new AppError(
        'conflict',
        'These are already the suggested roles. If they look right to you, please confirm them.',
      );
    }
    return update(tx, actor, row, proposal(actor, myRole, new Date()), 'roles');
  });
}

export function archiveInjury(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  ifMatch: number,
  archived: boolean,
): Promise<TInjury> {
  return changeInjury(db, actor, id, ifMatch, async (row, tx) => {
    if ((row.archivedAt !== null) === archived) return null;
    return update(
      tx,
      actor,
      row,
      { archivedAt: archived ? new Date() : null },
      archived ? 'archived' : 'restored',
    );
  });
}

/** My private note on an injury I can see. Never joint work, so never paused. */
export async function saveNote(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  note: string,
): Promise<TInjury> {
  return db.transaction(async (tx) => {
    const [row] = await selectInjuries(tx, actor)
      .where(and(visibleInjuries(actor, tx), eq(injuries.id, id)))
      .limit(1);
    if (!row) throw notFound();
    const now = new Date();
    await tx
      .insert(injuryNotes)
      .values({
        injuryId: id,
        authorId: actor.userId,
        spaceId: actor.space.id,
        body: note,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [injuryNotes.injuryId, injuryNotes.authorId],
        set: { body: note, updatedAt: now },
      });
    return present(actor, { ...row, note });
  });
}
