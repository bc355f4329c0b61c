import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, okSchema } from '../../../contracts/common';
import { invitedStaffSchema, inviteStaffBody, staffListSchema } from '../../../contracts/staff';
import { adminOnly } from '../../http/access';
import { staffCtx } from '../../http/ctx';
import { inviteStaff } from './invite-staff';
import { listStaff } from './list-staff';
import { resetMemberTwoFactor } from './reset-member-two-factor';

const tags = ['staff'];

/** @public */
export function staffRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/console/staff',
    {
      schema: {
        tags,
        summary: 'The practice’s staff (admin)',
        response: { 200: staffListSchema, ...errorResponses(401, 403) },
      },
      config: { access: adminOnly },
    },
    async (request) => ({ items: await listStaff(staffCtx(request)) }),
  );

  r.post(
    '/api/console/staff/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a staff member by email (admin); sends a one-time link to choose a password',
        body: inviteStaffBody,
        response: { 201: invitedStaffSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: adminOnly },
    },
    async (request, reply) => reply.status(201).send(await inviteStaff(staffCtx(request), request.body)),
  );

  r.delete(
    '/api/console/staff/:id/two-factor',
    {
      schema: {
        tags,
        summary:
          'Turn off a member’s two-step sign-in (admin), for a lost phone and lost recovery codes; ends their sessions. Not one’s own (409).',
        params: z.object({ id: z.uuid().describe('The staff member') }),
        response: { 200: okSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: adminOnly },
    },
    async (request) => {
      await resetMemberTwoFactor(staffCtx(request), request.params.id);
      return { ok: true as const };
    },
  );
}
