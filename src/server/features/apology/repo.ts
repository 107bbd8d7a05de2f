import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { checkApologyLanguage } from '#shared/apology-language.ts';
import type {
  TAcknowledgement,
  TApologyParts,
  TApologyVersion,
  TCommitment,
  TInjuryRef,
  TReaderApology,
  TVersionStub,
  TWriterApology,
} from '#shared/schemas/apology.ts';
import { ZInjuryKind } from '#shared/schemas/injuries.ts';
import type { DbOrTx } from '#server/db/index.ts';
import {
  apologyAcknowledgements as acks,
  apologies,
  apologyCommitments as commitments,
  apologyFollowThroughs as followThroughs,
  apologyVersions as versions,
} from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import type { SpaceInjury } from '#server/policy/injury-roles.ts';
import { visibleItems } from '#server/policy/rules.ts';
import { sharesWithPartner } from '#shared/visibility.ts';
import type { ApologyLanguage } from './language';

/**
 * The apology's reads and presenters. Every read is scoped in SQL (`visibleItems`, `ownItems`);
 * the reader's presenter takes only sent versions and shared commitments, so nothing of the
 * writer's draft (words, save times, private commitments, counts) reaches the partner.
 */

export type ApologyRow = typeof apologies.$inferSelect;
export type CommitmentRow = typeof commitments.$inferSelect;
export type VersionRow = typeof versions.$inferSelect;

const item = <
  T extends typeof apologies | typeof commitments | typeof followThroughs | typeof acks,
>(
  t: T,
) => ({ authorId: t.authorId, spaceId: t.spaceId, visibility: t.visibility, sharedAt: t.sharedAt });
export const apologyItem = item(apologies);
export const commitmentItem = item(commitments);
export const followThroughItem = item(followThroughs);
export const ackItem = item(acks);

const iso = (date: Date) => date.toISOString();

export function partsOf(row: TApologyParts): TApologyParts {
  return {
    whatIDid: row.whatIDid,
    harm: row.harm,
    responsibility: row.responsibility,
    regret: row.regret,
    change: row.change,
    repair: row.repair,
    forgiveness: row.forgiveness,
  };
}

/** What a send would keep as the version: the forgiveness part only when the writer asks. */
export function sentPartsOf(row: ApologyRow): TApologyParts & { askForgiveness: boolean } {
  return {
    ...partsOf(row),
    forgiveness: row.askForgiveness ? row.forgiveness : '',
    askForgiveness: row.askForgiveness,
  };
}

export function sameAsVersion(row: ApologyRow, version: VersionRow | undefined): boolean {
  if (!version) return false;
  const sent = sentPartsOf(row);
  return (
    (Object.keys(sent) as (keyof typeof sent)[]).every((k) => sent[k] === version[k]) &&
    version.askForgiveness === row.askForgiveness
  );
}

export function injuryRef(injuries: readonly SpaceInjury[], id: string): TInjuryRef | null {
  const found = injuries.find((i) => i.id === id);
  const kind = ZInjuryKind.safeParse(found?.kind);
  return found && kind.success
    ? { id: found.id, kind: kind.data, cameToLight: found.cameToLight }
    : null;
}

async function versionsOf(db: DbOrTx, apologyId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(versions)
    .where(eq(versions.apologyId, apologyId))
    .orderBy(desc(versions.number));
}

const stub = (row: VersionRow): TVersionStub => ({ number: row.number, sentAt: iso(row.sentAt) });

export function presentVersion(row: VersionRow): TApologyVersion {
  return {
    ...partsOf(row),
    askForgiveness: row.askForgiveness,
    number: row.number,
    sentAt: iso(row.sentAt),
  };
}

/**
 * Commitments of these apologies as `actor` may see them: the writer all of theirs, the partner
 * the shared ones; each with its follow-through notes and their acknowledgements (all scoped).
 */
export async function commitmentsOf(
  db: DbOrTx,
  actor: SignedInActor,
  apologyIds: string[],
): Promise<Map<string, TCommitment[]>> {
  const byApology = new Map<string, TCommitment[]>();
  if (apologyIds.length === 0) return byApology;
  const rows = await db
    .select()
    .from(commitments)
    .where(and(inArray(commitments.apologyId, apologyIds), visibleItems(actor, commitmentItem)))
    .orderBy(asc(commitments.checkInOn), asc(commitments.createdAt), asc(commitments.id));
  const presented = await presentCommitments(db, actor, rows);
  for (const c of presented) {
    const list = byApology.get(c.apologyId) ?? [];
    list.push(c);
    byApology.set(c.apologyId, list);
  }
  return byApology;
}

