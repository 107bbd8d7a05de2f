import { and, desc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import type {
  ReflectionPart,
  TLetter,
  TMarkBody,
  TOverview,
  TPublishedLetter,
  TReflection,
  TReflectionBody,
  TSaveLetterBody,
  TWriterLetter,
} from '#shared/schemas/impact-letter.ts';
import type { TVisibility } from '#shared/schemas/common.ts';
import type { TInjuryRole } from '#shared/schemas/injuries.ts';
import type { Database, DbOrTx } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';
import { isUniqueViolation } from '#server/db/errors.ts';
import { versionConflict } from '#server/http/versioning.ts';
import type { SignedInActor, SpaceMemberActor } from '#server/policy/actor.ts';
import { jointWorkOpenSql, requireJointWorkOpen } from '#server/policy/joint-work.ts';
import { myInjuryRolesSql } from '#server/policy/injury-roles.ts';
import {
  isSpaceMember,
  othersVisibleItems,
  ownItems,
  rowsOf,
  visibleItems,
} from '#server/policy/rules.ts';
import {
  currentLetterScope,
  findOwnLetter,
  findVisibleLetter,
  hasAnyWords,
  isCurrentLetter,
  latestVersionNumber,
  letterItem,
  letters,
  marks,
  presentReaderLetter,
  presentReflection,
  presentReflectionForWriter,
  presentWriterLetter,
  reflectionItem,
  reflections,
  reflectionStatus,
  sectionsOf,
  versions,
  writerSeesReflection,
  type LetterRow,
} from './repo';

const KEPT_AS_IT_WAS =
  'This letter is kept as it was when you started a newer one, so it cannot be changed. Your newest letter is the one to write in.';
const LETTERS_CHANGED =
  'Your letters changed in another window. Please reload the page to see the newest.';
const NO_PARTNER =
  'Your partner has not joined your space yet, so there is no one to share with. Your letter stays private.';
const NOT_SHARED_NOW =
  'This letter is not shared with you at the moment, so your reflection stays with you for now.';
const DRAFT_EXISTS =
  'You already have a reflection in progress on this letter. You will find it on the page.';
const ALREADY_SENT =
  'This reflection has been sent, so it is kept as it was. To say more, you can try again with a new one.';
const NEWER_REFLECTION =
  'A newer reflection has arrived since this one. Your answer belongs with the newest.';

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * The page's list: my letters (every space I have written in) and what my partner has shared
 * with me. One query for the letters, plus the hold check.
 */
export async function getOverview(db: Database, actor: SignedInActor): Promise<TOverview> {
  // Written out in full: in a select list Drizzle leaves column names unqualified.
  const letterId = sql`"impact_letters"."id"`;
  const lastPublished = sql<Date | null>`(select max(v.published_at) from ${versions} v where v.letter_id = ${letterId})`;
  const versionCount = sql<number>`(select count(*)::int from ${versions} v where v.letter_id = ${letterId})`;
  const [rows, facts] = await Promise.all([
    db
      .select({
        row: letters,
        lastPublished: lastPublished.mapWith(versions.publishedAt),
        versionCount,
      })
      .from(letters)
      .where(visibleItems(actor, letterItem))
      .orderBy(desc(letters.createdAt), desc(letters.id)),
    spaceFacts(db, actor),
  ]);

  const mine: TOverview['mine'] = [];
  const fromPartner: TOverview['fromPartner'] = [];
  for (const { row, lastPublished: published, versionCount: count } of rows) {
    if (row.authorId === actor.userId) {
      mine.push({
        id: row.id,
        createdAt: row.createdAt.toISOString(),
        savedAt: row.updatedAt.toISOString(),
        current: isCurrentLetter(actor, row),
        visibility: row.visibility as TVisibility,
        sharedAt: row.sharedAt?.toISOString() ?? null,
        lastPublishedAt: published?.toISOString() ?? null,
      });
    } else if (published && row.sharedAt) {
      fromPartner.push({
        id: row.id,
        sharedAt: row.sharedAt.toISOString(),
        lastPublishedAt: published.toISOString(),
        versionCount: count,
      });
    }
  }
  fromPartner.sort((a, b) => b.lastPublishedAt.localeCompare(a.lastPublishedAt));
  return { ...facts, mine, fromPartner };
}

/**
 * Whether the couple's shared exercises are open, and my roles in our injuries (the page shows
 * the involved partner the letter they wait for first), in one read.
 */
async function spaceFacts(
  db: Database,
  actor: SignedInActor,
): Promise<Pick<TOverview, 'jointWorkOpen' | 'myRoles'>> {
  if (!isSpaceMember(actor)) return { jointWorkOpen: true, myRoles: [] };
  const [row] = await queryRows<{ open: boolean; roles: TInjuryRole[] }>(
    db,
    sql`select ${jointWorkOpenSql(actor.space.id)} as open, ${myInjuryRolesSql(actor)} as roles`,
  );
  return { jointWorkOpen: row?.open === true, myRoles: [...(row?.roles ?? [])].sort() };
}

export async function getLetter(db: Database, actor: SignedInActor, id: string): Promise<TLetter> {
  const row = await findVisibleLetter(db, actor, id);
  if (!row) throw notFound();
  return row.authorId === actor.userId
    ? presentWriterLetter(db, actor, row)
    : presentReaderLetter(db, actor, row);
}

export async function getLetterVersion(
  db: Database,
  actor: SignedInActor,
  id: string,
  number: number,
): Promise<TPublishedLetter> {
  const [row] = await db
    .select({ version: versions })
    .from(versions)
    .innerJoin(letters, eq(letters.id, versions.letterId))
    .where(and(eq(letters.id, id), eq(versions.number, number), visibleItems(actor, letterItem)));
  if (!row) throw notFound();
  const { version } = row;
  return {
    ...sectionsOf(version),
    number: version.number,
    publishedAt: version.publishedAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing a letter

/**
 * Why a scoped write to my letter changed nothing: it is not mine (404), it is an earlier letter
 * (409), or someone saved in between (412 with the letter as it is now).
 */
async function letterWriteFailed(
  db: DbOrTx,
  actor: SpaceMemberActor,
  id: string,
): Promise<AppError> {
  const row = await findOwnLetter(db, actor, id);
  if (!row) return notFound();
  if (!isCurrentLetter(actor, row)) return new AppError('conflict', KEPT_AS_IT_WAS);
  return versionConflict(await presentWriterLetter(db, actor, row));
}

/** Starts a new letter; the current one (if any) is kept as it was, and listed. */
export async function startLetter(
  db: Database,
  actor: SpaceMemberActor,
  replacing: string | null,
): Promise<TWriterLetter> {
  const now = new Date();
  try {
    return await db.transaction(async (tx) => {
      if (replacing) {
        const replaced = await tx
          .update(letters)
          .set({ supersededAt: now, version: sql`${letters.version} + 1` })
          .where(currentLetterScope(actor, replacing))
          .returning({ id: letters.id });
        if (replaced.length === 0) throw new AppError('conflict', LETTERS_CHANGED);
      }
      const [row] = await tx
        .insert(letters)
        .values({ authorId: actor.userId, spaceId: actor.space.id, createdAt: now, updatedAt: now })
        .returning();
      return presentWriterLetter(tx, actor, row!);
    });
  } catch (error) {
    // There was a current letter the caller did not know of (another window started one).
    if (isUniqueViolation(error)) throw new AppError('conflict', LETTERS_CHANGED);
    throw error;
  }
}

/** Saves the private draft. Never held: writing for oneself is never paused. */
export async function saveLetterDraft(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  ifMatch: number,
  body: TSaveLetterBody,
): Promise<TWriterLetter> {
  const [row] = await db
    .update(letters)
    .set({ ...body, updatedAt: new Date(), version: sql`${letters.version} + 1` })
    .where(and(currentLetterScope(actor, id), eq(letters.version, ifMatch)))
    .returning();
  if (!row) throw await letterWriteFailed(db, actor, id);
  return presentWriterLetter(db, actor, row);
}

/**
 * Shares the letter with the partner: the draft as it is becomes a new version (unless it is the
 * same as the last one shared), and the partner can read it from now on. A joint action.
 */
export async function shareLetter(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  ifMatch: number,
): Promise<TWriterLetter> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const [row] = await tx
      .select()
      .from(letters)
      .where(and(currentLetterScope(actor, id), eq(letters.version, ifMatch)))
      .for('update');
    if (!row) throw await letterWriteFailed(tx, actor, id);
    if (!actor.space.partner) throw new AppError('conflict', NO_PARTNER);
    if (!hasAnyWords(row)) {
      throw new AppError(
        'validation_failed',
        'There is nothing to share yet. Your letter is still private.',
        { whatHappened: 'Please write something in at least one part before sharing.' },
      );
    }
    const now = new Date();
    const [latest] = await tx
      .select()
      .from(versions)
      .where(eq(versions.letterId, row.id))
      .orderBy(desc(versions.number))
      .limit(1);
    const draft = sectionsOf(row);
    const changed =
      !latest ||
      latest.whatHappened !== draft.whatHappened ||
      latest.howItAffectedMe !== draft.howItAffectedMe ||
      latest.whatINeedNow !== draft.whatINeedNow;
    if (changed) {
      await tx.insert(versions).values({
        letterId: row.id,
        number: (latest?.number ?? 0) + 1,
        publishedAt: now,
        ...draft,
      });
    }
    // shared_at moves on every share, so a share made before the partner (re)joined counts now.
    const [updated] = await tx
      .update(letters)
      .set({ visibility: 'partner', sharedAt: now, version: sql`${letters.version} + 1` })
      .where(eq(letters.id, row.id))
      .returning();
    return presentWriterLetter(tx, actor, updated!);
  });
}

