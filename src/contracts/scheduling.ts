import { z } from 'zod';
import { contactShape, idField, instantField, patientFileShape } from './fields';

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
  id: z.uuid().describe('The appointment'),
  practitionerId: z.uuid().describe('The practitioner (staff id)'),
  locationId: z.uuid().describe('Where it takes place'),
  motifId: z.uuid().describe('The motif'),
  motifName: z.string().describe('The motif’s name'),
  colour: z.string().describe('The motif’s colour, #RRGGBB'),
  patient: z
    .object({
      ...patientFileShape,
    })
    .describe('The patient'),
  startsAt: z.string().describe('Start instant, ISO 8601 in UTC'),
  endsAt: z.string().describe('End instant, ISO 8601 in UTC'),
  status: appointmentStatusSchema.describe('Where the appointment stands (RDV-7)'),
  cancelledAt: z.string().nullable().describe('When it was cancelled, ISO 8601 in UTC, or null'),
  cancelledBy: z.enum(['patient', 'practice']).nullable().describe('Who cancelled it, or null'),
  comment: z.string().nullable().describe('The practice’s comment, or null'),
  channel: z.enum(['staff', 'online', 'app']).describe('How it was booked'),
  carteVitale: z.boolean().describe('The patient is to bring their carte Vitale'),
  firstVisit: z.boolean().describe('The patient’s first visit to the practice'),
  version: z
    .number()
    .int()
    .describe(
      'Bumped by each change the patient is told of (time, practitioner, location, motif); an undo names the version it undoes',
    ),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const appointmentEventSchema = z.object({
  at: z.string().describe('When, ISO 8601 in UTC'),
  actorKind: z.enum(['staff', 'patient', 'public', 'system']).describe('Who acted'),
  actorName: z.string().nullable().describe('The acting person’s name, or null'),
  action: z.string().describe('What happened (created, moved, cancelled, status…)'),
  details: z.record(z.string(), z.unknown()).nullable().describe('Facts of the action (from, to…), or null'),
});

export const appointmentDetailSchema = appointmentSchema.extend({
  patient: z
    .object({
      ...patientFileShape,
      ...contactShape,
      ownPractitionerId: z.uuid().nullable().describe('The patient’s own dentist (staff id), or null'),
    })
    .describe('The patient'),
  cancellationReason: z.string().nullable().describe('Why it was cancelled, or null'),
  createdAt: z.string().describe('When it was booked, ISO 8601 in UTC'),
  history: z.array(appointmentEventSchema).describe('What happened to it, oldest first'),
  notifications: z
    .array(
      z.object({
        channel: z.enum(['sms', 'email']).describe('How it is sent'),
        kind: z.string().describe('Which notice (confirmation, reminder, moved, cancelled…)'),
        status: z.enum(['pending', 'sending', 'sent', 'failed', 'held']).describe('Delivery state'),
        attempts: z.number().int().describe('Delivery attempts so far'),
        lastError: z.string().nullable().describe('The last delivery error, or null'),
        createdAt: z.string().describe('When it was queued, ISO 8601 in UTC'),
        sentAt: z.string().nullable().describe('When it left, ISO 8601 in UTC, or null'),
      }),
    )
    .describe('SMS and emails about this appointment, with their delivery state (NOT-3)'),
});
export type AppointmentDetail = z.infer<typeof appointmentDetailSchema>;

export const createAppointmentBody = z.object({
  practitionerId: idField.describe('The practitioner (staff id)'),
  locationId: idField.describe('Where it takes place'),
  motifId: idField.describe('The motif'),
  patientId: idField.describe('The patient file'),
  startsAt: instantField.describe('Start instant, ISO 8601 with offset'),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(600)
    .optional()
    .describe('Length in minutes; default: the motif’s duration (its first-visit duration when firstVisit)'),
  comment: z.string().trim().max(2000).nullable().optional().describe('The practice’s comment'),
  carteVitale: z.boolean().optional().describe('The patient is to bring their carte Vitale'),
  firstVisit: z.boolean().optional().describe('The patient’s first visit to the practice'),
  patientAgreed: z
    .boolean()
    .optional()
    .describe('RDV-5: the patient agreed to see another practitioner than their own'),
});

