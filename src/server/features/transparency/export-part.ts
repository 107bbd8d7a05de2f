import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { Database } from '#server/db/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { isSpaceMember } from '#server/policy/rules.ts';
import { listOffers } from './service';

const STATE_WORDS = {
  waiting: 'Waiting for an answer.',
  accepted: 'Accepted.',
  declined: 'Not accepted.',
  paused: 'Paused.',
  ended: 'Ended.',
} as const;

/**
 * The transparency part of "download my data": the offers between my partner and me now, as the
 * page shows them (none while joint work rests, as on the page).
 */
export async function transparencyExportPart(
  db: Database,
  actor: SignedInActor,
): Promise<TExportSection> {
  const section: TExportSection = {
    key: 'transparencyOffers',
    heading: 'Offers of openness',
    entries: [],
  };
  if (!isSpaceMember(actor)) return section;
  const { offers } = await listOffers(db, actor);
  for (const offer of offers) {
    section.entries.push({
      title: offer.mine ? 'An offer I made' : `An offer ${offer.offeredBy.name} made`,
      at: offer.offeredAt,
      by: null,
      fields: [
        { label: 'The offer', text: offer.text },
        { label: 'Where it stands', text: STATE_WORDS[offer.state] },
        { label: 'Dates', text: `Review on ${offer.reviewOn}; ends on ${offer.endsOn}.` },
      ],
    });
  }
  return section;
}
