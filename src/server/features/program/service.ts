import { and, eq, sql, type SQL } from 'drizzle-orm';
import { AppError } from '#shared/errors.ts';
import {
  FIRST_PHASE,
  LAST_PHASE,
  type TExerciseView,
  type TMark,
  type TPhaseView,
  type TProgramView,
  type TSuggestion,
} from '#shared/schemas/program.ts';
import type { Database, DbOrTx, Transaction } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';
import {
  programMarks,
  programPace,
  programPhaseChanges,
  programPhaseOpenings,
  programReady,
} from '#server/db/schema/index.ts';
import type { SignedInActor, SpaceMemberActor } from '#server/policy/actor.ts';
import { myInjuryRolesSql } from '#server/policy/injury-roles.ts';
import { jointWorkOpenSql, requireJointWorkOpen } from '#server/policy/joint-work.ts';
import type { FeatureQueries } from '#server/policy/manifest.ts';
import {
  isSpaceMember,
  ownItems,
  ownRows,
  partnerRows,
  spaceRows,
  togetherSince,
} from '#server/policy/rules.ts';
import type { Program } from './content';

type Role = 'hurt' | 'involved';

/** Everything the map needs about one person and their couple, read in one query. */
export interface ProgramState {
  marks: Map<string, TMark>;
  currentPhase: number;
  partnerPresent: boolean;
  /** The phase I have said I am ready to go on to (only mine, never the partner's). */
  myReadyPhase: number | null;
  myRoles: Role[];
  history: { at: Date; from: number; to: number }[];
  jointWorkOpen: boolean;
  /** Open suggestions of the couple's active therapists, by exercise key, oldest first. */
  therapistSuggestions: Map<string, { note: string; at: Date }[]>;
}

interface StateRow extends Record<string, unknown> {
  marks: { key: string; mark: TMark }[];
  phase: number | null;
  my_ready_phase: number | null;
  roles: Role[];
  history: { at: string; from: number; to: number }[];
  joint_open: boolean;
  suggestions: { key: string; note: string; at: string }[];
}

const iso = (date: Date) => date.toISOString();

/**
 * One query for the whole state: my marks; and, in a space, the couple's phase, my own choice to go
 * on, my roles in the injuries I have named or confirmed, the phase history of this couple, and
 * whether joint work is open. Every part is scoped to me, my space and the couple now in it.
 */
export async function loadProgramState(
  db: DbOrTx,
  actor: SignedInActor,
  queries: Pick<FeatureQueries, 'exerciseSuggestions'>,
): Promise<ProgramState> {
  const marks = sql`coalesce((select json_agg(json_build_object('key', exercise_key, 'mark', mark))
      from program_marks where ${ownItems(actor, { authorId: programMarks.authorId })}),
      '[]'::json) as marks`;
  let spaceParts: SQL = sql`null::int as phase, null::int as my_ready_phase, '[]'::json as roles,
      '[]'::json as history, true as joint_open, '[]'::json as suggestions`;
  if (isSpaceMember(actor)) {
    const space = actor.space.id;
    const since = togetherSince(actor);
    const couple = since
      ? sql`(select p.phase from program_pace p
            where ${spaceRows(actor, sql`p.space_id`)} and p.couple_since = ${iso(since)}::timestamptz) as phase,
          (select r.phase from program_ready r where ${spaceRows(actor, sql`r.space_id`)} and ${ownRows(actor, sql`r.user_id`)}
            and r.chosen_at >= ${iso(since)}::timestamptz) as my_ready_phase,
          coalesce((select json_agg(json_build_object('at', c.changed_at, 'from', c.from_phase,
              'to', c.to_phase) order by c.changed_at)
            from program_phase_changes c where ${spaceRows(actor, sql`c.space_id`)}
            and c.changed_at >= ${iso(since)}::timestamptz), '[]'::json) as history`
      : sql`null::int as phase, null::int as my_ready_phase, '[]'::json as history`;
    spaceParts = sql`${couple},
      ${myInjuryRolesSql(actor)} as roles,
      ${jointWorkOpenSql(space)} as joint_open,
      ${queries.exerciseSuggestions(actor)} as suggestions`;
  }
  const [row] = await queryRows<StateRow>(db, sql`select ${marks}, ${spaceParts}`);
  return {
    marks: new Map(row!.marks.map((m) => [m.key, m.mark])),
    currentPhase: row!.phase ?? FIRST_PHASE,
    partnerPresent: isSpaceMember(actor) && actor.space.partner !== null,
    myReadyPhase: row!.my_ready_phase,
    myRoles: [...row!.roles].sort(),
    history: row!.history.map((h) => ({ at: new Date(h.at), from: h.from, to: h.to })),
    jointWorkOpen: row!.joint_open,
    therapistSuggestions: row!.suggestions.reduce((byKey, s) => {
      byKey.set(s.key, [...(byKey.get(s.key) ?? []), { note: s.note, at: new Date(s.at) }]);
      return byKey;
    }, new Map<string, { note: string; at: Date }[]>()),
  };
}

