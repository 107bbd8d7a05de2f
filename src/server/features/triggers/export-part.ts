import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { TPlanSection, TPlanSections } from '#shared/schemas/triggers.ts';
import { PLAN_SECTIONS } from '#shared/schemas/triggers.ts';
import type { Database } from '#server/db/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { isSpaceMember } from '#server/policy/rules.ts';
import { readPlan } from './plan-service';

/**
 * The trigger plan's part of "download my data": the plan of the people in my space now and the
 * earlier plans I helped write, read as the page reads them (only through my own active
 * membership, so nobody who joins later or has left gets them). The app hands it to my-data.
 */

const SECTION_NAMES: Record<TPlanSection, string> = {
  signs: 'Signs that a trigger is happening',
  signal: 'What the hurt partner will say or do',
  response: 'What the involved partner will do',
  timeOut: 'If it gets too heated',
  afterwards: 'After it passes',
};

const fieldsOf = (sections: TPlanSections) =>
  PLAN_SECTIONS.map((key) => ({ label: SECTION_NAMES[key], text: sections[key] })).filter(
    (field) => field.text.trim() !== '',
  );

const byLine = (writer: { name: string; mine: boolean }) =>
  `Last changed by ${writer.mine ? 'you' : writer.name}`;

export async function triggerPlanExportPart(
  db: Database,
  actor: SignedInActor,
): Promise<TExportSection> {
  const section: TExportSection = { key: 'triggerPlans', heading: 'Our trigger plan', entries: [] };
  if (!isSpaceMember(actor)) return section;
  const { plan, earlier } = await readPlan(db, actor);
  if (plan.id !== null && plan.updatedAt !== null) {
    section.entries.push({
      title: plan.together ? 'Our plan now' : 'My draft of the plan',
      at: plan.updatedAt,
      by: plan.updatedBy ? byLine(plan.updatedBy) : null,
      fields: fieldsOf(plan.sections),
    });
  }
  for (const old of earlier) {
    section.entries.push({
      title: old.solo ? 'An earlier draft of mine' : 'An earlier plan',
      at: old.updatedAt,
      by: byLine(old.updatedBy),
      fields: fieldsOf(old.sections),
    });
  }
  return section;
}
