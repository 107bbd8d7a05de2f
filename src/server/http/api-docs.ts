import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { policy, stampPolicyOnPluginRoutes } from '#server/policy/route-policy.ts';

/**
 * OpenAPI generated from the same zod schemas the routes validate with, at /api/openapi.json;
 * the interactive docs page at /api/docs only when `docsPage` is on (config.apiDocs), because
 * that page replaces the app's CSP with a looser one of its own.
 */
export async function registerApiDocs(
  app: FastifyInstance,
  { docsPage }: { docsPage: boolean },
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Healing Hearts API',
        version: '0.1.0',
        description: 'Every error has the shape { error: { code, message, fields? } }.',
      },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(async (scope) => {
    stampPolicyOnPluginRoutes(scope, policy('public', 'api-docs', 'read'));
    if (docsPage) await scope.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    scope.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  });
}
