import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Database, DbOrTx, Transaction } from '#server/db/index.ts';
import { queryRows } from '#server/db/index.ts';
import {
  erasureRequests,
  memberships,
  sessions,
  spaces,
  therapistLinks,
  users,
} from '#server/db/schema/index.ts';
import { enqueue } from '#server/jobs/index.ts';
import { sendEmail, emailTime } from '#server/email/index.ts';
import { rowsOf } from '#server/policy/rules.ts';

import type { FeatureWhole } from '#server/policy/manifest.ts';
/**
 * Erasing an account (decision 0034). Asked for, it waits seven days — the person can cancel —
 * then a job carries it out:
 * - Everything the person owns goes: every row whose link to them is declared `on delete cascade`
 *   (private items, items they shared, their answers, sessions, second steps, settings).
 * - Co-authored things of the space (injuries, the trigger plan and its versions) stay with the
 *   partner; the person's id is removed from them (`on delete set null`), and their name in the
 *   version history becomes "Former partner".
 * - They leave their space (it closes if nobody is left); therapist links of the space end.
 * - The `users` row stays as a tombstone with the id only (no email, name or password), so the
 *   access log and the memberships keep their ids; nothing else of the person remains.
 * - A last email goes to the address the account had.
 */
export const COOLING_OFF_MS = 7 * 24 * 3_600_000;
export const ERASE_JOB = 'my-data.erase';
export const FORMER_PARTNER = 'Former partner';

export interface ErasureSchedule {
  requestedAt: Date;
  executeAt: Date;
}

export async function erasureScheduleOf(
  db: DbOrTx,
  userId: string,
): Promise<ErasureSchedule | null> {
  const [row] = await db
    .select({ requestedAt: erasureRequests.requestedAt, executeAt: erasureRequests.executeAt })
    .from(erasureRequests)
    .where(rowsOf(erasureRequests.userId, userId));
  return row ?? null;
}

/** Schedules the erasure (or keeps an existing schedule) and queues the job and an email. */
export async function scheduleErasure(
  db: Database,
  person: { userId: string; email: string },
  accountLink: string,
  now = new Date(),
): Promise<ErasureSchedule> {
  return db.transaction(async (tx) => {
    const executeAt = new Date(now.getTime() + COOLING_OFF_MS);
    await tx
      .insert(erasureRequests)
      .values({ userId: person.userId, requestedAt: now, executeAt })
      .onConflictDoNothing();
    const schedule = (await erasureScheduleOf(tx, person.userId))!;
    const key = `${person.userId}:${schedule.requestedAt.getTime()}`;
    await enqueue(tx, {
      kind: ERASE_JOB,
      dedupKey: `erase:${key}`,
      payload: { userId: person.userId },
      runAt: schedule.executeAt,
    });
    await sendEmail(tx, {
      to: person.email,
      template: 'erasureScheduled',
      data: { when: emailTime(schedule.executeAt), link: accountLink },
      dedupKey: `erasure-scheduled:${key}`,
    });
    return schedule;
  });
}

/** Cancels a scheduled erasure; the queued job then finds nothing to do. */
export async function cancelErasure(db: Database, userId: string): Promise<boolean> {
  const deleted = await db
    .delete(erasureRequests)
    .where(rowsOf(erasureRequests.userId, userId))
    .returning({ userId: erasureRequests.userId });
  return deleted.length === 1;
}

interface ForeignKey {
  table: string;
  column: string;
  /** pg_constraint.confdeltype: c cascade, n set null, a/r no action/restrict, d default. */
  rule: string;
}

/** Every column that points at `users.id`, with what the schema says happens on delete. */
async function userForeignKeys(tx: Transaction): Promise<ForeignKey[]> {
  return queryRows<ForeignKey & Record<string, unknown>>(
    tx,
    sql`select c.conrelid::regclass::text as table, a.attname::text as column, c.confdeltype::text as rule
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = 'users'::regclass
      order by 1, 2`,
  );
}

/** Kept rather than deleted: leaving and ending are recorded on these, not by removing them. */
const HANDLED_APART = new Set(['memberships', 'therapist_links', 'erasure_requests']);

/**
 * Carries out a due erasure. Returns the address for the last email, or null when there is
 * nothing to do (cancelled, not due yet, or done already), so a repeated job is harmless.
 */
export async function executeErasure(
  db: Database,
  userId: string,
  parts: Pick<FeatureWhole, 'erasers'>,
  now = new Date(),
): Promise<{ email: string } | null> {
  return db.transaction(async (tx) => {
    const [due] = await tx
      .select({ userId: erasureRequests.userId, email: users.email })
      .from(erasureRequests)
      .innerJoin(users, eq(users.id, erasureRequests.userId))
      .where(and(rowsOf(erasureRequests.userId, userId), lte(erasureRequests.executeAt, now)))
      .for('update', { of: erasureRequests });
    if (!due) return null;

    // Leave the space: the partner stays; a space nobody is left in closes.
    const left = await tx
      .update(memberships)
      .set({ leftAt: now })
      .where(and(rowsOf(memberships.userId, userId), isNull(memberships.leftAt)))
      .returning({ spaceId: memberships.spaceId });
    for (const { spaceId } of left) {
      await tx
        .update(therapistLinks)
        .set({ revokedAt: now })
        .where(and(rowsOf(therapistLinks.spaceId, spaceId), isNull(therapistLinks.revokedAt)));
      await tx
        .update(spaces)
        .set({ closedAt: now })
        .where(
          and(
            eq(spaces.id, spaceId),
            sql`not exists (select 1 from ${memberships} where ${rowsOf(memberships.spaceId, spaceId)} and ${memberships.leftAt} is null)`,
          ),
        );
    }
    // A therapist's own account: their links end (the couples keep their message history).
    await tx
      .update(therapistLinks)
      .set({ revokedAt: now })
      .where(and(eq(therapistLinks.therapistId, userId), isNull(therapistLinks.revokedAt)));

    // Names copied into co-authored history: each feature's manifest says where it keeps them.
    for (const erase of parts.erasers) await erase(tx, userId, FORMER_PARTNER);

    for (const fk of await userForeignKeys(tx)) {
      if (HANDLED_APART.has(fk.table)) continue;
      const table = sql.identifier(fk.table);
      const column = sql.identifier(fk.column);
      if (fk.rule === 'c') {
        await tx.execute(sql`delete from ${table} where ${column} = ${userId}`);
      } else if (fk.rule === 'n') {
        await tx.execute(sql`update ${table} set ${column} = null where ${column} = ${userId}`);
      }
    }
    // Sessions are among the cascades above; said again here because ending them is the point.
    await tx.delete(sessions).where(rowsOf(sessions.userId, userId));
    await tx.delete(erasureRequests).where(rowsOf(erasureRequests.userId, userId));
    await tx
      .update(users)
      .set({
        email: `erased-${userId}@erased.invalid`,
        displayName: FORMER_PARTNER,
        passwordHash: '!',
      })
      .where(eq(users.id, userId));
    await sendEmail(tx, {
      to: due.email,
      template: 'erasureDone',
      data: {},
      dedupKey: `erasure-done:${userId}`,
    });
    return { email: due.email };
  });
}
