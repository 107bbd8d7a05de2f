import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { TPace } from '#shared/schemas/reconnecting.ts';
import type { Database } from '#server/db/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { isSpaceMember } from '#server/policy/rules.ts';
import { readContent } from './service';

/**
 * Reconnecting's part of "download my data": what the page shows me, read the same way (the
 * couple now in my space; my own notes, and my partner's only where they shared them). Of a
 * pause it says only whether I hold one, as the page does.
 */
const PACE_WORDS: Record<TPace, string> = {
  closeness: 'Close, without sex for now',
  gentle: 'Gentle touch and affection, talking before anything more',
  slowly: 'Slowly finding our way back to sex, checking in every time',
  open: 'Ready for a full intimate life, either can still slow down',
};

const field = (label: string, text: string | null | undefined) =>
  text && text.trim() !== '' ? [{ label, text }] : [];

export async function reconnectingExportPart(
  db: Database,
  actor: SignedInActor,
): Promise<TExportSection> {
  const section: TExportSection = { key: 'reconnecting', heading: 'Reconnecting', entries: [] };
  if (!isSpaceMember(actor)) return section;
  const content = await readContent(db, actor);
  for (const ritual of content.rituals) {
    section.entries.push({
      title: `Ritual: ${ritual.cadence === 'daily' ? 'every day' : 'once a week'}`,
      at: ritual.createdAt,
      by: ritual.status === 'active' ? 'Chosen by you both' : 'Suggested, not yet agreed',
      fields: [...field('Ritual', ritual.title), ...field('More about it', ritual.detail)],
    });
  }
  for (const [list, by] of [
    [content.appreciations.sent, 'Sent by you'],
    [content.appreciations.received, 'Sent to you'],
  ] as const) {
    for (const note of list) {
      section.entries.push({
        title: 'Appreciation',
        at: note.sentAt,
        by,
        fields: field('Note', note.note),
      });
    }
  }
  for (const date of content.dates) {
    section.entries.push({
      title: date.plannedOn ? `Date on ${date.plannedOn}` : 'Date idea',
      at: date.updatedAt,
      by: null,
      fields: [
        ...field('Idea', date.idea),
        ...field('Plan', date.plan),
        ...field('How it went for me', date.myNote?.note),
        ...field('How it went for my partner (shared with me)', date.partnerNote),
      ],
    });
  }
  const { pacing } = content;
  if (pacing.pace !== null || pacing.pausedByMe) {
    section.entries.push({
      title: 'Our pace with intimacy',
      at: new Date().toISOString(),
      by: pacing.status === 'agreed' ? 'Agreed by you both' : null,
      fields: [
        ...field('Pace', pacing.pace ? PACE_WORDS[pacing.pace] : null),
        ...field('In our words', pacing.words),
        ...field('My pause', pacing.pausedByMe ? 'I have paused it.' : null),
      ],
    });
  }
  return section;
}
