import { and, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { TNewsKind, TTodayResponse } from '../../../shared/schemas/today';
import type { Database } from '../../db';
import {
  checkins,
  guideReflections,
  impactLetterMarks,
  impactLetterReflections,
  impactLetters,
  injuries,
  measureResponses,
  todayViews,
  triggerEntries,
  triggerPlans,
  users,
} from '../../db/schema';
import type { SignedInActor, SpaceMemberActor } from '../../policy/actor';
import { jointWorkOpenSql } from '../../policy/joint-work';
import {
  ownItems,
  ownRows,
  partnerRows,
  partnerSharedItems,
  spaceRows,
  togetherSince,
  type AuthoredItemColumns,
} from '../../policy/rules';
import { sharedWithPartnerSql } from '../../policy/visibility';

interface TodayRow extends Record<string, unknown> {
  my_checkin: { id: string; shared: boolean } | null;
  looked_at: string | null;
  paused: boolean;
  news: { kind: TNewsKind; count: number; latestAt: string }[];
}

/**
 * Items of one kind that my partner shared with me after `since`: the same visibility rule as
 * every read of those items, narrowed to my partner as author and to shares after `since`.
 */
function sharedSince(
  kind: TNewsKind,
  actor: SpaceMemberActor,
  table: SQL,
  item: AuthoredItemColumns,
  since: SQL,
  extra?: SQL,
): SQL {
  return sql`select ${kind}::text as kind, count(*)::int as n, max(${item.sharedAt}) as latest
    from ${table}
    where ${and(partnerSharedItems(actor, item), gt(item.sharedAt, since), extra)}`;
}

/**
 * Everything the today screen shows, in one query: my check-in for the day, what my partner
 * shared with me since I last looked (counted by kind, never quoted), when I last looked, and
 * whether joint work is open. The next step comes from the program (one more query).
 */
export async function readToday(
  db: Database,
  actor: SignedInActor,
  day: string,
): Promise<Omit<TTodayResponse, 'next'>> {
  const me = actor.userId;
  const lookedAt = sql`(select ${todayViews.lookedAt} from ${todayViews} where ${ownRows(actor, todayViews.userId)})`;
  const myCheckin = sql`(select json_build_object('id', ${checkins.id}, 'shared', ${sharedWithPartnerSql(checkins.visibility)})
      from ${checkins} where ${ownItems(actor, checkins)} and ${checkins.day} = ${day}::date)`;

  let news: SQL = sql`'[]'::json`;
  let paused: SQL = sql`false`;
  const space = actor.space;
  if (space) {
    paused = sql`not (${jointWorkOpenSql(space.id)})`;
  }
  const partner = space?.partner;
  if (space && partner) {
    const member = actor as SpaceMemberActor;
    // Nothing from before the two people now in the space were both in it is news.
    const start = togetherSince(member)!.toISOString();
    const since = sql`greatest(coalesce(${lookedAt}, ${start}::timestamptz), ${start}::timestamptz)`;
    const kinds: SQL[] = [
      sharedSince('checkin', member, sql`${checkins}`, checkins, since),
      sharedSince(
        'trigger',
        member,
        sql`${triggerEntries}`,
        triggerEntries,
        since,
        isNull(triggerEntries.archivedAt),
      ),
      sharedSince('reflection', member, sql`${guideReflections}`, guideReflections, since),
      sharedSince('letter', member, sql`${impactLetters}`, impactLetters, since),
      sharedSince(
        'letter_reflection',
        member,
        sql`${impactLetterReflections}`,
        impactLetterReflections,
        since,
      ),
      sharedSince('letter_mark', member, sql`${impactLetterMarks}`, impactLetterMarks, since),
      sharedSince('measure', member, sql`${measureResponses}`, measureResponses, since),
      // The couple's plan: changes my partner saved in our space since I last looked.
      sql`select 'trigger_plan'::text as kind, count(*)::int as n, max(${triggerPlans.updatedAt}) as latest
        from ${triggerPlans}
        where ${spaceRows(actor, triggerPlans.spaceId)} and ${partnerRows(actor, triggerPlans.updatedById)}
          and ${triggerPlans.updatedAt} > ${since}`,
      // Injuries my partner named that wait for me to confirm.
      sql`select 'injury'::text as kind, count(*)::int as n, max(${injuries.proposedAt}) as latest
        from ${injuries}
        where ${spaceRows(actor, injuries.spaceId)} and ${partnerRows(actor, injuries.proposedBy)}
          and ${injuries.confirmedAt} is null and ${injuries.archivedAt} is null
          and ${injuries.proposedAt} > ${since}`,
    ];
    news = sql`(select coalesce(json_agg(json_build_object('kind', kind, 'count', n, 'latestAt', latest)
        order by latest desc), '[]'::json)
      from (${sql.join(kinds, sql` union all `)}) as shared where n > 0)`;
  }

  // A named prepared statement, one per shape (alone, in a space, with a partner): the statement
  // is planned once per connection instead of at every request, which was most of its cost.
  const shape = !space ? 'solo' : space.partner ? 'couple' : 'alone';
  const [row] = (await db
    .select({
      my_checkin: sql<TodayRow['my_checkin']>`${myCheckin}`,
      looked_at: sql<string | null>`${lookedAt}`,
      paused: sql<boolean>`${paused}`,
      news: sql<TodayRow['news']>`${news}`,
    })
    .from(users)
    .where(eq(users.id, me))
    .prepare(`today_${shape}`)
    .execute()) as TodayRow[];
  return {
    day,
    myCheckin: row?.my_checkin ?? null,
    news: (row?.news ?? []).map((n) => ({ ...n, latestAt: new Date(n.latestAt).toISOString() })),
    lookedAt: row?.looked_at ? new Date(row.looked_at).toISOString() : null,
    jointWork: row?.paused ? 'paused' : 'open',
  };
}

/** "I have looked": news after this moment is new next time. Never moves backwards. */
export async function markSeen(db: Database, actor: SignedInActor, at: Date): Promise<void> {
  const when = at > new Date() ? new Date() : at;
  await db
    .insert(todayViews)
    .values({ userId: actor.userId, lookedAt: when })
    .onConflictDoUpdate({
      target: todayViews.userId,
      set: { lookedAt: sql`greatest(${todayViews.lookedAt}, excluded.looked_at)` },
    });
}
