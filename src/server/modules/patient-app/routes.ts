import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, okSchema } from '../../../contracts/common';
import { idField } from '../../../contracts/fields';
import {
  deviceListSchema,
  patientAppointmentPageSchema,
  patientAppointmentsQuery,
  patientBookingGrantSchema,
  patientHomeSchema,
  patientPracticeSchema,
} from '../../../contracts/patient-app';
import { patientAccess } from '../../http/access';
import { patientCtx } from '../../http/ctx';
import { createAppBookingGrant } from './create-app-booking-grant';
import { listDevices, revokeDevice } from './devices';
import { getPatientHome } from './get-patient-home';
import { getPatientPractice } from './get-patient-practice';
import { listPatientAppointments } from './list-patient-appointments';

const tags = ['patient app'];

/** @public */
export function patientAppRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/patient/home',
    {
      schema: {
        tags,
        summary:
          'Home: for the whole family, the next appointment, unread messages and documents to sign; the modules switched on',
        response: { 200: patientHomeSchema, ...errorResponses(401) },
      },
      config: { access: patientAccess },
    },
    async (request) => getPatientHome(patientCtx(request)),
  );

  r.get(
    '/api/patient/appointments',
    {
      schema: {
        tags,
        summary:
          'Appointments of one family member: upcoming (ascending) or the whole history; each with its manage token',
        querystring: patientAppointmentsQuery,
        response: { 200: patientAppointmentPageSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: patientAccess, module: 'appointments' },
    },
    async (request) => listPatientAppointments(patientCtx(request), request.query),
  );

  r.post(
    '/api/patient/booking-grant',
    {
      schema: {
        tags,
        summary: 'A booking token for the online booking routes, for the signed-in family (no new SMS code)',
        response: { 200: patientBookingGrantSchema, ...errorResponses(401, 403) },
      },
      config: { access: patientAccess, module: 'appointments' },
    },
    async (request) => createAppBookingGrant(patientCtx(request)),
  );

  r.get(
    '/api/patient/practice',
    {
      schema: {
        tags,
        summary: 'My practice: name, address and map link, email, phone, opening hours, locations',
        response: { 200: patientPracticeSchema, ...errorResponses(401) },
      },
      config: { access: patientAccess },
    },
    async (request) => getPatientPractice(patientCtx(request)),
  );

  r.get(
    '/api/patient/devices',
    {
      schema: {
        tags,
        summary: 'Devices signed in to the app with this phone (`current`: this one)',
        response: { 200: deviceListSchema, ...errorResponses(401) },
      },
      config: { access: patientAccess },
    },
    async (request) => listDevices(patientCtx(request)),
  );

  r.delete(
    '/api/patient/devices/:id',
    {
      schema: {
        tags,
        summary: 'Sign a device out; its next request answers 401',
        params: z.object({ id: idField }),
        response: { 200: okSchema, ...errorResponses(400, 401, 404) },
      },
      config: { access: patientAccess },
    },
    async (request) => {
      await revokeDevice(patientCtx(request), request.params.id);
      return { ok: true as const };
    },
  );
}
