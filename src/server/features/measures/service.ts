import { and, eq, inArray, max, sql } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import type {
  THistory,
  THistoryQuery,
  TMeasureList,
  TMeasureResponse,
  TScorePart,
  TSubmitResponseBody,
  TSubmittedResponse,
} from '#shared/schemas/measures.ts';
import type { TVisibility } from '#shared/schemas/common.ts';
import type { Database } from '#server/db/index.ts';
import { measureResponses, type StoredScore, type StoredScores } from '#server/db/schema/index.ts';
import { keysetCursor } from '#server/http/cursor.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { isJointWorkOpen, requireJointWorkOpen } from '#server/policy/joint-work.ts';
import {
  othersVisibleItems,
  ownItems,
  visibilityChange,
  visibleItems,
} from '#server/policy/rules.ts';
import { requireActiveTherapist, therapistShareSet } from '#server/policy/therapist-share.ts';
import { sharesWithPartner, sharesWithTherapist } from '#shared/schemas/common.ts';
import { CADENCE_WEEKS, type MeasureDefinition, type Scorer } from './definition';
import type { MeasureRegistry } from './load';
import { answerProblems, scoreResponse, type ScoredPart } from './scoring';
import { currentWeek, isDue } from './week';

const VALIDATION_MESSAGE = 'Some of what was sent needs another look. The fields below say what.';
const UNKNOWN_MEASURE = 'This check-in is not one we know. Please reload the page.';
const NO_PARTNER =
  'There is no partner in your space to share with yet. It stays private, only yours.';
const MEASURE_CHANGED =
  'This check-in was updated since the page was opened. Please reload the page and answer again; nothing was saved.';

const item = {
  authorId: measureResponses.authorId,
  spaceId: measureResponses.spaceId,
  visibility: measureResponses.visibility,
  sharedAt: measureResponses.sharedAt,
};

type Row = typeof measureResponses.$inferSelect;

function unknownMeasure(field: string): AppError {
  return new AppError('validation_failed', VALIDATION_MESSAGE, { [field]: UNKNOWN_MEASURE });
}

// ---------------------------------------------------------------------------
// Presenting
// ---------------------------------------------------------------------------

function presentPart(scorer: Scorer, stored: StoredScore | undefined): TScorePart {
  const band = scorer.bands.find((candidate) => candidate.id === stored?.band) ?? null;
  return {
    id: scorer.id,
    title: scorer.title,
    score: stored?.score ?? null,
    min: scorer.min,
    max: scorer.max,
    higherMeans: scorer.higherMeans,
    band: band && { id: band.id, label: band.label, description: band.description ?? null },
  };
}

function presentResponse(
  definition: MeasureDefinition,
  row: Row,
  actor: SignedInActor,
): TMeasureResponse {
  const mine = row.authorId === actor.userId;
  return {
    id: row.id,
    measureId: row.measureId,
    measureVersion: row.measureVersion,
    measureTitle: definition.title,
    week: row.week,
    createdAt: row.createdAt.toISOString(),
    mine,
    visibility: sharesWithPartner(row.visibility) ? 'partner' : 'private',
    // Only the author learns whether it is also shared with the therapist.
    sharedWithTherapist: mine && sharesWithTherapist(row.visibility),
    sharedAt: row.sharedAt?.toISOString() ?? null,
    total: presentPart(definition.total, row.scores.total),
    subscales: definition.subscales.map((subscale) =>
      presentPart(subscale, row.scores.subscales[subscale.id]),
    ),
    // A partner sees the result in words, never the answer to each question.
    ...(mine ? { answers: row.answers } : {}),
  };
}

function storedPart(part: ScoredPart): StoredScore {
  return { score: part.score, band: part.band?.id ?? null };
}

// ---------------------------------------------------------------------------
// Reading the list of measures
// ---------------------------------------------------------------------------

/**
 * Every measure with a gentle "ready this week?" for me, who I could share with, and whether
 * sharing is resting. One grouped read on the (author, measure, week) index, plus the hold check
 * when there is a partner.
 */
