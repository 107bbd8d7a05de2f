import { and, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '../../../shared/errors';
import type {
  TCurrentPlan,
  TEarlierPlan,
  TPlanResponse,
  TPlanSections,
  TPlanVersions,
} from '../../../shared/schemas/triggers';
import type { Database } from '../../db';
import { memberships, triggerPlans, triggerPlanVersions } from '../../db/schema';
import { versionConflict } from '../../http/versioning';
import type { SpaceMemberActor } from '../../policy/actor';
import { isJointWorkOpen, requireJointWorkOpen } from '../../policy/joint-work';
import { ownRows, spaceRows } from '../../policy/rules';

/**
 * The couple's trigger plan, co-authored and kept in the space (decision 0007, rule 3).
 *
 * A plan belongs to one set of members: the memberships of the people in the space when it was
 * started. Reading a plan needs a membership in that set that is still active, so:
 * - the one who left can no longer read it (their membership has ended);
 * - the one who stays still can, but it is no longer the plan of the people in the space now,
 *   so it is read-only history for them;
 * - someone who joins later has a new membership, which is in no earlier plan, so they never see
 *   anything written before they joined. That includes a draft written by the person who was
 *   alone in the space: it stays with its author.
 */
type Reader = Pick<Database, 'select'>;
type PlanRow = typeof triggerPlans.$inferSelect;

/** The memberships of the people in my space now, in a fixed order (smaller id first). */
interface Members {
  mine: string;
  one: string;
  two: string | null;
}

async function currentMembers(db: Reader, actor: SpaceMemberActor): Promise<Members> {
  const rows = await db
    .select({ id: memberships.id, userId: memberships.userId })
    .from(memberships)
    .where(and(spaceRows(actor, memberships.spaceId), isNull(memberships.leftAt)));
  const mine = rows.find((row) => row.userId === actor.userId);
  if (!mine) throw notFound();
  const ids = rows.map((row) => row.id).sort();
  return { mine: mine.id, one: ids[0]!, two: ids[1] ?? null };
}

function isCurrent(plan: Pick<PlanRow, 'memberOneId' | 'memberTwoId'>, members: Members) {
  return plan.memberOneId === members.one && plan.memberTwoId === members.two;
}

/** Plans that name one of my active memberships: the only plans I may read. */
function readablePlans(actor: SpaceMemberActor, mine: string): SQL {
  return and(
    spaceRows(actor, triggerPlans.spaceId),
    or(eq(triggerPlans.memberOneId, mine), eq(triggerPlans.memberTwoId, mine)),
  )!;
}

function currentPlanOf(members: Members): SQL {
  return and(
    eq(triggerPlans.memberOneId, members.one),
    members.two === null
      ? isNull(triggerPlans.memberTwoId)
      : eq(triggerPlans.memberTwoId, members.two),
  )!;
}

function sectionsOf(row: TPlanSections): TPlanSections {
  return {
    signs: row.signs,
    signal: row.signal,
    response: row.response,
    timeOut: row.timeOut,
    afterwards: row.afterwards,
  };
}

const EMPTY_SECTIONS: TPlanSections = {
  signs: '',
  signal: '',
  response: '',
  timeOut: '',
  afterwards: '',
};

function presentCurrent(
  row: PlanRow | undefined,
  members: Members,
  actor: SpaceMemberActor,
): TCurrentPlan {
  return {
    id: row?.id ?? null,
    version: row?.version ?? 0,
    sections: row ? sectionsOf(row) : EMPTY_SECTIONS,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row ? { name: row.updatedByName, mine: row.updatedById === actor.userId } : null,
    together: members.two !== null,
  };
}

function presentEarlier(row: PlanRow, actor: SpaceMemberActor): TEarlierPlan {
  return {
    id: row.id,
    version: row.version,
    sections: sectionsOf(row),
    startedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: { name: row.updatedByName, mine: row.updatedById === actor.userId },
    solo: row.memberTwoId === null,
  };
}

/** The plan of the people in the space now, the earlier plans I may read, and the pause state. */
export async function readPlan(db: Database, actor: SpaceMemberActor): Promise<TPlanResponse> {
  const members = await currentMembers(db, actor);
  const [rows, jointWorkOpen] = await Promise.all([
    db
      .select()
      .from(triggerPlans)
      .where(readablePlans(actor, members.mine))
      .orderBy(desc(triggerPlans.updatedAt)),
    isJointWorkOpen(db, actor.space.id),
  ]);
  const current = rows.find((row) => isCurrent(row, members));
  return {
    plan: presentCurrent(current, members, actor),
    earlier: rows.filter((row) => row !== current).map((row) => presentEarlier(row, actor)),
    jointWorkOpen,
  };
}

/**
 * Saves the whole plan as a new version. `expected` is the version the writer started from (0
 * before anything was written); if someone saved in between, nothing is written and the writer
 * gets a 412 with the plan as it is now.
 */
export async function savePlan(
  db: Database,
  actor: SpaceMemberActor,
  expected: number,
  sections: TPlanSections,
): Promise<TCurrentPlan> {
  const outcome = await db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const members = await currentMembers(tx, actor);
    const now = new Date();
    const change = {
      ...sectionsOf(sections),
      updatedAt: now,
      updatedById: actor.userId,
      updatedByName: actor.displayName,
    };
    // Either starts the plan (only if nobody else just did) or moves it on by exactly one version
    // (only if it is still at the version the writer started from). Both are one statement, so
    // two writers at once cannot both win.
    const [row] =
      expected === 0
        ? await tx
            .insert(triggerPlans)
            .values({
              spaceId: actor.space.id,
              memberOneId: members.one,
              memberTwoId: members.two,
              version: 1,
              createdAt: now,
              ...change,
            })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(triggerPlans)
            .set({ version: sql`${triggerPlans.version} + 1`, ...change })
            .where(
              and(
                spaceRows(actor, triggerPlans.spaceId),
                currentPlanOf(members),
                eq(triggerPlans.version, expected),
              ),
            )
            .returning();
    if (!row) {
      const [current] = await tx
        .select()
        .from(triggerPlans)
        .where(and(spaceRows(actor, triggerPlans.spaceId), currentPlanOf(members)));
      return { conflict: presentCurrent(current, members, actor) };
    }
    await tx.insert(triggerPlanVersions).values({
      planId: row.id,
      version: row.version,
      ...sectionsOf(sections),
      authorId: actor.userId,
      authorName: actor.displayName,
      createdAt: now,
    });
    return { saved: presentCurrent(row, members, actor) };
  });
  if ('conflict' in outcome) throw versionConflict(outcome.conflict);
  return outcome.saved;
}

