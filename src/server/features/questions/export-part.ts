import { and, asc, eq } from 'drizzle-orm';
import type { TExportSection } from '#shared/schemas/my-data.ts';
import type { Database } from '#server/db/index.ts';
import { questionAnswers, questions } from '#server/db/schema/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { visibleItems } from '#server/policy/rules.ts';

/**
 * The question queue's part of "download my data": the questions I wrote (drafts too) and those
 * released to me, each with every answer version, read through the same visibility rule as the
 * page, so a partner's draft never appears.
 */
export async function questionsExportPart(
  db: Database,
  actor: SignedInActor,
): Promise<TExportSection> {
  const section: TExportSection = {
    key: 'questions',
    heading: 'Questions and answers',
    entries: [],
  };
  const rows = await db
    .select({ question: questions, answer: questionAnswers })
    .from(questions)
    .leftJoin(questionAnswers, eq(questionAnswers.questionId, questions.id))
    .where(and(visibleItems(actor, questions)))
    .orderBy(asc(questions.sortAt), asc(questions.id), asc(questionAnswers.version));
  const byId = new Map<string, TExportSection['entries'][number]>();
  for (const { question, answer } of rows) {
    let entry = byId.get(question.id);
    if (!entry) {
      const mine = question.authorId === actor.userId;
      entry = {
        title: mine
          ? question.sharedAt
            ? 'A question I asked'
            : 'A question I have not released'
          : 'A question I was asked',
        at: (question.sharedAt ?? question.createdAt).toISOString(),
        by: null,
        fields: [{ label: 'Question', text: question.body }],
      };
      byId.set(question.id, entry);
      section.entries.push(entry);
    }
    if (answer) {
      entry.fields.push({
        label: `Answer, version ${answer.version} (${answer.createdAt.toISOString()})`,
        text: answer.body,
      });
    }
  }
  return section;
}