export async function listMeasures(
  db: Database,
  actor: SignedInActor,
  registry: MeasureRegistry,
  timeZone: string,
  now = new Date(),
): Promise<TMeasureList> {
  const ids = registry.all.map((definition) => definition.id);
  const latest =
    ids.length === 0
      ? []
      : await db
          .select({ measureId: measureResponses.measureId, week: max(measureResponses.week) })
          .from(measureResponses)
          .where(and(ownItems(actor, item), inArray(measureResponses.measureId, ids)))
          .groupBy(measureResponses.measureId);
  const lastWeekOf = new Map(latest.map((row) => [row.measureId, row.week]));
  const thisWeek = currentWeek(now, timeZone);
  const partner = actor.space?.partner ?? null;
  const paused = actor.space && partner ? !(await isJointWorkOpen(db, actor.space.id)) : false;

  return {
    measures: registry.all.map((definition) => {
      const lastWeek = lastWeekOf.get(definition.id) ?? null;
      return {
        id: definition.id,
        version: definition.version,
        title: definition.title,
        intro: definition.intro,
        cadence: definition.cadence,
        source: definition.source ?? null,
        items: definition.items.map((i) => ({ id: i.id, text: i.text, options: i.options })),
        subscales: definition.subscales.map((s) => ({ id: s.id, title: s.title })),
        due: isDue(lastWeek, thisWeek, CADENCE_WEEKS[definition.cadence]),
        lastWeek,
      };
    }),
    sharing: { partnerName: partner?.displayName ?? null, paused },
  };
}

// ---------------------------------------------------------------------------
// Filling one in
// ---------------------------------------------------------------------------

/**
 * Checks every answer against the definition (an unknown question or a value off the scale is a
 * 400 naming the question), scores it, and saves it privately. An answer at an alert level never
 * stops the save: the reply says `support: true`, and that fact is neither stored nor logged.
 */
export async function submitResponse(
  db: Database,
  actor: SignedInActor,
  registry: MeasureRegistry,
  body: TSubmitResponseBody,
  now = new Date(),
): Promise<TSubmittedResponse> {
  const definition = registry.get(body.measureId);
  if (!definition) throw unknownMeasure('measureId');
  if (body.measureVersion !== definition.version) throw new AppError('conflict', MEASURE_CHANGED);
  const problems = answerProblems(definition, body.answers);
  if (Object.keys(problems).length > 0) {
    throw new AppError('validation_failed', VALIDATION_MESSAGE, problems);
  }

  const scored = scoreResponse(definition, body.answers);
  const scores: StoredScores = {
    total: storedPart(scored.total),
    subscales: Object.fromEntries(
      Object.entries(scored.subscales).map(([id, part]) => [id, storedPart(part)]),
    ),
  };
  const [row] = await db
    .insert(measureResponses)
    .values({
      authorId: actor.userId,
      spaceId: actor.space?.id ?? null,
      measureId: definition.id,
      measureVersion: definition.version,
      week: currentWeek(now, body.timeZone ?? 'UTC'),
      answers: { ...body.answers },
      scores,
      band: scores.total.band,
      createdAt: now,
    })
    .returning();
  return { response: presentResponse(definition, row!, actor), support: scored.support };
}

// ---------------------------------------------------------------------------
// History, newest week first, a page at a time
// ---------------------------------------------------------------------------

/** The page position: the last response's week, time written and id. */
const historyCursor = keysetCursor({ week: 'date', createdAt: 'timestamp', id: 'uuid' });

/**
 * My responses to one measure, or the ones my partner shared with me: keyset pages ordered by
 * (week, created_at, id), newest first. The scope is in the WHERE, so a partner's list reads
 * exactly the same whether or not private responses exist.
 */
