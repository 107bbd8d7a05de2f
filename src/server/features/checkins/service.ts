import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { notify } from '#server/events/notify.ts';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError, notFound } from '#shared/errors.ts';
import type {
  TCheckin,
  TCheckinBody,
  TCheckinDetail,
  TCheckinRevision,
  TCheckinSharing,
  TFeeling,
  TTimeline,
  TTimelineQuery,
} from '#shared/schemas/checkins.ts';
import type { Database, DbOrTx, Transaction } from '#server/db/index.ts';
import { checkinRevisions, checkins, spaces } from '#server/db/schema/index.ts';
import { keysetCursor } from '#server/http/cursor.ts';
import type { SignedInActor, SpaceMemberActor } from '#server/policy/actor.ts';
import { requireJointWorkOpen } from '#server/policy/joint-work.ts';
import {
  coupleRows,
  ownItems,
  partnerRows,
  spaceRows,
  togetherSince,
  visibilityChange,
  visibleItems,
} from '#server/policy/rules.ts';
import { sharedWithPartnerSql } from '#server/policy/visibility.ts';
import { requireActiveTherapist, therapistShareSet } from '#server/policy/therapist-share.ts';
import { sharesWithPartner, sharesWithTherapist } from '#shared/visibility.ts';

const ITEM = {
  authorId: checkins.authorId,
  spaceId: checkins.spaceId,
  visibility: checkins.visibility,
  sharedAt: checkins.sharedAt,
};

/** A kept version is visible by the item rule, with "made visible" in the place of "shared". */
const REVISION_ITEM = {
  authorId: checkinRevisions.authorId,
  spaceId: checkinRevisions.spaceId,
  visibility: checkinRevisions.visibility,
  sharedAt: checkinRevisions.exposedAt,
};

/**
 * The partner's row of the same day, in the reveal's subquery. Drizzle leaves the columns of a
 * single-table statement unqualified, so a subquery on the same table needs its own alias.
 */
const pair = alias(checkins, 'pair');

/** The partner index is partial on exactly this condition (literals, so a plan can use it). */
const isShared = sharedWithPartnerSql;

const SELECTION = {
  id: checkins.id,
  authorId: checkins.authorId,
  spaceId: checkins.spaceId,
  day: checkins.day,
  feelings: checkins.feelings,
  intensity: checkins.intensity,
  pain: checkins.pain,
  triggers: checkins.triggers,
  needs: checkins.needs,
  note: checkins.note,
  visibility: checkins.visibility,
  sharedAt: checkins.sharedAt,
  revealRequestedAt: checkins.revealRequestedAt,
  exposedAt: checkins.exposedAt,
  version: checkins.version,
  updatedAt: checkins.updatedAt,
  revisionCount: checkins.revisionCount,
  lastRevisionExposedAt: checkins.lastRevisionExposedAt,
};

type Row = {
  id: string;
  authorId: string;
  spaceId: string | null;
  day: string;
  feelings: string[];
  intensity: number;
  pain: number;
  triggers: string;
  needs: string;
  note: string;
  visibility: string;
  sharedAt: Date | null;
  revealRequestedAt: Date | null;
  exposedAt: Date | null;
  version: number;
  updatedAt: Date;
  revisionCount: number;
  lastRevisionExposedAt: Date | null;
};

/** Who can see my own check-in right now, with my current partner in my current space. */
function sharingOf(actor: SignedInActor, row: Row): TCheckinSharing {
  const since = togetherSince(actor);
  if (!since || row.spaceId !== actor.space?.id) return 'private';
  if (sharesWithPartner(row.visibility) && row.sharedAt && row.sharedAt >= since) return 'shared';
  if (row.revealRequestedAt && row.revealRequestedAt >= since) return 'waiting';
  return 'private';
}

function content(row: Omit<Row, 'id'> | typeof checkinRevisions.$inferSelect) {
  return {
    feelings: row.feelings as TFeeling[],
    intensity: row.intensity,
    pain: row.pain,
    triggers: row.triggers,
    needs: row.needs,
    note: row.note,
  };
}

/**
 * My own check-in in full; my partner's as they may see it: no version number, and no time from
 * before it reached them (the version count and private edit times are mine alone).
 */
