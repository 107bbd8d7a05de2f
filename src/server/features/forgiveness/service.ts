import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import type {
  TForgivenessBody,
  TForgivenessReflection,
  TForgivenessShare,
  TForgivenessShareBody,
  TForgivenessView,
} from '#shared/schemas/forgiveness.ts';
import type { Database, DbOrTx } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';
import { forgivenessReflections, forgivenessShares } from '#server/db/schema/index.ts';
import { notify } from '#server/events/notify.ts';
import { versionConflict } from '#server/http/versioning.ts';
import type { SignedInActor, SpaceMemberActor } from '#server/policy/actor.ts';
import type { FeatureQueries } from '#server/policy/manifest.ts';
import { myInjuryRolesSql } from '#server/policy/injury-roles.ts';
import { jointWorkOpenSql, requireJointWorkOpen } from '#server/policy/joint-work.ts';
import { isSpaceMember, ownItems, partnerSharedItems, spaceRows } from '#server/policy/rules.ts';

/** The phase of the program this exercise belongs to: sharing opens with the couple's pace. */
export const FORGIVENESS_PHASE = 3;

const reflections = forgivenessReflections;
const shares = forgivenessShares;
type ReflectionRow = typeof reflections.$inferSelect;
type ShareRow = typeof shares.$inferSelect;
type Pace = Pick<FeatureQueries, 'couplePhase'>;

const NO_PARTNER =
  'Your partner has not joined your space yet, so there is no one to share with. Your words stay with you.';
const NOT_YET =
  'Sharing opens when you both move on to the last phase of the program together. Your reflection stays private until then.';

const EMPTY: TForgivenessBody = {
  whereIAm: '',
  wouldMean: '',
  wouldNotMean: '',
  whatINeed: '',
  toShare: '',
};

interface Facts {
  forMe: boolean;
  jointOpen: boolean;
  phase: number;
}

/** My roles, whether joint work is open, and the couple's phase, in one read. */
async function facts(db: DbOrTx, actor: SpaceMemberActor, pace: Pace): Promise<Facts> {
  const [row] = await queryRows<{ open: boolean; roles: string[]; phase: number }>(
    db,
    sql`select ${jointWorkOpenSql(actor.space.id)} as open, ${myInjuryRolesSql(actor)} as roles,
      ${pace.couplePhase(actor)} as phase`,
  );
  return {
    forMe: (row?.roles ?? []).includes('hurt'),
    jointOpen: row?.open === true,
    phase: Number(row?.phase ?? 1),
  };
}

function presentReflection(row: ReflectionRow | undefined): TForgivenessReflection {
  if (!row) return { ...EMPTY, version: 0, savedAt: null };
  return {
    whereIAm: row.whereIAm,
    wouldMean: row.wouldMean,
    wouldNotMean: row.wouldNotMean,
    whatINeed: row.whatINeed,
    toShare: row.toShare,
    version: row.version,
    savedAt: row.updatedAt.toISOString(),
  };
}

function presentShare(row: ShareRow): TForgivenessShare {
  return {
    id: row.id,
    body: row.body,
    sharedAt: row.sharedAt?.toISOString() ?? null,
    writtenAt: row.createdAt.toISOString(),
  };
}

/** My reflection in this space; outside a space, the newest one I wrote (read-only history). */
function myReflectionScope(actor: SignedInActor): SQL {
  return isSpaceMember(actor)
    ? and(ownItems(actor, reflections), spaceRows(actor, reflections.spaceId))!
    : ownItems(actor, reflections);
}

async function myReflection(db: DbOrTx, actor: SignedInActor) {
  const [row] = await db
    .select()
    .from(reflections)
    .where(myReflectionScope(actor))
    .orderBy(desc(reflections.updatedAt))
    .limit(1);
  return row;
}

export async function getView(
  db: Database,
  actor: SignedInActor,
  pace: Pace,
): Promise<TForgivenessView> {
  const [reflection, mine, fromPartner, known] = await Promise.all([
    myReflection(db, actor),
    db
      .select()
      .from(shares)
      .where(ownItems(actor, shares))
      .orderBy(desc(shares.createdAt), desc(shares.id)),
    db
      .select()
      .from(shares)
      .where(partnerSharedItems(actor, shares))
      .orderBy(desc(shares.sharedAt), desc(shares.id)),
    isSpaceMember(actor) ? facts(db, actor, pace) : null,
  ]);
  const partnerPresent = isSpaceMember(actor) && actor.space.partner !== null;
  return {
    forMe: known?.forMe ?? false,
    sharingOpen:
      partnerPresent &&
      known !== null &&
      known.forMe &&
      known.jointOpen &&
      known.phase >= FORGIVENESS_PHASE,
    reflection: presentReflection(reflection),
    mine: mine.map(presentShare),
    fromPartner: fromPartner.map(presentShare),
  };
}

/**
 * Saves my private reflection. If-Match carries the version I started from (0 for the first
 * save). Never held and never told: private writing leaves no trace for the partner.
 */
export async function saveReflection(
  db: Database,
  actor: SpaceMemberActor,
  pace: Pace,
  ifMatch: number,
  body: TForgivenessBody,
): Promise<TForgivenessReflection> {
  if (!(await facts(db, actor, pace)).forMe) throw notFound();
  const now = new Date();
  const [row] =
    ifMatch === 0
      ? await db
          .insert(reflections)
          .values({
            authorId: actor.userId,
            spaceId: actor.space.id,
            ...body,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning()
      : await db
          .update(reflections)
          .set({ ...body, updatedAt: now, version: sql`${reflections.version} + 1` })
          .where(and(myReflectionScope(actor), eq(reflections.version, ifMatch)))
          .returning();
  if (!row) throw versionConflict(presentReflection(await myReflection(db, actor)), CHANGED);
  return presentReflection(row);
}

const CHANGED =
  'This reflection was saved in another window meanwhile. Here is what is saved now; your words are still in the form.';

/**
 * Shares a written reflection with the partner, as it is now (kept as it was sent). A joint
 * action: it opens with the couple's pace and rests while joint work rests.
 */
export async function shareReflection(
  db: Database,
  actor: SpaceMemberActor,
  pace: Pace,
  body: TForgivenessShareBody,
): Promise<TForgivenessShare> {
  return db.transaction(async (tx) => {
    const known = await facts(tx, actor, pace);
    if (!known.forMe) throw notFound();
    await requireJointWorkOpen(tx, actor);
    const partner = actor.space.partner;
    if (!partner) throw new AppError('conflict', NO_PARTNER);
    if (known.phase < FORGIVENESS_PHASE) throw new AppError('conflict', NOT_YET);
    const now = new Date();
    const [row] = await tx
      .insert(shares)
      .values({
        authorId: actor.userId,
        spaceId: actor.space.id,
        visibility: 'partner',
        sharedAt: now,
        body: body.body,
        createdAt: now,
      })
      .returning();
    await notify(tx, {
      kind: 'shared',
      recipients: [partner.userId],
      actorId: actor.userId,
      spaceId: actor.space.id,
      link: '/forgiveness',
      joint: true,
    });
    return presentShare(row!);
  });
}

/** Takes a shared reflection back: private again, kept for its writer. Never held. */
export async function unshareReflection(
  db: Database,
  actor: SignedInActor,
  id: string,
): Promise<TForgivenessShare> {
  const [row] = await db
    .update(shares)
    .set({ visibility: 'private', sharedAt: null, version: sql`${shares.version} + 1` })
    .where(and(eq(shares.id, id), ownItems(actor, shares)))
    .returning();
  if (!row) throw notFound();
  return presentShare(row);
}