const BAD_CURSOR = 'This page position is not valid. Please reload the history.';

/** Every version of a plan I may read, newest first. */
export async function listVersions(
  db: Database,
  actor: SpaceMemberActor,
  planId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<TPlanVersions> {
  let before: number | null = null;
  if (query.cursor !== undefined) {
    if (!/^[1-9]\d{0,8}$/.test(query.cursor)) {
      throw new AppError('validation_failed', BAD_CURSOR, { 'querystring.cursor': BAD_CURSOR });
    }
    before = Number(query.cursor);
  }
  // Readable only through one of my active memberships in this space (see the top of this file).
  const [plan] = await db
    .select({ id: triggerPlans.id })
    .from(triggerPlans)
    .innerJoin(
      memberships,
      and(
        ownRows(actor, memberships.userId),
        spaceRows(actor, memberships.spaceId),
        isNull(memberships.leftAt),
        or(
          eq(memberships.id, triggerPlans.memberOneId),
          eq(memberships.id, triggerPlans.memberTwoId),
        ),
      ),
    )
    .where(and(eq(triggerPlans.id, planId), spaceRows(actor, triggerPlans.spaceId)))
    .limit(1);
  if (!plan) throw notFound();
  const rows = await db
    .select()
    .from(triggerPlanVersions)
    .where(
      and(
        eq(triggerPlanVersions.planId, plan.id),
        before === null ? undefined : lt(triggerPlanVersions.version, before),
      ),
    )
    .orderBy(desc(triggerPlanVersions.version))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    versions: page.map((row) => ({
      version: row.version,
      sections: sectionsOf(row),
      createdAt: row.createdAt.toISOString(),
      author: { name: row.authorName, mine: row.authorId === actor.userId },
    })),
    nextCursor: rows.length > query.limit && last ? String(last.version) : null,
  };
}
