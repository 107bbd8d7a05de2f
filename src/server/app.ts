import '#shared/schemas/zod-setup.ts';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '#shared/errors.ts';
import { registerAuthRoutes } from './auth/routes';
import { registerTwoStepRoutes } from './auth/two-step-routes';
import { registerAccountRoutes } from './features/account/routes';
import { registerAccessLogRoutes } from './features/access-log/routes';
import { registerMyDataRoutes } from './features/my-data/routes';
import { readSessionToken } from './auth/cookie';
import { SessionStore } from './auth/sessions';
import type { Config } from './config';
import type { ServerContext } from './context';
import type { DatabaseHandle } from './db';
import { createMailer, registerEmailJob, type Mailer } from './email';
import { JobWorker } from './jobs';
import { FEATURES } from './manifests';
import { registerInjuryRoutes } from './features/injuries/routes';
import { registerGuideRoutes } from './features/guide/routes';
import { registerImpactLetterRoutes } from './features/impact-letter/routes';
import { registerApologyRoutes } from './features/apology/routes';
import { registerCheckinRoutes } from './features/checkins/routes';
import { registerCommentRoutes } from './features/comments/routes';
import { registerInviteRoutes } from './features/invites/routes';
import { registerSafetyRoutes } from './features/safety/routes';
import { registerSafetyScreenRoutes } from './features/safety-screen/routes';
import { loadMeasures } from './features/measures/load';
import { registerMeasureRoutes } from './features/measures/routes';
import { registerMessageRoutes } from './features/messages/routes';
import { loadProgram } from './features/program/content';
import { registerProgramRoutes } from './features/program/routes';
import { registerProgressRoutes } from './features/progress/routes';
import { loadProgramState, suggestNext } from './features/program/service';
import { registerTodayRoutes } from './features/today/routes';
import { registerSessionPrepRoutes } from './features/session-prep/routes';
import { registerPracticeRoutes } from './features/practice/routes';
import { registerSpaceRoutes } from './features/space/routes';
import { registerTherapistRoutes } from './features/therapist/routes';
import { registerTriggerRoutes } from './features/triggers/routes';
import { registerAgreementRoutes } from './features/agreements/routes';
import { registerTransparencyRoutes } from './features/transparency/routes';
import { registerReconnectingRoutes } from './features/reconnecting/routes';
import { registerNotificationRoutes } from './features/notifications/routes';
import { registerQuestionRoutes } from './features/questions/routes';
import { registerGoalRoutes } from './features/goals/routes';
import { registerHardDateJob } from './features/goals/reminders';
import { LiveHub } from './events/live';
import { registerNotificationEmailJob } from './events/notification-email';
import { registerApiDocs } from './http/api-docs';
import { registerCrisisPhraseCheck } from './http/crisis-phrases';
import { registerCsrfCheck } from './http/csrf';
import { registerErrorHandling } from './http/errors';
import { clientErrorHandler, frameworkErrorHandler } from './http/framework-errors';
import { registerHostCheck } from './http/host-check';
import { registerJsonBodyParser } from './http/json-body';
import { registerSecurityHeaders } from './http/security-headers';
import { registerWebApp } from './http/web';
import { registerDisclosureRoutes } from './features/disclosures/routes';
import { registerListeningRoutes } from './features/listening/routes';
import { registerContactLogRoutes } from './features/contact-log/routes';
import { registerForgivenessRoutes } from './features/forgiveness/routes';
import { registerDecisionRoutes } from './features/decision/routes';
import { registerMeaningRoutes } from './features/meaning/routes';
import { policy, registerRoutePolicies, type RoutePolicyRegistry } from './policy/route-policy';

export interface BuildAppOptions {
  config: Config;
  database: DatabaseHandle;
  /** From createLogger(); tests pass one that writes to a buffer. */
  logger: FastifyBaseLogger;
  /** Serve the built web app (off for API-only tests). */
  serveWeb?: boolean;
  /** Where measure definitions live (`content/measures` by default; tests try a broken one). */
  measuresDir?: string;
}

export interface App {
  app: FastifyInstance;
  routePolicies: RoutePolicyRegistry;
  /** The outbox worker: `main` starts its loop; tests call `drain()`. Stopped when the app closes. */
  jobs: JobWorker;
  mailer: Mailer;
  /** This process's open event streams (issue 12). */
  live: LiveHub;
}

/** 64 KiB is plenty for any form in the app; larger bodies get a 413. */
const BODY_LIMIT_BYTES = 64 * 1024;

