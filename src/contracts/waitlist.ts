import { z } from 'zod';
import { bookedAppointmentSchema } from './booking';
import { dateField, idField } from './fields';

/** A patient waiting for an earlier slot (RDV-10). */
export const waitlistEntrySchema = z.object({
  id: z.uuid(),
  patient: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), birthDate: z.string() }),
  motif: z.object({ id: z.uuid(), name: z.string() }),
  practitionerId: z.uuid().nullable().describe('Null: any practitioner'),
  fromDay: z.string().describe('YYYY-MM-DD, inclusive'),
  toDay: z.string().describe('YYYY-MM-DD, inclusive'),
  status: z.enum(['active', 'fulfilled', 'cancelled', 'expired']),
  offersSent: z.number().int().describe('At most 3 per request'),
  lastOfferAt: z.string().nullable(),
  createdBy: z.enum(['staff', 'patient']),
  createdAt: z.string(),
});
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;

export const waitlistEntryBody = z.object({
  patientId: idField,
  motifId: idField,
  practitionerId: idField.nullable().optional(),
  fromDay: dateField,
  toDay: dateField,
});

export const waitlistQuery = z.object({
  status: z.enum(['active', 'fulfilled', 'cancelled', 'expired']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** A patient joins the waiting list online, with the booking token of their verified phone. */
export const publicWaitlistBody = z.object({
  bookingToken: z.string().min(10).max(200),
  patientId: idField.optional().describe('A member of the family; omit for the person identified'),
  motifId: idField,
  practitionerId: idField.nullable().optional(),
  fromDay: dateField,
  toDay: dateField,
});

/** A freed slot offered by SMS/email with a link (RDV-10); the first to accept books it. */
export const offerSchema = z.object({
  status: z.enum(['open', 'accepted', 'taken', 'expired']),
  startsAt: z.string(),
  endsAt: z.string(),
  expiresAt: z.string(),
  motif: z.object({ name: z.string(), instructionsBefore: z.string().nullable() }),
  practitioner: z.object({
    title: z.string().nullable(),
    firstName: z.string(),
    lastName: z.string(),
    speciality: z.string().nullable(),
  }),
  location: z.object({ name: z.string(), address: z.string(), mapUrl: z.string() }),
  patient: z.object({ firstName: z.string() }),
  practice: z.object({
    name: z.string(),
    slug: z.string(),
    phone: z.string().nullable(),
    timeZone: z.string(),
  }),
});
export type Offer = z.infer<typeof offerSchema>;

export const acceptOfferBody = z.object({ acceptedInstructions: z.boolean().optional() });
export const acceptedOfferSchema = bookedAppointmentSchema;