/** Makes a letter of mine private again, current or earlier. Never held, never needs a version. */
export async function unshareLetter(
  db: Database,
  actor: SignedInActor,
  id: string,
): Promise<TWriterLetter> {
  const [row] = await db
    .update(letters)
    .set({ visibility: 'private', sharedAt: null, version: sql`${letters.version} + 1` })
    .where(and(eq(letters.id, id), ownItems(actor, letterItem)))
    .returning();
  if (!row) throw notFound();
  return presentWriterLetter(db, actor, row);
}

// ---------------------------------------------------------------------------------------------
// The reflection

/** A letter my partner has shared with me (never my own). */
async function findLetterToReflectOn(
  db: DbOrTx,
  actor: SignedInActor,
  letterId: string,
): Promise<LetterRow | undefined> {
  const [row] = await db
    .select()
    .from(letters)
    .where(and(eq(letters.id, letterId), othersVisibleItems(actor, letterItem)));
  return row;
}

/** Starts a reflection (a private draft). Not held: drafting is private work. */
export async function startReflection(
  db: Database,
  actor: SpaceMemberActor,
  letterId: string,
  body: TReflectionBody,
): Promise<TReflection> {
  const letter = await findLetterToReflectOn(db, actor, letterId);
  if (!letter) throw notFound();
  try {
    const [row] = await db
      .insert(reflections)
      .values({ authorId: actor.userId, spaceId: actor.space.id, letterId, ...body })
      .returning();
    return presentReflection(row!, [], 'reflection-author');
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', DRAFT_EXISTS);
    throw error;
  }
}

