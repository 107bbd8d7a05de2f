import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  ACCESS_ITEM_KINDS,
  type TAccessEntry,
  type TAccessLogPage,
  type TAccessLogQuery,
} from '../../../shared/schemas/access-log';
import type { Database } from '../../db';
import {
  accessLog,
  checkins,
  guideReflections,
  measureResponses,
  therapistProfiles,
  triggerEntries,
  users,
} from '../../db/schema';
import type { SignedInActor } from '../../policy/actor';
import { ownItems, ownRows } from '../../policy/rules';

/**
 * The access log as each partner reads it: only entries about their own items (`author_id` is
 * the reader), newest first, a page at a time along the `access_log_by_author` index. An entry
 * names the item by its kind and date; the item's own words are never read here. The item
 * tables are joined through `ownItems`, so even that date comes only from the reader's own item.
 */
export async function readAccessLog(
  db: Database,
  actor: SignedInActor,
  query: TAccessLogQuery,
): Promise<TAccessLogPage> {
  const mine = ownRows(actor, accessLog.authorId);
  const own = (column: AnyPgColumn) => ownItems(actor, { authorId: column });
  const itemDate = sql<string | null>`case ${accessLog.itemKind}
    when 'checkin' then (select ${checkins.day}::text from ${checkins}
      where ${checkins.id} = ${accessLog.itemId} and ${own(checkins.authorId)})
    when 'trigger' then (select to_char(${triggerEntries.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
      from ${triggerEntries}
      where ${triggerEntries.id} = ${accessLog.itemId} and ${own(triggerEntries.authorId)})
    when 'measure' then (select ${measureResponses.week}::text from ${measureResponses}
      where ${measureResponses.id} = ${accessLog.itemId} and ${own(measureResponses.authorId)})
    when 'reflection' then (select to_char(${guideReflections.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
      from ${guideReflections}
      where ${guideReflections.id} = ${accessLog.itemId} and ${own(guideReflections.authorId)})
    end`;
  const rows = await db
    .select({
      seq: accessLog.seq,
      at: accessLog.at,
      itemKind: accessLog.itemKind,
      displayName: users.displayName,
      practiceName: therapistProfiles.practiceName,
      itemDate,
    })
    .from(accessLog)
    .leftJoin(users, eq(users.id, accessLog.therapistId))
    .leftJoin(therapistProfiles, eq(therapistProfiles.userId, accessLog.therapistId))
    .where(and(mine, query.before ? lt(accessLog.seq, Number(query.before)) : undefined))
    .orderBy(desc(accessLog.seq))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map((row): TAccessEntry => ({
      seq: String(row.seq),
      at: row.at.toISOString(),
      therapist:
        row.displayName === null
          ? null
          : { displayName: row.displayName, practiceName: row.practiceName },
      itemKind: (ACCESS_ITEM_KINDS as readonly string[]).includes(row.itemKind)
        ? (row.itemKind as TAccessEntry['itemKind'])
        : 'other',
      itemDate: row.itemDate,
    })),
    next: rows.length > query.limit && last ? String(last.seq) : null,
  };
}
