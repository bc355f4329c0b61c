import { z } from 'zod';
import { idField, instantField } from './fields';

export const appointmentStatusSchema = z.enum([
  'unknown',
  'waiting_room',
  'seen',
  'excused',
  'not_excused',
  'cancelled',
]);
export type AppointmentStatusName = z.infer<typeof appointmentStatusSchema>;

/** An appointment as the agenda shows it. */
export const appointmentSchema = z.object({
  id: z.uuid(),
  practitionerId: z.uuid(),
  locationId: z.uuid(),
  motifId: z.uuid(),
  motifName: z.string(),
  colour: z.string(),
  patient: z.object({ id: z.uuid(), lastName: z.string(), firstName: z.string(), birthDate: z.string() }),
  startsAt: z.string(),
  endsAt: z.string(),
  status: appointmentStatusSchema,
  cancelledAt: z.string().nullable(),
  cancelledBy: z.enum(['patient', 'practice']).nullable(),
  comment: z.string().nullable(),
  channel: z.enum(['staff', 'online', 'app']),
  carteVitale: z.boolean(),
  firstVisit: z.boolean(),
  version: z
    .number()
    .int()
    .describe(
      'Bumped by each change the patient is told of (time, practitioner, location, motif); an undo names the version it undoes',
    ),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const appointmentEventSchema = z.object({
  at: z.string(),
  actorKind: z.enum(['staff', 'patient', 'public', 'system']),
  actorName: z.string().nullable(),
  action: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const appointmentDetailSchema = appointmentSchema.extend({
  patient: z.object({
    id: z.uuid(),
    lastName: z.string(),
    firstName: z.string(),
    birthDate: z.string(),
    mobilePhone: z.string().nullable(),
    email: z.string().nullable(),
    ownPractitionerId: z.uuid().nullable(),
  }),
  cancellationReason: z.string().nullable(),
  createdAt: z.string(),
  history: z.array(appointmentEventSchema),
  /** SMS and emails about this appointment, with their delivery state (NOT-3: failures visible to staff) */
  notifications: z.array(
    z.object({
      channel: z.enum(['sms', 'email']),
      kind: z.string(),
      status: z.enum(['pending', 'sending', 'sent', 'failed', 'held']),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
});
export type AppointmentDetail = z.infer<typeof appointmentDetailSchema>;

export const createAppointmentBody = z.object({
  practitionerId: idField,
  locationId: idField,
  motifId: idField,
  patientId: idField,
  startsAt: instantField,
  /** default: the motif's duration (its first-visit duration when firstVisit) */
  durationMinutes: z.number().int().min(5).max(600).optional(),
  comment: z.string().trim().max(2000).nullable().optional(),
  carteVitale: z.boolean().optional(),
  firstVisit: z.boolean().optional(),
  /** RDV-5: the patient agreed to see another practitioner than their own */
  patientAgreed: z.boolean().optional(),
});

export const updateAppointmentBody = z.object({
  practitionerId: idField.optional(),
  locationId: idField.optional(),
  motifId: idField.optional(),
  startsAt: instantField.optional(),
  endsAt: instantField.optional(),
  comment: z.string().trim().max(2000).nullable().optional(),
  carteVitale: z.boolean().optional(),
  firstVisit: z.boolean().optional(),
  patientAgreed: z.boolean().optional(),
  notifyPatient: z
    .boolean()
    .optional()
    .describe(
      'Tell the patient of a change they are told of (time, practitioner, location, motif) by SMS/email. Default true. false: nothing is queued (the reminder still follows the new time)',
    ),
  noticeDelaySeconds: z
    .number()
    .int()
    .min(0)
    .max(600)
    .optional()
    .describe(
      'Hold the patient’s notice this long, so that the change can still be undone before anything leaves (the console sends 30 after a drag). Default 0: sent at once',
    ),
});

/** The placement an undo puts back. */
const placementFields = {
  startsAt: instantField.describe('Start before the change'),
  endsAt: instantField.describe('End before the change'),
  practitionerId: idField.describe('Practitioner before the change'),
  locationId: idField.describe('Location before the change'),
};

export const undoChangeBody = z.object({
  version: z
    .number()
    .int()
    .min(1)
    .describe(
      'The appointment’s version the change produced (in its answer); 409 CONFLICT when it changed again since',
    ),
  ...placementFields,
});

export const undoChangeResultSchema = z.object({
  appointment: appointmentSchema,
  notice: z
    .enum(['none', 'withdrawn', 'sent_again'])
    .describe(
      'none: the change had told the patient nothing; withdrawn: its notice had not left yet and was withdrawn; sent_again: it had left, so the patient is told the time put back',
    ),
});
export type UndoChangeResult = z.infer<typeof undoChangeResultSchema>;

export const cancelAppointmentBody = z.object({
  by: z.enum(['patient', 'practice']).describe('Who cancels: the patient (by phone) or the practice'),
  reason: z.string().trim().max(500).nullable().optional(),
  /** override of the RDV-7 classification for a patient's cancellation */
  classification: z.enum(['excused', 'not_excused']).optional(),
});

export const setStatusBody = z.object({
  status: z.enum(['unknown', 'waiting_room', 'seen', 'excused', 'not_excused']),
});

export const agendaQuerySchema = z.object({
  from: instantField,
  to: instantField,
  practitionerIds: z
    .string()
    .optional()
    .describe('Comma-separated; default: every agenda the caller may see'),
});

export const agendaSchema = z.object({
  timeZone: z.string(),
  gridMinutes: z.number().int(),
  practitioners: z.array(
    z.object({
      id: z.uuid(),
      title: z.string().nullable(),
      firstName: z.string(),
      lastName: z.string(),
      colour: z.string().nullable(),
    }),
  ),
  appointments: z.array(appointmentSchema),
  openings: z.array(
    z.object({ practitionerId: z.uuid(), locationId: z.uuid(), start: z.string(), end: z.string() }),
  ),
  absences: z.array(
    z.object({ practitionerId: z.uuid(), title: z.string(), start: z.string(), end: z.string() }),
  ),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
});
export type Agenda = z.infer<typeof agendaSchema>;

export const slotQuerySchema = z.object({
  motifId: idField,
  from: instantField,
  days: z.coerce.number().int().min(1).max(31).default(7),
  practitionerIds: z
    .string()
    .optional()
    .describe('Comma-separated; default: every practitioner the caller may see'),
  locationIds: z.string().optional().describe('Comma-separated; default: every location'),
  firstVisit: z
    .enum(['true', 'false'])
    .optional()
    .describe("'true': slots long enough for a first visit (the motif's first-visit duration)"),
});

export const slotSchema = z.object({
  start: z.string(),
  end: z.string(),
  practitionerId: z.uuid(),
  locationId: z.uuid(),
});
export type SlotItem = z.infer<typeof slotSchema>;

export const slotPageSchema = z.object({
  from: z.string(),
  to: z.string(),
  slots: z.array(slotSchema),
  /** where the next page starts: `to`, or the next availability when this page was empty */
  nextFrom: z.string().nullable(),
});
export type SlotPage = z.infer<typeof slotPageSchema>;
