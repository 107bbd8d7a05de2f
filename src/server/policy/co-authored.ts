import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { AppError, notFound } from '#shared/errors.ts';
import type { TAcceptance } from '#shared/schemas/co-authored.ts';
import { wordDiff, type WordDiffPart } from '#shared/word-diff.ts';
import type { DbOrTx } from '#server/db/index.ts';
import { memberships } from '#server/db/schema/index.ts';
import { versionConflict } from '#server/http/versioning.ts';
import type { SpaceMemberActor } from './actor';
import type { CommentableKind } from './commentable';
import { itemPart } from './manifest';
import { requireJointWorkOpen } from './joint-work';
import { isSpaceMember, ownRows, spaceRows } from './rules';

/**
 * The co-authored item core (issue 11, item 2): items that belong to the couple in a space, not
 * to one author. The trigger plan is the first; later shared writing (agreements, the shared
 * narrative) uses the same calls. What it promises:
 *
 * - **Both members read and write.** An item belongs to one set of members: the memberships of
 *   the people in the space when it was started (decision 0007, rule 3). Reading needs an active
 *   membership in that set, so the one who left reads nothing, the one who stays keeps it as
 *   read-only history, and someone who joins later never sees anything written before.
 * - **Nothing is overwritten.** Every save is a new version row with its author (id and name at
 *   the time) and time; the item row holds the newest text and its version number.
 * - **A stale write gets 412** with the item as it is now (`versionConflict`), decided in one
 *   statement, so of two saves from the same version exactly one wins.
 * - **"We both accept this exact version"**: an acceptance names a version and counts only while
 *   that is the item's version, so a new version ends every acceptance; either may withdraw.
 * - **A word diff between any two versions** (`src/shared/word-diff.ts`, decision 0035).
 *
 * A feature declares its tables with the column helpers of `db/schema/co-authored.ts` plus its
 * own text sections, describes them in a `CoAuthoredKind`, and presents what these calls return
 * in its own response schemas (built from `shared/schemas/co-authored.ts`).
 */

type Col = AnyPgColumn;
type ItemKey =
  | 'id'
  | 'spaceId'
  | 'memberOneId'
  | 'memberTwoId'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'updatedById'
  | 'updatedByName';
type VersionKey = 'itemId' | 'version' | 'authorId' | 'authorName' | 'createdAt';

export interface CoAuthoredKind<S extends string> {
  /** The item's text sections: the same property names in the item and versions tables. */
  sections: readonly S[];
  items: PgTable & { [K in ItemKey]: Col } & { [K in S]: Col };
  versions: PgTable & { [K in VersionKey]: Col } & { [K in S]: Col };
  acceptances: PgTable & { [K in 'itemId' | 'membershipId' | 'version' | 'acceptedAt']: Col };
  /** Saving and accepting are joint work: held while the couple's joint work is paused. */
  jointWork: boolean;
  /**
   * Item columns that are not versioned text (an agreement's kind, its review date), read with
   * the item into `extra`. Only the feature writes them, with `createCoAuthored` or its own update.
   */
  extra?: Record<string, Col>;
}

export type Sections<S extends string> = Record<S, string>;

/** The memberships of the people in my space now, in a fixed order (smaller id first). */
export interface CoAuthoredMembers {
  mine: string;
  one: string;
  two: string | null;
}

export interface CoAuthoredItem<S extends string> {
  id: string;
  memberOneId: string;
  memberTwoId: string | null;
  version: number;
  sections: Sections<S>;
  createdAt: Date;
  updatedAt: Date;
  updatedById: string | null;
  updatedByName: string;
  /** The kind's `extra` columns, by the same names. */
  extra: Record<string, unknown>;
}

export interface CoAuthoredVersion<S extends string> {
  version: number;
  sections: Sections<S>;
  createdAt: Date;
  authorId: string | null;
  authorName: string;
}

/** Presents the item as it is now for a 412 (the feature's own response shape). */
export type ConflictPresenter<S extends string> = (
  current: CoAuthoredItem<S> | undefined,
  members: CoAuthoredMembers,
  acceptance: TAcceptance,
) => unknown;

type Reader = Pick<DbOrTx, 'select'>;

/** A feature's table as Drizzle's plain table type (its generic column map confuses inference). */
function tableOf(table: PgTable): PgTable {
  return table;
}