export function present(actor: SignedInActor, row: Row): TCheckin {
  const mine = row.authorId === actor.userId;
  if (mine) {
    const sharing = sharingOf(actor, row);
    return {
      id: row.id,
      day: row.day,
      mine,
      ...content(row),
      sharing,
      sharedAt: sharing === 'shared' ? row.sharedAt!.toISOString() : null,
      sharedWithTherapist: sharesWithTherapist(row.visibility),
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
      hasEarlierVersions: row.revisionCount > 0,
    };
  }
  const sharedAt = row.sharedAt!;
  const since = togetherSince(actor);
  return {
    id: row.id,
    day: row.day,
    mine,
    ...content(row),
    sharing: 'shared',
    sharedAt: sharedAt.toISOString(),
    // Whether my partner also shared it with the therapist is theirs alone to know.
    sharedWithTherapist: false,
    updatedAt: (row.updatedAt > sharedAt ? row.updatedAt : sharedAt).toISOString(),
    version: null,
    // The same rule as reading the versions themselves (visibleItems on checkin_revisions).
    hasEarlierVersions: Boolean(
      row.lastRevisionExposedAt && since && row.lastRevisionExposedAt >= since,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export async function readMyCheckinForDay(
  db: Database,
  actor: SignedInActor,
  day: string,
): Promise<TCheckin | null> {
  const [row] = await db
    .select(SELECTION)
    .from(checkins)
    .where(and(ownItems(actor, ITEM), eq(checkins.day, day)))
    .limit(1);
  return row ? present(actor, row) : null;
}

export async function readCheckin(
  db: Database,
  actor: SignedInActor,
  id: string,
): Promise<TCheckinDetail> {
  const [row] = await db
    .select(SELECTION)
    .from(checkins)
    .where(and(eq(checkins.id, id), visibleItems(actor, ITEM)))
    .limit(1);
  if (!row) throw notFound();
  const earlier = await db
    .select()
    .from(checkinRevisions)
    .where(and(eq(checkinRevisions.checkinId, id), visibleItems(actor, REVISION_ITEM)))
    .orderBy(desc(checkinRevisions.version));
  return {
    checkin: present(actor, row),
    earlier: earlier.map((revision): TCheckinRevision => ({
      ...content(revision),
      replacedAt: revision.replacedAt.toISOString(),
    })),
  };
}

/** The page position: the last check-in's day and id. Never its content. */
export const timelineCursor = keysetCursor({ day: 'date', id: 'uuid' });

/**
 * One page of the timeline, newest first, as a single query. Each branch is a backward range scan
 * of one index, stopped after `limit + 1` rows whatever the table holds:
 *   mine      checkins_author_day_key              (author_id = me)
 *   partner   checkins_shared_by_space_author_day  (space, partner, shared only)
 * With both, the two short branches are merged by `union all`. Each branch orders by day alone:
 * one author has one check-in a day, so that is already the full order, and it is the index's own
 * order, so no sort is needed and the scan stops early. The merged page orders by day, then id.
 */
export function timelineQuery(db: DbOrTx, actor: SignedInActor, query: TTimelineQuery) {
  const after = query.cursor ? timelineCursor.decode(query.cursor, 'cursor') : undefined;
  const before: SQL | undefined = after
    ? sql`(${checkins.day}, ${checkins.id}) < (${after.day}::date, ${after.id}::uuid)`
    : undefined;
  const take = query.limit + 1;
  const partner = actor.space?.partner;

  const mine = () =>
    db
      .select(SELECTION)
      .from(checkins)
      .where(and(ownItems(actor, ITEM), before))
      .orderBy(desc(checkins.day))
      .limit(take);
  const theirs = () =>
    db
      .select(SELECTION)
      .from(checkins)
      .where(
        and(
          // The visibility rule, as a whole (`is true` is the same in a WHERE): left as a bare
          // OR, the planner may split it into a bitmap scan of both halves and sort the
          // partner's whole history, instead of reading the index backwards and stopping.
          sql`(${visibleItems(actor, ITEM)}) is true`,
          spaceRows(actor, checkins.spaceId),
          partnerRows(actor, checkins.authorId),
          isShared(checkins.visibility),
          before,
        ),
      )
      .orderBy(desc(checkins.day))
      .limit(take);

  if (query.who === 'me' || !actor.space || !partner) {
    return query.who === 'partner' ? undefined : mine();
  }
  if (query.who === 'partner') return theirs();
  return mine().unionAll(theirs()).orderBy(desc(checkins.day), desc(checkins.id)).limit(take);
}

export async function readTimeline(
  db: Database,
  actor: SignedInActor,
  query: TTimelineQuery,
): Promise<TTimeline> {
  const built = timelineQuery(db, actor, query);
  const rows: Row[] = built ? await built : [];
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => present(actor, row)),
    next:
      rows.length > query.limit && last
        ? timelineCursor.encode({ day: last.day, id: last.id })
        : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

function lockedOwn(tx: Transaction, actor: SignedInActor, where: SQL) {
  return tx
    .select(SELECTION)
    .from(checkins)
    .where(and(ownItems(actor, ITEM), where))
    .limit(1)
    .for('update', { of: checkins });
}

async function reread(tx: Transaction, actor: SignedInActor, id: string): Promise<Row> {
  const [row] = await tx
    .select(SELECTION)
    .from(checkins)
    .where(and(ownItems(actor, ITEM), eq(checkins.id, id)))
    .limit(1);
  return row!;
}

const laterOf = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/** Kept versions belong to the space they were seen in; in another space none of them count. */
const movedSpace = (row: Row, spaceId: string | null) =>
  row.spaceId === spaceId ? row.lastRevisionExposedAt : null;

const CHANGED_ELSEWHERE =
  'This check-in was changed somewhere else (another tab or device) while you were writing. Here is the newest version; your words are still in the form.';

export interface WriteResult {
  checkin: TCheckin;
  created: boolean;
}

/**
 * Writes my check-in for `day`: the first write creates it, later ones edit it. Once my partner
 * has seen the current version, an edit must name the version it started from (If-Match), and
 * the seen version is kept, so what they read stays readable to them.
 *
 * `readVersion(required)` reads If-Match: it returns undefined when the header is absent and not
 * required, and throws 428 when it is required and absent.
 */
export async function writeCheckin(
  db: Database,
  actor: SignedInActor,
  day: string,
  body: TCheckinBody,
  readVersion: (required: boolean) => number | undefined,
): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const spaceId = actor.space?.id ?? null;
    let [existing] = await lockedOwn(tx, actor, eq(checkins.day, day));
    if (!existing) {
      const inserted = await tx
        .insert(checkins)
        .values({
          authorId: actor.userId,
          spaceId,
          day,
          ...body,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: [checkins.authorId, checkins.day] })
        .returning({ id: checkins.id });
      if (inserted[0]) {
        return { checkin: present(actor, await reread(tx, actor, inserted[0].id)), created: true };
      }
      // Another tab wrote the same day a moment ago: treat this as an edit of what it wrote.
      [existing] = await lockedOwn(tx, actor, eq(checkins.day, day));
    }
    const row = existing!;
    const seen = row.exposedAt !== null;
    const version = readVersion(seen);
    if (version !== undefined && version !== row.version) {
      throw new AppError('precondition_failed', CHANGED_ELSEWHERE, undefined, {
        current: present(actor, row),
      });
    }
    if (seen) {
      await tx.insert(checkinRevisions).values({
        checkinId: row.id,
        authorId: row.authorId,
        spaceId: row.spaceId,
        version: row.version,
        ...content(row),
        writtenAt: row.updatedAt,
        exposedAt: row.exposedAt!,
        replacedAt: now,
      });
    }
    // An item whose current version nobody else has seen moves with me to my space now.
    const nextSpace = seen ? row.spaceId : spaceId;
    await tx
      .update(checkins)
      .set({
        ...body,
        version: row.version + 1,
        updatedAt: now,
        // Still shared: the partner sees the new version at once.
        exposedAt: sharesWithPartner(row.visibility) ? now : null,
        spaceId: nextSpace,
        revisionCount: row.revisionCount + (seen ? 1 : 0),
        lastRevisionExposedAt: seen
          ? laterOf(row.lastRevisionExposedAt, row.exposedAt)
          : movedSpace(row, nextSpace),
      })
      .where(and(ownItems(actor, ITEM), eq(checkins.id, row.id)));
    return { checkin: present(actor, await reread(tx, actor, row.id)), created: false };
  });
}

