import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '#shared/errors.ts';
import { ZScreenResult, ZScreenSubmission, ZScreenView } from '#shared/schemas/safety-screen.ts';
import type { ServerContext } from '#server/context.ts';
import { requireSignedIn } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { loadSafetyScreen, type SafetyScreen } from './questions';
import { readMyScreen, recordScreen } from './service';

/**
 * The private safety screen. Anyone signed in may take it, any number of times (a therapist too:
 * it records only that they took it, and they have no space to pause). The answers are read once
 * to decide the result and then dropped; neither they nor the result are stored or logged.
 */
export function registerSafetyScreenRoutes(
  root: FastifyInstance,
  ctx: ServerContext,
  screen: SafetyScreen = loadSafetyScreen(),
): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { questions, answers } = screen.definition;
  const publicQuestions = questions.map(({ id, text, hint }) => ({
    id,
    text,
    ...(hint ? { hint } : {}),
  }));
  const known = new Set(questions.map((q) => q.id));
  const numberOf = new Map(questions.map((q, index) => [q.id, index + 1]));

  app.get(
    '/api/safety-screen',
    {
      schema: {
        tags: ['safety-screen'],
        summary: 'The private safety screen’s questions, and when I last took it',
        response: { 200: ZScreenView },
      },
      config: { policy: policy('signed-in', 'safety-screen', 'read') },
    },
    async (request) => {
      const takenAt = await readMyScreen(ctx.db, requireSignedIn(request.actor));
      return { questions: publicQuestions, answers, takenAt: takenAt?.toISOString() ?? null };
    },
  );

  app.post(
    '/api/safety-screen',
    {
      schema: {
        tags: ['safety-screen'],
        summary: 'Take the private safety screen (the answers are never stored)',
        body: ZScreenSubmission,
        response: { 200: ZScreenResult },
      },
      config: { policy: policy('signed-in', 'safety-screen', 'update') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      const given = request.body.answers;
      const fields: Record<string, string> = {};
      for (const id of known) {
        if (given[id] === undefined)
          fields[`answers.${id}`] =
            `Please choose an answer to question ${numberOf.get(id)}. “I’d rather not say” is always fine.`;
      }
      for (const id of Object.keys(given)) {
        if (!known.has(id)) fields[`answers.${id}`] = 'There is no question with this id.';
      }
      if (Object.keys(fields).length > 0) {
        throw new AppError(
          'validation_failed',
          'Some questions still need an answer. The fields below say which.',
          fields,
        );
      }
      const result = screen.resultOf(given);
      const { takenAt, paused } = await recordScreen(ctx.db, actor, result);
      return { result, takenAt: takenAt.toISOString(), paused };
    },
  );
}
