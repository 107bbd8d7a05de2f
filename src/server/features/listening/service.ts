import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '#shared/errors.ts';
import {
  LISTENING_PHASE,
  type TAnswerBody,
  type TConversation,
  type TListeningOverview,
  type TNextStep,
  type TReflectBody,
  type TShareBody,
  type TUnderstood,
} from '#shared/schemas/listening.ts';
import type { Database, DbOrTx, Transaction } from '#server/db/index.ts';
import { queryRows } from '#server/db/query.ts';
import {
  listeningConversations,
  listeningRounds,
  listeningTurns,
} from '#server/db/schema/index.ts';
import { notify } from '#server/events/notify.ts';
import { versionConflict } from '#server/http/versioning.ts';
import type { SignedInActor, SpaceMemberActor } from '#server/policy/actor.ts';
import { jointWorkOpenSql, requireJointWorkOpen } from '#server/policy/joint-work.ts';
import type { FeatureQueries } from '#server/policy/manifest.ts';
import { isSpaceMember, spaceRows, togetherSince } from '#server/policy/rules.ts';

/**
 * Listening turns (docs/features/listening.md, decision 0061). A conversation belongs to the
 * couple now in the space: both read all of it, and a later partner nothing. Every step moves
 * the conversation's version on, so two writes to one step settle with one 412.
 */

type Queries = Pick<FeatureQueries, 'couplePhase'>;

const conversations = listeningConversations;
const turns = listeningTurns;
const rounds = listeningRounds;

const NOT_YET_PACE = `Listening turns open when you have both chosen to go on to phase ${LISTENING_PHASE}. Either of you can choose that on the program page, and it opens once you both have.`;
const NO_PARTNER =
  'Listening turns are for the two of you. Once your partner has joined your space, you can start one.';
/** Why a step was refused, from where the conversation stands now. */
const STANDS: Record<TNextStep, string> = {
  reflect: 'It is the listener’s step now: they write back what they heard.',
  answer: 'It is the speaker’s step now: they say whether they felt understood.',
  new_turn: 'This turn is done: the one speaking felt understood. A new turn can start now.',
};
const STILL_GOING =
  'This turn is still going. A new one can start once the one speaking feels understood.';

/** The conversations of the couple now in the actor's space; nothing without a partner. */
function conversationScope(actor: SignedInActor): SQL {
  const since = togetherSince(actor);
  if (!since || !isSpaceMember(actor)) return sql`false`;
  return and(spaceRows(actor, conversations.spaceId), eq(conversations.coupleSince, since))!;
}

type TurnRow = typeof turns.$inferSelect;
type RoundRow = typeof rounds.$inferSelect;

/** Where the conversation stands, from its last turn and that turn's last reflection. */
function nextStep(turn: Pick<TurnRow, 'heardAt'>, round: Pick<RoundRow, 'understood'> | null) {
  if (turn.heardAt) return 'new_turn';
  return round && round.understood === null ? 'answer' : 'reflect';
}