export async function coAuthoredMembers(
  db: Reader,
  actor: SpaceMemberActor,
): Promise<CoAuthoredMembers> {
  const rows = await db
    .select({ id: memberships.id, userId: memberships.userId })
    .from(memberships)
    .where(and(spaceRows(actor, memberships.spaceId), isNull(memberships.leftAt)));
  const mine = rows.find((row) => row.userId === actor.userId);
  if (!mine) throw notFound();
  const ids = rows.map((row) => row.id).sort();
  return { mine: mine.id, one: ids[0]!, two: ids[1] ?? null };
}

/** Is this item the one of the people in the space now (the only one that can change)? */
export function isCurrentItem(
  item: Pick<CoAuthoredItem<string>, 'memberOneId' | 'memberTwoId'>,
  members: CoAuthoredMembers,
): boolean {
  return item.memberOneId === members.one && item.memberTwoId === members.two;
}

/** Items that name one of my active memberships: the only ones I may read. */
function readableItems(kind: CoAuthoredKind<string>, actor: SpaceMemberActor, mine: string): SQL {
  return and(
    spaceRows(actor, kind.items.spaceId),
    or(eq(kind.items.memberOneId, mine), eq(kind.items.memberTwoId, mine)),
  )!;
}

/**
 * The item of the people in the space now: the only one, for a kind with one item per set of
 * members (the trigger plan), or the one named by `itemId`, for a kind with many (agreements).
 * Either way an item of an earlier set of members never matches, so it can never change.
 */
function currentItemOf(
  kind: CoAuthoredKind<string>,
  actor: SpaceMemberActor,
  members: CoAuthoredMembers,
  itemId?: string,
): SQL {
  return and(
    spaceRows(actor, kind.items.spaceId),
    eq(kind.items.memberOneId, members.one),
    members.two === null ? isNull(kind.items.memberTwoId) : eq(kind.items.memberTwoId, members.two),
    itemId === undefined ? undefined : eq(kind.items.id, itemId),
  )!;
}

function sectionColumns<S extends string>(
  sections: readonly S[],
  table: Record<S, Col>,
): Record<S, Col> {
  return Object.fromEntries(sections.map((s) => [s, table[s]])) as Record<S, Col>;
}

function itemFields<S extends string>(kind: CoAuthoredKind<S>): Record<string, Col> {
  const t = kind.items;
  return {
    id: t.id,
    memberOneId: t.memberOneId,
    memberTwoId: t.memberTwoId,
    version: t.version,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    updatedById: t.updatedById,
    updatedByName: t.updatedByName,
    ...sectionColumns(kind.sections, t),
    ...Object.fromEntries(Object.entries(kind.extra ?? {}).map(([k, c]) => [`extra_${k}`, c])),
  };
}

function toItem<S extends string>(
  kind: CoAuthoredKind<S>,
  row: Record<string, unknown>,
): CoAuthoredItem<S> {
  return {
    id: row.id as string,
    memberOneId: row.memberOneId as string,
    memberTwoId: row.memberTwoId as string | null,
    version: row.version as number,
    sections: pickSections(kind.sections, row),
    createdAt: row.createdAt as Date,
    updatedAt: row.updatedAt as Date,
    updatedById: row.updatedById as string | null,
    updatedByName: row.updatedByName as string,
    extra: Object.fromEntries(Object.keys(kind.extra ?? {}).map((k) => [k, row[`extra_${k}`]])),
  };
}

function pickSections<S extends string>(
  sections: readonly S[],
  row: Record<string, unknown>,
): Sections<S> {
  return Object.fromEntries(sections.map((s) => [s, row[s] as string])) as Sections<S>;
}

/** Nobody has accepted anything (nothing written, or a version just saved). */
function noAcceptance(version: number): TAcceptance {
  return { version, mine: false, partner: false, both: false };
}

/** Who accepts the item's version now. */
async function acceptanceOf(
  db: Reader,
  kind: CoAuthoredKind<string>,
  members: CoAuthoredMembers,
  item: CoAuthoredItem<string> | undefined,
): Promise<TAcceptance> {
  if (!item) return noAcceptance(0);
  const a = kind.acceptances;
  const rows = await db
    .select({ membershipId: a.membershipId })
    .from(tableOf(a))
    .where(and(eq(a.itemId, item.id), eq(a.version, item.version)));
  const ids = new Set(rows.map((row) => row.membershipId as string));
  const partnerId = members.one === members.mine ? members.two : members.one;
  const mine = ids.has(members.mine);
  const partner = partnerId !== null && ids.has(partnerId);
  return { version: item.version, mine, partner, both: mine && partner };
}

