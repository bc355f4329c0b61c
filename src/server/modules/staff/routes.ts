import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common';
import { inviteStaffBody, staffMemberSchema } from '../../../contracts/staff';
import { adminOnly } from '../../http/access';
import { staffCtx } from '../../http/ctx';
import { inviteStaff } from './invite-staff';
import { listStaff } from './list-staff';

const tags = ['staff'];

export function staffRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/console/staff',
    {
      schema: {
        tags,
        summary: 'The practice’s staff (admin)',
        response: { 200: z.object({ items: z.array(staffMemberSchema) }), ...errorResponses(401, 403) },
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
        response: { 201: z.object({ staffId: z.uuid() }), ...errorResponses(400, 401, 403) },
      },
      config: { access: adminOnly },
    },
    async (request, reply) => reply.status(201).send(await inviteStaff(staffCtx(request), request.body)),
  );
}
