import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import type {
  TMyStory,
  TPartnerStory,
  TStoryResponse,
  TStoryVersion,
} from '#shared/schemas/meaning.ts';
import { queryRows, type Database, type DbOrTx } from '#server/db/index.ts';
import {
  meaningStories as stories,
  meaningStoryVersions as versions,
} from '#server/db/schema/index.ts';
import { notify } from '#server/events/notify.ts';
import { versionConflict } from '#server/http/versioning.ts';
import type { SpaceMemberActor } from '#server/policy/actor.ts';
import { myInjuryRolesSql } from '#server/policy/injury-roles.ts';
import { requireJointWorkOpen } from '#server/policy/joint-work.ts';
import {
  ownItems,
  partnerSharedItems,
  spaceRows,
  togetherSince,
  visibilityChange,
} from '#server/policy/rules.ts';
import { jointState, requirePaceOpen, type PaceQueries } from './pace';

/**
 * The meaning story: one person's own account of what it was about (the "why"), one per person
 * per space. The working draft is always private; sharing adds a version, kept as it was, and the
 * partner reads only those versions — and only ones shared since the two of them came together.
 */

const NO_PARTNER =
  'Your partner has not joined your space yet, so there is no one to share with. Your story stays private.';
const NOTHING_YET = 'There is nothing to share yet. Your story is still private.';

type Row = typeof stories.$inferSelect;

const iso = (d: Date) => d.toISOString();

const presentVersion = (v: typeof versions.$inferSelect): TStoryVersion => ({
  number: v.number,
  text: v.text,
  sharedAt: iso(v.sharedAt),
});

async function versionsOf(db: DbOrTx, storyId: string, since?: Date) {
  return db
    .select()
    .from(versions)
    .where(and(eq(versions.storyId, storyId), since ? gte(versions.sharedAt, since) : undefined))
    .orderBy(desc(versions.number));
}

async function presentMine(db: DbOrTx, row: Row | undefined): Promise<TMyStory> {
  if (!row) {
    return {
      id: null,
      version: 0,
      text: '',
      updatedAt: null,
      shared: false,
      hasUnsharedChanges: false,
      versions: [],
    };
  }
  const shared = await versionsOf(db, row.id);
  return {
    id: row.id,
    version: row.version,
    text: row.text,
    updatedAt: iso(row.updatedAt),
    shared: row.sharedAt !== null,
    hasUnsharedChanges: row.text.trim() !== '' && shared[0]?.text !== row.text,
    versions: shared.map(presentVersion),
  };
}