async function readCurrent<S extends string>(
  db: Reader,
  kind: CoAuthoredKind<S>,
  actor: SpaceMemberActor,
  members: CoAuthoredMembers,
  itemId?: string,
): Promise<CoAuthoredItem<S> | undefined> {
  const [row] = await db
    .select(itemFields(kind))
    .from(tableOf(kind.items))
    .where(currentItemOf(kind, actor, members, itemId));
  return row ? toItem(kind, row) : undefined;
}

export interface CoAuthoredRead<S extends string> {
  members: CoAuthoredMembers;
  /** The item of the people in the space now; undefined before anything is written. */
  current: CoAuthoredItem<S> | undefined;
  /** Items I wrote with a set of people that has since changed, newest first: read-only. */
  earlier: CoAuthoredItem<S>[];
  /** Who accepts the current item's version. */
  acceptance: TAcceptance;
}

/** The current item, the earlier ones I may read, and who accepts the current version. */
export async function readCoAuthored<S extends string>(
  db: Reader,
  kind: CoAuthoredKind<S>,
  actor: SpaceMemberActor,
): Promise<CoAuthoredRead<S>> {
  const members = await coAuthoredMembers(db, actor);
  const rows = await db
    .select(itemFields(kind))
    .from(tableOf(kind.items))
    .where(readableItems(kind, actor, members.mine))
    .orderBy(desc(kind.items.updatedAt));
  const items = rows.map((row) => toItem(kind, row));
  const current = items.find((item) => isCurrentItem(item, members));
  return {
    members,
    current,
    earlier: items.filter((item) => item !== current),
    acceptance: await acceptanceOf(db, kind, members, current),
  };
}

export interface CoAuthoredSaved<S extends string> {
  item: CoAuthoredItem<S>;
  members: CoAuthoredMembers;
  acceptance: TAcceptance;
}

/**
 * Saves the whole item as a new version. `expected` is the version the writer started from (0
 * before anything was written); if someone saved in between, nothing is written and the writer
 * gets a 412 with `present(the item as it is now)`. A kind with many items per set of members
 * names the item (`itemId`) and starts new ones with `createCoAuthored`.
 */
export async function saveCoAuthored<S extends string>(
  db: DbOrTx,
  kind: CoAuthoredKind<S>,
  actor: SpaceMemberActor,
  expected: number,
  sections: Sections<S>,
  present: ConflictPresenter<S>,
  itemId?: string,
): Promise<CoAuthoredSaved<S>> {
  const outcome = await db.transaction(async (tx) => {
    if (kind.jointWork) await requireJointWorkOpen(tx, actor);
    const members = await coAuthoredMembers(tx, actor);
    const now = new Date();
    const text = pickSections(kind.sections, sections);
    const change = {
      ...text,
      updatedAt: now,
      updatedById: actor.userId,
      updatedByName: actor.displayName,
    };
    // Either starts the item (only if nobody else just did: the members are unique together) or
    // moves it on by exactly one version (only if it is still at the version the writer started
    // from). Both are one statement, so two writers at once cannot both win.
    const [row] =
      expected === 0 && itemId === undefined
        ? await tx
            .insert(tableOf(kind.items))
            .values({
              spaceId: actor.space.id,
              memberOneId: members.one,
              memberTwoId: members.two,
              version: 1,
              createdAt: now,
              ...change,
            } as never)
            .onConflictDoNothing()
            .returning(itemFields(kind))
        : await tx
            .update(tableOf(kind.items))
            .set({ version: sql`${kind.items.version} + 1`, ...change })
            .where(
              and(currentItemOf(kind, actor, members, itemId), eq(kind.items.version, expected)),
            )
            .returning(itemFields(kind));
    if (!row) {
      const current = await readCurrent(tx, kind, actor, members, itemId);
      // A named item that is not (or no longer) ours to change is simply not there.
      if (!current && itemId !== undefined) throw notFound();
      return {
        conflict: present(current, members, await acceptanceOf(tx, kind, members, current)),
      };
    }
    const item = toItem(kind, row);
    await addVersion(tx, kind, actor, item, text, now);
    return { saved: { item, members, acceptance: noAcceptance(item.version) } };
  });
  if ('conflict' in outcome) throw versionConflict(outcome.conflict);
  return outcome.saved;
}