const NO_PARTNER =
  'There is no partner in your space yet, so there is no one to share with. Your check-in stays yours.';

/**
 * Both partners' sharing choices for one day are decided one couple at a time: the space row is
 * locked (`for no key update`, which still lets other writes reference the space), so two people
 * choosing "share when we both have" at the same moment cannot both miss each other.
 */
async function lockSpace(tx: Transaction, spaceId: string): Promise<void> {
  await tx
    .select({ id: spaces.id })
    .from(spaces)
    .where(eq(spaces.id, spaceId))
    .for('no key update');
}

/**
 * Mutual reveal for one day: when each partner's check-in for `day` is either waiting ("share when
 * we both have", asked for since they were together) or already shared, every waiting one of the
 * two becomes shared, at the same moment. The partner's row is written here only because its
 * author asked for exactly this (`reveal_requested_at`); nothing else of theirs changes.
 */
async function revealDay(
  tx: Transaction,
  actor: SpaceMemberActor,
  day: string,
  since: Date,
  now: Date,
): Promise<void> {
  const ready = (t: {
    revealRequestedAt: AnyPgColumn;
    visibility: AnyPgColumn;
    sharedAt: AnyPgColumn;
  }) =>
    sql`(${t.revealRequestedAt} >= ${since} or (${isShared(t.visibility)} and ${t.sharedAt} >= ${since}))`;
  await tx
    .update(checkins)
    .set({
      visibility: visibilityChange.addPartner(checkins.visibility),
      sharedAt: now,
      exposedAt: now,
    })
    .where(
      and(
        spaceRows(actor, checkins.spaceId),
        eq(checkins.day, day),
        coupleRows(actor, checkins.authorId),
        sql`${checkins.revealRequestedAt} >= ${since}`,
        sql`not coalesce(${isShared(checkins.visibility)} and ${checkins.sharedAt} >= ${since}, false)`,
        sql`(select count(*) from ${checkins} as ${sql.identifier('pair')} where ${and(
          spaceRows(actor, pair.spaceId),
          eq(pair.day, day),
          coupleRows(actor, pair.authorId),
          ready(pair),
        )}) = 2`,
      ),
    );
}

