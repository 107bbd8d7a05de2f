import { FEELINGS, type TFeeling } from '#shared/schemas/checkins.ts';
import type { TOpenedItem } from '#shared/schemas/practice.ts';
import { t } from '#web/i18n/index.ts';

type Intensity = 1 | 2 | 3 | 4 | 5;
const isFeeling = (word: string): word is TFeeling =>
  (FEELINGS as readonly string[]).includes(word);
const isIntensity = (n: number): n is Intensity => Number.isInteger(n) && n >= 1 && n <= 5;

/**
 * A part's value in the words the partner saw when writing it: feelings by their names, strength
 * with its word ("3 · Strong"), pain and a trigger's strength out of 10. Anything unknown is shown
 * as it came.
 */
export function partText(part: Pick<TOpenedItem['parts'][number], 'key' | 'text'>): string {
  const n = Number(part.text);
  switch (part.key) {
    case 'feelings':
      return part.text
        .split(', ')
        .map((word) => (isFeeling(word) ? t(`checkins.feeling.${word}`) : word))
        .join(', ');
    case 'intensity':
      return isIntensity(n) ? `${n} · ${t(`checkins.intensity.${n}`)}` : part.text;
    case 'pain':
      return Number.isFinite(n) ? t('checkins.timeline.painValue', { pain: n }) : part.text;
    case 'triggerIntensity':
      return Number.isFinite(n) ? t('triggers.field.intensity.option', { value: n }) : part.text;
    default:
      return part.text;
  }
}
