import { z } from 'zod';

/** GET /api/health: whether the service can answer (200) or not (503). */
export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']).describe('ok: database reachable and migrated; degraded: not'),
  database: z
    .object({
      kind: z.enum(['pglite', 'postgres']).describe('The database engine in use'),
      reachable: z.boolean().describe('A trivial query succeeded'),
      migrations: z
        .object({
          applied: z.number().int().describe('Migrations applied to the database'),
          expected: z.number().int().describe('Migrations this build ships'),
          upToDate: z.boolean().describe('Every shipped migration is applied'),
        })
        .describe('Migration state'),
    })
    .describe('The database'),
  uptimeSeconds: z.number().int().describe('Seconds since the process started'),
});
