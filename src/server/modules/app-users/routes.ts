import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import { appUserPageSchema, appUserQuery } from '../../../contracts/patient-app';
import { anyStaff } from '../../http/access';
import { staffCtx } from '../../http/ctx';
import { listAppUsers } from './list-app-users';

/** @public */
export function appUserRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/console/app-users',
    {
      schema: {
        tags: ['patients'],
        summary:
          'Patients who use the app (their phone or a responsable’s signed in), last connection first; audited',
        querystring: appUserQuery,
        response: { 200: appUserPageSchema, ...errorResponses(400, 401) },
      },
      config: { access: anyStaff },
    },
    async (request) => listAppUsers(staffCtx(request), request.query),
  );
}
