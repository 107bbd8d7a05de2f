import { and, eq, sql, type SQL } from 'drizzle-orm';
import { notify } from '#server/events/notify.ts';
import {
  MESSAGE_PAGE_SIZE,
  type TLinkState,
  type TMessage,
  type TOlderQuery,
  type TPartnerConversation,
  type TPartnerMessageBody,
  type TTherapistConversation,
  type TTherapistMessageBody,
  type TThread,
  type TThreadView,
} from '#shared/schemas/messages.ts';
import { AppError, notFound } from '#shared/errors.ts';
import type { DbOrTx } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';
import { keysetCursor } from '#server/http/cursor.ts';
import {
  memberships,
  messages,
  therapistLinks,
  therapistProfiles,
  users,
} from '#server/db/schema/index.ts';
import type { SignedInActor, SpaceMemberActor, TherapistActor } from '#server/policy/actor.ts';
import {
  activeTherapistLinks,
  isSpaceMember,
  isTherapist,
  messageWritableLinks,
  partnerMessageLinks,
  therapistLinkActiveSql,
  visibleMessages,
} from '#server/policy/rules.ts';

interface MessageRow extends Record<string, unknown> {
  id: string;
  link_id: string;
  thread: TThread;
  partner_id: string | null;
  author_id: string;
  author_name: string;
  by_therapist: boolean;
  /** Postgres' own text for the timestamp: exact to the microsecond, so it can go into a cursor. */
  at: string;
  body: string;
}

/** The columns every message read selects; the `messages` row itself is not aliased (the scope names it). */
const MESSAGE_COLUMNS = sql`${messages.id} as id, ${messages.linkId} as link_id,
  ${messages.thread} as thread, ${messages.partnerId} as partner_id,
  ${messages.authorId} as author_id, author.display_name as author_name,
  (${messages.authorId} = link.therapist_id) as by_therapist,
  ${messages.createdAt}::text as at, ${messages.createdAt} as created_at, ${messages.body} as body`;

const MESSAGE_JOINS = sql`join ${users} author on author.id = ${messages.authorId}
  join ${therapistLinks} link on link.id = ${messages.linkId}`;

/** One thread's key: the couple thread, or a private thread by its partner. */
const threadKey = (linkId: string, thread: TThread, partnerId: string | null) =>
  `${linkId}:${thread}:${partnerId ?? ''}`;

/**
 * The newest page of every thread `actor` may read in these links, in one query. The scope is
 * `visibleMessages`, so another partner's private thread is never so much as counted.
 */