async function addVersion<S extends string>(
  tx: DbOrTx,
  kind: CoAuthoredKind<S>,
  actor: SpaceMemberActor,
  item: CoAuthoredItem<S>,
  text: Sections<S>,
  now: Date,
): Promise<void> {
  await tx.insert(tableOf(kind.versions)).values({
    itemId: item.id,
    version: item.version,
    ...text,
    authorId: actor.userId,
    authorName: actor.displayName,
    createdAt: now,
  } as never);
}

/**
 * Starts a new item of a kind with many items per set of members (agreements): version 1, by me,
 * for the people in the space now. `extra` holds the kind's own item columns (by property name).
 */
export async function createCoAuthored<S extends string>(
  db: DbOrTx,
  kind: CoAuthoredKind<S>,
  actor: SpaceMemberActor,
  sections: Sections<S>,
  extra: Record<string, unknown> = {},
): Promise<CoAuthoredSaved<S>> {
  return db.transaction(async (tx) => {
    if (kind.jointWork) await requireJointWorkOpen(tx, actor);
    const members = await coAuthoredMembers(tx, actor);
    const now = new Date();
    const text = pickSections(kind.sections, sections);
    const [row] = await tx
      .insert(tableOf(kind.items))
      .values({
        ...extra,
        spaceId: actor.space.id,
        memberOneId: members.one,
        memberTwoId: members.two,
        version: 1,
        createdAt: now,
        ...text,
        updatedAt: now,
        updatedById: actor.userId,
        updatedByName: actor.displayName,
      } as never)
      .returning(itemFields(kind));
    const item = toItem(kind, row!);
    await addVersion(tx, kind, actor, item, text, now);
    return { item, members, acceptance: noAcceptance(item.version) };
  });
}

/** One item and where its acceptances stand, as a list of a kind with many items shows it. */
export interface CoAuthoredEntry<S extends string> {
  item: CoAuthoredItem<S>;
  /** Of the people in the space now, so it can change; otherwise read-only history. */
  current: boolean;
  acceptance: TAcceptance;
  /** When each of us last accepted the item's version now (null: not accepted). */
  acceptedAt: { mine: Date | null; partner: Date | null };
}

/**
 * Every item of a kind with many items that I may read (through one of my active memberships),
 * newest change first, each with its acceptances: two statements whatever the number of items.
 * With `itemId`, just that one (or a 404).
 */
export async function listCoAuthored<S extends string>(
  db: Reader,
  kind: CoAuthoredKind<S>,
  actor: SpaceMemberActor,
  itemId?: string,
): Promise<{ members: CoAuthoredMembers; entries: CoAuthoredEntry<S>[] }> {
  const members = await coAuthoredMembers(db, actor);
  const rows = await db
    .select(itemFields(kind))
    .from(tableOf(kind.items))
    .where(
      and(
        readableItems(kind, actor, members.mine),
        itemId === undefined ? undefined : eq(kind.items.id, itemId),
      ),
    )
    .orderBy(desc(kind.items.updatedAt));
  if (itemId !== undefined && rows.length === 0) throw notFound();
  const items = rows.map((row) => toItem(kind, row));
  const a = kind.acceptances;
  const accepted =
    items.length === 0
      ? []
      : await db
          .select({
            itemId: a.itemId,
            membershipId: a.membershipId,
            version: a.version,
            acceptedAt: a.acceptedAt,
          })
          .from(tableOf(a))
          .where(
            inArray(
              a.itemId,
              items.map((item) => item.id),
            ),
          );
  const partnerId = members.one === members.mine ? members.two : members.one;
  const entries = items.map((item) => {
    const of = (membershipId: string | null): Date | null => {
      if (membershipId === null) return null;
      const row = accepted.find(
        (r) =>
          r.itemId === item.id && r.membershipId === membershipId && r.version === item.version,
      );
      return row ? (row.acceptedAt as Date) : null;
    };
    const mineAt = of(members.mine);
    const partnerAt = of(partnerId);
    return {
      item,
      current: isCurrentItem(item, members),
      acceptance: {
        version: item.version,
        mine: mineAt !== null,
        partner: partnerAt !== null,
        both: mineAt !== null && partnerAt !== null,
      },
      acceptedAt: { mine: mineAt, partner: partnerAt },
    };
  });
  return { members, entries };
}

