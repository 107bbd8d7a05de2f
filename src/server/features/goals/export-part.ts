import { asc } from 'drizzle-orm';
import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { Database } from '#server/db/index.ts';
import { progressReviewAnswers } from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { isSpaceMember, ownRows } from '#server/policy/rules.ts';
import { listGoals, listHardDates } from './service';

/**
 * Goals' part of "download my data": the goals and hard dates I may read (as the page reads them),
 * and every answer I wrote in a progress review, finished or not. My partner's answers stay
 * theirs: they are in their own export.
 */
const by = (writer: { name: string; mine: boolean }) =>
  `Last changed by ${writer.mine ? 'you' : writer.name}`;

const filled = (fields: { label: string; text: string }[]) =>
  fields.filter((field) => field.text.trim() !== '');

export async function goalsExportPart(db: Database, actor: SignedInActor): Promise<TExportSection> {
  const section: TExportSection = {
    key: 'goals',
    heading: 'Goals, hard dates and progress reviews',
    entries: [],
  };
  if (isSpaceMember(actor)) {
    const [goals, dates] = await Promise.all([listGoals(db, actor), listHardDates(db, actor)]);
    for (const goal of goals) {
      section.entries.push({
        title: `Goal: ${goal.title}`,
        at: goal.updatedAt,
        by: by(goal.updatedBy),
        fields: filled([
          { label: 'Why it matters', text: goal.why },
          { label: 'Date to aim for', text: goal.targetOn ?? '' },
          ...goal.milestones.map((step) => ({
            label: step.reachedOn ? `Step (reached ${step.reachedOn})` : 'Step',
            text: step.title,
          })),
        ]),
      });
    }
    for (const date of dates) {
      section.entries.push({
        title: `Hard date: ${date.title}`,
        at: date.updatedAt,
        by: by(date.updatedBy),
        fields: filled([
          { label: date.yearly ? 'Every year, first on' : 'On', text: date.day },
          ...date.parts.map((part) => ({
            label: part.mine ? 'What I will do' : `What ${part.name} will do`,
            text: part.plan,
          })),
        ]),
      });
    }
  }
  const answers = await db
    .select()
    .from(progressReviewAnswers)
    .where(ownRows(actor, progressReviewAnswers.userId))
    .orderBy(asc(progressReviewAnswers.updatedAt));
  for (const row of answers) {
    section.entries.push({
      title: `My progress review, round ${row.round}${row.finishedAt ? '' : ' (not finished)'}`,
      at: row.updatedAt.toISOString(),
      by: null,
      fields: filled([
        { label: 'What has grown between us', text: row.grown },
        { label: 'What still hurts', text: row.hurts },
        { label: 'What I would like for us next', text: row.next },
      ]),
    });
  }
  return section;
}