/* ---------- The map, from the definition and the state (pure) ---------- */

export function buildView(program: Program, state: ProgramState): TProgramView {
  const phases: TPhaseView[] = program.phases.map((phase) => {
    const exercises = program.exercises.filter((exercise) => exercise.phase === phase.number);
    const topics = program.topics
      .map((topic) => ({
        key: topic.key,
        title: topic.title,
        lesson: topic.lesson,
        exercises: exercises
          .filter((exercise) => exercise.topic === topic.key)
          .map((exercise): TExerciseView => ({
            key: exercise.key,
            title: exercise.title,
            mode: exercise.mode,
            for: exercise.for,
            form: exercise.form,
            path: exercise.path,
            why: exercise.why,
            mark: state.marks.get(exercise.key) ?? null,
            waitsForPace:
              exercise.mode === 'joint' &&
              exercise.form === 'screen' &&
              exercise.phase > state.currentPhase,
            therapistSuggestions: (state.therapistSuggestions.get(exercise.key) ?? []).map((s) => ({
              note: s.note,
              at: s.at.toISOString(),
            })),
          })),
      }))
      .filter((topic) => topic.exercises.length > 0);
    return {
      number: phase.number,
      key: phase.key,
      title: phase.title,
      subtitle: phase.subtitle,
      summary: phase.summary,
      open: phase.number <= state.currentPhase,
      topics,
    };
  });
  const nextPhase = state.currentPhase < LAST_PHASE ? state.currentPhase + 1 : null;
  return {
    phases,
    pace: {
      currentPhase: state.currentPhase,
      partnerPresent: state.partnerPresent,
      nextPhase,
      iAmReady: nextPhase !== null && state.myReadyPhase === nextPhase,
      history: state.history.map((change) => ({
        at: change.at.toISOString(),
        phase: change.to,
        change: change.to > change.from ? ('opened' as const) : ('stepped_back' as const),
      })),
      jointWorkOpen: state.jointWorkOpen,
    },
    myRoles: state.myRoles,
    suggestions: suggestNext(program, state),
  };
}

export const MAX_SUGGESTIONS = 3;

/**
 * What to suggest next, and why, in order:
 * 1. naming the injury, while I hold no role in any (naming one, or confirming my partner's);
 *    once I hold one, naming is not suggested again;
 * 2. what I said I would like to come back to;
 * 3. exercises of the open phases that are for me and I have not marked as done: first those
 *    meant for my role, then those for both of us, each in the order of the program;
 * 4. reading ahead in the next phase.
 * Nothing here ever depends on the partner's marks or choices.
 */
export function suggestNext(program: Program, state: ProgramState): TSuggestion[] {
  const picked: TSuggestion[] = [];
  const seen = new Set<string>();
  const add = (key: string, reason: TSuggestion['reason']) => {
    if (picked.length >= MAX_SUGGESTIONS || seen.has(key)) return;
    seen.add(key);
    picked.push({ exerciseKey: key, reason });
  };
  const forMe = (audience: 'hurt' | 'involved' | 'both') =>
    audience === 'both' || state.myRoles.includes(audience);
  const untouched = (key: string) => !state.marks.has(key);

  const naming = program.exercises.find((exercise) => exercise.path === '/injuries');
  if (naming && state.myRoles.length === 0 && state.marks.get(naming.key) !== 'spent_time') {
    add(naming.key, 'name_injury');
  }
  for (const exercise of program.exercises) {
    if (state.marks.get(exercise.key) === 'come_back') add(exercise.key, 'come_back');
  }
  // Once I hold a role, naming is done for now; the injuries page is still on the map.
  const open = program.exercises.filter(
    (exercise) =>
      exercise.phase <= state.currentPhase &&
      untouched(exercise.key) &&
      !(exercise === naming && state.myRoles.length > 0),
  );
  for (const exercise of open) {
    if (exercise.for !== 'both' && forMe(exercise.for)) add(exercise.key, 'for_your_role');
  }
  for (const exercise of open) {
    if (exercise.for === 'both') add(exercise.key, 'next_in_phase');
  }
  for (const exercise of program.exercises) {
    if (
      exercise.phase === state.currentPhase + 1 &&
      exercise.form === 'reading' &&
      forMe(exercise.for) &&
      untouched(exercise.key)
    ) {
      add(exercise.key, 'look_ahead');
    }
  }
  return picked;
}

/* ---------- Writes ---------- */