/** The id of an item I may read (through one of my active memberships), or a 404. */
async function readableItemId(
  db: Reader,
  kind: CoAuthoredKind<string>,
  actor: SpaceMemberActor,
  itemId: string,
): Promise<string> {
  const [item] = await db
    .select({ id: kind.items.id })
    .from(tableOf(kind.items))
    .innerJoin(
      memberships,
      and(
        ownRows(actor, memberships.userId),
        spaceRows(actor, memberships.spaceId),
        isNull(memberships.leftAt),
        or(eq(memberships.id, kind.items.memberOneId), eq(memberships.id, kind.items.memberTwoId)),
      ),
    )
    .where(and(eq(kind.items.id, itemId), spaceRows(actor, kind.items.spaceId)))
    .limit(1);
  if (!item) throw notFound();
  return item.id as string;
}

function versionFields<S extends string>(kind: CoAuthoredKind<S>): Record<string, Col> {
  const t = kind.versions;
  return {
    version: t.version,
    createdAt: t.createdAt,
    authorId: t.authorId,
    authorName: t.authorName,
    ...sectionColumns(kind.sections, t),
  };
}

function toVersion<S extends string>(
  kind: CoAuthoredKind<S>,
  row: Record<string, unknown>,
): CoAuthoredVersion<S> {
  return {
    version: row.version as number,
    sections: pickSections(kind.sections, row),
    createdAt: row.createdAt as Date,
    authorId: row.authorId as string | null,
    authorName: row.authorName as string,
  };
}

const BAD_CURSOR = 'This page position is not valid. Please reload the history.';

/** Every version of an item I may read, newest first; the cursor is the last version shown. */
export async function listCoAuthoredVersions<S extends string>(
  db: Reader,
  kind: CoAuthoredKind<S>,
  actor: SpaceMemberActor,
  itemId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ versions: CoAuthoredVersion<S>[]; nextCursor: string | null }> {
  let before: number | null = null;
  if (query.cursor !== undefined) {
    if (!/^[1-9]\d{0,8}$/.test(query.cursor)) {
      throw new AppError('validation_failed', BAD_CURSOR, { 'querystring.cursor': BAD_CURSOR });
    }
    before = Number(query.cursor);
  }
  const id = await readableItemId(db, kind, actor, itemId);
  const v = kind.versions;
  const rows = await db
    .select(versionFields(kind))
    .from(tableOf(v))
    .where(and(eq(v.itemId, id), before === null ? undefined : lt(v.version, before)))
    .orderBy(desc(v.version))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit).map((row) => toVersion(kind, row));
  const last = page.at(-1);
  return {
    versions: page,
    nextCursor: rows.length > query.limit && last ? String(last.version) : null,
  };
}

/** Two versions of an item I may read and, section by section, the word diff between them. */
export async function compareCoAuthoredVersions<S extends string>(
  db: Reader,
  kind: CoAuthoredKind<S>,
  actor: SpaceMemberActor,
  itemId: string,
  versions: { from: number; to: number },
): Promise<{
  from: CoAuthoredVersion<S>;
  to: CoAuthoredVersion<S>;
  diff: Record<S, WordDiffPart[]>;
}> {
  const id = await readableItemId(db, kind, actor, itemId);
  const v = kind.versions;
  const rows = await db
    .select(versionFields(kind))
    .from(tableOf(v))
    .where(and(eq(v.itemId, id), or(eq(v.version, versions.from), eq(v.version, versions.to))));
  const found = rows.map((row) => toVersion(kind, row));
  const from = found.find((row) => row.version === versions.from);
  const to = found.find((row) => row.version === versions.to);
  if (!from || !to) throw notFound();
  const diff = Object.fromEntries(
    kind.sections.map((s) => [s, wordDiff(from.sections[s], to.sections[s])]),
  ) as Record<S, WordDiffPart[]>;
  return { from, to, diff };
}

const CHANGED_BEFORE_AGREEING =
  'This changed just now, so here is the newest version. Please read it through before you agree.';

