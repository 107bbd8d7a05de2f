import { and, desc, eq, lt, sql } from 'drizzle-orm';
import {
  ACCESS_ITEM_KINDS,
  type TAccessEntry,
  type TAccessLogPage,
  type TAccessLogQuery,
} from '#shared/schemas/access-log.ts';
import type { Database } from '#server/db/index.ts';
import { accessLog, therapistProfiles, users } from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import type { ShareableKind } from '#server/policy/manifest.ts';
import { ownRows } from '#server/policy/rules.ts';

/**
 * The access log as each partner reads it: only entries about their own items (`author_id` is
 * the reader), newest first, a page at a time along the `access_log_by_author` index. An entry
 * names the item by its kind and date; the item's own words are never read here. The date comes
 * from the kind's manifest (`accessDate`), read through `ownItems`, so only from the reader's own
 * item.
 */
export async function readAccessLog(
  db: Database,
  actor: SignedInActor,
  query: TAccessLogQuery,
  kinds: readonly ShareableKind[],
): Promise<TAccessLogPage> {
  const mine = ownRows(actor, accessLog.authorId);
  // Each kind a therapist may see names its own date, from the reader's own item only.
  const dated = kinds.flatMap((k) => (k.accessDate ? [k] : []));
  const itemDate =
    dated.length === 0
      ? sql<string | null>`null::text`
      : sql<string | null>`case ${accessLog.itemKind} ${sql.join(
          dated.map(
            (k) => sql`when ${k.kind} then ${k.accessDate!(actor, sql`${accessLog.itemId}`)}`,
          ),
          sql` `,
        )} end`;
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
