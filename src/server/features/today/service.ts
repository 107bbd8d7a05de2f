import { and, eq, gt, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
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
  messages,
  spaces,
  therapistLinks,
  therapistSuggestions,
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
  therapistLinkActiveSql,
  togetherSince,
  visibleMessages,
  type AuthoredItemColumns,
} from '../../policy/rules';
import { sharedWithPartnerSql } from '../../policy/visibility';
import type { DoneFacts } from './next-step';

interface TodayRow extends Record<string, unknown> {
  my_checkin: { id: string; shared: boolean } | null;
  looked_at: string | null;
  paused: boolean;
  news: { kind: TNewsKind; count: number; latestAt: string }[];
  letter_shared: boolean;
  reflection_sent: boolean;
}

/** What `readToday` knows: the screen's own data, and what is done (for the next step). */
export interface TodayRead {
  view: Omit<TTodayResponse, 'next'>;
  done: DoneFacts;
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
 * What the couple's active therapist wrote to me since `since`: messages in the threads I read
 * (the couple thread, and my own private thread, never my partner's), by the link's therapist.
 * Counted, never quoted; my partner's count never includes my private thread.
 */
function therapistMessagesSince(actor: SpaceMemberActor, since: SQL): SQL {
  return sql`select 'therapist_message'::text as kind, count(*)::int as n,
      max(${messages.createdAt}) as latest
    from ${messages}
    where ${visibleMessages(actor)} and ${messages.createdAt} > ${since}
      and exists (select 1 from ${therapistLinks} where ${therapistLinks.id} = ${messages.linkId}
        and ${therapistLinks.therapistId} = ${messages.authorId})`;
}

/** Exercises the couple's active therapist suggested since `since` (shown to both partners). */
function therapistSuggestionsSince(actor: SpaceMemberActor, since: SQL): SQL {
  return sql`select 'therapist_suggestion'::text as kind, count(*)::int as n,
      max(${therapistSuggestions.createdAt}) as latest
    from ${therapistSuggestions}
    where ${spaceRows(actor, therapistSuggestions.spaceId)}
      and ${therapistSuggestions.withdrawnAt} is null and ${therapistSuggestions.createdAt} > ${since}
      and exists (select 1 from ${therapistLinks}
        where ${therapistLinks.id} = ${therapistSuggestions.linkId} and ${therapistLinkActiveSql()})`;
}

/** Is my current impact letter in this space shared with my partner? */
function myLetterSharedSql(actor: SpaceMemberActor): SQL {
  return sql`exists (select 1 from ${impactLetters}
    where ${and(
      ownItems(actor, impactLetters),
      spaceRows(actor, impactLetters.spaceId),
      isNull(impactLetters.supersededAt),
      sharedWithPartnerSql(impactLetters.visibility),
    )})`;
}

/** Have I sent a reflection on my partner's current impact letter? */
function myReflectionSentSql(actor: SpaceMemberActor): SQL {
  return sql`exists (select 1 from ${impactLetterReflections}
    where ${and(ownItems(actor, impactLetterReflections), isNotNull(impactLetterReflections.sentAt))}
      and exists (select 1 from ${impactLetters}
        where ${impactLetters.id} = ${impactLetterReflections.letterId}
          and ${spaceRows(actor, impactLetters.spaceId)}
          and ${partnerRows(actor, impactLetters.authorId)} and ${impactLetters.supersededAt} is null))`;
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
): Promise<TodayRead> {
  const me = actor.userId;
  const lookedAt = sql`(select ${todayViews.lookedAt} from ${todayViews} where ${ownRows(actor, todayViews.userId)})`;
  const myCheckin = sql`(select json_build_object('id', ${checkins.id}, 'shared', ${sharedWithPartnerSql(checkins.visibility)})
      from ${checkins} where ${ownItems(actor, checkins)} and ${checkins.day} = ${day}::date)`;

  let news: SQL = sql`'[]'::json`;
  let paused: SQL = sql`false`;
  let letterShared: SQL = sql`false`;
  let reflectionSent: SQL = sql`false`;
  const space = actor.space;
  if (space) {
    paused = sql`not (${jointWorkOpenSql(space.id)})`;
    letterShared = myLetterSharedSql(actor as SpaceMemberActor);
  }
  const partner = space?.partner;
  if (space && partner) {
    const member = actor as SpaceMemberActor;
    // Nothing from before the two people now in the space were both in it is news.
    const start = togetherSince(member)!.toISOString();
    const since = sql`greatest(coalesce(${lookedAt}, ${start}::timestamptz), ${start}::timestamptz)`;
    // What the therapist wrote counts from when I joined (the couple thread is mine from then).
    const joined = member.space.joinedAt.toISOString();
    const mine = sql`greatest(coalesce(${lookedAt}, ${joined}::timestamptz), ${joined}::timestamptz)`;
    reflectionSent = myReflectionSentSql(member);
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
      therapistMessagesSince(member, mine),
      therapistSuggestionsSince(member, mine),
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
    // Nothing new (decision 0045): nothing in the space was written after the earliest moment
    // news counts from, so there is nothing to count, and the counting above never runs (it is
    // evaluated only in the branch that needs it). Unknown (null) counts as maybe.
    news = sql`case when coalesce((select ${spaces.lastSharedAt} from ${spaces}
        where ${spaceRows(actor, spaces.id)}) > least(${since}, ${mine}), true)
      then ${news} else '[]'::json end`;
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
      letter_shared: sql<boolean>`${letterShared}`,
      reflection_sent: sql<boolean>`${reflectionSent}`,
    })
    .from(users)
    .where(eq(users.id, me))
    .prepare(`today_${shape}`)
    .execute()) as TodayRow[];
  const view: TodayRead['view'] = {
    day,
    myCheckin: row?.my_checkin ?? null,
    news: (row?.news ?? []).map((n) => ({ ...n, latestAt: new Date(n.latestAt).toISOString() })),
    lookedAt: row?.looked_at ? new Date(row.looked_at).toISOString() : null,
    jointWork: row?.paused ? 'paused' : 'open',
  };
  return {
    view,
    done: {
      checkedInToday: view.myCheckin !== null,
      letterShared: row?.letter_shared === true,
      reflectionSent: row?.reflection_sent === true,
      jointWorkPaused: view.jointWork === 'paused',
    },
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
