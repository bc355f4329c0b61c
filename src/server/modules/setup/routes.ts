import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import { firstAdminBody, setupInfoSchema, setupInspectBody } from '../../../contracts/setup';
import { staffMeSchema } from '../../../contracts/staff-auth';
import { publicAccess } from '../../http/access';
import { setSessionCookie, staffCtxFor, userAgent } from '../../http/ctx';
import { sessionCookies } from '../auth/sessions';
import { getStaffMe } from '../staff-auth/get-staff-me';
import { completeSetup, inspectSetupLink } from './complete-setup';

const tags = ['first start'];

/**
 * The first-administrator link of a fresh install (`/console/setup#<token>`): public, but every call
 * needs the token printed at start-up, and nothing works once a practice exists.
 * @public
 */
export function setupRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/setup/inspect',
    {
      schema: {
        tags,
        summary: 'Whether the first-administrator link still works (the token travels in the body)',
        body: setupInspectBody,
        response: { 200: setupInfoSchema, ...errorResponses(400, 410, 429) },
      },
      config: { access: publicAccess },
    },
    async (request) => inspectSetupLink(app.deps, request.body.token, request.ip),
  );

  r.post(
    '/api/setup',
    {
      schema: {
        tags,
        summary: 'Create the practice and its first administrator from the one-time link; signs in',
        body: firstAdminBody,
        response: { 200: staffMeSchema, ...errorResponses(400, 410, 429) },
      },
      config: { access: publicAccess },
    },
    async (request, reply) => {
      const session = await completeSetup(app.deps, {
        ...request.body,
        ip: request.ip,
        userAgent: userAgent(request),
        requestId: request.id,
      });
      setSessionCookie(request, reply, sessionCookies.staff, session.token, session.expiresAt);
      return getStaffMe(staffCtxFor(request, session.member), false);
    },
  );
}