function isMyMove(
  actor: SignedInActor,
  next: TNextStep,
  turn: Pick<TurnRow, 'speakerId' | 'listenerId'>,
): boolean {
  if (next === 'new_turn') return true;
  return (next === 'reflect' ? turn.listenerId : turn.speakerId) === actor.userId;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

interface SummaryRow extends Record<string, unknown> {
  id: string;
  created_at: string;
  updated_at: string;
  turns: number;
  speaker_id: string;
  listener_id: string;
  heard_at: string | null;
  has_round: boolean;
  understood: TUnderstood | null;
}

export async function getOverview(
  db: Database,
  actor: SignedInActor,
  queries: Queries,
): Promise<TListeningOverview> {
  const together = togetherSince(actor) !== null;
  if (!isSpaceMember(actor)) {
    return {
      jointWorkOpen: true,
      paceOpen: false,
      phase: LISTENING_PHASE,
      together,
      conversations: [],
    };
  }
  const [facts] = await queryRows<{ open: boolean; phase: number }>(
    db,
    sql`select ${jointWorkOpenSql(actor.space.id)} as open, ${queries.couplePhase(actor)} as phase`,
  );
  const rows = together
    ? await queryRows<SummaryRow>(
        db,
        sql`select c.id, c.created_at, c.updated_at,
            (select count(*)::int from ${turns} t where t.conversation_id = c.id) as turns,
            lt.speaker_id, lt.listener_id, lt.heard_at,
            lr.id is not null as has_round, lr.understood
          from ${conversations} c
          join lateral (select t.id, t.speaker_id, t.listener_id, t.heard_at from ${turns} t
            where t.conversation_id = c.id order by t.number desc limit 1) lt on true
          left join lateral (select r.id, r.understood from ${rounds} r
            where r.turn_id = lt.id order by r.number desc limit 1) lr on true
          where c.id in (select ${conversations.id} from ${conversations}
            where ${conversationScope(actor)})
          order by c.updated_at desc, c.id desc
          limit 100`,
      )
    : [];
  return {
    jointWorkOpen: facts?.open === true,
    paceOpen: (facts?.phase ?? 1) >= LISTENING_PHASE,
    phase: LISTENING_PHASE,
    together,
    conversations: rows.map((row) => {
      const next = nextStep(
        { heardAt: row.heard_at ? new Date(row.heard_at) : null },
        row.has_round ? { understood: row.understood } : null,
      );
      return {
        id: row.id,
        startedAt: new Date(row.created_at).toISOString(),
        lastAt: new Date(row.updated_at).toISOString(),
        turns: row.turns,
        next,
        myMove: isMyMove(actor, next, { speakerId: row.speaker_id, listenerId: row.listener_id }),
      };
    }),
  };
}

/** The whole conversation as both read it. */
async function present(
  db: DbOrTx,
  actor: SignedInActor,
  conversation: typeof conversations.$inferSelect,
): Promise<TConversation> {
  const turnRows = await db
    .select()
    .from(turns)
    .where(eq(turns.conversationId, conversation.id))
    .orderBy(asc(turns.number));
  const roundRows =
    turnRows.length === 0
      ? []
      : await db
          .select()
          .from(rounds)
          .where(
            inArray(
              rounds.turnId,
              turnRows.map((turn) => turn.id),
            ),
          )
          .orderBy(asc(rounds.number));
  const person = (userId: string) => ({
    mine: userId === actor.userId,
    name:
      userId === actor.userId
        ? actor.displayName
        : (actor.space?.partner?.displayName ?? actor.displayName),
  });
  const presented = turnRows.map((turn) => ({
    number: turn.number,
    speaker: person(turn.speakerId),
    listener: person(turn.listenerId),
    feeling: turn.feeling,
    need: turn.need,
    startedAt: turn.startedAt.toISOString(),
    heardAt: iso(turn.heardAt),
    rounds: roundRows
      .filter((round) => round.turnId === turn.id)
      .map((round) => ({
        number: round.number,
        heard: round.heard,
        validation: round.validation,
        reflectedAt: round.reflectedAt.toISOString(),
        understood: (round.understood as TUnderstood | null) ?? null,
        clarification: round.clarification,
        answeredAt: iso(round.answeredAt),
      })),
  }));
  const last = turnRows.at(-1);
  // Every conversation starts with a turn; none left means an account was erased.
  if (!last) throw notFound();
  const lastRound = roundRows.filter((round) => round.turnId === last.id).at(-1) ?? null;
  const next = nextStep(last, lastRound);
  return {
    id: conversation.id,
    startedAt: conversation.createdAt.toISOString(),
    version: conversation.version,
    next,
    myMove: isMyMove(actor, next, last),
    turns: presented,
  };
}

export async function getConversation(
  db: Database,
  actor: SignedInActor,
  id: string,
): Promise<TConversation> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, id), conversationScope(actor)));
  if (!row) throw notFound();
  return present(db, actor, row);
}

/** Joint work open and the couple's pace reached listening turns; one read, in the transaction. */
async function requireOpen(tx: Transaction, actor: SpaceMemberActor, queries: Queries) {
  await requireJointWorkOpen(tx, actor);
  const [row] = await queryRows<{ phase: number }>(
    tx,
    sql`select ${queries.couplePhase(actor)} as phase`,
  );
  if ((row?.phase ?? 1) < LISTENING_PHASE) throw new AppError('conflict', NOT_YET_PACE);
  const partner = actor.space.partner;
  const since = togetherSince(actor);
  if (!partner || !since) throw new AppError('conflict', NO_PARTNER);
  return { partner, since };
}

