import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, pageOf } from '../../../contracts/common';
import { outboxMessageSchema, outboxQuerySchema } from '../../../contracts/outbox';
import { adminOnly } from '../../http/access';
import { staffCtx } from '../../http/ctx';
import { listOutbox } from './list-outbox';

/** @public */
export function outboxRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/console/outbox',
    {
      schema: {
        tags: ['outbox'],
        summary:
          'Outgoing SMS and emails with their delivery status, newest first (admin); one-time codes hidden outside demo mode; audited',
        querystring: outboxQuerySchema,
        response: { 200: pageOf(outboxMessageSchema), ...errorResponses(400, 401, 403) },
      },
      config: { access: adminOnly },
    },
    async (request) => listOutbox(staffCtx(request), request.query),
  );
}
