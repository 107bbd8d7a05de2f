import type { TGuidePhase } from '#shared/schemas/guide.ts';
import { t } from '#web/i18n/index.ts';

/** The name of a lesson's phase, or "questions people ask" for a lesson outside the phases. */
export function phaseName(phase: TGuidePhase | null): string {
  if (phase === null) return t('guide.faq');
  return t(`guide.phase.${phase}`);
}