/** Tells the partner it is their move: no words, only a link of ids. */
async function tellPartner(tx: DbOrTx, actor: SpaceMemberActor, partnerId: string, id: string) {
  await notify(tx, {
    kind: 'shared',
    recipients: [partnerId],
    actorId: actor.userId,
    spaceId: actor.space.id,
    link: `/listening#conversation-${id}`,
    joint: true,
  });
}

/** The speaker opens a new conversation with its first turn. */
export async function startConversation(
  db: Database,
  actor: SpaceMemberActor,
  queries: Queries,
  body: TShareBody,
): Promise<TConversation> {
  return db.transaction(async (tx) => {
    const { partner, since } = await requireOpen(tx, actor, queries);
    const [conversation] = await tx
      .insert(conversations)
      .values({ spaceId: actor.space.id, coupleSince: since })
      .returning();
    await tx.insert(turns).values({
      conversationId: conversation!.id,
      number: 1,
      speakerId: actor.userId,
      listenerId: partner.userId,
      feeling: body.feeling,
      need: body.need,
    });
    await tellPartner(tx, actor, partner.userId, conversation!.id);
    return present(tx, actor, conversation!);
  });
}

type Step =
  | { kind: 'reflect'; body: TReflectBody }
  | { kind: 'answer'; body: TAnswerBody }
  | { kind: 'new_turn'; body: TShareBody };

/**
 * One step of a conversation, from the version the writer read (`ifMatch`). The conversation row
 * is locked first, so of two writes to one step exactly one passes and the other gets 412 with
 * the conversation as it is now; a step that is not the writer's to take is a 409.
 */
export async function takeStep(
  db: Database,
  actor: SpaceMemberActor,
  queries: Queries,
  id: string,
  ifMatch: number,
  step: Step,
): Promise<TConversation> {
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.id, id), conversationScope(actor)))
      .for('update');
    if (!conversation) throw notFound();
    const { partner } = await requireOpen(tx, actor, queries);
    if (conversation.version !== ifMatch) {
      throw versionConflict(await present(tx, actor, conversation));
    }
    const [turn] = await tx
      .select()
      .from(turns)
      .where(eq(turns.conversationId, conversation.id))
      .orderBy(desc(turns.number))
      .limit(1);
    const [round] = await tx
      .select()
      .from(rounds)
      .where(eq(rounds.turnId, turn!.id))
      .orderBy(desc(rounds.number))
      .limit(1);
    const next = nextStep(turn!, round ?? null);
    if (next !== step.kind || !isMyMove(actor, next, turn!)) {
      const why = step.kind === 'new_turn' && next !== 'new_turn' ? STILL_GOING : STANDS[next];
      throw new AppError('conflict', why);
    }
    const now = new Date();
    if (step.kind === 'reflect') {
      await tx.insert(rounds).values({
        turnId: turn!.id,
        number: (round?.number ?? 0) + 1,
        heard: step.body.heard,
        validation: step.body.validation,
        reflectedAt: now,
      });
    } else if (step.kind === 'answer') {
      await tx
        .update(rounds)
        .set({
          understood: step.body.understood,
          clarification: step.body.clarification ?? '',
          answeredAt: now,
        })
        .where(eq(rounds.id, round!.id));
      if (step.body.understood === 'yes') {
        await tx.update(turns).set({ heardAt: now }).where(eq(turns.id, turn!.id));
      }
    } else {
      await tx.insert(turns).values({
        conversationId: conversation.id,
        number: turn!.number + 1,
        speakerId: actor.userId,
        listenerId: partner.userId,
        feeling: step.body.feeling,
        need: step.body.need,
        startedAt: now,
      });
    }
    const [updated] = await tx
      .update(conversations)
      .set({ updatedAt: now, version: sql`${conversations.version} + 1` })
      .where(eq(conversations.id, conversation.id))
      .returning();
    await tellPartner(tx, actor, partner.userId, conversation.id);
    return present(tx, actor, updated!);
  });
}