export type ShareMode = 'now' | 'when-both';

/**
 * Shares my check-in with my partner now, or once theirs for the same day is in too. Either way
 * it is a joint action: it waits while joint work is paused.
 */
export async function shareCheckin(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  mode: ShareMode,
): Promise<TCheckin> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    await lockSpace(tx, actor.space.id);
    const [row] = await lockedOwn(tx, actor, eq(checkins.id, id));
    if (!row) throw notFound();
    const partner = actor.space.partner;
    const since = togetherSince(actor);
    if (!partner || !since) throw new AppError('conflict', NO_PARTNER);
    const now = new Date();
    const current = sharingOf(actor, row);
    if (mode === 'now' && current !== 'shared') {
      await tx
        .update(checkins)
        .set({
          visibility: visibilityChange.addPartner(checkins.visibility),
          sharedAt: now,
          exposedAt: now,
          spaceId: actor.space.id,
          lastRevisionExposedAt: movedSpace(row, actor.space.id),
        })
        .where(and(ownItems(actor, ITEM), eq(checkins.id, row.id)));
      // "Alex shared something with you": no day, no feeling, only where to look.
      await notify(tx, {
        kind: 'shared',
        recipients: [partner.userId],
        actorId: actor.userId,
        spaceId: actor.space.id,
        link: '/checkins',
        joint: true,
      });
    } else if (mode === 'when-both' && current === 'private') {
      await tx
        .update(checkins)
        .set({
          revealRequestedAt: now,
          spaceId: actor.space.id,
          lastRevisionExposedAt: movedSpace(row, actor.space.id),
        })
        .where(and(ownItems(actor, ITEM), eq(checkins.id, row.id)));
    }
    // Sharing now also completes a partner's "share when we both have" for the same day.
    await revealDay(tx, actor, row.day, since, now);
    return present(actor, await reread(tx, actor, row.id));
  });
}

/** Makes my check-in private again, and withdraws a "share when we both have". Never paused. */
export async function makeCheckinPrivate(
  db: Database,
  actor: SignedInActor,
  id: string,
): Promise<TCheckin> {
  return db.transaction(async (tx) => {
    // Take the couple's lock too, so a reveal in flight either finishes first or sees the change.
    if (actor.space) await lockSpace(tx, actor.space.id);
    const updated = await tx
      .update(checkins)
      .set({
        visibility: visibilityChange.removePartner(checkins.visibility),
        sharedAt: null,
        revealRequestedAt: null,
      })
      .where(and(ownItems(actor, ITEM), eq(checkins.id, id)))
      .returning({ id: checkins.id });
    if (!updated[0]) throw notFound();
    return present(actor, await reread(tx, actor, id));
  });
}

/**
 * Shares my check-in with our therapist, or stops sharing it with them. Separate from the partner
 * share and never a joint action, so it works while joint work is paused; it needs an active
 * therapist to share, never to stop. It leaves `shared_at` and every time the partner reads alone.
 */
export async function setCheckinTherapistShare(
  db: Database,
  actor: SignedInActor,
  id: string,
  shared: boolean,
): Promise<TCheckin> {
  return db.transaction(async (tx) => {
    const [row] = await lockedOwn(tx, actor, eq(checkins.id, id));
    if (!row) throw notFound();
    if (shared) {
      await requireActiveTherapist(tx, actor);
      const spaceId = actor.space!.id;
      await tx
        .update(checkins)
        .set({
          ...therapistShareSet(checkins.visibility, true),
          spaceId,
          lastRevisionExposedAt: movedSpace(row, spaceId),
        })
        .where(and(ownItems(actor, ITEM), eq(checkins.id, row.id)));
    } else {
      await tx
        .update(checkins)
        .set(therapistShareSet(checkins.visibility, false))
        .where(and(ownItems(actor, ITEM), eq(checkins.id, row.id)));
    }
    return present(actor, await reread(tx, actor, row.id));
  });
}
