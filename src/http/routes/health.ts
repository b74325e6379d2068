import { z } from 'zod';
import type { App, RouteContext } from '../app.ts';

const Health = z.object({ status: z.literal('ok') });
const Ready = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['ok', 'unreachable']),
  backend: z.enum(['pglite', 'postgres']),
  pendingMigrations: z.array(z.string()),
});

export function healthRoutes(app: App, { services }: RouteContext) {
  app.get(
    '/healthz',
    {
      schema: { tags: ['health'], summary: 'The process is up', response: { 200: Health } },
      logLevel: 'warn',
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'The database is reachable and every migration is applied',
        response: { 200: Ready, 503: Ready },
      },
      logLevel: 'warn',
    },
    async (_req, reply) => {
      const r = await services.health.readiness();
      return reply.code(r.status === 'ok' ? 200 : 503).send(r);
    },
  );
}
