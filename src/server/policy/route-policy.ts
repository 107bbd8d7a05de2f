import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError, notFound } from '#shared/errors.ts';
import { ANONYMOUS, type Actor } from './actor';
import type { Action } from './rules';

/**
 * Every route declares who may call it. The declaration lives on the route itself
 * (`config.policy`); this module keeps the registry, refuses to start with an undeclared
 * route, and enforces the declaration before the handler runs.
 */
export type RouteAccess =
  /** Anyone, signed in or not (landing assets, sign-in, health). */
  | 'public'
  /** A signed-in person; anonymous callers get 401. */
  | 'signed-in'
  /** A signed-in person with an active space; others get 404 as if the space did not exist. */
  | 'space-member'
  /** A signed-in therapist account; everyone else gets 404. Which couples is decided per query. */
  | 'therapist';

export interface RoutePolicy {
  access: RouteAccess;
  /** What the route touches, for the authorization matrix and the docs. */
  resource: string;
  action: Action | 'none';
  /** Answers while the session is locked after a pause (who am I, step-up, the lock itself). */
  whileLocked?: true;
}

/** The answer of every other route while the session is locked after a pause. */
export const LOCKED_MESSAGE =
  'This device was idle, so your private areas are locked. Please confirm it is you to go on.';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

export function policy(
  access: RouteAccess,
  resource: string,
  action: Action | 'none',
  options: { whileLocked?: true } = {},
): RoutePolicy {
  return { access, resource, action, ...options };
}

export interface RegisteredRoute {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
}

export type ActorResolver = (request: FastifyRequest) => Promise<Actor>;

export class RoutePolicyRegistry {
  readonly routes: RegisteredRoute[] = [];

  undeclared(): RegisteredRoute[] {
    return this.routes.filter((route) => route.policy === undefined);
  }
}

function methodsOf(route: RouteOptions): string[] {
  return Array.isArray(route.method) ? route.method : [route.method];
}

/**
 * Routes registered by third-party plugins (static files, API docs) cannot carry our config, so
 * the plugin is registered inside a scope that stamps a policy on each of its routes.
 */
export function stampPolicyOnPluginRoutes(scope: FastifyInstance, routePolicy: RoutePolicy): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), policy: route.config?.policy ?? routePolicy };
  });
}

export function registerRoutePolicies(
  app: FastifyInstance,
  resolveActor: ActorResolver,
): RoutePolicyRegistry {
  const registry = new RoutePolicyRegistry();
  // Fastify wants a primitive default for request decorators; every request gets ANONYMOUS below.
  app.decorateRequest('actor', null as never);

  app.addHook('onRoute', (route) => {
    for (const method of methodsOf(route)) {
      // Read lazily: a plugin scope's own onRoute hook stamps its policy after this one runs.
      registry.routes.push({
        method,
        url: route.url,
        get policy() {
          return route.config?.policy;
        },
      });
    }
  });

  app.addHook('onReady', async () => {
    const missing = registry.undeclared();
    if (missing.length > 0) {
      const list = missing.map((r) => `${r.method} ${r.url}`).join(', ');
      throw new Error(
        `Routes without a declared access policy: ${list}. Add config.policy to each.`,
      );
    }
  });

  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
    const declared = request.routeOptions.config.policy;
    // The 404 handler has no policy and serves no data; every real route has one (checked above).
    if (!declared) {
      if (request.is404) return;
      throw notFound();
    }
    if (declared.access === 'public') return;
    request.actor = await resolveActor(request);
    if (request.actor.kind === 'anonymous') {
      throw new AppError('unauthenticated', 'Please sign in to continue.');
    }
    if (request.actor.locked && !declared.whileLocked) throw new AppError('locked', LOCKED_MESSAGE);
    if (declared.access === 'space-member' && request.actor.space === null) throw notFound();
    if (declared.access === 'therapist' && request.actor.therapist === null) throw notFound();
  });

  return registry;
}