/** My story in my space now (its draft and shared versions), read through `ownItems`. */
async function myRow(db: DbOrTx, actor: SpaceMemberActor, lock = false) {
  const query = db
    .select()
    .from(stories)
    .where(and(ownItems(actor, stories), spaceRows(actor, stories.spaceId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function readMyStory(db: DbOrTx, actor: SpaceMemberActor): Promise<TMyStory> {
  return presentMine(db, await myRow(db, actor));
}

/** My story, my partner's shared story (if any), my roles and whether sharing is open. */
export async function readStories(
  db: Database,
  queries: PaceQueries,
  actor: SpaceMemberActor,
): Promise<TStoryResponse> {
  const since = togetherSince(actor);
  const [mine, partnerRows, roles, state] = await Promise.all([
    readMyStory(db, actor),
    db
      .select()
      .from(stories)
      .where(and(partnerSharedItems(actor, stories), spaceRows(actor, stories.spaceId))),
    queryRows<{ roles: ('hurt' | 'involved')[] | string }>(
      db,
      sql`select ${myInjuryRolesSql(actor)} as roles`,
    ),
    jointState(db, queries, actor),
  ]);
  let partner: TPartnerStory | null = null;
  const theirs = partnerRows[0];
  if (theirs && since) {
    const shared = await versionsOf(db, theirs.id, since);
    if (shared.length > 0) partner = { id: theirs.id, versions: shared.map(presentVersion) };
  }
  const raw = roles[0]?.roles ?? [];
  const list = (typeof raw === 'string' ? JSON.parse(raw) : raw) as ('hurt' | 'involved')[];
  return { mine, partner, roles: [...list].sort(), ...state };
}

/**
 * Saves my private draft. `expected` is the draft version the writer started from (0 before
 * anything was written); an older one gets a 412 with my story as it is now (another tab).
 * Never held and never told: the partner reads only what I share.
 */
export async function saveStoryDraft(
  db: Database,
  actor: SpaceMemberActor,
  expected: number,
  text: string,
): Promise<TMyStory> {
  return db.transaction(async (tx) => {
    const now = new Date();
    if (expected === 0) {
      const [created] = await tx
        .insert(stories)
        .values({
          authorId: actor.userId,
          spaceId: actor.space.id,
          text,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (created) return presentMine(tx, created);
      throw versionConflict(await readMyStory(tx, actor), EDITED_ELSEWHERE);
    }
    const [updated] = await tx
      .update(stories)
      .set({ text, updatedAt: now, version: sql`${stories.version} + 1` })
      .where(
        and(
          ownItems(actor, stories),
          spaceRows(actor, stories.spaceId),
          eq(stories.version, expected),
        ),
      )
      .returning();
    if (updated) return presentMine(tx, updated);
    const current = await myRow(tx, actor);
    if (!current) throw notFound();
    throw versionConflict(await presentMine(tx, current), EDITED_ELSEWHERE);
  });
}

const EDITED_ELSEWHERE =
  'This story was saved from another window while you were writing. Here is the newest draft; your words are still in the form.';

/**
 * Shares my story as it is now (the draft version in If-Match): a new version when the words
 * changed since the last share. Joint work of phase 2; my partner is told, without any words.
 */
export async function shareStory(
  db: Database,
  queries: PaceQueries,
  actor: SpaceMemberActor,
  expected: number,
): Promise<TMyStory> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const row = await myRow(tx, actor, true);
    if (!row) throw notFound();
    if (row.version !== expected) {
      throw versionConflict(await presentMine(tx, row), EDITED_ELSEWHERE);
    }
    const partner = actor.space.partner;
    if (!partner) throw new AppError('conflict', NO_PARTNER);
    await requirePaceOpen(tx, queries, actor);
    if (row.text.trim() === '') {
      throw new AppError('validation_failed', NOTHING_YET, {
        text: 'Please write something before sharing.',
      });
    }
    const now = new Date();
    const [latest] = await tx
      .select()
      .from(versions)
      .where(eq(versions.storyId, row.id))
      .orderBy(desc(versions.number))
      .limit(1);
    const since = togetherSince(actor);
    const seenByThisPartner = latest && since !== null && latest.sharedAt >= since;
    if (!latest || latest.text !== row.text || !seenByThisPartner) {
      await tx.insert(versions).values({
        storyId: row.id,
        number: (latest?.number ?? 0) + 1,
        text: row.text,
        sharedAt: now,
      });
    }
    const [updated] = await tx
      .update(stories)
      .set({
        visibility: visibilityChange.addPartner(stories.visibility),
        sharedAt: now,
        version: sql`${stories.version} + 1`,
      })
      .where(and(ownItems(actor, stories), eq(stories.id, row.id)))
      .returning();
    // "Sam shared something with you": no words of the story, only where to look.
    await notify(tx, {
      kind: 'shared',
      recipients: [partner.userId],
      actorId: actor.userId,
      spaceId: actor.space.id,
      link: '/meaning#story',
      joint: true,
    });
    return presentMine(tx, updated);
  });
}

/** Makes my story private again: my partner no longer reads it. Never held, never told. */
export async function unshareStory(db: Database, actor: SpaceMemberActor): Promise<TMyStory> {
  const [updated] = await db
    .update(stories)
    .set({
      visibility: visibilityChange.removePartner(stories.visibility),
      sharedAt: null,
      version: sql`${stories.version} + 1`,
    })
    .where(and(ownItems(actor, stories), spaceRows(actor, stories.spaceId)))
    .returning();
  if (!updated) throw notFound();
  return presentMine(db, updated);
}
