import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { questionAnswers, questionPace, questions } from '#server/db/schema/index.ts';
import { itemPart, partnerSharedNews, type FeatureManifest } from '#server/policy/manifest.ts';
import { questionsExportPart } from './export-part';

/** The newest answer's text of the branch's `questions` row. */
const latestAnswerText = sql`(select a.body from ${questionAnswers} a
  where a.question_id = ${questions.id} and a.version = ${questions.answerVersion})`;

/**
 * The question queue, as the whole sees it (decision 0058). A released question whose answer the
 * hurt partner marked "let's take this to our therapist" is a shared item of kind `question`, so
 * it reaches both partners' session-prep lists through the shared-items union, dated by the mark.
 * Drafts never do: they are private, and every reader scopes by visibility. Today counts
 * questions released to me; a draft is never news.
 */
export const questionsManifest: FeatureManifest = {
  name: 'questions',
  tables: [questions, questionAnswers, questionPace],
  shareable: [
    {
      kind: 'question',
      title: 'Question for our therapist',
      table: questions,
      therapist: false,
      comments: false,
      branch: ({ where, body }) => sql`select 'question'::text, ${questions.id},
          ${questions.authorId}, ${questions.spaceId}, ${questions.markedAt},
          null::text, null::text, null::timestamptz,
          ${body(sql`json_build_object('question', ${questions.body}, 'answer', ${latestAnswerText})`)}
        from ${questions}
        where ${and(where, isNotNull(questions.sharedAt), eq(questions.mark, 'therapist'))}`,
      present: (row) => {
        const b = row.body ?? {};
        return {
          title: row.title,
          parts: [itemPart('question', b.question), itemPart('answer', b.answer)],
        };
      },
    },
  ],
  news: [partnerSharedNews('question', questions)],
  tests: { canary: 'questions', authz: 'questions' },
  exportPart: questionsExportPart,
};
