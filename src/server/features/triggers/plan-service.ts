import type { TAcceptance } from '#shared/schemas/co-authored.ts';
import {
  PLAN_SECTIONS,
  type TCurrentPlan,
  type TEarlierPlan,
  type TPlanCompare,
  type TPlanResponse,
  type TPlanSection,
  type TPlanSections,
  type TPlanVersion,
  type TPlanVersions,
} from '#shared/schemas/triggers.ts';
import type { Database } from '#server/db/index.ts';
import {
  triggerPlanAcceptances,
  triggerPlans,
  triggerPlanVersions,
} from '#server/db/schema/index.ts';
import type { SpaceMemberActor } from '#server/policy/actor.ts';
import {
  acceptCoAuthored,
  compareCoAuthoredVersions,
  listCoAuthoredVersions,
  readCoAuthored,
  saveCoAuthored,
  withdrawCoAuthored,
  type CoAuthoredItem,
  type CoAuthoredKind,
  type CoAuthoredMembers,
  type CoAuthoredVersion,
} from '#server/policy/co-authored.ts';
import { isJointWorkOpen } from '#server/policy/joint-work.ts';

/**
 * The couple's trigger plan: the first co-authored item (`policy/co-authored.ts` holds the rules:
 * who reads and writes, versions, 412s, acceptance, diffs). This file says which tables hold it
 * and how it is presented.
 */
export const PLAN: CoAuthoredKind<TPlanSection> = {
  sections: PLAN_SECTIONS,
  items: triggerPlans,
  versions: triggerPlanVersions,
  acceptances: triggerPlanAcceptances,
  jointWork: true,
};

const EMPTY_SECTIONS: TPlanSections = {
  signs: '',
  signal: '',
  response: '',
  timeOut: '',
  afterwards: '',
};

type Plan = CoAuthoredItem<TPlanSection>;

function presentCurrent(
  row: Plan | undefined,
  members: CoAuthoredMembers,
  actor: SpaceMemberActor,
  acceptance: TAcceptance,
): TCurrentPlan {
  return {
    id: row?.id ?? null,
    version: row?.version ?? 0,
    sections: row ? row.sections : EMPTY_SECTIONS,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row ? { name: row.updatedByName, mine: row.updatedById === actor.userId } : null,
    together: members.two !== null,
    acceptance,
  };
}

function presentEarlier(row: Plan, actor: SpaceMemberActor): TEarlierPlan {
  return {
    id: row.id,
    version: row.version,
    sections: row.sections,
    startedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: { name: row.updatedByName, mine: row.updatedById === actor.userId },
    solo: row.memberTwoId === null,
  };
}

function presentVersion(
  row: CoAuthoredVersion<TPlanSection>,
  actor: SpaceMemberActor,
): TPlanVersion {
  return {
    version: row.version,
    sections: row.sections,
    createdAt: row.createdAt.toISOString(),
    author: { name: row.authorName, mine: row.authorId === actor.userId },
  };
}

/** The plan of the people in the space now, the earlier plans I may read, and the pause state. */
export async function readPlan(db: Database, actor: SpaceMemberActor): Promise<TPlanResponse> {
  const [read, jointWorkOpen] = await Promise.all([
    readCoAuthored(db, PLAN, actor),
    isJointWorkOpen(db, actor.space.id),
  ]);
  return {
    plan: presentCurrent(read.current, read.members, actor, read.acceptance),
    earlier: read.earlier.map((row) => presentEarlier(row, actor)),
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
  const saved = await saveCoAuthored(db, PLAN, actor, expected, sections, (current, members, a) =>
    presentCurrent(current, members, actor, a),
  );
  return presentCurrent(saved.item, saved.members, actor, saved.acceptance);
}

/** Every version of a plan I may read, newest first. */
export async function listVersions(
  db: Database,
  actor: SpaceMemberActor,
  planId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<TPlanVersions> {
  const page = await listCoAuthoredVersions(db, PLAN, actor, planId, query);
  return {
    versions: page.versions.map((row) => presentVersion(row, actor)),
    nextCursor: page.nextCursor,
  };
}

/** Two versions of a plan I may read, with the word diff of each part. */
export async function comparePlanVersions(
  db: Database,
  actor: SpaceMemberActor,
  planId: string,
  versions: { from: number; to: number },
): Promise<TPlanCompare> {
  const compared = await compareCoAuthoredVersions(db, PLAN, actor, planId, versions);
  return {
    from: presentVersion(compared.from, actor),
    to: presentVersion(compared.to, actor),
    diff: compared.diff,
  };
}

/** "I agree to this version of our plan" (the version in If-Match). */
export async function acceptPlan(
  db: Database,
  actor: SpaceMemberActor,
  version: number,
): Promise<TAcceptance> {
  return acceptCoAuthored(db, PLAN, actor, version, (current, members, a) =>
    presentCurrent(current, members, actor, a),
  );
}

/** Withdraws my agreement to our plan as it is now. */
export async function withdrawPlanAcceptance(
  db: Database,
  actor: SpaceMemberActor,
): Promise<TAcceptance> {
  return withdrawCoAuthored(db, PLAN, actor);
}
