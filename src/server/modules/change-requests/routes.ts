import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common';
import { idField } from '../../../contracts/fields';
import {
  acceptChangeRequestBody,
  changeRequestListSchema,
  changeRequestSchema,
  dependantRequestBody,
  infoChangeBody,
  pendingCountSchema,
  rejectChangeRequestBody,
  staffChangeRequestPageSchema,
  staffChangeRequestQuery,
  staffChangeRequestSchema,
} from '../../../contracts/patient-app';
import { type Access, anyStaff, patientAccess } from '../../http/access';
import { patientCtx, staffCtx } from '../../http/ctx';
import { acceptChangeRequest, rejectChangeRequest } from './decide-change-request';
import { countPendingChangeRequests, listChangeRequests } from './list-change-requests';
import { listMyChangeRequests } from './list-my-change-requests';
import { requestDependant } from './request-dependant';
import { requestInfoChange } from './request-info-change';

/** The front desk decides; practitioners may read the queue. */
const frontDesk: Access = { kind: 'staff', roles: ['admin', 'secretary'] };
const byId = z.object({ id: idField });

/** @public */
export function changeRequestRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/patient/patients/:patientId/change-requests',
    {
      schema: {
        tags: ['patient app'],
        summary: 'My info: ask the practice to change a family file (nothing changes until staff accept)',
        params: z.object({ patientId: idField }),
        body: infoChangeBody,
        response: { 201: changeRequestSchema, ...errorResponses(400, 401, 404, 409) },
      },
      config: { access: patientAccess },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await requestInfoChange(patientCtx(request), request.params.patientId, request.body)),
  );

  r.post(
    '/api/patient/dependant-requests',
    {
      schema: {
        tags: ['patient app'],
        summary: 'Family: ask the practice to add a dependant (the practice creates or links the file)',
        body: dependantRequestBody,
        response: { 201: changeRequestSchema, ...errorResponses(400, 401, 409) },
      },
      config: { access: patientAccess },
    },
    async (request, reply) =>
      reply.status(201).send(await requestDependant(patientCtx(request), request.body)),
  );

  r.get(
    '/api/patient/change-requests',
    {
      schema: {
        tags: ['patient app'],
        summary: 'The family’s review requests: pending, and decided in the last 90 days',
        response: { 200: changeRequestListSchema, ...errorResponses(401) },
      },
      config: { access: patientAccess },
    },
    async (request) => listMyChangeRequests(patientCtx(request)),
  );

  r.get(
    '/api/console/change-requests',
    {
      schema: {
        tags: ['patients'],
        summary:
          'Review requests from the app with before/after and possible duplicates (pending: oldest first); audited',
        querystring: staffChangeRequestQuery,
        response: { 200: staffChangeRequestPageSchema, ...errorResponses(400, 401) },
      },
      config: { access: anyStaff },
    },
    async (request) => listChangeRequests(staffCtx(request), request.query),
  );

  r.get(
    '/api/console/change-requests/pending-count',
    {
      schema: {
        tags: ['patients'],
        summary: 'How many review requests wait for a decision (badge)',
        response: { 200: pendingCountSchema, ...errorResponses(401) },
      },
      config: { access: anyStaff, background: true },
    },
    async (request) => countPendingChangeRequests(staffCtx(request)),
  );

  r.post(
    '/api/console/change-requests/:id/accept',
    {
      schema: {
        tags: ['patients'],
        summary:
          'Accept (admin, secretary): apply the changes, or create the dependant (409 CONFIRMATION_REQUIRED on a possible duplicate)',
        params: byId,
        body: acceptChangeRequestBody.nullish(),
        response: { 200: staffChangeRequestSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: frontDesk },
    },
    async (request) => acceptChangeRequest(staffCtx(request), request.params.id, request.body ?? {}),
  );

  r.post(
    '/api/console/change-requests/:id/reject',
    {
      schema: {
        tags: ['patients'],
        summary: 'Reject (admin, secretary) with a reason shown to the patient',
        params: byId,
        body: rejectChangeRequestBody,
        response: { 200: staffChangeRequestSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: frontDesk },
    },
    async (request) => rejectChangeRequest(staffCtx(request), request.params.id, request.body.reason),
  );
}
