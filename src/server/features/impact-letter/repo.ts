import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type {
  TLetterSections,
  TMark,
  TReaderLetter,
  TReflection,
  TVersionStub,
  TWriterLetter,
} from '#shared/schemas/impact-letter.ts';
import type { TVisibility } from '#shared/schemas/common.ts';
import type { DbOrTx } from '#server/db/index.ts';
import {
  impactLetterMarks as marks,
  impactLetterReflections as reflections,
  impactLetters as letters,
  impactLetterVersions as versions,
} from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { othersVisibleItems, ownItems, spaceRows, visibleItems } from '#server/policy/rules.ts';

/**
 * The reads of the impact letter, each scoped in SQL by `visibleItems` / `ownItems`, and the
 * presenters that decide what each person is shown. Nothing here tells a reader about the
 * writer's private drafts: no draft text, no draft save times, no counts of private rows.
 */

export type LetterRow = typeof letters.$inferSelect;
export type ReflectionRow = typeof reflections.$inferSelect;
export type MarkRow = typeof marks.$inferSelect;
export type VersionRow = typeof versions.$inferSelect;

export const letterItem = {
  authorId: letters.authorId,
  spaceId: letters.spaceId,
  visibility: letters.visibility,
  sharedAt: letters.sharedAt,
};
export const reflectionItem = {
  authorId: reflections.authorId,
  spaceId: reflections.spaceId,
  visibility: reflections.visibility,
  sharedAt: reflections.sharedAt,
};
export const markItem = {
  authorId: marks.authorId,
  spaceId: marks.spaceId,
  visibility: marks.visibility,
  sharedAt: marks.sharedAt,
};

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/** The letter I am writing now: mine, in my current space, not replaced by a newer one. */
export function isCurrentLetter(actor: SignedInActor, row: LetterRow): boolean {
  return row.supersededAt === null && actor.space !== null && row.spaceId === actor.space.id;
}

/** A condition for my current letter with this id, for writes. */
export function currentLetterScope(actor: SignedInActor, id: string): SQL {
  return and(
    eq(letters.id, id),
    ownItems(actor, letterItem),
    isNull(letters.supersededAt),
    spaceRows(actor, letters.spaceId),
  )!;
}

export function sectionsOf(row: TLetterSections): TLetterSections {
  return {
    whatHappened: row.whatHappened,
    howItAffectedMe: row.howItAffectedMe,
    whatINeedNow: row.whatINeedNow,
  };
}

function sameSections(a: TLetterSections, b: TLetterSections): boolean {
  return (
    a.whatHappened === b.whatHappened &&
    a.howItAffectedMe === b.howItAffectedMe &&
    a.whatINeedNow === b.whatINeedNow
  );
}

export function hasAnyWords(sections: TLetterSections): boolean {
  return Object.values(sectionsOf(sections)).some((part) => part.trim() !== '');
}

/** A letter row visible to `actor` (their own, or one the partner shared with them). */
export async function findVisibleLetter(
  db: DbOrTx,
  actor: SignedInActor,
  id: string,
): Promise<LetterRow | undefined> {
  const [row] = await db
    .select()
    .from(letters)
    .where(and(eq(letters.id, id), visibleItems(actor, letterItem)));
  return row;
}

export async function findOwnLetter(
  db: DbOrTx,
  actor: SignedInActor,
  id: string,
): Promise<LetterRow | undefined> {
  const [row] = await db
    .select()
    .from(letters)
    .where(and(eq(letters.id, id), ownItems(actor, letterItem)));
  return row;
}

/** Every shared version of a letter the caller may read, newest first. */
async function versionsOf(db: DbOrTx, letterId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(versions)
    .where(eq(versions.letterId, letterId))
    .orderBy(desc(versions.number));
}

export async function latestVersionNumber(db: DbOrTx, letterId: string): Promise<number> {
  const [row] = await db
    .select({ number: sql<number>`coalesce(max(${versions.number}), 0)::int` })
    .from(versions)
    .where(eq(versions.letterId, letterId));
  return row?.number ?? 0;
}

const stub = (row: VersionRow): TVersionStub => ({
  number: row.number,
  publishedAt: iso(row.publishedAt),
});

// ---------------------------------------------------------------------------------------------
// Reflections and marks

type Viewer = 'reflection-author' | 'letter-writer';

export function reflectionStatus(row: ReflectionRow): TReflection['status'] {
  if (row.sentAt === null) return 'draft';
  return row.visibility === 'private' ? 'withdrawn' : 'sent';
}

function presentMark(row: MarkRow | undefined): TMark | null {
  if (!row) return null;
  return {
    mark: row.mark as TMark['mark'],
    note: row.note,
    markedAt: iso(row.updatedAt),
    version: row.version,
  };
}