/**
 * "I accept this exact version." `version` is the one the person read (If-Match); if the item has
 * moved on since, nothing is recorded and they get a 412 with the item as it is now. Accepting
 * needs both people in the space: alone, there is nobody to agree with.
 */
export async function acceptCoAuthored<S extends string>(
  db: DbOrTx,
  kind: CoAuthoredKind<S>,
  actor: SpaceMemberActor,
  version: number,
  present: ConflictPresenter<S>,
  itemId?: string,
): Promise<TAcceptance> {
  const outcome = await db.transaction(async (tx) => {
    if (kind.jointWork) await requireJointWorkOpen(tx, actor);
    const members = await coAuthoredMembers(tx, actor);
    if (members.two === null) {
      throw new AppError(
        'conflict',
        'Agreeing to a version needs both of you in the space. Your partner has not joined yet.',
      );
    }
    const current = await readCurrent(tx, kind, actor, members, itemId);
    if (!current && itemId !== undefined) throw notFound();
    if (!current && version === 0) {
      throw new AppError(
        'conflict',
        'Nothing has been written yet, so there is nothing to agree to.',
      );
    }
    if (!current || current.version !== version) {
      return {
        conflict: present(current, members, await acceptanceOf(tx, kind, members, current)),
      };
    }
    const a = kind.acceptances;
    const now = new Date();
    // A save at the same moment may move the item on; then this acceptance simply names an
    // older version and does not count, which is what the person would want.
    await tx
      .insert(tableOf(a))
      .values({ itemId: current.id, membershipId: members.mine, version, acceptedAt: now } as never)
      .onConflictDoUpdate({
        target: [a.itemId, a.membershipId],
        set: { version, acceptedAt: now },
      });
    return { acceptance: await acceptanceOf(tx, kind, members, current) };
  });
  if ('conflict' in outcome) throw versionConflict(outcome.conflict, CHANGED_BEFORE_AGREEING);
  return outcome.acceptance;
}

/**
 * Withdraws my acceptance of the current item. Never held: stepping back from an agreement is
 * always possible, like making something private again.
 */
export async function withdrawCoAuthored<S extends string>(
  db: DbOrTx,
  kind: CoAuthoredKind<S>,
  actor: SpaceMemberActor,
  itemId?: string,
): Promise<TAcceptance> {
  return db.transaction(async (tx) => {
    const members = await coAuthoredMembers(tx, actor);
    const current = await readCurrent(tx, kind, actor, members, itemId);
    if (!current && itemId !== undefined) throw notFound();
    if (!current) return noAcceptance(0);
    const a = kind.acceptances;
    await tx
      .delete(tableOf(a))
      .where(and(eq(a.itemId, current.id), eq(a.membershipId, members.mine)));
    return acceptanceOf(tx, kind, members, current);
  });
}

/**
 * A co-authored kind as a kind that can carry comments (issue 12): both members of the item read
 * and write its comments exactly when they may read the item (an active membership in its set),
 * and both stand to it as its authors. A therapist never sees a co-authored item, so never its
 * comments. The feature names it in its manifest's `commentable` list.
 */
export function coAuthoredCommentable<S extends string>(
  kind: CoAuthoredKind<S>,
  name: string,
  title: string,
): CommentableKind {
  const t = kind.items;
  const body = sql`json_build_object(${sql.join(
    kind.sections.map((s) => sql`${s}::text, ${t[s]}`),
    sql`, `,
  )})`;
  return {
    kind: name,
    title,
    find: (actor, itemId) => sql`select ${t.id} as id, null::uuid as author_id,
        ${t.spaceId} as space_id, true as for_partner, false as for_therapist, ${body} as body
      from ${t}
      where ${t.id} = ${itemId} and ${isSpaceMember(actor) ? spaceRows(actor, t.spaceId) : sql`false`}
        and exists (select 1 from ${memberships} m
          where ${ownRows(actor, sql`m.user_id`)} and m.left_at is null
            and (m.id = ${t.memberOneId} or m.id = ${t.memberTwoId}))`,
    readers: (itemId) => sql`select m.user_id, 'author'::text as role from ${t}
      join ${memberships} m on m.left_at is null
        and (m.id = ${t.memberOneId} or m.id = ${t.memberTwoId})
      where ${t.id} = ${itemId}`,
    parts: (row) =>
      kind.sections.map((s) => itemPart(s, row?.[s])).filter((p) => p.text.trim() !== ''),
  };
}