async function ownReflection(db: DbOrTx, actor: SignedInActor, id: string) {
  const [row] = await db
    .select()
    .from(reflections)
    .where(and(eq(reflections.id, id), ownItems(actor, reflectionItem)));
  return row;
}

export async function saveReflectionDraft(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  ifMatch: number,
  body: TReflectionBody,
): Promise<TReflection> {
  const [row] = await db
    .update(reflections)
    .set({ ...body, updatedAt: new Date(), version: sql`${reflections.version} + 1` })
    .where(
      and(
        eq(reflections.id, id),
        ownItems(actor, reflectionItem),
        sql`${reflections.sentAt} is null`,
        eq(reflections.version, ifMatch),
      ),
    )
    .returning();
  if (row) return presentReflection(row, [], 'reflection-author');
  const existing = await ownReflection(db, actor, id);
  if (!existing) throw notFound();
  if (existing.sentAt) throw new AppError('conflict', ALREADY_SENT);
  throw versionConflict(presentReflection(existing, [], 'reflection-author'));
}

/** Sends a reflection to the letter's writer. A joint action; both parts must have words. */
export async function sendReflection(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  ifMatch: number,
): Promise<TReflection> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const [row] = await tx
      .select()
      .from(reflections)
      .where(and(eq(reflections.id, id), ownItems(actor, reflectionItem)))
      .for('update');
    if (!row) throw notFound();
    if (row.version !== ifMatch) {
      throw versionConflict(presentReflection(row, [], 'reflection-author'));
    }
    if (!(await findLetterToReflectOn(tx, actor, row.letterId))) {
      throw new AppError('conflict', NOT_SHARED_NOW);
    }
    const fields: Record<string, string> = {};
    if (row.paraphrase.trim() === '')
      fields.paraphrase = 'Please write what you heard, in your own words, before sending.';
    if (row.acknowledgement.trim() === '')
      fields.acknowledgement = 'Please write what you understand this did, before sending.';
    if (Object.keys(fields).length > 0) {
      throw new AppError(
        'validation_failed',
        'Both parts of a reflection need some words before it is sent.',
        fields,
      );
    }
    if (reflectionStatus(row) === 'sent') return presentReflection(row, [], 'reflection-author');
    const now = new Date();
    const letterVersion = row.letterVersion ?? (await latestVersionNumber(tx, row.letterId));
    const [sent] = await tx
      .update(reflections)
      .set({
        visibility: 'partner',
        sharedAt: now,
        sentAt: row.sentAt ?? now,
        letterVersion,
        version: sql`${reflections.version} + 1`,
      })
      .where(eq(reflections.id, row.id))
      .returning();
    return presentReflection(sent!, [], 'reflection-author');
  });
}