export function presentReflection(
  row: ReflectionRow,
  rowMarks: MarkRow[],
  viewer: Viewer,
): TReflection {
  const forAuthor = viewer === 'reflection-author';
  return {
    id: row.id,
    status: reflectionStatus(row),
    paraphrase: row.paraphrase,
    acknowledgement: row.acknowledgement,
    letterVersion: row.letterVersion,
    sentAt: isoOrNull(row.sentAt),
    // The draft's save times and version are the author's own business.
    savedAt: forAuthor ? iso(row.updatedAt) : null,
    version: forAuthor ? row.version : null,
    marks: {
      paraphrase: presentMark(rowMarks.find((m) => m.part === 'paraphrase')),
      acknowledgement: presentMark(rowMarks.find((m) => m.part === 'acknowledgement')),
    },
  };
}

/** The marks on these reflections that `actor` may see, grouped by reflection. */
export async function visibleMarks(
  db: DbOrTx,
  actor: SignedInActor,
  reflectionIds: string[],
): Promise<Map<string, MarkRow[]>> {
  const grouped = new Map<string, MarkRow[]>();
  if (reflectionIds.length === 0) return grouped;
  const rows = await db
    .select()
    .from(marks)
    .where(and(inArray(marks.reflectionId, reflectionIds), visibleItems(actor, markItem)));
  for (const row of rows) {
    const list = grouped.get(row.reflectionId) ?? [];
    list.push(row);
    grouped.set(row.reflectionId, list);
  }
  return grouped;
}

/**
 * Reflections on a letter, as `viewer` may see them: the reader sees their own attempts (drafts
 * too); the writer sees only what their partner sent them. Oldest first.
 */
async function reflectionsOn(
  db: DbOrTx,
  actor: SignedInActor,
  letterId: string,
  viewer: Viewer,
): Promise<TReflection[]> {
  const rows = await db
    .select()
    .from(reflections)
    .where(
      and(
        eq(reflections.letterId, letterId),
        viewer === 'reflection-author'
          ? ownItems(actor, reflectionItem)
          : othersVisibleItems(actor, reflectionItem),
      ),
    )
    .orderBy(
      viewer === 'reflection-author' ? asc(reflections.createdAt) : asc(reflections.sentAt),
      asc(reflections.id),
    );
  const byReflection = await visibleMarks(
    db,
    actor,
    rows.map((r) => r.id),
  );
  return rows.map((row) => presentReflection(row, byReflection.get(row.id) ?? [], viewer));
}

// ---------------------------------------------------------------------------------------------
// Letters as each person sees them

export async function presentWriterLetter(
  db: DbOrTx,
  actor: SignedInActor,
  row: LetterRow,
): Promise<TWriterLetter> {
  const shared = await versionsOf(db, row.id);
  const latest = shared[0];
  return {
    view: 'writer',
    id: row.id,
    createdAt: iso(row.createdAt),
    current: isCurrentLetter(actor, row),
    draft: sectionsOf(row),
    savedAt: iso(row.updatedAt),
    version: row.version,
    visibility: row.visibility as TVisibility,
    sharedAt: isoOrNull(row.sharedAt),
    versions: shared.map(stub),
    hasUnsharedChanges: !latest || !sameSections(latest, row),
    reflections: await reflectionsOn(db, actor, row.id, 'letter-writer'),
  };
}

/** Only called for a letter `visibleItems` let through, written by someone else. */
export async function presentReaderLetter(
  db: DbOrTx,
  actor: SignedInActor,
  row: LetterRow,
): Promise<TReaderLetter> {
  const shared = await versionsOf(db, row.id);
  const latest = shared[0]!;
  return {
    view: 'reader',
    id: row.id,
    sharedAt: iso(row.sharedAt!),
    latest: { ...sectionsOf(latest), number: latest.number, publishedAt: iso(latest.publishedAt) },
    versions: shared.map(stub),
    reflections: await reflectionsOn(db, actor, row.id, 'reflection-author'),
  };
}

/** A reflection as the letter writer may see it: sent to them, on a letter of theirs. */
export function writerSeesReflection(actor: SignedInActor, reflectionId: string): SQL {
  return and(
    eq(reflections.id, reflectionId),
    othersVisibleItems(actor, reflectionItem),
    sql`exists (select 1 from ${letters} where ${letters.id} = ${reflections.letterId} and ${ownItems(actor, letterItem)})`,
  )!;
}

export async function presentReflectionForWriter(
  db: DbOrTx,
  actor: SignedInActor,
  row: ReflectionRow,
): Promise<TReflection> {
  const byReflection = await visibleMarks(db, actor, [row.id]);
  return presentReflection(row, byReflection.get(row.id) ?? [], 'letter-writer');
}

export { letters, marks, reflections, versions };
