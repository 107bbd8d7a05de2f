import type { TApologyPart, TInjuryRef } from '#shared/schemas/apology.ts';
import { t } from '#web/i18n/index.ts';
import { formatMonth } from '#web/ui/index.ts';

/** The page's words for each part: its label and, for the writer, a hint. */
export const PART_LABEL = {
  whatIDid: 'apology.part.whatIDid',
  harm: 'apology.part.harm',
  responsibility: 'apology.part.responsibility',
  regret: 'apology.part.regret',
  change: 'apology.part.change',
  repair: 'apology.part.repair',
  forgiveness: 'apology.part.forgiveness',
} as const satisfies Record<TApologyPart, string>;

export const PART_HINT = {
  whatIDid: 'apology.part.whatIDid.hint',
  harm: 'apology.part.harm.hint',
  responsibility: 'apology.part.responsibility.hint',
  regret: 'apology.part.regret.hint',
  change: 'apology.part.change.hint',
  repair: 'apology.part.repair.hint',
  forgiveness: 'apology.part.forgiveness.hint',
} as const satisfies Record<TApologyPart, string>;

/** The parts in the order they are written and read; forgiveness only when asked for. */
export const WRITTEN_PARTS = [
  'whatIDid',
  'harm',
  'responsibility',
  'regret',
  'change',
  'repair',
] as const satisfies readonly TApologyPart[];

const INJURY_KIND = {
  affair: 'apology.injury.affair',
  emotional_affair: 'apology.injury.emotional_affair',
  hidden_money: 'apology.injury.hidden_money',
  lies: 'apology.injury.lies',
  other: 'apology.injury.other',
} as const satisfies Record<TInjuryRef['kind'], string>;

/** "An affair, came to light in March 2026" — never anything a person wrote. */
export function injuryWords(injury: TInjuryRef | null): string {
  if (!injury) return t('apology.injury.unknown');
  const month = formatMonth(injury.cameToLight);
  return t('apology.injury.label', { kind: t(INJURY_KIND[injury.kind]), month });
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });

/** A calendar day (YYYY-MM-DD) as words, the same day wherever the reader is. */
export function dayWords(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** Today as YYYY-MM-DD in the person's own time zone. */
export function localToday(): string {
  const now = new Date();
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}
