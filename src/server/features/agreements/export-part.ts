import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { TAgreementKind } from '#shared/schemas/agreements.ts';
import type { Database } from '#server/db/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { listCoAuthored } from '#server/policy/co-authored.ts';
import { isSpaceMember } from '#server/policy/rules.ts';
import { AGREEMENT } from './service';

/**
 * The agreements' part of "download my data": every agreement I may read, as the page reads it
 * (only through my own active membership), with its newest words and where it stands.
 */
const KIND_NAMES: Record<TAgreementKind, string> = {
  'ground-rules': 'Ground rules',
  boundaries: 'Boundaries and expectations',
  'walls-and-windows': 'Walls and windows',
  'affair-partner-contact': 'Contact with the affair partner',
  'relapse-prevention': 'Looking after what you rebuilt',
};

export async function agreementsExportPart(
  db: Database,
  actor: SignedInActor,
): Promise<TExportSection> {
  const section: TExportSection = { key: 'agreements', heading: 'Our agreements', entries: [] };
  if (!isSpaceMember(actor)) return section;
  const { entries } = await listCoAuthored(db, AGREEMENT, actor);
  for (const { item, acceptance } of entries) {
    section.entries.push({
      title: `${KIND_NAMES[item.extra.kind as TAgreementKind]}: ${item.sections.title}`,
      at: item.updatedAt.toISOString(),
      by: `Version ${item.version}, last changed by ${item.updatedById === actor.userId ? 'you' : item.updatedByName}`,
      fields: [
        { label: 'The agreement', text: item.sections.body },
        {
          label: 'Where it stands',
          text: acceptance.both
            ? 'You both accept this version.'
            : acceptance.mine
              ? 'You accept this version; your partner has not.'
              : acceptance.partner
                ? 'Your partner accepts this version; you have not.'
                : 'Neither of you accepts this version.',
        },
      ],
    });
  }
  return section;
}
