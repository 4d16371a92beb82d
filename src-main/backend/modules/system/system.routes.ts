import type { App } from '#main/backend/http/app-type';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import { errorResponses, Envelope } from '#shared/contracts/common';
import { STAFF_ROLES } from '#shared/contracts/roles';
import { HealthSchema, StoreStatusEnvelopeSchema } from '#shared/contracts/system';
import type { SystemService } from './system.service.ts';

export async function systemRoutes(
  app: App,
  { system, guard }: { system: SystemService; guard: AuthGuard },
) {
  // Health is exempt from rate limits: monitors and load balancers poll it.
  const healthRoute = { config: { rateLimit: false as const } };

  app.get(
    '/health',
    {
      ...healthRoute,
      schema: {
        tags: ['system'],
        summary: 'Liveness and readiness: database reachable, migrations current, version',
        response: { 200: HealthSchema, 503: HealthSchema },
      },
    },
    async (_req, reply) => {
      const health = system.health();
      return reply.status(health.status === 'ok' ? 200 : 503).send(health);
    },
  );

  app.get(
    '/api/v1/health',
    {
      ...healthRoute,
      schema: {
        tags: ['system'],
        summary: 'Health in the /api/v1 envelope',
        response: { 200: Envelope(HealthSchema), 503: Envelope(HealthSchema) },
      },
    },
    async (_req, reply) => {
      const health = system.health();
      const code = health.status === 'ok' ? 200 : 503;
      return reply.status(code).send({ status: 'success', code, data: health });
    },
  );

  app.get(
    '/api/v1/status',
    {
      preHandler: guard.required(STAFF_ROLES),
      schema: {
        tags: ['system'],
        summary: 'Store status for the console: health, version, counts (staff)',
        security: bearerSecurity,
        response: { 200: StoreStatusEnvelopeSchema, ...errorResponses(401, 403) },
      },
    },
    async () => ({ status: 'success' as const, code: 200, data: system.status() }),
  );
}
