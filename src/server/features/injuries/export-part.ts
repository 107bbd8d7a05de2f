import type { TInjuryKind, TInjuryRole } from '#shared/schemas/injuries.ts';
import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { Database } from '#server/db/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { listInjuries } from './service';

/**
 * The injuries' part of "download my data": the co-authored injuries I may read (the same
 * `visibleInjuries` scope as the page), with my role and my own private note, never my partner's.
 * The app hands it to the my-data feature (features never import each other).
 */

const KINDS: Record<TInjuryKind, string> = {
  affair: 'An affair',
  emotional_affair: 'An emotional affair',
  hidden_money: 'Hidden money or debts',
  lies: 'Lies or deception',
  other: 'Something else',
};

const ROLES: Record<TInjuryRole, string> = {
  hurt: 'I am the one who was hurt',
  involved: 'I am the one who broke the trust',
};

const CONFIRMATION: Record<string, string> = {
  both: 'Confirmed by you both',
  waiting_for_you: 'Waiting for you to confirm',
  waiting_for_partner: 'Waiting for your partner to confirm',
  waiting_for_partner_to_join: 'Waiting for your partner to join',
};

export async function injuriesExportPart(
  db: Database,
  actor: SignedInActor,
): Promise<TExportSection> {
  const { injuries } = await listInjuries(db, actor);
  return {
    key: 'injuries',
    heading: 'What happened (named together)',
    entries: injuries.map((injury) => ({
      title: `${KINDS[injury.kind]}, came to light ${injury.cameToLight}`,
      at: injury.updatedAt,
      by: null,
      fields: [
        { label: 'My role', text: ROLES[injury.myRole] },
        { label: 'Confirmed', text: CONFIRMATION[injury.confirmation] ?? '' },
        { label: 'Put away', text: injury.archivedAt ? injury.archivedAt.slice(0, 10) : '' },
        { label: 'My own note', text: injury.note ?? '' },
      ].filter((field) => field.text !== ''),
    })),
  };
}
