import {
  SHARED_SECTIONS,
  type TCurrentShared,
  type TSharedCompare,
  type TSharedResponse,
  type TSharedSection,
  type TSharedSections,
  type TSharedVersion,
  type TSharedVersions,
  type TVersionsQuery,
} from '#shared/schemas/meaning.ts';
import type { Database } from '#server/db/index.ts';
import {
  meaningSharedStories,
  meaningSharedStoryAcceptances,
  meaningSharedStoryVersions,
} from '#server/db/schema/index.ts';
import { notify } from '#server/events/notify.ts';
import type { SpaceMemberActor } from '#server/policy/actor.ts';
import {
  compareCoAuthoredVersions,
  listCoAuthoredVersions,
  readCoAuthored,
  saveCoAuthored,
  type CoAuthoredItem,
  type CoAuthoredKind,
  type CoAuthoredMembers,
  type CoAuthoredVersion,
} from '#server/policy/co-authored.ts';
import { jointState, requirePaceOpen, type PaceQueries } from './pace';

/**
 * The story the couple writes together: one co-authored item per couple on the core of
 * `policy/co-authored.ts` (versions, 412s, word diffs). This file names its tables, adds the
 * program's pace, and tells the partner when a new version is saved.
 */
export const SHARED_STORY: CoAuthoredKind<TSharedSection> = {
  sections: SHARED_SECTIONS,
  items: meaningSharedStories,
  versions: meaningSharedStoryVersions,
  acceptances: meaningSharedStoryAcceptances,
  jointWork: true,
};

const EMPTY: TSharedSections = { story: '', differently: '' };

function presentCurrent(
  row: CoAuthoredItem<TSharedSection> | undefined,
  members: CoAuthoredMembers,
  actor: SpaceMemberActor,
): TCurrentShared {
  return {
    id: row?.id ?? null,
    version: row?.version ?? 0,
    sections: row ? row.sections : EMPTY,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row ? { name: row.updatedByName, mine: row.updatedById === actor.userId } : null,
    together: members.two !== null,
  };
}

function presentVersion(
  row: CoAuthoredVersion<TSharedSection>,
  actor: SpaceMemberActor,
): TSharedVersion {
  return {
    version: row.version,
    sections: row.sections,
    createdAt: row.createdAt.toISOString(),
    author: { name: row.authorName, mine: row.authorId === actor.userId },
  };
}

/** Our story now, and whether the pace and joint work let us change it. */
export async function readShared(
  db: Database,
  queries: PaceQueries,
  actor: SpaceMemberActor,
): Promise<TSharedResponse> {
  const [read, state] = await Promise.all([
    readCoAuthored(db, SHARED_STORY, actor),
    jointState(db, queries, actor),
  ]);
  return {
    story: presentCurrent(read.current, read.members, actor),
    ...state,
  };
}

/**
 * Saves both parts as a new version. `expected` is the version the writer started from; if the
 * partner saved in between, nothing is written and the writer gets a 412 with the story as it is
 * now, so the page can show both texts side by side.
 */
export async function saveShared(
  db: Database,
  queries: PaceQueries,
  actor: SpaceMemberActor,
  expected: number,
  sections: TSharedSections,
): Promise<TCurrentShared> {
  await requirePaceOpen(db, queries, actor);
  const saved = await saveCoAuthored(db, SHARED_STORY, actor, expected, sections, (c, m) =>
    presentCurrent(c, m, actor),
  );
  const partner = actor.space.partner;
  if (partner && saved.members.two !== null) {
    // "Sam shared something with you": the story's words never go in a notification.
    await notify(db, {
      kind: 'shared',
      recipients: [partner.userId],
      actorId: actor.userId,
      spaceId: actor.space.id,
      link: '/meaning#together',
      joint: true,
    });
  }
  return presentCurrent(saved.item, saved.members, actor);
}

/** Every version of a shared story I may read, newest first. */
export async function listSharedVersions(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  query: TVersionsQuery,
): Promise<TSharedVersions> {
  const page = await listCoAuthoredVersions(db, SHARED_STORY, actor, id, query);
  return {
    versions: page.versions.map((row) => presentVersion(row, actor)),
    nextCursor: page.nextCursor,
  };
}

/** Two versions of a shared story I may read, with the word diff of each part. */
export async function compareShared(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  pick: { from: number; to: number },
): Promise<TSharedCompare> {
  const compared = await compareCoAuthoredVersions(db, SHARED_STORY, actor, id, pick);
  return {
    from: presentVersion(compared.from, actor),
    to: presentVersion(compared.to, actor),
    diff: compared.diff,
  };
}
