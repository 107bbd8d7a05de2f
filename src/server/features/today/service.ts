import { eq, sql, type SQL } from 'drizzle-orm';
import type { TNewsKind, TTodayResponse } from '#shared/schemas/today.ts';
import type { Database } from '#server/db/index.ts';
import { todayViews, users } from '#server/db/schema/index.ts';
import type { SignedInActor, SpaceMemberActor } from '#server/policy/actor.ts';
import { jointWorkOpenSql } from '#server/policy/joint-work.ts';
import type { FeatureWhole } from '#server/policy/manifest.ts';
import { ownRows, togetherSince } from '#server/policy/rules.ts';
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
 * Everything the today screen shows, in one query: my check-in for the day, what my partner
 * shared with me since I last looked (counted by kind, never quoted), when I last looked, and
 * whether joint work is open. The next step comes from the program (one more query). The news
 * kinds are those of every feature manifest; my check-in and my letter come from their owners'
 * queries (`features.queries`).
 */
export async function readToday(
  db: Database,
  actor: SignedInActor,
  day: string,
  features: Pick<FeatureWhole, 'news' | 'queries' | 'commentable'>,
): Promise<TodayRead> {
  const me = actor.userId;
  const lookedAt = sql`(select ${todayViews.lookedAt} from ${todayViews} where ${ownRows(actor, todayViews.userId)})`;
  const myCheckin = features.queries.myCheckinOn(actor, day);

  let news: SQL = sql`'[]'::json`;
  let paused: SQL = sql`false`;
  let letterShared: SQL = sql`false`;
  let reflectionSent: SQL = sql`false`;
  const space = actor.space;
  if (space) {
    paused = sql`not (${jointWorkOpenSql(space.id)})`;
    letterShared = features.queries.myLetterShared(actor as SpaceMemberActor);
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
    reflectionSent = features.queries.myReflectionSent(member);
    const kinds = features.news.map((source) => source.count(member, { since, mine }, features));
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
