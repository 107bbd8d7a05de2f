import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { notify } from '#server/events/notify.ts';
import { AppError, notFound } from '#shared/errors.ts';
import {
  PRACTICE_PAGE_SIZE,
  type TCoupleOverview,
  type TCoupleSummary,
  type TItemSummary,
  type TMyNote,
  type TNote,
  type TOpenedItem,
  type TPracticeItemKind,
  type TSuggestion,
  type TSuggestionBody,
} from '#shared/schemas/practice.ts';
import type { DbOrTx } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';
import {
  memberships,
  therapistApprovals,
  therapistLinks,
  therapistNotes,
  therapistSuggestions,
  users,
} from '#server/db/schema/index.ts';
import type { TherapistActor } from '#server/policy/actor.ts';
import { recordAccess } from '#server/policy/access-log.ts';
import type { FeatureWhole } from '#server/policy/manifest.ts';
import {
  activeTherapistLinks,
  therapistLinkActiveSql,
  therapistVisibleItems,
} from '#server/policy/rules.ts';
import {
  afterItem,
  itemCursor,
  presentSharedItem,
  sharedItems,
  type ItemScope,
  type MeasureWords,
  type SharedItemRow,
} from '#server/policy/shared-items.ts';

/** What the app shell hands this feature: the program's exercises and the measures' words. */
export interface PracticeContent {
  /** Every exercise of the program, in its order: the only keys a suggestion may name. */
  exercises: { key: string; title: string }[];
  measureWords: Map<string, MeasureWords>;
}

interface Partner {
  userId: string;
  displayName: string;
}

interface LinkRow extends Record<string, unknown> {
  id: string;
  space_id: string;
  since: string;
  seen_at: string | null;
  partners: Partner[] | null;
}

const iso = (value: string | Date) => new Date(value).toISOString();

/** What an active therapist may read, as a scope for the shared-items union. */
function therapistScope(actor: TherapistActor): ItemScope {
  return (item) => therapistVisibleItems(actor, item);
}

/**
 * Columns of the `therapist_links` row in the query that describe the couple: since when I work
 * with them (my claim or the last approval, whichever came later) and the two current partners.
 */
const coupleColumns = sql`${therapistLinks.id} as id, ${therapistLinks.spaceId} as space_id,
  greatest(${therapistLinks.claimedAt}, (select max(a.approved_at) from ${therapistApprovals} a
    where a.link_id = ${therapistLinks.id})) as since,
  ${therapistLinks.therapistSeenAt} as seen_at,
  (select json_agg(json_build_object('userId', u.id, 'displayName', u.display_name)
      order by m.joined_at, u.id)
    from ${memberships} m join ${users} u on u.id = m.user_id
    where m.space_id = ${therapistLinks.spaceId} and m.left_at is null) as partners`;

function couple(row: LinkRow) {
  return { linkId: row.id, partners: row.partners ?? [], since: iso(row.since) };
}