export async function presentCommitments(
  db: DbOrTx,
  actor: SignedInActor,
  rows: CommitmentRow[],
): Promise<TCommitment[]> {
  if (rows.length === 0) return [];
  const notes = await db
    .select()
    .from(followThroughs)
    .where(
      and(
        inArray(
          followThroughs.commitmentId,
          rows.map((r) => r.id),
        ),
        visibleItems(actor, followThroughItem),
      ),
    )
    .orderBy(asc(followThroughs.createdAt), asc(followThroughs.id));
  const answers = notes.length
    ? await db
        .select()
        .from(acks)
        .where(
          and(
            inArray(
              acks.followThroughId,
              notes.map((n) => n.id),
            ),
            visibleItems(actor, ackItem),
          ),
        )
    : [];
  const ackOf = (id: string): TAcknowledgement | null => {
    const row = answers.find((a) => a.followThroughId === id);
    return row
      ? {
          answer: row.answer as TAcknowledgement['answer'],
          note: row.note,
          at: iso(row.updatedAt),
          version: row.version,
        }
      : null;
  };
  return rows.map((row) => ({
    id: row.id,
    apologyId: row.apologyId,
    text: row.text,
    checkInOn: row.checkInOn,
    // The writer's edit count before sending is their own business: the partner gets 0.
    version: row.authorId === actor.userId ? row.version : 0,
    shared: sharesWithPartner(row.visibility),
    followThroughs: notes
      .filter((n) => n.commitmentId === row.id)
      .map((n) => ({
        id: n.id,
        note: n.note,
        on: n.on,
        notedAt: iso(n.createdAt),
        acknowledgement: ackOf(n.id),
      })),
  }));
}

export async function presentWriter(
  db: DbOrTx,
  language: ApologyLanguage,
  actor: SignedInActor,
  row: ApologyRow,
  injuries: readonly SpaceInjury[],
): Promise<TWriterApology> {
  const [sent, byApology] = await Promise.all([
    versionsOf(db, row.id),
    commitmentsOf(db, actor, [row.id]),
  ]);
  const mine = byApology.get(row.id) ?? [];
  const draft = partsOf(row);
  return {
    view: 'writer',
    id: row.id,
    injury: injuryRef(injuries, row.injuryId),
    draft,
    askForgiveness: row.askForgiveness,
    version: row.version,
    savedAt: iso(row.updatedAt),
    versions: sent.map(stub),
    hasUnsentChanges: !sameAsVersion(row, sent[0]) || mine.some((c) => !c.shared),
    findings: checkApologyLanguage(
      language.compiled,
      row.askForgiveness ? draft : { ...draft, forgiveness: '' },
    ),
    commitments: mine,
  };
}

/** Only for a row `visibleItems` let through, written by the partner and sent at least once. */
export async function presentReader(
  db: DbOrTx,
  actor: SignedInActor,
  row: ApologyRow,
  injuries: readonly SpaceInjury[],
): Promise<TReaderApology | null> {
  const [sent, byApology] = await Promise.all([
    versionsOf(db, row.id),
    commitmentsOf(db, actor, [row.id]),
  ]);
  const latest = sent[0];
  if (!latest) return null;
  return {
    view: 'reader',
    id: row.id,
    injury: injuryRef(injuries, row.injuryId),
    latest: presentVersion(latest),
    versions: sent.map(stub),
    commitments: byApology.get(row.id) ?? [],
  };
}

export async function findVisibleApology(
  db: DbOrTx,
  actor: SignedInActor,
  id: string,
): Promise<ApologyRow | undefined> {
  const [row] = await db
    .select()
    .from(apologies)
    .where(and(eq(apologies.id, id), visibleItems(actor, apologyItem)));
  return row;
}

export async function latestVersion(
  db: DbOrTx,
  apologyId: string,
): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(versions)
    .where(eq(versions.apologyId, apologyId))
    .orderBy(desc(versions.number))
    .limit(1);
  return row;
}

export const countSql = sql<number>`count(*)::int`;

export { acks, apologies, commitments, followThroughs, versions };
