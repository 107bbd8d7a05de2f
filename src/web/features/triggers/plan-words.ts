import type { TPlanSection } from '#shared/schemas/triggers.ts';
import type { MessageKey } from '#web/i18n/index.ts';

/** The name of each part of the plan, used by the editor, the reading view and the comparison. */
export const SECTION_LABEL = {
  signs: 'triggers.plan.section.signs',
  signal: 'triggers.plan.section.signal',
  response: 'triggers.plan.section.response',
  timeOut: 'triggers.plan.section.timeOut',
  afterwards: 'triggers.plan.section.afterwards',
} as const satisfies Record<TPlanSection, MessageKey>;
