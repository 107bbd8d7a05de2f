import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import {
  DEFAULT_CAP,
  QUESTION_PAGE_SIZE,
  WINDOW_HOURS,
  type TAnswerVersion,
  type TPace,
  type TPaceBody,
  type TPaceWindow,
  type TQuestion,
  type TQuestionDetail,
  type TQuestionList,
  type TQuestionListQuery,
  type TQuestionMark,
  type TQuestionsOverview,
  type TReleaseResponse,
} from '#shared/schemas/questions.ts';
import type { Database, DbOrTx } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';
import { questionAnswers, questionPace, questions } from '#server/db/schema/index.ts';
import { notify } from '#server/events/notify.ts';
import { keysetCursor } from '#server/http/cursor.ts';
import { versionConflict } from '#server/http/versioning.ts';
import type { SpaceMemberActor } from '#server/policy/actor.ts';
import { holdsInjuryRole, myInjuriesWithRolesSql } from '#server/policy/injury-roles.ts';
import { jointWorkOpenSql, requireJointWorkOpen } from '#server/policy/joint-work.ts';
import { ownItems, ownRows, partnerSharedItems, visibleItems } from '#server/policy/rules.ts';

/*
 * The question queue (docs/features/questions.md, decisions 0058 and 0059).
 *
 * A question is an item of the hurt partner who wrote it: private while a draft, widened to the
 * partner when released, once and for all. Every read goes through `visibleItems`, so a draft is
 * never fetched for the partner: not in a list, a count, an id lookup or a time. Answers belong
 * to their question and are reached only through a question the caller may read.
 */

const RELEASED_ALREADY =
  'This question has been released, so it is kept as it was. You can write a new one to add to it.';
const NO_PARTNER =
  'Your partner has not joined your space yet, so there is no one to release questions to. They stay with you as drafts.';
const NOT_CONFIRMED =
  'Your partner has not confirmed this injury yet. Once you both have, you can release questions about it.';
const NOT_ANSWERED = 'There is no answer to respond to yet.';
const ONE_INJURY = 'Please release questions about one injury at a time.';
const DRAFT_CHANGED =
  'This draft was changed in another window. Here is the saved one; your words are still in the form.';
const ANSWER_CHANGED =
  'An answer was saved from another window or device while you wrote. Both are shown: the saved answer and your words.';

export const questionCursor = keysetCursor({ at: 'timestamp', id: 'uuid' });

type QuestionRow = typeof questions.$inferSelect;

interface RawAnswer {
  version: number;
  body: string;
  createdAt: string | Date;
}

/** The newest answer of the query's `questions` row, as json, or null (one indexed lookup). */
const latestAnswerSql = sql<RawAnswer | null>`(select json_build_object('version', a.version,
    'body', a.body, 'createdAt', a.created_at)
  from ${questionAnswers} a
  where a.question_id = "questions"."id" and a.version = "questions"."answer_version")`;

const iso = (value: string | Date) => new Date(value).toISOString();

function presentAnswer(raw: RawAnswer): TAnswerVersion {
  return { version: raw.version, body: raw.body, createdAt: iso(raw.createdAt) };
}

