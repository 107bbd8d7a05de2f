import { createHash } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '#server/db/index.ts';
import { accessLog } from '#server/db/schema/index.ts';

/** The `prev_hash` of the very first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Any number that is ours alone: it names the lock that keeps appends to the chain in order. */
const CHAIN_LOCK = 724_311_907;

export interface AccessEntry {
  therapistId: string;
  spaceId: string;
  itemKind: string;
  itemId: string;
  authorId: string;
}

/** The hash of one entry: what it records, in a fixed order, bound to the entry before it. */
export function entryHash(prevHash: string, at: Date, entry: AccessEntry): string {
  const fields = [
    prevHash,
    at.toISOString(),
    entry.therapistId,
    entry.spaceId,
    entry.itemKind,
    entry.itemId,
    entry.authorId,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * Appends "this therapist opened this item" to the access log. Appends are serialised by a
 * transaction-scoped advisory lock, so two at the same moment can never both chain onto the same
 * entry. Pass the transaction that reads the item, so an item is never shown without its entry.
 */
export async function recordAccess(db: DbOrTx, entry: AccessEntry, at = new Date()): Promise<void> {
  const append = async (tx: DbOrTx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
    const [last] = await tx
      .select({ hash: accessLog.hash })
      .from(accessLog)
      .orderBy(sql`${accessLog.seq} desc`)
      .limit(1);
    const prevHash = last?.hash ?? GENESIS_HASH;
    await tx
      .insert(accessLog)
      .values({ ...entry, at, prevHash, hash: entryHash(prevHash, at, entry) });
  };
  if ('rollback' in db) await append(db);
  else await db.transaction(append);
}

export interface ChainReport {
  entries: number;
  /** The first entry whose link or hash does not match, if any. */
  brokenAt: { seq: number; reason: 'prev_hash' | 'hash' } | null;
}

/** Walks the whole chain in order, in pages, and reports the first break. */
export async function verifyAccessLog(db: Database, pageSize = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let entries = 0;
  for (;;) {
    const page = await db
      .select()
      .from(accessLog)
      .where(gt(accessLog.seq, afterSeq))
      .orderBy(asc(accessLog.seq))
      .limit(pageSize);
    for (const row of page) {
      entries += 1;
      if (row.prevHash !== prevHash)
        return { entries, brokenAt: { seq: row.seq, reason: 'prev_hash' } };
      if (row.hash !== entryHash(prevHash, row.at, row))
        return { entries, brokenAt: { seq: row.seq, reason: 'hash' } };
      prevHash = row.hash;
      afterSeq = row.seq;
    }
    if (page.length < pageSize) return { entries, brokenAt: null };
  }
}