/** Takes a sent reflection back: private again, kept as it was. Never held. */
export async function withdrawReflection(
  db: Database,
  actor: SignedInActor,
  id: string,
): Promise<TReflection> {
  const [row] = await db
    .update(reflections)
    .set({ visibility: 'private', sharedAt: null, version: sql`${reflections.version} + 1` })
    .where(and(eq(reflections.id, id), ownItems(actor, reflectionItem)))
    .returning();
  if (!row) throw notFound();
  return presentReflection(row, [], 'reflection-author');
}

/**
 * The letter writer answers one part of the newest reflection they were sent. If-Match carries
 * the version of the mark being changed, or 0 when there is none yet. A joint action.
 */
export async function markReflection(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  part: ReflectionPart,
  ifMatch: number,
  body: TMarkBody,
): Promise<TReflection> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const [row] = await tx.select().from(reflections).where(writerSeesReflection(actor, id));
    if (!row) throw notFound();
    const [newer] = await tx
      .select({ id: reflections.id })
      .from(reflections)
      .where(
        and(
          eq(reflections.letterId, row.letterId),
          rowsOf(reflections.authorId, row.authorId),
          visibleItems(actor, reflectionItem),
          isNotNull(reflections.sentAt),
          gt(reflections.sentAt, row.sentAt!),
        ),
      )
      .limit(1);
    if (newer) throw new AppError('conflict', NEWER_REFLECTION);

    const now = new Date();
    const note = body.mark === 'not_yet' ? (body.note ?? '').trim() : '';
    const written =
      ifMatch === 0
        ? await tx
            .insert(marks)
            .values({
              authorId: actor.userId,
              spaceId: actor.space.id,
              visibility: 'partner',
              sharedAt: now,
              reflectionId: row.id,
              part,
              mark: body.mark,
              note,
              createdAt: now,
              updatedAt: now,
            })
            .onConflictDoNothing()
            .returning({ id: marks.id })
        : await tx
            .update(marks)
            .set({ mark: body.mark, note, updatedAt: now, version: sql`${marks.version} + 1` })
            .where(
              and(
                eq(marks.reflectionId, row.id),
                eq(marks.part, part),
                ownItems(actor, { authorId: marks.authorId }),
                eq(marks.version, ifMatch),
              ),
            )
            .returning({ id: marks.id });
    const current = await presentReflectionForWriter(tx, actor, row);
    if (written.length === 0) throw versionConflict(current);
    return current;
  });
}