export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { config, database } = options;
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Fastify also accepts a hop count here, though its types list only strings and booleans.
    trustProxy: config.trustProxy as boolean | string,
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler(config),
    clientErrorHandler: clientErrorHandler(config),
  });
  // The API speaks JSON only; any other body type gets a clear 415 instead of a confusing 400.
  app.removeContentTypeParser('text/plain');
  registerJsonBodyParser(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const mailer = createMailer(config);
  const jobs = new JobWorker(database.db, { logger: options.logger, leaseMs: config.jobLeaseMs });
  registerEmailJob(jobs, mailer);
  registerNotificationEmailJob(jobs, { db: database.db, mailer, origin: config.publicUrl.origin });
  const sessions = new SessionStore(database.db, {
    idleMs: config.sessionIdleMs,
    maxMs: config.sessionMaxMs,
  });
  const live = new LiveHub(database, {
    logger: options.logger,
    liveSessions: async (ids) => new Set(await sessions.liveAmong(ids)),
  });
  const ctx: ServerContext = {
    config,
    db: database.db,
    sessions,
    jobs,
    mailer,
    features: FEATURES,
    live,
  };
  // Before the server waits for open connections: the streams end here, or it would wait forever.
  app.addHook('preClose', async () => live.stop());
  app.addHook('onClose', async () => {
    await jobs.stop();
    await mailer.close();
  });

  registerErrorHandling(app);
  registerSecurityHeaders(app, config);
  registerHostCheck(app, config);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  registerCsrfCheck(app, config);
  registerCrisisPhraseCheck(app);
  const routePolicies = registerRoutePolicies(app, (request) =>
    ctx.sessions.resolveActor(readSessionToken(request, config)),
  );
  await registerApiDocs(app, { docsPage: config.apiDocs });

  app.get(
    '/api/ping',
    {
      schema: { hide: true, response: { 200: z.object({ ok: z.literal(true) }) } },
      config: { policy: policy('public', 'health', 'none') },
    },
    async () => ({ ok: true as const }),
  );
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Is the server and its database answering',
        response: {
          200: z.object({ ok: z.literal(true), database: z.enum(['pglite', 'postgres']) }),
        },
      },
      config: { policy: policy('public', 'health', 'none') },
    },
    async () => {
      await database.ping().catch(() => {
        throw new AppError(
          'unavailable',
          'The database is not answering right now. Please try again shortly.',
        );
      });
      return { ok: true as const, database: database.engine };
    },
  );

  registerAuthRoutes(app, ctx);
  registerTwoStepRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerMyDataRoutes(app, ctx);
  registerSpaceRoutes(app, ctx);
  registerInviteRoutes(app, ctx);
  registerSafetyRoutes(app, ctx);
  registerTherapistRoutes(app, ctx);
  registerSafetyScreenRoutes(app, ctx);
  const measures = loadMeasures(options.measuresDir);
  registerMeasureRoutes(app, ctx, { registry: measures });
  registerInjuryRoutes(app, ctx);
  const program = loadProgram();
  registerProgramRoutes(app, ctx, program);
  registerProgressRoutes(app, ctx);
  // The shell composes: the today screen shows the program's own next suggestion.
  registerTodayRoutes(app, ctx, {
    nextStep: async (db, actor, settled) => {
      const state = await loadProgramState(db, actor, FEATURES.queries);
      // What today knows is done or resting counts as time spent, for this suggestion only.
      for (const exercise of program.exercises) {
        if (settled(exercise)) state.marks.set(exercise.key, 'spent_time');
      }
      const [first] = suggestNext(program, state);
      const exercise = first && program.exerciseByKey.get(first.exerciseKey);
      if (!first || !exercise) return null;
      const { key, title, path, why } = exercise;
      return { key, title, path, why, reason: first.reason };
    },
  });
  const guide = registerGuideRoutes(app, ctx);
  registerImpactLetterRoutes(app, ctx);
  registerTriggerRoutes(app, ctx);
  registerCheckinRoutes(app, ctx);
  registerAccessLogRoutes(app, ctx);
  registerCommentRoutes(app, ctx);
  registerMessageRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerQuestionRoutes(app, ctx);
  registerApologyRoutes(app, ctx);
  registerDisclosureRoutes(app, ctx);
  registerListeningRoutes(app, ctx);
  registerAgreementRoutes(app, ctx);
  registerTransparencyRoutes(app, ctx);
  registerReconnectingRoutes(app, ctx);
  registerContactLogRoutes(app, ctx);
  registerForgivenessRoutes(app, ctx);
  registerDecisionRoutes(app, ctx);
  registerGoalRoutes(app, ctx);
  registerHardDateJob(jobs, database.db);
  // Session prep prints weekly check-ins in their own words, from the measures loaded above.
  const measureWords = new Map(
    measures.all.map((m) => [
      m.id,
      {
        title: m.title,
        scales: new Map(
          [m.total, ...m.subscales].map((scale) => [
            scale.id,
            { title: scale.title, bands: new Map(scale.bands.map((b) => [b.id, b.label])) },
          ]),
        ),
      },
    ]),
  );
  registerSessionPrepRoutes(app, ctx, measureWords);
  // The therapist's workspace suggests exercises of this program and reads weekly check-ins too.
  registerPracticeRoutes(app, ctx, {
    exercises: program.exercises.map(({ key, title }) => ({ key, title })),
    measureWords,
  });
  registerMeaningRoutes(app, ctx);

  if (options.serveWeb ?? true) await registerWebApp(app, config, { pages: guide.pages });
  else
    app.setNotFoundHandler(async (_request, reply) => reply.status(404).send(notFound().toBody()));

  await app.ready();
  return { app, routePolicies, jobs, mailer, live };
}