function noteOut(row: typeof therapistNotes.$inferSelect): TNote {
  return {
    id: row.id,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

function suggestionOut(row: typeof therapistSuggestions.$inferSelect): TSuggestion {
  return {
    id: row.id,
    exercise: row.exerciseSlug,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}

/** This link, only if it is one I work through as an active therapist. */
function myActiveLink(actor: TherapistActor, linkId: string): SQL {
  return and(eq(therapistLinks.id, linkId), activeTherapistLinks(actor))!;
}

/** Every shareable kind and the messages' count, from the feature manifests. */
export type PracticeFeatures = Pick<FeatureWhole, 'shareable' | 'queries'>;

/**
 * The couples I work with now, each with counts of what is new since I last opened them: items
 * shared with me since then, and messages the partners wrote since then. One query.
 */
export async function listCouples(
  db: DbOrTx,
  actor: TherapistActor,
  features: PracticeFeatures,
): Promise<TCoupleSummary[]> {
  const seen = sql`coalesce(${therapistLinks.therapistSeenAt}, '-infinity'::timestamptz)`;
  const items = sharedItems(features.shareable, therapistScope(actor), { withBody: false });
  const rows = await queryRows<LinkRow & { new_items: string; new_messages: string }>(
    db,
    sql`select ${coupleColumns},
        (select count(*) from (${items}) as items
          where items.space_id = ${therapistLinks.spaceId}
            and items.therapist_shared_at > ${seen}) as new_items,
        ${features.queries.coupleMessagesSince(seen)} as new_messages
      from ${therapistLinks}
      where ${activeTherapistLinks(actor)}
      order by since desc, ${therapistLinks.id}`,
  );
  return rows.map((row) => ({
    ...couple(row),
    seenAt: row.seen_at ? iso(row.seen_at) : null,
    newItems: Number(row.new_items),
    newMessages: Number(row.new_messages),
  }));
}
/**
 * One couple: who they are, a page of what they shared with me (kind, date, author; no
 * content), my open suggestions, and what I can suggest. Opening the first page marks the
 * couple as seen, so "what's new" counts from now.
 */
export async function coupleOverview(
  db: DbOrTx,
  actor: TherapistActor,
  content: PracticeContent,
  features: PracticeFeatures,
  linkId: string,
  cursor: string | undefined,
): Promise<TCoupleOverview> {
  const after = cursor === undefined ? undefined : itemCursor.decode(cursor, 'cursor');
  const [link] = await queryRows<LinkRow>(
    db,
    after
      ? sql`select ${coupleColumns} from ${therapistLinks} where ${myActiveLink(actor, linkId)}`
      : sql`update ${therapistLinks} set therapist_seen_at = now()
          where ${myActiveLink(actor, linkId)} returning ${coupleColumns}`,
  );
  if (!link) throw notFound();
  const partners = link.partners ?? [];
  const items = sharedItems(features.shareable, therapistScope(actor), { withBody: false });
  const rows = await queryRows<SharedItemRow>(
    db,
    sql`select * from (${items}) as items
      where items.space_id = ${link.space_id}
        and ${afterItem(after)}
      order by items.at desc, items.id desc
      limit ${PRACTICE_PAGE_SIZE + 1}`,
  );
  const page = rows.slice(0, PRACTICE_PAGE_SIZE);
  const last = page.at(-1);
  const suggestions = await db
    .select()
    .from(therapistSuggestions)
    .where(and(eq(therapistSuggestions.linkId, link.id), isNull(therapistSuggestions.withdrawnAt)))
    .orderBy(desc(therapistSuggestions.createdAt));
  return {
    ...couple(link),
    items: page.map((row) => summary(row, partners)),
    nextCursor:
      rows.length > PRACTICE_PAGE_SIZE && last
        ? itemCursor.encode({ at: last.at, id: last.id })
        : null,
    suggestions: suggestions.map(suggestionOut),
    exercises: content.exercises,
  };
}
/**
 * One shared item's content. Reading it and writing "this therapist opened it" to the access
 * log happen in one transaction, so the content is never returned without its log entry.
 */
export async function openItem(
  db: DbOrTx,
  actor: TherapistActor,
  content: PracticeContent,
  features: PracticeFeatures,
  linkId: string,
  kind: TPracticeItemKind,
  id: string,
): Promise<TOpenedItem> {
  const items = sharedItems(features.shareable, therapistScope(actor), {
    ids: new Map([[kind, [id]]]),
  });
  return db.transaction(async (tx) => {
    const [row] = await queryRows<SharedItemRow & { author_name: string }>(
      tx,
      sql`select items.*, (select display_name from ${users} u where u.id = items.author_id)
          as author_name
        from (${items}) as items
        where items.space_id = (select ${therapistLinks.spaceId} from ${therapistLinks}
          where ${myActiveLink(actor, linkId)})`,
    );
    if (!row) throw notFound();
    await recordAccess(tx, {
      therapistId: actor.userId,
      spaceId: row.space_id,
      itemKind: row.kind,
      itemId: row.id,
      authorId: row.author_id,
    });
    const { title, parts } = presentSharedItem(features.shareable, row, {
      measures: content.measureWords,
    });
    return {
      ...summary(row, [{ userId: row.author_id, displayName: row.author_name }]),
      title,
      parts,
    };
  });
}

/* ---------- Notes ---------- */
/** My notes about a couple I work with now, newest first. */
export async function notesForCouple(
  db: DbOrTx,
  actor: TherapistActor,
  linkId: string,
): Promise<TNote[]> {
  await requireLink(db, actor, linkId);
  const rows = await db
    .select()
    .from(therapistNotes)
    .where(and(eq(therapistNotes.therapistId, actor.userId), eq(therapistNotes.linkId, linkId)))
    .orderBy(desc(therapistNotes.createdAt), desc(therapistNotes.id));
  return rows.map(noteOut);
}
export async function addNote(
  db: DbOrTx,
  actor: TherapistActor,
  linkId: string,
  body: string,
): Promise<TNote> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into ${therapistNotes} (therapist_id, link_id, body)
      select ${actor.userId}, ${therapistLinks.id}, ${body} from ${therapistLinks}
      where ${myActiveLink(actor, linkId)}
      returning id`,
  );
  if (!row) throw notFound();
  return readNote(db, actor, row.id);
}
async function readNote(db: DbOrTx, actor: TherapistActor, id: string): Promise<TNote> {
  const [row] = await db
    .select()
    .from(therapistNotes)
    .where(and(eq(therapistNotes.id, id), eq(therapistNotes.therapistId, actor.userId)));
  if (!row) throw notFound();
  return noteOut(row);
}
/** Edits my note if I started from its current version; a 412 with the note as it is otherwise. */
export async function editNote(
  db: DbOrTx,
  actor: TherapistActor,
  id: string,
  version: number,
  body: string,
): Promise<TNote> {
  const [row] = await db
    .update(therapistNotes)
    .set({ body, version: sql`${therapistNotes.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(therapistNotes.id, id),
        eq(therapistNotes.therapistId, actor.userId),
        eq(therapistNotes.version, version),
      ),
    )
    .returning();
  if (row) return noteOut(row);
  const current = await readNote(db, actor, id);
  throw new AppError(
    'precondition_failed',
    'This note was changed in another tab or on another device. The saved note is shown; what you wrote is still in the form.',
    undefined,
    { current },
  );
}
/** Deletes my note for good (it is mine alone; no one else ever read it). */
export async function deleteNote(db: DbOrTx, actor: TherapistActor, id: string): Promise<void> {
  const gone = await db
    .delete(therapistNotes)
    .where(and(eq(therapistNotes.id, id), eq(therapistNotes.therapistId, actor.userId)))
    .returning({ id: therapistNotes.id });
  if (gone.length === 0) throw notFound();
}
/**
 * All my notes, newest first. A note about a couple I still work with names them; a note about
 * a couple I no longer work with keeps its words and nothing that says who they were about.
 */
export async function myNotes(db: DbOrTx, actor: TherapistActor): Promise<TMyNote[]> {
  const rows = await queryRows<{
    id: string;
    body: string;
    created_at: string;
    updated_at: string;
    version: number;
    couple: { linkId: string; partners: Partner[] | null } | null;
  }>(
    db,
    sql`select n.id, n.body, n.created_at, n.updated_at, n.version,
        case when ${therapistLinks.id} is not null and ${therapistLinks.therapistId} = ${actor.userId}
          and ${therapistLinkActiveSql()}
        then json_build_object('linkId', ${therapistLinks.id}, 'partners',
          (select json_agg(json_build_object('userId', u.id, 'displayName', u.display_name)
              order by m.joined_at, u.id)
            from ${memberships} m join ${users} u on u.id = m.user_id
            where m.space_id = ${therapistLinks.spaceId} and m.left_at is null))
        end as couple
      from ${therapistNotes} n
      left join ${therapistLinks} on ${therapistLinks.id} = n.link_id
      where n.therapist_id = ${actor.userId}
      order by n.updated_at desc, n.id desc`,
  );
  return rows.map((row) => ({
    id: row.id,
    body: row.body,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
    couple: row.couple ? { linkId: row.couple.linkId, partners: row.couple.partners ?? [] } : null,
  }));
}

/* ---------- Suggestions ---------- */
export async function suggest(
  db: DbOrTx,
  actor: TherapistActor,
  content: PracticeContent,
  linkId: string,
  body: TSuggestionBody,
): Promise<TSuggestion> {
  if (!content.exercises.some((e) => e.key === body.exercise)) {
    throw new AppError(
      'validation_failed',
      'Some of what was sent needs another look. The fields below say what.',
      { exercise: 'Choose an exercise from the list.' },
    );
  }
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string; space_id: string }>(
      tx,
      sql`insert into ${therapistSuggestions} (link_id, space_id, exercise_slug, note)
        select ${therapistLinks.id}, ${therapistLinks.spaceId}, ${body.exercise}, ${body.note}
        from ${therapistLinks} where ${myActiveLink(actor, linkId)}
        returning id, space_id`,
    );
    if (!row) throw notFound();
    // "A new message from <therapist>": both partners, opening the program map.
    const partners = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.spaceId, row.space_id), isNull(memberships.leftAt)));
    await notify(tx, {
      kind: 'therapist',
      recipients: partners.map((p) => p.userId),
      actorId: actor.userId,
      spaceId: row.space_id,
      link: '/program',
      joint: false,
    });
    const [saved] = await tx
      .select()
      .from(therapistSuggestions)
      .where(eq(therapistSuggestions.id, row.id));
    return suggestionOut(saved!);
  });
}
/** Withdraws my open suggestion; the couple's map stops showing it at once. */
export async function withdrawSuggestion(
  db: DbOrTx,
  actor: TherapistActor,
  linkId: string,
  id: string,
): Promise<void> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`update ${therapistSuggestions} set withdrawn_at = now()
      where ${therapistSuggestions.id} = ${id} and ${therapistSuggestions.linkId} = ${linkId}
        and ${therapistSuggestions.withdrawnAt} is null
        and exists (select 1 from ${therapistLinks} where ${myActiveLink(actor, linkId)})
      returning ${therapistSuggestions.id}`,
  );
  if (!row) throw notFound();
}
async function requireLink(db: DbOrTx, actor: TherapistActor, linkId: string): Promise<void> {
  const found = await db
    .select({ id: therapistLinks.id })
    .from(therapistLinks)
    .where(myActiveLink(actor, linkId));
  if (found.length === 0) throw notFound();
}

function summary(row: SharedItemRow, partners: Partner[]): TItemSummary {
  return {
    // Only kinds a therapist may see reach here (questions, the contact log and reflections never do).
    kind: row.kind as TItemSummary['kind'],
    id: row.id,
    authorName: partners.find((p) => p.userId === row.author_id)?.displayName ?? '',
    at: iso(row.at),
    day: row.day,
    sharedAt: row.therapist_shared_at ? iso(row.therapist_shared_at) : null,
  };
}