export const updateAppointmentBody = z.object({
  practitionerId: idField.optional().describe('New practitioner (staff id)'),
  locationId: idField.optional().describe('New location'),
  motifId: idField.optional().describe('New motif'),
  startsAt: instantField.optional().describe('New start instant, ISO 8601 with offset'),
  endsAt: instantField.optional().describe('New end instant, ISO 8601 with offset'),
  comment: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .optional()
    .describe('The practice’s comment; null clears it'),
  carteVitale: z.boolean().optional().describe('The patient is to bring their carte Vitale'),
  firstVisit: z.boolean().optional().describe('The patient’s first visit to the practice'),
  patientAgreed: z
    .boolean()
    .optional()
    .describe('RDV-5: the patient agreed to see another practitioner than their own'),
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
  appointment: appointmentSchema.describe('The appointment as put back'),
  notice: z
    .enum(['none', 'withdrawn', 'sent_again'])
    .describe(
      'none: the change had told the patient nothing; withdrawn: its notice had not left yet and was withdrawn; sent_again: it had left, so the patient is told the time put back',
    ),
});
export type UndoChangeResult = z.infer<typeof undoChangeResultSchema>;

export const cancelAppointmentBody = z.object({
  by: z.enum(['patient', 'practice']).describe('Who cancels: the patient (by phone) or the practice'),
  reason: z.string().trim().max(500).nullable().optional().describe('Why, as the practice notes it'),
  classification: z
    .enum(['excused', 'not_excused'])
    .optional()
    .describe('Overrides the RDV-7 classification of a patient’s cancellation (excused by the notice delay)'),
});

export const setStatusBody = z.object({
  status: z
    .enum(['unknown', 'waiting_room', 'seen', 'excused', 'not_excused'])
    .describe('The new status (RDV-7)'),
});

export const agendaQuerySchema = z.object({
  from: instantField.describe('Window start instant, ISO 8601 with offset'),
  to: instantField.describe('Window end instant, ISO 8601 with offset (exclusive)'),
  practitionerIds: z
    .string()
    .optional()
    .describe('Comma-separated; default: every agenda the caller may see'),
});

export const agendaSchema = z.object({
  timeZone: z.string().describe('IANA time zone of the practice'),
  gridMinutes: z.number().int().describe('Slot grid of the practice, in minutes'),
  practitioners: z
    .array(
      z.object({
        id: z.uuid().describe('The practitioner (staff id)'),
        title: z.string().nullable().describe('Title ("Dr"), or null'),
        firstName: z.string().describe('First name'),
        lastName: z.string().describe('Last name'),
        colour: z.string().nullable().describe('Agenda colour, #RRGGBB, or null'),
      }),
    )
    .describe('The agendas shown'),
  appointments: z.array(appointmentSchema).describe('Appointments meeting the window'),
  openings: z
    .array(
      z.object({
        practitionerId: z.uuid().describe('The practitioner (staff id)'),
        locationId: z.uuid().describe('Where they receive'),
        start: z.string().describe('Start instant, ISO 8601 in UTC'),
        end: z.string().describe('End instant, ISO 8601 in UTC'),
      }),
    )
    .describe('Opening ranges meeting the window'),
  absences: z
    .array(
      z.object({
        practitionerId: z.uuid().describe('The practitioner (staff id)'),
        title: z.string().describe('What the absence is'),
        start: z.string().describe('Start instant, ISO 8601 in UTC'),
        end: z.string().describe('End instant, ISO 8601 in UTC'),
      }),
    )
    .describe('Absences meeting the window'),
  holidays: z
    .array(
      z.object({
        date: z.string().describe('Calendar date, YYYY-MM-DD'),
        name: z.string().describe('Name of the public holiday'),
      }),
    )
    .describe('Public holidays in the window'),
});
export type Agenda = z.infer<typeof agendaSchema>;

export const slotQuerySchema = z.object({
  motifId: idField.describe('The motif to book'),
  from: instantField.describe('Search from this instant, ISO 8601 with offset'),
  days: z.coerce.number().int().min(1).max(31).default(7).describe('Days to search (1 to 31)'),
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
  start: z.string().describe('Start instant, ISO 8601 in UTC'),
  end: z.string().describe('End instant, ISO 8601 in UTC'),
  practitionerId: z.uuid().describe('The practitioner free then'),
  locationId: z.uuid().describe('Where they receive then'),
});
export type SlotItem = z.infer<typeof slotSchema>;

export const slotPageSchema = z.object({
  from: z.string().describe('Start of the searched window, ISO 8601 in UTC'),
  to: z.string().describe('End of the searched window, ISO 8601 in UTC'),
  slots: z.array(slotSchema).describe('Free slots, by start'),
  nextFrom: z
    .string()
    .nullable()
    .describe(
      'Where the next page starts: `to`, or the next availability when this page was empty; null: none',
    ),
});
export type SlotPage = z.infer<typeof slotPageSchema>;
