import { and, eq, ne, sql } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import {
  PREP_PAGE_SIZE,
  type TCandidatesResponse,
  type TPick,
  type TPrep,
  type TPrepBody,
  type TPrepItem,
  type TPrepKind,
} from '#shared/schemas/session-prep.ts';
import type { DbOrTx } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';
import { sessionPreps } from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import type { ShareableKind } from '#server/policy/manifest.ts';
import { ownRows, visibleItems } from '#server/policy/rules.ts';
import {
  afterItem,
  itemCursor,
  presentSharedItem,
  sharedItems,
  type ItemScope,
  type SharedItemRow,
} from '#server/policy/shared-items.ts';
import type { MeasureWords } from './measure-words';

/**
 * What the person may bring: items they can read (`visibleItems`, the one rule for every read)
 * that are not private — their own shared items and what their partner shared with them. Never a
 * private item, not even their own.
 */
function shared(actor: SignedInActor): ItemScope {
  return (item) => and(visibleItems(actor, item), ne(item.visibility, 'private'))!;
}

/** Measure titles and band words by measure id, from the app shell (for measure items' lines). */
export type Measures = Map<string, MeasureWords>;

/** What presenting an item needs: the measures' words and every shareable kind (from the manifests). */
export interface PrepSources {
  measures: Measures;
  kinds: readonly ShareableKind[];
}

function presentItem(actor: SignedInActor, row: SharedItemRow, prep: PrepSources): TPrepItem {
  const mine = row.author_id === actor.userId;
  const { title, parts } = presentSharedItem(prep.kinds, row, { measures: prep.measures });
  return {
    kind: row.kind,
    id: row.id,
    mine,
    authorName: mine ? actor.displayName : (actor.space?.partner?.displayName ?? ''),
    at: new Date(row.at).toISOString(),
    day: row.day,
    title,
    parts,
  };
}

/** The picked items I may read now, in one query; anything no longer shared is simply absent. */
async function resolvePicks(
  db: DbOrTx,
  actor: SignedInActor,
  prep: PrepSources,
  picks: TPick[],
): Promise<Map<string, TPrepItem>> {
  const found = new Map<string, TPrepItem>();
  if (picks.length === 0) return found;
  const ids = new Map<TPrepKind, string[]>();
  for (const pick of picks) ids.set(pick.kind, [...(ids.get(pick.kind) ?? []), pick.id]);
  const rows = await queryRows<SharedItemRow>(db, sharedItems(prep.kinds, shared(actor), { ids }));
  for (const row of rows) found.set(`${row.kind}:${row.id}`, presentItem(actor, row, prep));
  return found;
}

/** My prep, with each pick's content read now through the visibility rule (two queries). */
export async function readPrep(
  db: DbOrTx,
  actor: SignedInActor,
  prep: PrepSources,
): Promise<TPrep> {
  const [row] = await db.select().from(sessionPreps).where(ownRows(actor, sessionPreps.userId));
  if (!row) return { topics: '', questions: '', version: 0, updatedAt: null, items: [] };
  const found = await resolvePicks(db, actor, prep, row.picks as TPick[]);
  const items = (row.picks as TPick[])
    .map((p) => found.get(`${p.kind}:${p.id}`))
    .filter((item): item is TPrepItem => item !== undefined);
  return {
    topics: row.topics,
    questions: row.questions,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    items,
  };
}

/** Items I may bring, newest first, keyset-paged on (time, id). */
export async function listCandidates(
  db: DbOrTx,
  actor: SignedInActor,
  prep: PrepSources,
  kind: TPrepKind | undefined,
  cursor: string | undefined,
): Promise<TCandidatesResponse> {
  const after = cursor === undefined ? undefined : itemCursor.decode(cursor, 'cursor');
  const union = sharedItems(prep.kinds, shared(actor), { kind });
  const rows = await queryRows<SharedItemRow>(
    db,
    sql`select * from (${union}) as items
      where ${afterItem(after)}
      order by items.at desc, items.id desc
      limit ${PREP_PAGE_SIZE + 1}`,
  );
  const page = rows.slice(0, PREP_PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: page.map((row) => presentItem(actor, row, prep)),
    nextCursor:
      rows.length > PREP_PAGE_SIZE && last ? itemCursor.encode({ at: last.at, id: last.id }) : null,
  };
}

/** Saves my notes and picks when I started from the current version; 412 otherwise. */
export async function savePrep(
  db: DbOrTx,
  actor: SignedInActor,
  prep: PrepSources,
  version: number,
  body: TPrepBody,
): Promise<TPrep> {
  const found = await resolvePicks(db, actor, prep, body.picks);
  // One answer for "not there" and "not yours to bring": the same 404 as everywhere.
  if (body.picks.some((p) => !found.has(`${p.kind}:${p.id}`))) throw notFound();
  const values = {
    topics: body.topics,
    questions: body.questions,
    picks: body.picks.map((p) => ({ kind: p.kind, id: p.id })),
  };
  const saved =
    version === 0
      ? await db
          .insert(sessionPreps)
          .values({ userId: actor.userId, ...values })
          .onConflictDoNothing()
          .returning({ version: sessionPreps.version })
      : await db
          .update(sessionPreps)
          .set({ ...values, version: sql`${sessionPreps.version} + 1`, updatedAt: new Date() })
          .where(and(ownRows(actor, sessionPreps.userId), eq(sessionPreps.version, version)))
          .returning({ version: sessionPreps.version });
  if (saved.length === 0) {
    throw new AppError(
      'precondition_failed',
      'Your notes were changed in another tab or on another device. The saved notes are shown; what you wrote is still in the form.',
      undefined,
      { current: await readPrep(db, actor, prep) },
    );
  }
  return readPrep(db, actor, prep);
}

/** Start over: empty notes, nothing picked. The version keeps counting, so an old tab gets a 412. */
export async function clearPrep(
  db: DbOrTx,
  actor: SignedInActor,
  prep: PrepSources,
): Promise<TPrep> {
  await db
    .update(sessionPreps)
    .set({
      topics: '',
      questions: '',
      picks: [],
      version: sql`${sessionPreps.version} + 1`,
      updatedAt: new Date(),
    })
    .where(ownRows(actor, sessionPreps.userId));
  return readPrep(db, actor, prep);
}