/** A question as `actor` may see it: its life as a draft is told only to its author. */
export function presentQuestion(
  actor: SpaceMemberActor,
  row: QuestionRow,
  latest: RawAnswer | null,
): TQuestion {
  const mine = row.authorId === actor.userId;
  return {
    id: row.id,
    injuryId: row.injuryId,
    mine,
    body: row.body,
    state: row.sharedAt ? 'released' : 'draft',
    createdAt: mine ? row.createdAt.toISOString() : null,
    draftVersion: mine && !row.sharedAt ? row.version : null,
    releasedAt: row.sharedAt?.toISOString() ?? null,
    answerVersion: row.answerVersion,
    latestAnswer: latest ? presentAnswer(latest) : null,
    needsTime:
      row.timeUntil && row.timeAskedAt
        ? { until: row.timeUntil, askedAt: row.timeAskedAt.toISOString() }
        : null,
    mark:
      row.mark && row.markedVersion !== null && row.markedAt
        ? {
            mark: row.mark as TQuestionMark,
            version: row.markedVersion,
            at: row.markedAt.toISOString(),
          }
        : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

/** One question within `scope` (by default: one I may read), or null. */
async function findQuestion(
  db: DbOrTx,
  actor: SpaceMemberActor,
  id: string,
  scope: SQL = visibleItems(actor, questions),
): Promise<QuestionRow | null> {
  const [row] = await db
    .select()
    .from(questions)
    .where(and(eq(questions.id, id), scope));
  return row ?? null;
}

/** A question with every answer version, oldest first, read through the question's visibility. */
async function detail(
  db: DbOrTx,
  actor: SpaceMemberActor,
  row: QuestionRow,
): Promise<TQuestionDetail> {
  const answers = await db
    .select({
      version: questionAnswers.version,
      body: questionAnswers.body,
      createdAt: questionAnswers.createdAt,
    })
    .from(questionAnswers)
    .innerJoin(questions, eq(questions.id, questionAnswers.questionId))
    .where(and(eq(questions.id, row.id), visibleItems(actor, questions)))
    .orderBy(asc(questionAnswers.version));
  return {
    ...presentQuestion(actor, row, answers.at(-1) ?? null),
    answers: answers.map(presentAnswer),
  };
}

export async function getQuestion(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
): Promise<TQuestionDetail> {
  const row = await findQuestion(db, actor, id);
  if (!row) throw notFound();
  return detail(db, actor, row);
}

/** An injury's questions I may read, drafts or released ones, newest first, keyset-paged. */
export async function listQuestions(
  db: Database,
  actor: SpaceMemberActor,
  query: TQuestionListQuery,
): Promise<TQuestionList> {
  const after = query.cursor ? questionCursor.decode(query.cursor, 'cursor') : undefined;
  const rows = await db
    .select({
      row: questions,
      latest: latestAnswerSql,
      at: sql<string>`${questions.sortAt}::text`,
    })
    .from(questions)
    .where(
      and(
        eq(questions.injuryId, query.injuryId),
        visibleItems(actor, questions),
        query.state === 'draft' ? isNull(questions.sharedAt) : isNotNull(questions.sharedAt),
        after
          ? sql`(${questions.sortAt}, ${questions.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(questions.sortAt), desc(questions.id))
    .limit(QUESTION_PAGE_SIZE + 1);
  const page = rows.slice(0, QUESTION_PAGE_SIZE);
  const last = page.at(-1);
  return {
    questions: page.map(({ row, latest }) => presentQuestion(actor, row, latest)),
    nextCursor:
      rows.length > QUESTION_PAGE_SIZE && last
        ? questionCursor.encode({ at: last.at, id: last.row.id })
        : null,
  };
}

/** The page's frame: joint work, my injuries and roles, and my pace for those I ask about. */
export async function getOverview(
  db: Database,
  actor: SpaceMemberActor,
): Promise<TQuestionsOverview> {
  const [facts] = await queryRows<{ open: boolean; injuries: TQuestionsOverview['injuries'] }>(
    db,
    sql`select ${jointWorkOpenSql(actor.space.id)} as open,
      ${myInjuriesWithRolesSql(actor)} as injuries`,
  );
  const injuries = facts?.injuries ?? [];
  const pace = await Promise.all(
    injuries.filter((i) => i.role === 'hurt').map((i) => readPace(db, actor, i.id)),
  );
  return {
    jointWorkOpen: facts?.open === true,
    hasPartner: actor.space.partner !== null,
    injuries,
    pace,
  };
}

// ---------------------------------------------------------------------------------------------
// The pace

/** The times (ms) of my releases about an injury within the window before `now`, oldest first. */
async function releaseTimes(
  db: DbOrTx,
  actor: SpaceMemberActor,
  injuryId: string,
  windowMs: number,
  now: Date,
): Promise<number[]> {
  const rows = await db
    .select({ at: questions.sharedAt })
    .from(questions)
    .where(
      and(
        eq(questions.injuryId, injuryId),
        ownItems(actor, questions),
        gt(questions.sharedAt, new Date(now.getTime() - windowMs)),
      ),
    )
    .orderBy(asc(questions.sharedAt));
  return rows.map((r) => r.at!.getTime());
}

/** My pace for one injury and where I stand in its window (two small indexed reads). */
export async function readPace(
  db: DbOrTx,
  actor: SpaceMemberActor,
  injuryId: string,
  now = new Date(),
): Promise<TPace & { times: number[]; windowMs: number }> {
  const [setting] = await db
    .select()
    .from(questionPace)
    .where(and(eq(questionPace.injuryId, injuryId), ownRows(actor, questionPace.userId)));
  const window = (setting?.window ?? 'day') as TPaceWindow;
  const cap = setting?.cap ?? DEFAULT_CAP;
  const windowMs = WINDOW_HOURS[window] * 3_600_000;
  const times = await releaseTimes(db, actor, injuryId, windowMs, now);
  return {
    injuryId,
    cap,
    window,
    selfCheck: setting?.selfCheck ?? true,
    chosen: setting !== undefined,
    releasedInWindow: times.length,
    nextReleaseAt: nextFreeAt(times, cap, 1, windowMs),
    times,
    windowMs,
  };
}

function publicPace(pace: TPace & { times?: number[]; windowMs?: number }): TPace {
  const { times: _t, windowMs: _w, ...rest } = pace;
  return rest;
}

/**
 * When `n` more can go, given the release times in the window (oldest first): null when they can
 * go now. The oldest releases leave the window one by one, each `windowMs` after it was made.
 */
export function nextFreeAt(
  times: readonly number[],
  cap: number,
  n: number,
  windowMs: number,
): string | null {
  const over = times.length + n - cap;
  if (over <= 0) return null;
  const freeing = times[Math.min(over, times.length) - 1];
  return freeing === undefined ? null : new Date(freeing + windowMs).toISOString();
}

/** "in about 3 hours": how long until `at`, in words that need no time zone. */
export function untilWords(at: string, now = new Date()): string {
  const minutes = Math.max(1, Math.ceil((Date.parse(at) - now.getTime()) / 60_000));
  if (minutes < 60) return `in about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `in about ${hours} hour${hours === 1 ? '' : 's'}`;
  return `in about ${Math.round(hours / 24)} days`;
}

const WINDOW_WORDS: Record<TPaceWindow, string> = { day: 'a day', week: 'a week' };
const questionsWord = (n: number) => (n === 1 ? 'question' : 'questions');

/** Saves my pace for an injury I was hurt in. */
export async function savePace(
  db: Database,
  actor: SpaceMemberActor,
  injuryId: string,
  body: TPaceBody,
): Promise<TPace> {
  await requireHurtIn(db, actor, injuryId);
  await db
    .insert(questionPace)
    .values({ injuryId, userId: actor.userId, ...body })
    .onConflictDoUpdate({
      target: [questionPace.injuryId, questionPace.userId],
      set: { cap: body.cap, window: body.window, selfCheck: body.selfCheck, updatedAt: new Date() },
    });
  return publicPace(await readPace(db, actor, injuryId));
}

/** Reading one pace (the page reads them all in the overview). */
export async function getPace(
  db: Database,
  actor: SpaceMemberActor,
  injuryId: string,
): Promise<TPace> {
  await requireHurtIn(db, actor, injuryId);
  return publicPace(await readPace(db, actor, injuryId));
}

async function holdsHurt(
  db: DbOrTx,
  actor: SpaceMemberActor,
  injuryId: string,
  options: { confirmed?: boolean } = {},
): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select ${holdsInjuryRole(actor, sql`${injuryId}::uuid`, 'hurt', options)} as ok`,
  );
  return row?.ok === true;
}

/** Only the hurt partner of an injury writes and releases its questions; anyone else gets 404. */
async function requireHurtIn(db: DbOrTx, actor: SpaceMemberActor, injuryId: string) {
  if (!(await holdsHurt(db, actor, injuryId))) throw notFound();
}

// ---------------------------------------------------------------------------------------------
// Drafts: the hurt partner's own, at any time (writing privately needs no joint work)

export async function createQuestion(
  db: Database,
  actor: SpaceMemberActor,
  injuryId: string,
  body: string,
): Promise<TQuestionDetail> {
  await requireHurtIn(db, actor, injuryId);
  const now = new Date();
  const [row] = await db
    .insert(questions)
    .values({
      authorId: actor.userId,
      spaceId: actor.space.id,
      injuryId,
      body,
      sortAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return { ...presentQuestion(actor, row!, null), answers: [] };
}

/** Why a write to my draft changed nothing: not mine (404), released (409), or edited (412). */
async function draftWriteFailed(
  db: DbOrTx,
  actor: SpaceMemberActor,
  id: string,
): Promise<AppError> {
  const row = await findQuestion(db, actor, id, ownItems(actor, questions));
  if (!row) return notFound();
  if (row.sharedAt) return new AppError('conflict', RELEASED_ALREADY);
  return versionConflict(await detail(db, actor, row), DRAFT_CHANGED);
}

export async function editQuestion(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  body: string,
): Promise<TQuestionDetail> {
  const [row] = await db
    .update(questions)
    .set({ body, version: sql`${questions.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(questions.id, id),
        ownItems(actor, questions),
        isNull(questions.sharedAt),
        eq(questions.version, expected),
      ),
    )
    .returning();
  if (!row) throw await draftWriteFailed(db, actor, id);
  return { ...presentQuestion(actor, row, null), answers: [] };
}

/** A draft can be thrown away; a released question is kept. */
export async function deleteQuestion(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
): Promise<void> {
  const gone = await db
    .delete(questions)
    .where(and(eq(questions.id, id), ownItems(actor, questions), isNull(questions.sharedAt)))
    .returning({ id: questions.id });
  if (gone.length === 0) {
    const row = await findQuestion(db, actor, id, ownItems(actor, questions));
    throw row ? new AppError('conflict', RELEASED_ALREADY) : notFound();
  }
}

// ---------------------------------------------------------------------------------------------
// Releasing: a joint action, within the pace the hurt partner chose

export async function releaseQuestions(
  db: Database,
  actor: SpaceMemberActor,
  ids: readonly string[],
): Promise<TReleaseResponse> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    // One release at a time per person, so two windows cannot both slip under the cap.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('questions:' || ${actor.userId}))`);
    const chosen = await tx
      .select({ id: questions.id, injuryId: questions.injuryId, sharedAt: questions.sharedAt })
      .from(questions)
      .where(and(inArray(questions.id, [...ids]), ownItems(actor, questions)));
    if (chosen.length !== ids.length) throw notFound();
    if (chosen.some((q) => q.sharedAt !== null)) throw new AppError('conflict', RELEASED_ALREADY);
    const partner = actor.space.partner;
    if (!partner) throw new AppError('conflict', NO_PARTNER);
    const injuryIds = [...new Set(chosen.map((d) => d.injuryId))];
    if (injuryIds.length !== 1) {
      throw new AppError('validation_failed', ONE_INJURY, { ids: ONE_INJURY });
    }
    const injuryId = injuryIds[0]!;
    if (!(await holdsHurt(tx, actor, injuryId, { confirmed: true }))) {
      throw new AppError('conflict', NOT_CONFIRMED);
    }
    const now = new Date();
    const pace = await readPace(tx, actor, injuryId, now);
    const rate = `up to ${pace.cap} ${questionsWord(pace.cap)} ${WINDOW_WORDS[pace.window]}`;
    if (ids.length > pace.cap) {
      throw new AppError(
        'conflict',
        `Your pace is ${rate}, so please choose ${pace.cap} or fewer to release together.`,
        undefined,
        { current: publicPace(pace) },
      );
    }
    const nextAt = nextFreeAt(pace.times, pace.cap, ids.length, pace.windowMs);
    if (nextAt) {
      const which = ids.length === 1 ? 'The next one' : 'These';
      throw new AppError(
        'conflict',
        `You chose a pace of ${rate}, and that many have gone in this window. ${which} can go ${untilWords(nextAt, now)}.`,
        undefined,
        { current: { ...publicPace(pace), nextReleaseAt: nextAt } },
      );
    }
    const released = await tx
      .update(questions)
      .set({
        visibility: 'partner',
        sharedAt: now,
        sortAt: now,
        spaceId: actor.space.id,
        updatedAt: now,
      })
      .where(
        and(
          inArray(questions.id, [...ids]),
          ownItems(actor, questions),
          isNull(questions.sharedAt),
        ),
      )
      .returning();
    await tellPartner(tx, actor, injuryId);
    return {
      questions: released.map((row) => presentQuestion(actor, row, null)),
      pace: publicPace(await readPace(tx, actor, injuryId, now)),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The involved partner: answering, correcting, asking for time

export async function answerQuestion(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  expected: number,
  body: string,
): Promise<TQuestionDetail> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const now = new Date();
    // Decided in one statement: of two answers from the same version exactly one moves it on.
    const [row] = await tx
      .update(questions)
      .set({
        answerVersion: sql`${questions.answerVersion} + 1`,
        answeredAt: now,
        updatedAt: now,
      })
      .where(
        and(
          eq(questions.id, id),
          partnerSharedItems(actor, questions),
          eq(questions.answerVersion, expected),
        ),
      )
      .returning();
    if (!row) {
      const current = await findQuestion(tx, actor, id, partnerSharedItems(actor, questions));
      if (!current) throw notFound();
      throw versionConflict(await detail(tx, actor, current), ANSWER_CHANGED);
    }
    await tx.insert(questionAnswers).values({
      questionId: row.id,
      version: row.answerVersion,
      authorId: actor.userId,
      body,
      createdAt: now,
    });
    await tellPartner(tx, actor, row.injuryId);
    return detail(tx, actor, row);
  });
}

