import type { ReactNode } from 'react';
import type { TPrepItem } from '#shared/schemas/session-prep.ts';
import { t } from '#web/i18n/index.ts';
import { formatDate } from '#web/ui/index.ts';
import styles from './session-prep.module.css';

/** "Check-in · You · 3 May 2026": what it is, who wrote it, and when. */
export function itemMeta(item: TPrepItem): string {
  return t('sessionPrep.meta', {
    kind: t(`sessionPrep.kind.${item.kind}`),
    author: item.mine ? t('sessionPrep.by.you') : item.authorName,
    // A check-in is dated by its day, a weekly check-in by its week (below); others by when.
    date: formatDate(item.kind === 'checkin' && item.day ? `${item.day}T12:00:00` : item.at),
  });
}

const PART_LABELS = {
  feelings: 'sessionPrep.part.feelings',
  intensity: 'sessionPrep.part.intensity',
  triggerIntensity: 'sessionPrep.part.triggerIntensity',
  pain: 'sessionPrep.part.pain',
  triggers: 'sessionPrep.part.triggers',
  needs: 'sessionPrep.part.needs',
  note: 'sessionPrep.part.note',
  cue: 'sessionPrep.part.cue',
  felt: 'sessionPrep.part.felt',
  helped: 'sessionPrep.part.helped',
  nextTime: 'sessionPrep.part.nextTime',
  body: 'sessionPrep.part.body',
  whatHappened: 'sessionPrep.part.whatHappened',
  howItAffectedMe: 'sessionPrep.part.howItAffectedMe',
  whatINeedNow: 'sessionPrep.part.whatINeedNow',
  paraphrase: 'sessionPrep.part.paraphrase',
  acknowledgement: 'sessionPrep.part.acknowledgement',
  question: 'sessionPrep.part.question',
  answer: 'sessionPrep.part.answer',
  whatIDid: 'sessionPrep.part.whatIDid',
  harm: 'sessionPrep.part.harm',
  responsibility: 'sessionPrep.part.responsibility',
  regret: 'sessionPrep.part.regret',
  change: 'sessionPrep.part.change',
  repair: 'sessionPrep.part.repair',
  forgiveness: 'sessionPrep.part.forgiveness',
  occurredOn: 'sessionPrep.part.occurredOn',
  how: 'sessionPrep.part.how',
  whatWasSaid: 'sessionPrep.part.whatWasSaid',
  reflection: 'sessionPrep.part.reflection',
  leaning: 'sessionPrep.part.leaning',
  limits: 'sessionPrep.part.limits',
  ownWords: 'sessionPrep.part.ownWords',
} as const;

function partLabel(part: TPrepItem['parts'][number]): string {
  if (part.label) return part.label;
  const key = PART_LABELS[part.key as keyof typeof PART_LABELS] as
    (typeof PART_LABELS)[keyof typeof PART_LABELS] | undefined;
  return key ? t(key) : t('sessionPrep.part.scale');
}

/** A short name for buttons: its kind and its first words. */
export function itemName(item: TPrepItem): string {
  const first = item.title ?? item.parts[0]?.text ?? '';
  const short = first.length > 40 ? `${first.slice(0, 40)}…` : first;
  return [t(`sessionPrep.kind.${item.kind}`), short].filter(Boolean).join(': ');
}

function subtitle(item: TPrepItem): string | null {
  const parts: string[] = [];
  if (item.title) parts.push(item.title);
  if (item.kind === 'measure' && item.day) {
    parts.push(t('sessionPrep.week', { date: formatDate(`${item.day}T12:00:00`) }));
  }
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** One item as it reads now: a heading line, then each of its parts with its label. */
export function PrepItem({
  item,
  headingLevel,
  actions,
}: {
  item: TPrepItem;
  headingLevel: 'h3' | 'h2';
  actions?: ReactNode;
}) {
  const Heading = headingLevel;
  const sub = subtitle(item);
  return (
    <article className={styles.item}>
      <Heading className={styles.itemHeading}>{itemMeta(item)}</Heading>
      {sub && <p className={styles.itemSub}>{sub}</p>}
      <dl className={styles.parts}>
        {item.parts.map((part, index) => (
          <div key={`${part.key}-${index}`} className={styles.part}>
            <dt>{partLabel(part)}</dt>
            <dd>{part.text}</dd>
          </div>
        ))}
      </dl>
      {actions}
    </article>
  );
}
