import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthSchema } from '../../../contracts/health';
import { publicAccess } from '../../http/access';

/** @public */
export function healthRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['service'],
        summary: 'Service health: database reachability and migration state',
        response: { 200: healthSchema, 503: healthSchema },
      },
      config: { access: publicAccess },
    },
    async (_request, reply) => {
      const deps = app.deps;
      const reachable = await deps.db
        .execute(sql`select 1`)
        .then(() => true)
        .catch(() => false);
      const state = reachable ? await deps.migrationState() : { applied: 0, expected: 0 };
      const upToDate = reachable && state.applied === state.expected;
      const body = {
        status: upToDate ? ('ok' as const) : ('degraded' as const),
        database: { kind: deps.dbKind, reachable, migrations: { ...state, upToDate } },
        uptimeSeconds: Math.round(process.uptime()),
      };
      return reply.status(upToDate ? 200 : 503).send(body);
    },
  );
}
