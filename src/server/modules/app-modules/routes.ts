import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import { appModulesSchema } from '../../../contracts/patient-app';
import { adminOnly, anyStaff } from '../../http/access';
import { staffCtx } from '../../http/ctx';
import { getAppModules } from './app-modules';
import { updateAppModules } from './update-app-modules';

const tags = ['settings'];

/** @public */
export function appModuleRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/console/settings/modules',
    {
      schema: {
        tags,
        summary: 'The patient app’s module switches (SET-8)',
        response: { 200: appModulesSchema, ...errorResponses(401) },
      },
      config: { access: anyStaff },
    },
    async (request) => {
      const ctx = staffCtx(request);
      return getAppModules(ctx.db, ctx.practiceId);
    },
  );

  r.put(
    '/api/console/settings/modules',
    {
      schema: {
        tags,
        summary: 'Switch modules of the patient app on or off (admin); every field is required',
        body: appModulesSchema,
        response: { 200: appModulesSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: adminOnly },
    },
    async (request) => updateAppModules(staffCtx(request), request.body),
  );
}