export async function listHistory(
  db: Database,
  actor: SignedInActor,
  registry: MeasureRegistry,
  query: THistoryQuery,
): Promise<THistory> {
  const definition = registry.get(query.measure);
  if (!definition) throw unknownMeasure('measure');
  const after = query.cursor ? historyCursor.decode(query.cursor, 'cursor') : null;

  const whose = query.whose === 'mine' ? ownItems(actor, item) : othersVisibleItems(actor, item);
  const rows = await db
    .select()
    .from(measureResponses)
    .where(
      and(
        whose,
        eq(measureResponses.measureId, definition.id),
        after
          ? sql`(${measureResponses.week}, ${measureResponses.createdAt}, ${measureResponses.id}) < (${after.week}::date, ${after.createdAt}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(
      sql`${measureResponses.week} desc, ${measureResponses.createdAt} desc, ${measureResponses.id} desc`,
    )
    .limit(query.limit + 1);

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    responses: page.map((row) => presentResponse(definition, row, actor)),
    nextCursor:
      rows.length > query.limit && last
        ? historyCursor.encode({
            week: last.week,
            createdAt: last.createdAt.toISOString(),
            id: last.id,
          })
        : null,
  };
}

/** One response I may read: mine, or one my partner shared with me. Anything else is a 404. */
export async function getResponse(
  db: Database,
  actor: SignedInActor,
  registry: MeasureRegistry,
  id: string,
): Promise<TMeasureResponse> {
  const [row] = await db
    .select()
    .from(measureResponses)
    .where(and(visibleItems(actor, item), eq(measureResponses.id, id)))
    .limit(1);
  const definition = row && registry.get(row.measureId);
  if (!row || !definition) throw notFound();
  return presentResponse(definition, row, actor);
}

// ---------------------------------------------------------------------------
// Sharing one response, and making it private again
// ---------------------------------------------------------------------------

/**
 * Only the author changes who sees a response. Sharing needs a partner and open joint work;
 * making it private again is never blocked and takes effect on the partner's next request.
 * Sharing places the response in the current space, so an older one written alone can be shared.
 */
export async function setVisibility(
  db: Database,
  actor: SignedInActor,
  registry: MeasureRegistry,
  id: string,
  visibility: TVisibility,
): Promise<TMeasureResponse> {
  const mineAndThis = and(ownItems(actor, item), eq(measureResponses.id, id));
  const row = await db.transaction(async (tx) => {
    if (visibility === 'private') {
      const [updated] = await tx
        .update(measureResponses)
        .set({
          visibility: visibilityChange.removePartner(measureResponses.visibility),
          sharedAt: null,
        })
        .where(mineAndThis)
        .returning();
      return updated;
    }
    const [existing] = await tx
      .select({ id: measureResponses.id })
      .from(measureResponses)
      .where(mineAndThis)
      .for('update');
    if (!existing) return undefined;
    const space = actor.space;
    if (!space?.partner) throw new AppError('conflict', NO_PARTNER);
    await requireJointWorkOpen(tx, { ...actor, space });
    const [updated] = await tx
      .update(measureResponses)
      .set({
        visibility: visibilityChange.addPartner(measureResponses.visibility),
        spaceId: space.id,
        sharedAt: new Date(),
      })
      .where(mineAndThis)
      .returning();
    return updated;
  });
  const definition = row && registry.get(row.measureId);
  if (!row || !definition) throw notFound();
  return presentResponse(definition, row, actor);
}

/**
 * Shares one of my responses with our therapist, or stops: a choice apart from the partner share,
 * and not joint work, so it is never held. Sharing needs an active therapist; stopping never does.
 */
export async function setTherapistShare(
  db: Database,
  actor: SignedInActor,
  registry: MeasureRegistry,
  id: string,
  shared: boolean,
): Promise<TMeasureResponse> {
  const mineAndThis = and(ownItems(actor, item), eq(measureResponses.id, id));
  const row = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: measureResponses.id })
      .from(measureResponses)
      .where(mineAndThis)
      .for('update');
    if (!existing) return undefined;
    if (shared) await requireActiveTherapist(tx, actor);
    const [updated] = await tx
      .update(measureResponses)
      .set({
        ...therapistShareSet(measureResponses.visibility, shared),
        ...(shared ? { spaceId: actor.space!.id } : {}),
      })
      .where(mineAndThis)
      .returning();
    return updated;
  });
  const definition = row && registry.get(row.measureId);
  if (!row || !definition) throw notFound();
  return presentResponse(definition, row, actor);
}
