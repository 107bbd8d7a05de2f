import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOk } from '#shared/schemas/common.ts';
import { ZSeenBody, ZTodayQuery, ZTodayResponse, type TNextStep } from '#shared/schemas/today.ts';
import type { ServerContext } from '#server/context.ts';
import type { Database } from '#server/db/index.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { requireSignedIn } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { settledExercise, type ExerciseRef } from './next-step';
import { markSeen, readToday } from './service';

export interface TodayDependencies {
  /**
   * The next suggested exercise for this person, in one query, passing over the exercises
   * `settled` says are done or resting. The app shell passes in the program's own suggestion, so
   * this feature never imports the program feature.
   */
  nextStep: (
    db: Database,
    actor: SignedInActor,
    settled: (exercise: ExerciseRef) => boolean,
  ) => Promise<TNextStep | null>;
}

export function registerTodayRoutes(
  root: FastifyInstance,
  ctx: ServerContext,
  deps: TodayDependencies,
): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/today',
    {
      schema: {
        tags: ['today'],
        summary:
          'What matters today: my check-in, what my partner shared since I looked, a next step',
        querystring: ZTodayQuery,
        response: { 200: ZTodayResponse },
      },
      config: { policy: policy('signed-in', 'today', 'read') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      // In turn: what the today statement knows is done decides which suggestion comes first.
      const today = await readToday(ctx.db, actor, request.query.day, ctx.features);
      const next = await deps.nextStep(ctx.db, actor, settledExercise(today.done));
      return { ...today.view, next };
    },
  );

  app.post(
    '/api/today/seen',
    {
      schema: {
        tags: ['today'],
        summary: 'I have looked: what my partner shares after this is new next time',
        body: ZSeenBody,
        response: { 200: ZOk },
      },
      config: { policy: policy('signed-in', 'today', 'update') },
    },
    async (request) => {
      await markSeen(ctx.db, requireSignedIn(request.actor), new Date(request.body.at));
      return { ok: true as const };
    },
  );
}