export async function setMark(
  db: Database,
  program: Program,
  actor: SignedInActor,
  key: string,
  mark: TMark | null,
): Promise<void> {
  if (!program.exerciseByKey.has(key)) {
    throw new AppError(
      'validation_failed',
      'Some of what was sent needs another look. The fields below say what.',
      { 'params.key': 'There is no exercise with this key in the program.' },
    );
  }
  const mine = and(
    ownItems(actor, { authorId: programMarks.authorId }),
    eq(programMarks.exerciseKey, key),
  );
  if (mark === null) {
    await db.delete(programMarks).where(mine);
    return;
  }
  await db
    .insert(programMarks)
    .values({ authorId: actor.userId, exerciseKey: key, mark, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [programMarks.authorId, programMarks.exerciseKey],
      set: { mark, updatedAt: new Date() },
    });
}

const NEEDS_PARTNER =
  'A new phase opens when you both choose it, so this waits until your partner has joined your space.';
const MAP_CHANGED =
  'The map has changed since this page was opened. Here it is as it is now; nothing you marked was lost.';

/**
 * The couple's pace row, locked for this transaction. A row left by an earlier couple in the same
 * space is reset: the couple now here starts at phase 1.
 */
async function lockPace(tx: Transaction, actor: SpaceMemberActor, since: Date): Promise<number> {
  await tx
    .insert(programPace)
    .values({ spaceId: actor.space.id, phase: FIRST_PHASE, coupleSince: since })
    .onConflictDoNothing();
  const [row] = await tx
    .select({ phase: programPace.phase, coupleSince: programPace.coupleSince })
    .from(programPace)
    .where(spaceRows(actor, programPace.spaceId))
    .for('update');
  if (row!.coupleSince.getTime() === since.getTime()) return row!.phase;
  await tx
    .update(programPace)
    .set({ phase: FIRST_PHASE, coupleSince: since, updatedAt: new Date() })
    .where(spaceRows(actor, programPace.spaceId));
  return FIRST_PHASE;
}

async function changePhase(
  tx: Transaction,
  actor: SpaceMemberActor,
  from: number,
  to: number,
  now: Date,
): Promise<void> {
  await tx
    .update(programPace)
    .set({ phase: to, updatedAt: now })
    .where(spaceRows(actor, programPace.spaceId));
  // Any change of phase clears both partners' choices.
  await tx.delete(programReady).where(spaceRows(actor, programReady.spaceId));
  await tx.insert(programPhaseChanges).values({
    spaceId: actor.space.id,
    changedBy: actor.userId,
    fromPhase: from,
    toPhase: to,
    changedAt: now,
  });
  if (to > from) {
    await tx
      .insert(programPhaseOpenings)
      .values({ spaceId: actor.space.id, phase: to, openedAt: now });
  }
}

/**
 * "I'm ready to go on to phase N." It opens when both partners of the couple have chosen it. The
 * page names the phase it offered, so a stale page never chooses a different one.
 */
export async function chooseReady(
  db: Database,
  actor: SpaceMemberActor,
  phase: number,
): Promise<void> {
  const since = togetherSince(actor);
  if (!since) throw new AppError('conflict', NEEDS_PARTNER);
  await db.transaction(async (tx) => {
    await requireJointWorkOpen(tx, actor);
    const current = await lockPace(tx, actor, since);
    if (phase <= current) return; // already open: nothing to choose
    if (phase !== current + 1) throw new AppError('conflict', MAP_CHANGED);
    const now = new Date();
    await tx
      .insert(programReady)
      .values({ spaceId: actor.space.id, userId: actor.userId, phase, chosenAt: now })
      .onConflictDoUpdate({
        target: [programReady.spaceId, programReady.userId],
        set: { phase, chosenAt: now },
      });
    const partnerChose = await tx
      .select({ phase: programReady.phase })
      .from(programReady)
      .where(
        and(
          spaceRows(actor, programReady.spaceId),
          partnerRows(actor, programReady.userId),
          eq(programReady.phase, phase),
          sql`${programReady.chosenAt} >= ${iso(since)}::timestamptz`,
        ),
      )
      .limit(1);
    if (partnerChose.length > 0) await changePhase(tx, actor, current, phase, now);
  });
}

/** "I'd like to wait after all": takes back my own choice. Never paused, never needs a reason. */
export async function withdrawReady(db: Database, actor: SpaceMemberActor): Promise<void> {
  await db
    .delete(programReady)
    .where(and(spaceRows(actor, programReady.spaceId), ownRows(actor, programReady.userId)));
}

/**
 * Either partner steps the couple back to an earlier phase, without giving a reason. Both choices
 * to go on are cleared. Never paused: stepping back is always possible.
 */
export async function stepBack(
  db: Database,
  actor: SpaceMemberActor,
  phase: number,
): Promise<void> {
  const since = togetherSince(actor);
  await db.transaction(async (tx) => {
    const current = since ? await lockPace(tx, actor, since) : FIRST_PHASE;
    if (phase === current) return; // both stepped back at once: already there
    if (phase > current) {
      throw new AppError(
        'conflict',
        'You can step back only to a phase before the one you are in.',
      );
    }
    await changePhase(tx, actor, current, phase, new Date());
  });
}