/** "I need time to answer this well", until a day: the one who asked is told. */
export async function askForTime(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  until: string,
): Promise<TQuestionDetail> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const now = new Date();
    const [row] = await tx
      .update(questions)
      .set({ timeUntil: until, timeAskedAt: now, updatedAt: now })
      .where(and(eq(questions.id, id), partnerSharedItems(actor, questions)))
      .returning();
    if (!row) throw notFound();
    await tellPartner(tx, actor, row.injuryId);
    return detail(tx, actor, row);
  });
}

/** The hurt partner's word on the newest answer: it helped, I need more, or for our therapist. */
export async function markAnswer(
  db: Database,
  actor: SpaceMemberActor,
  id: string,
  mark: TQuestionMark,
): Promise<TQuestionDetail> {
  return db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const now = new Date();
    const [row] = await tx
      .update(questions)
      .set({ mark, markedVersion: sql`${questions.answerVersion}`, markedAt: now, updatedAt: now })
      .where(
        and(
          eq(questions.id, id),
          ownItems(actor, questions),
          isNotNull(questions.sharedAt),
          gt(questions.answerVersion, 0),
        ),
      )
      .returning();
    if (!row) {
      const own = await findQuestion(tx, actor, id, ownItems(actor, questions));
      if (!own?.sharedAt) throw notFound();
      throw new AppError('conflict', NOT_ANSWERED);
    }
    await tellPartner(tx, actor, row.injuryId);
    return detail(tx, actor, row);
  });
}

/**
 * Tells my partner that something in our question queue changed: "shared with you", ids only,
 * held while joint work rests, and sent by email only after their quiet hours (the core's rules).
 */
async function tellPartner(tx: DbOrTx, actor: SpaceMemberActor, injuryId: string): Promise<void> {
  const partner = actor.space.partner;
  if (!partner) return;
  await notify(tx, {
    kind: 'shared',
    recipients: [partner.userId],
    actorId: actor.userId,
    spaceId: actor.space.id,
    link: `/questions?injury=${injuryId}`,
    joint: true,
  });
}
