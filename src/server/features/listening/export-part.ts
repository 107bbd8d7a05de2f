import { asc, eq } from 'drizzle-orm';
import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { Database } from '#server/db/index.ts';
import { listeningRounds, listeningTurns } from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { ownRows } from '#server/policy/rules.ts';

/**
 * Listening turns' part of "download my data": only my own words, from every conversation I
 * took part in (also after a partner left): what I said when speaking, my answers, and what I
 * wrote back when listening. Never my partner's words.
 */
export async function listeningExportPart(
  db: Database,
  actor: SignedInActor,
): Promise<TExportSection> {
  const [spoken, answered, reflected] = await Promise.all([
    db
      .select()
      .from(listeningTurns)
      .where(ownRows(actor, listeningTurns.speakerId))
      .orderBy(asc(listeningTurns.startedAt)),
    db
      .select({ round: listeningRounds })
      .from(listeningRounds)
      .innerJoin(listeningTurns, eq(listeningTurns.id, listeningRounds.turnId))
      .where(ownRows(actor, listeningTurns.speakerId))
      .orderBy(asc(listeningRounds.reflectedAt)),
    db
      .select({ round: listeningRounds })
      .from(listeningRounds)
      .innerJoin(listeningTurns, eq(listeningTurns.id, listeningRounds.turnId))
      .where(ownRows(actor, listeningTurns.listenerId))
      .orderBy(asc(listeningRounds.reflectedAt)),
  ]);
  const entries: TExportSection['entries'] = [
    ...spoken.map((turn) => ({
      title: 'When I spoke',
      at: turn.startedAt.toISOString(),
      by: 'Written by you',
      fields: [
        { label: 'What I feel', text: turn.feeling },
        { label: 'What I need', text: turn.need },
      ],
    })),
    ...answered
      .filter(({ round }) => round.understood !== null)
      .map(({ round }) => ({
        title: `I felt understood: ${round.understood === 'not_yet' ? 'not yet' : round.understood}`,
        at: (round.answeredAt ?? round.reflectedAt).toISOString(),
        by: 'Written by you',
        fields: round.clarification ? [{ label: 'What I added', text: round.clarification }] : [],
      })),
    ...reflected.map(({ round }) => ({
      title: 'When I listened',
      at: round.reflectedAt.toISOString(),
      by: 'Written by you',
      fields: [
        { label: 'What I heard', text: round.heard },
        { label: 'Why it makes sense', text: round.validation },
      ],
    })),
  ];
  entries.sort((a, b) => a.at.localeCompare(b.at));
  return { key: 'listening', heading: 'My listening turns', entries };
}