async function newestPages(
  db: DbOrTx,
  actor: SignedInActor,
  linkIds: string[],
): Promise<Map<string, TThreadView>> {
  const pages = new Map<string, TThreadView>();
  if (linkIds.length === 0) return pages;
  const rows = await queryRows<MessageRow & { rank: string }>(
    db,
    sql`select * from (
      select ${MESSAGE_COLUMNS},
        row_number() over (partition by ${messages.linkId}, ${messages.thread}, ${messages.partnerId}
          order by ${messages.createdAt} desc, ${messages.id} desc) as rank
      from ${messages} ${MESSAGE_JOINS}
      where ${messages.linkId} in (${sql.join(
        linkIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) and ${visibleMessages(actor)}
    ) as newest
    where newest.rank <= ${MESSAGE_PAGE_SIZE + 1}
    order by newest.created_at asc, newest.id asc`,
  );
  const grouped = new Map<string, (MessageRow & { rank: string })[]>();
  for (const row of rows) {
    const key = threadKey(row.link_id, row.thread, row.partner_id);
    grouped.set(key, [...(grouped.get(key) ?? []), row]);
  }
  for (const [key, threadRows] of grouped) {
    // Oldest first; the extra row (rank 51) only says that there is more before this page.
    const more = threadRows.some((r) => Number(r.rank) > MESSAGE_PAGE_SIZE);
    const page = threadRows.filter((r) => Number(r.rank) <= MESSAGE_PAGE_SIZE);
    const first = page[0];
    pages.set(key, {
      messages: page.map((r) => present(actor, r)),
      olderCursor: more && first ? olderCursor.encode({ at: first.at, id: first.id }) : null,
    });
  }
  return pages;
}
/** A partner's conversations: every claimed link of the space, each with the couple thread and mine. */
export async function partnerConversations(
  db: DbOrTx,
  actor: SpaceMemberActor,
): Promise<TPartnerConversation[]> {
  const links = await queryRows<{
    id: string;
    therapist_name: string;
    practice_name: string | null;
    ended: boolean;
    active: boolean;
  }>(
    db,
    sql`select ${therapistLinks.id} as id, therapist.display_name as therapist_name,
        ${therapistProfiles.practiceName} as practice_name,
        (${therapistLinks.revokedAt} is not null) as ended,
        (${therapistLinkActiveSql()}) as active
      from ${therapistLinks}
      join ${users} therapist on therapist.id = ${therapistLinks.therapistId}
      left join ${therapistProfiles} on ${therapistProfiles.userId} = ${therapistLinks.therapistId}
      where ${partnerMessageLinks(actor)}
      order by ${therapistLinks.claimedAt} desc, ${therapistLinks.id} desc`,
  );
  const pages = await newestPages(
    db,
    actor,
    links.map((l) => l.id),
  );
  const empty: TThreadView = { messages: [], olderCursor: null };
  const order: Record<TLinkState, number> = { active: 0, waiting: 1, ended: 2 };
  return (
    links
      .map((link): TPartnerConversation => {
        const state: TLinkState = link.ended ? 'ended' : link.active ? 'active' : 'waiting';
        return {
          linkId: link.id,
          therapistName: link.therapist_name,
          practiceName: link.practice_name ?? '',
          state,
          couple: pages.get(threadKey(link.id, 'couple', null)) ?? empty,
          mine: pages.get(threadKey(link.id, 'private', actor.userId)) ?? empty,
        };
      })
      // An ended link stays only when there is something of it to read.
      .filter(
        (c) => c.state !== 'ended' || c.couple.messages.length > 0 || c.mine.messages.length > 0,
      )
      .sort((x, y) => order[x.state] - order[y.state])
  );
}
/** The couple as their active therapist sees it; 404 for any other link. */
export async function therapistConversation(
  db: DbOrTx,
  actor: TherapistActor,
  linkId: string,
): Promise<TTherapistConversation> {
  const partners = await partnersOfActiveLink(db, actor, linkId);
  const pages = await newestPages(db, actor, [linkId]);
  const empty: TThreadView = { messages: [], olderCursor: null };
  return {
    linkId,
    partners,
    couple: pages.get(threadKey(linkId, 'couple', null)) ?? empty,
    private: partners.map((p) => ({
      partnerId: p.id,
      partnerName: p.name,
      thread: pages.get(threadKey(linkId, 'private', p.id)) ?? empty,
    })),
  };
}
/** The current partners of a link active with this therapist, or a 404. */
async function partnersOfActiveLink(
  db: DbOrTx,
  actor: TherapistActor,
  linkId: string,
): Promise<{ id: string; name: string }[]> {
  const rows = await queryRows<{ link_id: string; id: string | null; name: string | null }>(
    db,
    sql`select ${therapistLinks.id} as link_id, partner.id as id, partner.display_name as name
      from ${therapistLinks}
      left join ${memberships} m on m.space_id = ${therapistLinks.spaceId} and m.left_at is null
      left join ${users} partner on partner.id = m.user_id
      where ${therapistLinks.id} = ${linkId} and ${activeTherapistLinks(actor)}
      order by m.joined_at asc`,
  );
  if (rows.length === 0) throw notFound();
  return rows.flatMap((r) => (r.id && r.name ? [{ id: r.id, name: r.name }] : []));
}
/** A page of older messages in one thread, oldest first. */
export async function olderMessages(
  db: DbOrTx,
  actor: SignedInActor,
  query: TOlderQuery,
): Promise<TThreadView> {
  const before = olderCursor.decode(query.before, 'before');
  let partnerId: string;
  if (isTherapist(actor)) {
    await partnersOfActiveLink(db, actor, query.linkId);
    if (query.thread === 'private' && query.partnerId === undefined) {
      throw new AppError('validation_failed', 'Choose whose private thread to read.', {
        partnerId: 'Choose whose private thread to read.',
      });
    }
    partnerId = query.partnerId ?? '';
  } else if (isSpaceMember(actor)) {
    // A partner's private thread is always their own; naming anyone else finds nothing.
    if (query.partnerId !== undefined && query.partnerId !== actor.userId) throw notFound();
    const [link] = await db
      .select({ id: therapistLinks.id })
      .from(therapistLinks)
      .where(and(eq(therapistLinks.id, query.linkId), partnerMessageLinks(actor)));
    if (!link) throw notFound();
    partnerId = actor.userId;
  } else {
    throw notFound();
  }
  const inThread: SQL =
    query.thread === 'couple'
      ? sql`${messages.thread} = 'couple'`
      : sql`${messages.thread} = 'private' and ${messages.partnerId} = ${partnerId}::uuid`;
  const rows = await queryRows<MessageRow>(
    db,
    sql`select ${MESSAGE_COLUMNS}
      from ${messages} ${MESSAGE_JOINS}
      where ${messages.linkId} = ${query.linkId} and ${inThread} and ${visibleMessages(actor)}
        and (${messages.createdAt}, ${messages.id}) < (${before.at}::timestamptz, ${before.id}::uuid)
      order by ${messages.createdAt} desc, ${messages.id} desc
      limit ${MESSAGE_PAGE_SIZE + 1}`,
  );
  const page = rows.slice(0, MESSAGE_PAGE_SIZE).reverse();
  const first = page[0];
  return {
    messages: page.map((r) => present(actor, r)),
    olderCursor:
      rows.length > MESSAGE_PAGE_SIZE && first
        ? olderCursor.encode({ at: first.at, id: first.id })
        : null,
  };
}
/** A partner writes in the couple thread or their own private thread, while the link is active. */
export async function writeAsPartner(
  db: DbOrTx,
  actor: SpaceMemberActor,
  body: TPartnerMessageBody,
): Promise<TMessage> {
  const partnerId = body.thread === 'private' ? actor.userId : null;
  const written = await insertIfWritable(db, actor, body.linkId, body.thread, partnerId, body.body);
  if (written) return written;
  // Why not: the same 404 for "not there" and "not my space's"; a clear 409 for my own link.
  const [link] = await db
    .select({ revokedAt: therapistLinks.revokedAt })
    .from(therapistLinks)
    .where(and(eq(therapistLinks.id, body.linkId), partnerMessageLinks(actor)));
  if (!link) throw notFound();
  throw new AppError(
    'messages_closed',
    link.revokedAt
      ? 'Work with this therapist has ended, so new messages cannot be sent. Everything written before stays here for you to read.'
      : 'Messages open once both of you have approved this therapist. Until then nothing can be sent.',
  );
}
/** The therapist writes in the couple thread or privately to one current partner. */
export async function writeAsTherapist(
  db: DbOrTx,
  actor: TherapistActor,
  linkId: string,
  body: TTherapistMessageBody,
): Promise<TMessage> {
  const partners = await partnersOfActiveLink(db, actor, linkId);
  let partnerId: string | null = null;
  if (body.thread === 'private') {
    if (!partners.some((p) => p.id === body.partnerId)) {
      throw new AppError('validation_failed', 'Choose one of this couple’s partners.', {
        partnerId: 'Choose one of this couple’s partners for a private message.',
      });
    }
    partnerId = body.partnerId!;
  }
  return db.transaction(async (tx) => {
    const written = await insertIfWritable(tx, actor, linkId, body.thread, partnerId, body.body);
    // The link stopped being active between the two statements: the same 404 as before.
    if (!written) throw notFound();
    // Content-free: "A message from <therapist>", opening the messages page.
    await notify(tx, {
      kind: 'therapist',
      recipients: partnerId ? [partnerId] : partners.map((p) => p.id),
      actorId: actor.userId,
      spaceId: null,
      link: '/messages',
      joint: false,
    });
    return written;
  });
}
/** Inserts only while the link is writable for `actor`, in one statement. */
async function insertIfWritable(
  db: DbOrTx,
  actor: SignedInActor,
  linkId: string,
  thread: TThread,
  partnerId: string | null,
  text: string,
): Promise<TMessage | null> {
  const [row] = await queryRows<{ id: string; at: string }>(
    db,
    sql`insert into ${messages} (link_id, author_id, thread, partner_id, body)
      select ${therapistLinks.id}, ${actor.userId}::uuid, ${thread}::text, ${partnerId}::uuid,
        ${text}::text
      from ${therapistLinks}
      where ${therapistLinks.id} = ${linkId} and ${messageWritableLinks(actor)}
      returning id, created_at::text as at`,
  );
  if (!row) return null;
  return {
    id: row.id,
    mine: true,
    authorName: actor.displayName,
    authorRole: isTherapist(actor) ? 'therapist' : 'partner',
    at: new Date(row.at).toISOString(),
    body: text,
  };
}

function present(actor: SignedInActor, row: MessageRow): TMessage {
  return {
    id: row.id,
    mine: row.author_id === actor.userId,
    authorName: row.author_name,
    authorRole: row.by_therapist ? 'therapist' : 'partner',
    at: new Date(row.at).toISOString(),
    body: row.body,
  };
}

/** The page position: the first message shown, by its exact time and id. */
const olderCursor = keysetCursor({ at: 'timestamp', id: 'uuid' });
