import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import type {
  TContactCorrection,
  TContactEntry,
  TContactKind,
  TContactLog,
  TNewContactEntry,
} from '#shared/schemas/contact-log.ts';
import type { Database, DbOrTx } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';
import { contactLogEntries, contactLogVersions } from '#server/db/schema/index.ts';
import { notify } from '#server/events/notify.ts';
import { versionConflict } from '#server/http/versioning.ts';
import type { SignedInActor, SpaceMemberActor } from '#server/policy/actor.ts';
import { myInjuryRolesSql } from '#server/policy/injury-roles.ts';
import { jointWorkOpenSql, requireJointWorkOpen } from '#server/policy/joint-work.ts';
import { isSpaceMember, ownItems, spaceRows, visibleItems } from '#server/policy/rules.ts';

const entries = contactLogEntries;
const versions = contactLogVersions;
type EntryRow = typeof entries.$inferSelect;
type VersionRow = typeof versions.$inferSelect;

const NO_PARTNER =
  'Your partner has not joined your space yet. The log is for telling them, so it opens once they are here.';

/** Whether I write in this space's log (I hold the involved role), and whether joint work is open. */
async function facts(db: DbOrTx, actor: SignedInActor) {
  if (!isSpaceMember(actor)) return { iWrite: false, jointWorkOpen: true };
  const [row] = await queryRows<{ open: boolean; roles: string[] }>(
    db,
    sql`select ${jointWorkOpenSql(actor.space.id)} as open, ${myInjuryRolesSql(actor)} as roles`,
  );
  return { iWrite: (row?.roles ?? []).includes('involved'), jointWorkOpen: row?.open === true };
}

function present(actor: SignedInActor, row: EntryRow, wordings: VersionRow[]): TContactEntry {
  return {
    id: row.id,
    kind: row.kind as TContactKind,
    mine: row.authorId === actor.userId,
    wordings: wordings
      .filter((w) => w.entryId === row.id)
      .sort((x, y) => y.number - x.number)
      .map((w) => ({
        number: w.number,
        occurredOn: w.occurredOn,
        how: w.how,
        whatWasSaid: w.whatWasSaid,
        note: w.note,
        writtenAt: w.createdAt.toISOString(),
      })),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

async function wordingsOf(db: DbOrTx, ids: string[]): Promise<VersionRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(versions).where(inArray(versions.entryId, ids));
}

/** My entries, and the entries my partner told me in this space: every wording of each. */
export async function getLog(db: Database, actor: SignedInActor): Promise<TContactLog> {
  const [rows, known] = await Promise.all([
    db
      .select()
      .from(entries)
      .where(visibleItems(actor, entries))
      .orderBy(desc(entries.createdAt), desc(entries.id)),
    facts(db, actor),
  ]);
  const wordings = await wordingsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    ...known,
    partnerPresent: isSpaceMember(actor) && actor.space.partner !== null,
    entries: rows.map((row) => present(actor, row, wordings)),
  };
}

async function presentOne(db: DbOrTx, actor: SignedInActor, row: EntryRow) {
  return present(actor, row, await wordingsOf(db, [row.id]));
}

/** Told to the partner at once (a joint action): contact ended, or a contact since. */
export async function addEntry(
  db: Database,
  actor: SpaceMemberActor,
  body: TNewContactEntry,
): Promise<TContactEntry> {
  return db.transaction(async (tx) => {
    // Only the involved partner writes here; for anyone else the route does not exist.
    if (!(await facts(tx, actor)).iWrite) throw notFound();
    await requireJointWorkOpen(tx, actor);
    const partner = actor.space.partner;
    if (!partner) throw new AppError('conflict', NO_PARTNER);
    const now = new Date();
    const { kind, ...wording } = body;
    const [row] = await tx
      .insert(entries)
      .values({
        authorId: actor.userId,
        spaceId: actor.space.id,
        visibility: 'partner',
        sharedAt: now,
        kind,
        ...wording,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(versions).values({ entryId: row!.id, number: 1, ...wording, createdAt: now });
    await tellPartner(tx, actor, partner.userId);
    return presentOne(tx, actor, row!);
  });
}

/** "Your partner shared something with you": where to look, never what. */
async function tellPartner(tx: DbOrTx, actor: SpaceMemberActor, partnerId: string) {
  await notify(tx, {
    kind: 'shared',
    recipients: [partnerId],
    actorId: actor.userId,
    spaceId: actor.space.id,
    link: '/contact-log',
    joint: true,
  });
}

/**
 * A correction: a new wording, added beside the earlier ones (which stay visible to the partner),
 * and told like a new entry. Needs If-Match; a stale one gets 412 with the entry as it is now.
 */
export async function correctEntry(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  ifMatch: number,
  body: TContactCorrection,
): Promise<TContactEntry> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const [row] = await tx
      .select()
      .from(entries)
      .where(and(eq(entries.id, id), ownItems(actor, entries), spaceRows(actor, entries.spaceId)))
      .for('update');
    if (!row) throw notFound();
    if (row.version !== ifMatch) throw versionConflict(await presentOne(tx, actor, row));
    if (row.kind === 'contact' && body.how === '') {
      throw new AppError('validation_failed', 'Some of what was sent needs another look.', {
        how: 'Please say how the contact happened (a message, a call, meeting in person…).',
      });
    }
    const partner = actor.space.partner;
    if (!partner) throw new AppError('conflict', NO_PARTNER);
    const unchanged =
      row.occurredOn === body.occurredOn &&
      row.how === body.how &&
      row.whatWasSaid === body.whatWasSaid &&
      row.note === body.note;
    if (unchanged) return presentOne(tx, actor, row);
    const now = new Date();
    await tx
      .insert(versions)
      .values({ entryId: row.id, number: row.version + 1, ...body, createdAt: now });
    // shared_at moves with each correction, so it reaches the partner as news like the entry did.
    const [updated] = await tx
      .update(entries)
      .set({ ...body, sharedAt: now, updatedAt: now, version: sql`${entries.version} + 1` })
      .where(eq(entries.id, row.id))
      .returning();
    await tellPartner(tx, actor, partner.userId);
    return presentOne(tx, actor, updated!);
  });
}
