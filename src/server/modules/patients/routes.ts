import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common';
import { idField } from '../../../contracts/fields';
import {
  patientBody,
  patientDetailSchema,
  patientHistorySchema,
  patientSearchQuery,
  patientSummaryPageSchema,
} from '../../../contracts/patients';
import { anyStaff } from '../../http/access';
import { staffCtx } from '../../http/ctx';
import { getPatient } from './get-patient';
import { patientHistory } from './patient-history';
import { savePatient } from './save-patient';
import { searchPatients } from './search-patients';

const tags = ['patients'];
const byId = z.object({ patientId: idField });

/** @public */
export function patientRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/console/patients',
    {
      schema: {
        tags,
        summary:
          'Search patients by name, first name, phone, email or birth date (accent- and typo-tolerant)',
        querystring: patientSearchQuery,
        response: {
          200: patientSummaryPageSchema,
          ...errorResponses(400, 401),
        },
      },
      config: { access: anyStaff },
    },
    async (request) => searchPatients(staffCtx(request), request.query),
  );

  r.post(
    '/api/console/patients',
    {
      schema: {
        tags,
        summary:
          'Create a patient file (409 CONFIRMATION_REQUIRED when a file with the same names and birth date exists)',
        body: patientBody,
        response: { 201: patientDetailSchema, ...errorResponses(400, 401, 409) },
      },
      config: { access: anyStaff },
    },
    async (request, reply) => {
      const ctx = staffCtx(request);
      const id = await savePatient(ctx, null, request.body);
      return reply.status(201).send(await getPatient(ctx, id));
    },
  );

  r.get(
    '/api/console/patients/:patientId',
    {
      schema: {
        tags,
        summary: 'A patient file with responsables and dependants (audited)',
        params: byId,
        response: { 200: patientDetailSchema, ...errorResponses(400, 401, 404) },
      },
      config: { access: anyStaff },
    },
    async (request) => getPatient(staffCtx(request), request.params.patientId),
  );

  r.put(
    '/api/console/patients/:patientId',
    {
      schema: {
        tags,
        summary: 'Update a patient file',
        params: byId,
        body: patientBody,
        response: { 200: patientDetailSchema, ...errorResponses(400, 401, 404, 409) },
      },
      config: { access: anyStaff },
    },
    async (request) => {
      const ctx = staffCtx(request);
      await savePatient(ctx, request.params.patientId, request.body);
      return getPatient(ctx, request.params.patientId);
    },
  );

  r.get(
    '/api/console/patients/:patientId/appointments',
    {
      schema: {
        tags,
        summary: 'A patient’s appointments with the counts by status (PAT-4)',
        params: byId,
        response: { 200: patientHistorySchema, ...errorResponses(400, 401, 404) },
      },
      config: { access: anyStaff },
    },
    async (request) => patientHistory(staffCtx(request), request.params.patientId),
  );
}
