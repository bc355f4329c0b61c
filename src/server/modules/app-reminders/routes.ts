import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common';
import { reminderBody, reminderListSchema } from '../../../contracts/patient-app';
import { patientAccess } from '../../http/access';
import { patientCtx } from '../../http/ctx';
import { addReminder, deleteReminder, listReminders } from './edit-reminders';

const tags = ['patient app'];

/** @public */
export function appReminderRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/patient/reminders',
    {
      schema: {
        tags,
        summary: 'My reminders: N days before at HH:MM (default: the day before at 12:00), sent 10 min later',
        response: { 200: reminderListSchema, ...errorResponses(401) },
      },
      config: { access: patientAccess },
    },
    async (request) => listReminders(patientCtx(request)),
  );

  r.post(
    '/api/patient/reminders',
    {
      schema: {
        tags,
        summary: 'Add a reminder (at most 5); it applies to every upcoming appointment of the family',
        body: reminderBody,
        response: { 201: reminderListSchema, ...errorResponses(400, 401) },
      },
      config: { access: patientAccess },
    },
    async (request, reply) => reply.status(201).send(await addReminder(patientCtx(request), request.body)),
  );

  r.delete(
    '/api/patient/reminders/:id',
    {
      schema: {
        tags,
        summary: 'Remove a reminder ("default" removes the default one)',
        params: z.object({ id: z.string().min(1).max(40).describe('The reminder') }),
        response: { 200: reminderListSchema, ...errorResponses(401, 404) },
      },
      config: { access: patientAccess },
    },
    async (request) => deleteReminder(patientCtx(request), request.params.id),
  );
}
