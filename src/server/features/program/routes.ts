import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZMarkBody,
  ZMarkParams,
  ZPhaseBody,
  ZProgramView,
  type TProgramView,
} from '#shared/schemas/program.ts';
import type { ServerContext } from '#server/context.ts';
import type { SignedInActor } from '#server/policy/actor.ts';
import { requireSignedIn, requireSpaceMember } from '#server/policy/require.ts';
import { policy } from '#server/policy/route-policy.ts';
import { loadProgram, type Program } from './content';
import {
  buildView,
  chooseReady,
  loadProgramState,
  setMark,
  stepBack,
  withdrawReady,
} from './service';

/**
 * The program map. The definition is read from content/program/program.yaml once, here, when the
 * app is built; a bad file stops the start (see content.ts).
 */
export function registerProgramRoutes(
  root: FastifyInstance,
  ctx: ServerContext,
  program: Program = loadProgram(),
): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['program'];
  const view = async (actor: SignedInActor): Promise<TProgramView> =>
    buildView(program, await loadProgramState(ctx.db, actor, ctx.features.queries));

  app.get(
    '/api/program',
    {
      schema: {
        tags,
        summary: 'The program map as I see it: phases, my marks, the pace, what to try next',
        response: { 200: ZProgramView },
      },
      config: { policy: policy('signed-in', 'program', 'read') },
    },
    async (request) => view(requireSignedIn(request.actor)),
  );

  app.put(
    '/api/program/marks/:key',
    {
      schema: {
        tags,
        summary: 'Mark an exercise for myself (private), or clear the mark with null',
        params: ZMarkParams,
        body: ZMarkBody,
        response: { 200: ZProgramView },
      },
      config: { policy: policy('signed-in', 'program-mark', 'update') },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      await setMark(ctx.db, program, actor, request.params.key, request.body.mark);
      return view(actor);
    },
  );

  app.post(
    '/api/program/pace/ready',
    {
      schema: {
        tags,
        summary: 'I am ready to go on to this phase (it opens when we both are; joint work)',
        body: ZPhaseBody,
        response: { 200: ZProgramView },
      },
      config: { policy: policy('space-member', 'program-pace', 'update') },
    },
    async (request) => {
      const actor = requireSpaceMember(request.actor);
      await chooseReady(ctx.db, actor, request.body.phase);
      return view(actor);
    },
  );

  app.delete(
    '/api/program/pace/ready',
    {
      schema: {
        tags,
        summary: 'Take back my choice to go on',
        response: { 200: ZProgramView },
      },
      config: { policy: policy('space-member', 'program-pace', 'update') },
    },
    async (request) => {
      const actor = requireSpaceMember(request.actor);
      await withdrawReady(ctx.db, actor);
      return view(actor);
    },
  );

  app.post(
    '/api/program/pace/step-back',
    {
      schema: {
        tags,
        summary: 'Step the couple back to an earlier phase (no reason asked; clears both choices)',
        body: ZPhaseBody,
        response: { 200: ZProgramView },
      },
      config: { policy: policy('space-member', 'program-pace', 'update') },
    },
    async (request) => {
      const actor = requireSpaceMember(request.actor);
      await stepBack(ctx.db, actor, request.body.phase);
      return view(actor);
    },
  );
}
