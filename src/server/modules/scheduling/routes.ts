import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, okSchema } from '../../../contracts/common';
import { idField } from '../../../contracts/fields';
import {
  agendaQuerySchema,
  agendaSchema,
  appointmentDetailSchema,
  appointmentSchema,
  cancelAppointmentBody,
  createAppointmentBody,
  setStatusBody,
  slotPageSchema,
  slotQuerySchema,
  undoChangeBody,
  undoChangeResultSchema,
  updateAppointmentBody,
} from '../../../contracts/scheduling';
import { adminOnly, anyStaff } from '../../http/access';
import { staffCtx } from '../../http/ctx';
import { sendServerSentEvents } from '../../http/sse';
import { sessionCookies } from '../auth/sessions';
import { cancelAppointment } from './cancel-appointment';
import { createAppointment } from './create-appointment';
import { deleteAppointment } from './delete-appointment';
import { findStaffSlots } from './find-staff-slots';
import { getAgenda } from './get-agenda';
import { getAppointment } from './get-appointment';
import { setAppointmentStatus } from './set-appointment-status';
import { streamAgendaChanges } from './stream-agenda';
import { undoAppointmentChange } from './undo-appointment-change';
import { updateAppointment } from './update-appointment';
import { parseIdList } from './visibility';

const tags = ['agenda'];
const byId = z.object({ appointmentId: idField });

/** @public */
export function schedulingRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Open event streams end when the server closes, so a graceful shutdown does not wait on them.
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });

  r.get(
    '/api/console/agenda',
    {
      schema: {
        tags,
        summary:
          'Appointments, opening ranges, absences and holidays of some practitioners over a window (≤ 42 days)',
        querystring: agendaQuerySchema,
        response: { 200: agendaSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: anyStaff },
    },
    async (request) => {
      const practitionerIds = parseIdList(request.query.practitionerIds);
      return getAgenda(staffCtx(request), {
        from: request.query.from,
        to: request.query.to,
        ...(practitionerIds ? { practitionerIds } : {}),
      });
    },
  );

  r.get(
    '/api/console/agenda/stream',
    {
      schema: { tags, summary: 'Server-sent events: a line each time an agenda the caller may see changes' },
      config: { access: anyStaff, background: true },
    },
    (request, reply) =>
      sendServerSentEvents(request, reply, streams, (signal) =>
        streamAgendaChanges(staffCtx(request), request.cookies[sessionCookies.staff] ?? '', signal),
      ),
  );

  r.get(
    '/api/console/slots',
    {
      schema: {
        tags,
        summary:
          'Find a slot: free slots of a motif from a date, for practitioners and locations, paged forward',
        querystring: slotQuerySchema,
        response: { 200: slotPageSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: anyStaff },
    },
    async (request) => findStaffSlots(staffCtx(request), request.query),
  );

  r.post(
    '/api/console/appointments',
    {
      schema: {
        tags,
        summary:
          'Book an appointment (409 SLOT_TAKEN on overlap; 409 CONFIRMATION_REQUIRED for another practitioner than the patient’s own)',
        body: createAppointmentBody,
        response: { 201: appointmentSchema, ...errorResponses(400, 401, 403, 409) },
      },
      config: { access: anyStaff },
    },
    async (request, reply) =>
      reply.status(201).send(await createAppointment(staffCtx(request), request.body)),
  );

  r.get(
    '/api/console/appointments/:appointmentId',
    {
      schema: {
        tags,
        summary: 'An appointment with the patient’s contact and its history',
        params: byId,
        response: { 200: appointmentDetailSchema, ...errorResponses(401, 403, 404) },
      },
      config: { access: anyStaff },
    },
    async (request) => getAppointment(staffCtx(request), request.params.appointmentId),
  );

  r.patch(
    '/api/console/appointments/:appointmentId',
    {
      schema: {
        tags,
        summary: 'Move, resize, change practitioner, location, motif, comment or flags',
        params: byId,
        body: updateAppointmentBody,
        response: { 200: appointmentSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: anyStaff },
    },
    async (request) => updateAppointment(staffCtx(request), request.params.appointmentId, request.body),
  );

  r.post(
    '/api/console/appointments/:appointmentId/undo',
    {
      schema: {
        tags,
        summary:
          'Undo a move or resize: put back the former placement; its notice is withdrawn if it has not left, else the patient is told the time put back (409 CONFLICT if changed since, 409 SLOT_TAKEN if the former time was taken)',
        params: byId,
        body: undoChangeBody,
        response: { 200: undoChangeResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: anyStaff },
    },
    async (request) => undoAppointmentChange(staffCtx(request), request.params.appointmentId, request.body),
  );

  r.post(
    '/api/console/appointments/:appointmentId/cancel',
    {
      schema: {
        tags,
        summary:
          'Cancel; a patient’s cancellation is classified excused / not excused (RDV-7) unless overridden',
        params: byId,
        body: cancelAppointmentBody,
        response: { 200: appointmentSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: anyStaff },
    },
    async (request) => cancelAppointment(staffCtx(request), request.params.appointmentId, request.body),
  );

  r.post(
    '/api/console/appointments/:appointmentId/status',
    {
      schema: {
        tags,
        summary: 'Set the status: unknown, waiting room, seen, excused, not excused',
        params: byId,
        body: setStatusBody,
        response: { 200: appointmentSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: anyStaff },
    },
    async (request) =>
      setAppointmentStatus(staffCtx(request), request.params.appointmentId, request.body.status),
  );

  r.delete(
    '/api/console/appointments/:appointmentId',
    {
      schema: {
        tags,
        summary: 'Delete an appointment entered by mistake (admin); kept for the audit trail',
        params: byId,
        response: { 200: okSchema, ...errorResponses(401, 403, 404) },
      },
      config: { access: adminOnly },
    },
    async (request) => {
      await deleteAppointment(staffCtx(request), request.params.appointmentId);
      return { ok: true as const };
    },
  );
}
